"""CSV and XLSX downloads: both languages, suppressed cells marked, rule explained."""

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from wegwijzer.stats import demo, downloads, publication


@pytest.fixture(scope="module")
def published():
    data = demo.generate(seed=5, persons_per_year=70, years=range(2021, 2024)).registrations
    return publication.publish(data, synthetic=True)


def read_csv(text: str, delimiter: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=delimiter))


@pytest.mark.parametrize(
    ("language", "delimiter", "value", "status", "suppressed"),
    [("nl", ";", "waarde", "status", "afgeschermd"), ("en", ",", "value", "status", "suppressed")],
)
def test_csv_has_one_line_per_cell_and_marks_suppressed_cells(
    published, language, delimiter, value, status, suppressed
):
    rows = read_csv(downloads.tables_csv(published, language=language), delimiter)
    cells = sum(len(t.all_rows) * len(t.columns) for t in published.tables)
    share_rows = len(published.table("police_report").columns)
    assert len(rows) == cells + share_rows
    withheld = [row for row in rows if row[status] == suppressed]
    assert len(withheld) >= 1 and all(row[value] == "" for row in withheld)
    counted = [r for r in rows if r[status] != suppressed and r["code"] != "share_percent"]
    assert all(row[value].isdigit() and not 0 < int(row[value]) < 10 for row in counted)
    # Every suppressed cell in the tables is a suppressed line in the file, no more.
    hidden = sum(
        table.value(r, c) is None
        for table in published.tables
        for r in table.all_rows
        for c in table.columns
    )
    shares_hidden = sum(v is None for v in publication.police_report_share(published).values())
    assert len(withheld) == hidden + shares_hidden


def test_headings_follow_the_language(published):
    dutch = downloads.tables_csv(published, language="nl").splitlines()[0]
    english = downloads.tables_csv(published, language="en").splitlines()[0]
    assert "categorie" in dutch and "jaar" in dutch
    assert "category" in english and "year" in english
    with pytest.raises(ValueError):
        downloads.tables_csv(published, language="de")


def test_csv_bundle_carries_the_explanation(published):
    archive = zipfile.ZipFile(io.BytesIO(downloads.csv_bundle(published, language="nl")))
    assert sorted(archive.namelist()) == ["tabellen.csv", "toelichting.txt"]
    about = archive.read("toelichting.txt").decode()
    assert about.startswith("SYNTHETISCHE DEMONSTRATIEGEGEVENS")
    assert "minder dan 10 registraties" in about  # the rule, in the unit actually counted


def test_workbook_explains_first_and_marks_suppressed_cells(published):
    book = load_workbook(io.BytesIO(downloads.xlsx(published, language="en")))
    assert book.sheetnames[0] == "About"
    assert len(book.sheetnames) == 1 + len(published.tables)
    about = [cell.value for cell in book["About"]["B"] if cell.value]
    assert about[0].startswith("SYNTHETIC DEMO DATA")
    assert any("fewer than 10" in text for text in about)
    table = published.table("gender")
    sheet = book[table.title.en]
    header = [cell.value for cell in sheet[5]][1:]
    assert header == [*map(str, table.years), "all years"]
    marks = 0
    for offset, row in enumerate(table.all_rows, start=6):
        assert sheet.cell(offset, 1).value == table.label(row, "en")
        for column_index, column in enumerate(table.columns, start=2):
            cell = sheet.cell(offset, column_index)
            shown = table.value(row, column)
            if shown is None:
                marks += 1
                assert cell.value == "x" and cell.fill.fgColor.rgb.endswith("D9D9D9")
            else:
                assert cell.value == shown
    assert marks >= 1


def test_sheet_names_are_valid_and_unique():
    used = set()
    names = [downloads._sheet_name("Sector [arbeid]: a/b?*" * 3, used) for _ in range(3)]
    assert len(set(names)) == 3
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
