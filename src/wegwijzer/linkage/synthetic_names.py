"""Name material for the synthetic registrations: common names (facts) and word parts from
which a long tail of plausible family names is composed. Invented for this project; no data
set was copied. Each origin has given names (male, female), common family names and the
roots and endings of its tail.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    code: str
    share: float  # share of persons
    script: str  # "latin" or "cyrillic": how the name is held in the person's documents
    male: tuple[str, ...]
    female: tuple[str, ...]
    common_family: tuple[str, ...]
    roots: tuple[str, ...]
    endings: tuple[str, ...]
    female_endings: dict[str, str] | None = None  # ending -> female form (Slavic)
    swap_rate: float = 0.04  # reports with given and family name the other way round
    no_dob_rate: float = 0.06
    first_january_rate: float = 0.01  # date of birth unknown, registered as 1 January
    middle_rate: float = 0.2  # persons with a second given name
    middle_male: tuple[str, ...] = ()  # second given names of their own (Vietnamese)
    middle_female: tuple[str, ...] = ()


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _bar(text: str) -> tuple[str, ...]:
    """Names that contain spaces, separated by "|"."""
    return tuple(text.split("|"))


ORIGINS = (
    Origin(
        "nl",
        0.30,
        "latin",
        _w(
            "Jan Pieter Kees Johannes Willem Hendrik Daan Sem Lucas Thijs Bram Ruben Jeroen "
            "Martijn Dennis Kevin Mark Stefan Sander Bas Tim Joost Niels Erik Rick Jesse Luuk "
            "Milan Tom Wouter Gerrit Cornelis Jacobus Dirk Arjen"
        ),
        _w(
            "Anna Maria Emma Julia Sophie Lisa Sanne Eva Fleur Anouk Linda Petra Marieke "
            "Ingrid Femke Lotte Iris Sara Noa Tess Esther Judith Kim Naomi Romy Laura Britt "
            "Demi Chantal Ilse Wilma Johanna"
        ),
        (
            "de Jong",
            "Jansen",
            "de Vries",
            "van den Berg",
            "van Dijk",
            "Bakker",
            "Janssen",
            "Visser",
            "Smit",
            "Meijer",
            "de Boer",
            "Mulder",
            "de Groot",
            "Bos",
            "Vos",
            "Peters",
            "Hendriks",
            "van Leeuwen",
            "Dekker",
            "Brouwer",
            "de Wit",
            "Dijkstra",
            "Smits",
            "de Graaf",
            "van der Meer",
            "van der Linden",
            "Kok",
            "Jacobs",
            "de Haan",
            "Vermeulen",
            "van den Heuvel",
            "van der Veen",
            "van den Broek",
            "de Bruijn",
            "van der Heijden",
            "Schouten",
            "van Beek",
            "Willems",
            "van Vliet",
            "van de Ven",
            "Hoekstra",
            "Maas",
            "Verhoeven",
            "Koster",
            "van Dam",
            "van der Wal",
            "Prins",
            "Blom",
            "Huisman",
            "Kuipers",
        ),  # fmt: skip
        _w(
            "Hoek Berg Veld Brink Dijk Bosch Kamp Meer Broek Wal Beek Horst Heuvel Akker "
            "Laan Molen Brugge Water Hout Steen Wijn Roos Klein Groen Zand Boer Vink Haan "
            "Kuiper Post Wessel Stam Bolt Geer Zwart Hof Ooster Wester Nieuw Oud"
        ),
        ("", "stra", "ma", "sma", "man", "ink", "ing", "huis", "hof", "enga", "sen", "dijk"),
        middle_rate=0.35,
    ),
    Origin(
        "ro",
        0.10,
        "latin",
        _w(
            "Ion Gheorghe Vasile Constantin Mihai Andrei Ștefan Florin Marius Adrian "
            "Alexandru Cristian Nicolae Dumitru Ionuț Bogdan Răzvan Cătălin Sorin Valentin"
        ),
        _w(
            "Maria Elena Ioana Ana Mihaela Andreea Gabriela Cristina Alexandra Florentina "
            "Daniela Nicoleta Roxana Simona Alina Georgiana Ramona Larisa Bianca Denisa"
        ),
        _w(
            "Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu "
            "Munteanu Constantin Mihai Marin Lupu Tudor Florea Oprea Dinu Neagu Moldovan "
            "Dobre Barbu Nistor Ene Sârbu Lazăr Toma"
        ),
        _w(
            "Pop Ion Dumitr Stan Georg Constantin Marin Radul Mocan Tudor Ciobot Bălan "
            "Ungur Olter Munt Lup Dobr Pătraș Nistor Crăci Șerb Mirc Tom Vlad Manol Tănas "
            "Stoic Dragomir Neag Opr Ghiț Buz Vasil Chiriț Dobrot"
        ),
        ("escu", "eanu", "ache", "oiu", "uță", "ea"),
        swap_rate=0.05,
    ),
    Origin(
        "bg",
        0.08,
        "cyrillic",
        _w(
            "Георги Иван Димитър Николай Петър Христо Стоян Тодор Йордан Атанас Васил "
            "Красимир Ангел Стефан Емил Росен Пламен Валентин"
        ),
        _w(
            "Мария Иванка Елена Йорданка Пенка Даниела Радка Цветанка Надежда Снежана Галя "
            "Десислава Петя Гергана Виолета Теодора Марияна Зорница"
        ),
        _w("Иванов Георгиев Димитров Петров Николов Христов Стоянов Тодоров Илиев Ангелов"),
        _w(
            "Иван Петр Георги Димитр Стоян Тодор Никол Атанас Христ Йордан Костадин Ангел "
            "Марин Кол Цвет Добр Желяз Младен Ран Бор Вълк Кръст Слав Енч Михайл Стефан "
            "Асен Вълч Гъл Пенч Събев Рад Шишк Жек"
        ),
        ("ов", "ев"),
        female_endings={"ов": "ова", "ев": "ева"},
        no_dob_rate=0.05,
    ),
    Origin(
        "pl",
        0.06,
        "latin",
        _w(
            "Piotr Krzysztof Andrzej Tomasz Paweł Michał Łukasz Marcin Grzegorz Jakub "
            "Wojciech Mateusz Kamil Dariusz Rafał Przemysław Sebastian Adam"
        ),
        _w(
            "Anna Katarzyna Małgorzata Agnieszka Barbara Ewa Magdalena Joanna Aleksandra "
            "Monika Zofia Dorota Beata Justyna Żaneta Jadwiga Elżbieta Karolina"
        ),
        _w(
            "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
            "Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk"
        ),
        _w(
            "Nowak Kowal Wiśniew Wójc Kamiń Lewandow Zieliń Szymań Woźni Dąbrow Kozłow "
            "Jankow Mazur Kwiatkow Krawc Piotrow Grabow Pawłow Michal Król Wieczor Jabłoń "
            "Nowic Majew Olszew Stępień Dudz Zaj Malinow Górs Sikor Baran Rutkow"
        ),
        ("ski", "icz", "czyk", "ak", "ek"),
        female_endings={"ski": "ska"},
    ),
    Origin(
        "ua",
        0.08,
        "cyrillic",
        _w(
            "Олександр Андрій Сергій Дмитро Іван Микола Юрій Володимир Олег Віктор Тарас "
            "Богдан Максим Артем Василь Євген Ігор Остап"
        ),
        _w(
            "Олена Наталія Ірина Оксана Юлія Тетяна Світлана Анастасія Марія Ганна "
            "Людмила Катерина Вікторія Галина Ольга Яна Христина Софія"
        ),
        _w(
            "Мельник Шевченко Бойко Коваленко Бондаренко Ткаченко Кравченко Олійник "
            "Шевчук Поліщук Лисенко Руденко Савченко Петренко Мороз Марченко"
        ),
        _w(
            "Шевч Бондар Коваль Ткач Кравч Мороз Павл Савч Руд Гончар Лис Марч Дяч Карп "
            "Пономар Лев Сидор Гриц Федор Остап Яковл Кирил Харч Зінч Щерб Жур Юрч Головч "
            "Литвин Костюч Тимош Степан Прокоп Гаврил Єрем"
        ),
        ("енко", "ук", "чук", "ишин", "ів", "ський", "ець"),
        female_endings={"ський": "ська"},
        no_dob_rate=0.04,
    ),
    Origin(
        "ng",
        0.12,
        "latin",
        _w(
            "Oluwaseun Adebayo Olumide Babatunde Ayodele Oluwatobi Kehinde Taiwo Olamide "
            "Chukwuemeka Chinedu Obinna Uchenna Ikechukwu Emeka Abubakar Ibrahim Musa Usman "
            "Sani John Samuel Emmanuel Daniel Godwin Friday Sunday Peter"
        ),
        _w(
            "Blessing Joy Precious Mercy Favour Faith Gift Peace Patience Victoria Esther "
            "Grace Folake Funmilayo Adebola Titilayo Bukola Temitope Ngozi Chiamaka Nkechi "
            "Ifeoma Chidinma Adaeze Aisha Fatima Hauwa Zainab Halima Osas Success"
        ),
        _w(
            "Okafor Okonkwo Eze Nwosu Okeke Obi Nwankwo Okoro Adeyemi Adebayo Ogunleye "
            "Olawale Bello Mohammed Abdullahi Yusuf Ibrahim Osagie Igbinedion Edo Omoregie"
        ),
        _w(
            "Ade Olu Oye Ayo Fola Oluwa Baba Ola Ogun Akin Ojo Ige Oso Ose Nwa Oko Chi "
            "Onye Obi Ugo Osa Omo Ehi Igbi Idah Ekpo Uwa Eno"
        ),
        _w(
            "bayo wale yemi tunde kunle mide sanya lowo jide femi gbemi nike kafor nkwo "
            "gwu zie mereze ghae gie nedion rhia ruke bor"
        ),
        swap_rate=0.15,
        no_dob_rate=0.12,
        first_january_rate=0.12,
        middle_rate=0.25,
    ),
    Origin(
        "gh",
        0.05,
        "latin",
        _w("Kwame Kofi Kwabena Kwaku Yaw Kwasi Kojo Kwadwo Kobina Fiifi Isaac Michael"),
        _w("Ama Akosua Adwoa Abena Akua Yaa Afua Efua Esi Adjoa Comfort Gifty Abigail"),
        _w(
            "Mensah Owusu Boateng Asante Osei Agyeman Appiah Amoah Ofori Acheampong Darko "
            "Addo Antwi Sarpong Opoku Frimpong Nkrumah Ansah Badu Quaye"
        ),
        _w("Ofo Agye Amo Asa Boa Dar Fri Kwa Nti Oti Sar Bon Ako Adu Owu Asi Opo Ank Dan"),
        _w("ri man ah nte teng ko mpong kye fo wusu ku ah ful ye"),
        swap_rate=0.10,
        no_dob_rate=0.10,
        first_january_rate=0.10,
    ),
    Origin(
        "vn",
        0.05,
        "latin",
        _w(
            "Anh Minh Hùng Tuấn Đức Long Nam Quang Huy Dũng Hải Sơn Thắng Phúc Khánh Bảo "
            "Cường Đạt Hiếu Hoàng Khoa Lộc Nghĩa Phong Tài Thành Trung Vinh Vũ"
        ),
        _w(
            "Hoa Lan Linh Mai Hương Thu Trang Hạnh Phương Ngọc Thảo Hà Yến Nhung Loan Chi "
            "Diệp Giang Hằng Hiền Huyền Khánh Liên My Nga Nhi Oanh Quyên Tâm Vân"
        ),
        _w("Nguyễn Nguyễn Nguyễn Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng Bùi Đỗ Hồ Ngô"),
        _w("Dương Lý Đinh Trương Võ Lâm Mai Tô Cao Hà Lương Tạ Quách Văn Kiều"),
        ("",),
        swap_rate=0.25,
        no_dob_rate=0.06,
        middle_rate=0.9,
        middle_male=_w("Văn Văn Văn Đức Minh Quốc Hữu Xuân Thanh Công"),
        middle_female=_w("Thị Thị Thị Ngọc Thu Kim Thanh Minh Bảo"),
    ),
    Origin(
        "cn",
        0.04,
        "latin",
        _w("Wei Jun Lei Qiang Yong Jie Tao Ming Chao Hao Bin Peng Gang Hui Long"),
        _w("Fang Na Min Jing Li Yan Xiu Ying Hua Ping Xia Mei Lan Juan Hong"),
        _w("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu"),
        _w("Guo He Gao Lin Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng"),
        ("",),
        swap_rate=0.25,
    ),
    Origin(
        "ma",
        0.05,
        "latin",
        _w(
            "Mohammed Mohamed Ahmed Youssef Said Rachid Mustapha Abdelkader Hassan Karim "
            "Omar Hamza Ayoub Bilal Nordin"
        ),
        _w(
            "Fatima Khadija Amina Naima Samira Nadia Malika Souad Latifa Hanane Imane "
            "Salma Yasmina Zineb Houda"
        ),
        _bar(
            "El Amrani|El Idrissi|Benali|Alaoui|Bennani|Tazi|El Ouali|Bouzid|Ait Ali|"
            "El Fassi|Haddad|Chakir|Berrada|El Khattabi|Ouazzani"
        ),
        _w("Amr Idris Bouz Moussa Hadd Ouarr Belk Ghaz Kharb Bakk Taleb Jabr Hamd Sabb Mans"),
        ("i", "ani", "aoui", "ouni", ""),
    ),
    Origin(
        "er",
        0.03,
        "latin",
        _w("Yonas Filmon Mehari Tesfay Dawit Kidane Tekle Haile Semere Robel Yohannes Amanuel"),
        _w("Senait Helen Selam Ruta Saba Freweini Luwam Eden Mebrat Yordanos Hiwet Ariam"),
        _w(
            "Tesfay Haile Berhane Mehari Kidane Tekle Ghebremariam Gebremedhin Weldemichael "
            "Tewelde Habte Asmerom"
        ),
        _w("Gebre Ghebre Welde Tes Habte Kida Berha Meha Asme Goit Fsah Zere"),
        _w("mariam medhin michael hiwet kidan selassie fay ne ri rom hans"),
        swap_rate=0.15,
        no_dob_rate=0.15,
        first_january_rate=0.15,
    ),
    Origin(
        "br",
        0.04,
        "latin",
        _w("João José Lucas Gabriel Pedro Matheus Rafael Bruno Thiago Felipe Diego Carlos"),
        _w("Ana Maria Juliana Fernanda Camila Beatriz Larissa Letícia Amanda Bruna Patrícia"),
        _bar(
            "Silva|da Silva|Santos|dos Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|"
            "Pereira|Lima|Gomes|Costa|Ribeiro|Martins|Carvalho|Almeida|Lopes|Soares|Fernandes"
        ),
        _w("Barb Mour Card Teix Corr Mend Nasc Araú Cav Monte Roch Dias Rei Vieir Cunh Mach"),
        _w("osa eira oso ado ais ino ares ujo alcanti iro"),
    ),
)


assert abs(sum(o.share for o in ORIGINS) - 1.0) < 1e-9
