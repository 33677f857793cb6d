"""Municipality and postcode to regions (plain Python, no database)."""

import pytest

from wegwijzer.directory import regions


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Den Helder", "Den Helder"),
        ("den bosch", "'s-Hertogenbosch"),
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Den Haag", "'s-Gravenhage"),
        ("S GRAVENHAGE", "'s-Gravenhage"),
        ("Hengelo", "Hengelo (O.)"),
        ("sudwest-fryslan", "Súdwest-Fryslân"),
        ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
    ],
)
def test_municipality_names_forgive_case_accents_and_common_spellings(query, name):
    found = regions.lookup(query)
    assert found.status == "found"
    assert found.municipality.name == name


def test_den_helder_routes_to_veilig_thuis_noord_holland_noord_and_its_police_unit():
    helder = regions.lookup("Den Helder").municipality
    assert helder.veilig_thuis_region.name == "Noord-Holland Noord"
    assert helder.police_unit.name == "Noord-Holland"
    assert helder.province.name == "Noord-Holland"


def test_an_ambiguous_name_asks_which_one():
    bergen = regions.lookup("Bergen")
    assert bergen.status == "choose"
    assert {m.name for m in bergen.matches} == {"Bergen (NH.)", "Bergen (L.)"}
    assert bergen.municipality is None


@pytest.mark.parametrize("query", ["1781", "1781 AB", " 1781ab "])
def test_a_postcode_finds_its_municipality(query):
    assert regions.lookup(query).municipality.name == "Den Helder"


def test_a_postcode_across_a_boundary_asks_which_municipality():
    found = regions.lookup("1037")  # Amsterdam and Oostzaan
    assert found.kind == "postcode"
    assert found.status == "choose"
    assert [m.name for m in found.matches] == ["Amsterdam", "Oostzaan"]


def test_a_postcode_without_mapping_says_so_and_does_not_guess():
    assert regions.lookup("5028").status == "no_mapping"


@pytest.mark.parametrize("query", ["", "0000", "Atlantis", "x" * 500, "'; DROP TABLE--"])
def test_unknown_input_is_not_found(query):
    assert regions.lookup(query).status == "not_found"


def test_every_municipality_has_every_region():
    all_municipalities = regions.municipalities()
    assert len(all_municipalities) == 342
    for municipality in all_municipalities:
        assert municipality.veilig_thuis_region.code.startswith("VT")
        assert municipality.police_unit.code.startswith("RE")
