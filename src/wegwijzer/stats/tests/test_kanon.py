"""The research extract: CTDC columns, k-anonymity on any input, loss reported."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wegwijzer.stats import demo, kanon
from wegwijzer.stats.records import load

# The CTDC columns the extract uses, as in the header of CTDC's global data set.
CTDC_COLUMNS = {
    "yearOfRegistration", "gender", "ageBroad", "majorityStatus", "citizenship",
    "CountryOfExploitation", "isForcedLabour", "isSexualExploit", "isOtherExploit",
    "isOrganRemoval", "typeOfLabourAgriculture", "typeOfLabourBegging",
    "typeOfLabourConstruction", "typeOfLabourDomesticWork", "typeOfLabourHospitality",
    "typeOfLabourManufacturing", "typeOfLabourMiningOrDrilling", "typeOfLabourOther",
    "typeOfLabourNotSpecified",
}  # fmt: skip

people = st.lists(
    st.fixed_dictionaries(
        {
            "year": st.integers(2016, 2025),
            "person_key": st.one_of(st.none(), st.text("abcdefghij", min_size=1, max_size=2)),
            "forms": st.lists(
                st.sampled_from(["sexual", "labour", "criminal", "organ_removal", "other"]),
                min_size=1,
                max_size=3,
            ),
            "nationality": st.sampled_from(["NL", "RO", "PL", "BG", "NG", "VN", "UA", None]),
            "age": st.one_of(st.none(), st.integers(0, 80)),
            "gender": st.sampled_from(["female", "male", "other", "unknown", None]),
            "sector": st.sampled_from(["construction", "hospitality", "begging", "retail", None]),
            "country_of_exploitation": st.sampled_from(["NL", "BE", "DE", None]),
        }
    ),
    max_size=300,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people, st.integers(2, 15))
def test_every_released_combination_is_shared_by_at_least_k(records, k):
    extract = kanon.anonymise(records, k=k)
    assert kanon.is_k_anonymous(extract.records, k)
    assert list(extract.records.columns) == kanon.COLUMNS
    loss = extract.loss
    assert loss.records_out == len(extract.records)
    assert loss.records_out + loss.suppressed == loss.records_in
    assert loss.suppressed <= 0.05 * loss.records_in or loss.records_out == 0
    if loss.records_out:
        assert loss.smallest_class >= k
        sizes = extract.records.groupby(kanon.COLUMNS).size()
        assert loss.classes == len(sizes) and loss.smallest_class == sizes.min()


def test_column_names_follow_the_ctdc_data_dictionary_and_extensions_are_marked():
    own = [c for c in kanon.COLUMNS if c not in CTDC_COLUMNS]
    assert all(c.startswith("nl") for c in own)
    assert set(kanon.COLUMNS) >= CTDC_COLUMNS


def test_values_use_the_ctdc_vocabulary():
    data = demo.generate(seed=4, persons_per_year=300, years=range(2016, 2019)).registrations
    extract = kanon.anonymise(data).records
    bands = {label for _, _, label in kanon.AGE_BANDS}
    assert set(extract["ageBroad"]) <= bands | {"-99"}
    assert set(extract["majorityStatus"]) <= {"Adult", "Minor", "-99"}
    assert set(extract["gender"]) <= {"Female", "Male", "-99"}
    for column in kanon.FORM_COLUMNS:
        assert set(extract[column]) <= {"0", "1", "-99"}


def test_a_large_uniform_group_keeps_full_detail():
    alike = {
        "year": 2020, "forms": ["labour"], "nationality": "RO", "age": 30, "gender": "male",
        "sector": "construction", "country_of_exploitation": "NL",
    }  # fmt: skip
    extract = kanon.anonymise([dict(alike) for _ in range(25)])
    assert extract.loss.levels == {a: levels[0] for a, levels in kanon.HIERARCHIES.items()}
    assert extract.loss.precision == 1.0 and extract.loss.suppressed == 0
    row = extract.records.iloc[0]
    assert (row["citizenship"], row["ageBroad"], row["typeOfLabourConstruction"]) == (
        "RO",
        "30--38",
        "1",
    )
    assert row["isSexualExploit"] == "0" and row["typeOfLabourBegging"] == "0"


def test_one_rare_person_is_suppressed_rather_than_everyone_generalised():
    alike = {"year": 2020, "forms": ["sexual"], "nationality": "NL", "age": 19,
             "gender": "female", "country_of_exploitation": "NL"}  # fmt: skip
    rare = dict(alike, nationality="VN", age=52, gender="male", forms=["organ_removal"])
    extract = kanon.anonymise([dict(alike) for _ in range(40)] + [rare], max_suppressed=0.05)
    assert extract.loss.suppressed == 1
    assert extract.loss.levels["citizenship"] == "country"
    assert "VN" not in set(extract.records["citizenship"])


def test_fewer_persons_than_k_release_nothing():
    extract = kanon.anonymise([{"year": 2020, "forms": ["sexual"]}] * 5, k=11)
    assert extract.records.empty
    assert extract.loss.suppressed == extract.loss.records_in == 5


def test_linked_registrations_make_one_record_per_person():
    one = {"year": 2020, "person_key": "p", "forms": ["sexual"], "nationality": "NL"}
    later = dict(one, year=2021, forms=["labour"], sector="construction")
    records = [one, later] + [
        {"year": 2020, "person_key": f"q{i}", "forms": ["sexual", "labour"], "nationality": "NL"}
        for i in range(20)
    ]
    extract = kanon.anonymise(records, k=2)
    assert extract.loss.unit == "persons" and extract.loss.records_in == 21
    # Her forms gathered over both reports, registered in her first year.
    her = kanon.persons(load(records)).loc["p"]
    assert her["year"] == 2020 and her["forms"] == {"sexual", "labour"}
