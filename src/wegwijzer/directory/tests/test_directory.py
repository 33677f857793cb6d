import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from wegwijzer.directory import regions
from wegwijzer.directory.models import (
    CareCoordinatorMunicipality,
    CareCoordinatorRegion,
    Channel,
    Organisation,
)
from wegwijzer.directory.selectors import contacts_for_case
from wegwijzer.directory.services import load_organisations, seed_care_coordinators, stale
from wegwijzer.directory.validators import validate_phone

pytestmark = pytest.mark.django_db


def test_loading_twice_keeps_one_row_per_organisation(directory):
    count = Organisation.objects.count()
    load_organisations()
    assert Organisation.objects.count() == count >= 10
    assert Organisation.objects.filter(slug="veilig-thuis").exists()


@pytest.mark.parametrize(
    "number", ["112", "0800-2000", "0900-8844", "020 123 4567", "+31 20 1234567"]
)
def test_phone_numbers_people_write_are_accepted(number):
    validate_phone(number)


@pytest.mark.parametrize("number", ["", "12", "call us", "0800-2000 ext", "+" + "1" * 20])
def test_other_text_is_not_a_phone_number(number):
    with pytest.raises(ValidationError):
        validate_phone(number)


def test_a_channel_with_a_bad_address_is_refused(directory):
    organisation = Organisation.objects.first()
    with pytest.raises(ValidationError):
        Channel(organisation=organisation, type="web", value="not a url").full_clean()


def test_a_region_lookup_names_every_layer(client):
    data = client.get("/api/v1/regions/Den Helder/").json()
    assert data["status"] == "found"
    assert data["matches"][0]["veilig_thuis_region"]["name"] == "Noord-Holland Noord"


def test_an_unknown_place_is_a_404_and_an_ambiguous_one_offers_choices(client):
    assert client.get("/api/v1/regions/Atlantis/").status_code == 404
    data = client.get("/api/v1/regions/Bergen/").json()
    assert data["status"] == "choose" and len(data["matches"]) == 2


def test_without_a_known_care_coordinator_the_national_centre_is_named(client, directory):
    data = client.get("/api/v1/organisations/", {"municipality": "Maastricht"}).json()
    assert data["care_coordinator"]["is_fallback"] is True
    assert data["care_coordinator"]["fallback"]["id"] == "comensha"
    names = [o["regional_name"] for o in data["organisations"]]
    assert "Veilig Thuis Zuid-Limburg" in names
    assert data["organisations"][0]["kind"] == "emergency"


def test_a_care_coordinator_region_entered_by_an_administrator_is_used(client, directory):
    region = CareCoordinatorRegion.objects.create(
        name="Zuid-Limburg",
        central_municipality="GM0935",
        organisation="Zorgcoördinatie Test",
        phone="043-123456",
        verified=dt.date(2026, 11, 1),
    )
    CareCoordinatorMunicipality.objects.create(region=region, municipality="GM0935")
    data = client.get("/api/v1/organisations/", {"municipality": "Maastricht"}).json()
    assert data["care_coordinator"]["is_fallback"] is False
    assert data["care_coordinator"]["region"]["organisation"] == "Zorgcoördinatie Test"


def test_a_care_coordinator_municipality_must_be_a_cbs_code(directory):
    region = CareCoordinatorRegion(
        name="X", central_municipality="GM9999", organisation="X", verified=dt.date(2026, 1, 1)
    )
    with pytest.raises(ValidationError):
        region.full_clean()


def test_filters_and_bad_filters(client, directory):
    data = client.get("/api/v1/organisations/", {"form": "criminal", "age": "youth"}).json()
    assert all("criminal" in o["forms"] and "youth" in o["ages"] for o in data["organisations"])
    response = client.get("/api/v1/organisations/", {"form": "smuggling"})
    assert response.status_code == 400
    assert "form" in response.json()


def test_stale_entries_are_listed(directory, capsys):
    Organisation.objects.filter(slug="fier").update(verified=dt.date(2020, 1, 1))
    assert [o.slug for o in stale(today=dt.date(2026, 11, 23))] == ["fier"]
    call_command("stale_directory")
    assert "Fier" in capsys.readouterr().out


def test_the_shipped_care_coordinator_covers_den_helder_and_seeding_is_idempotent(
    client, directory
):
    assert seed_care_coordinators() == 0
    data = client.get("/api/v1/organisations/", {"postcode": "1781"}).json()
    assert data["care_coordinator"]["region"]["organisation"] == "HVO-Querido"


def _slugs(case):
    return [contact.organisation.slug for contact in case.contacts]


def test_case_routing_follows_the_case(directory):
    helder = regions.lookup("Den Helder").municipality
    young = contacts_for_case(
        municipality=helder, forms={"sexual"}, minor=True, acute=False, foreign=False
    )
    assert _slugs(young)[:2] == ["veilig-thuis", "chat-met-fier"]
    assert young.contacts[0].name == "Veilig Thuis Noord-Holland Noord"
    criminal = contacts_for_case(
        municipality=None, forms={"criminal"}, minor=False, acute=False, foreign=True
    )
    assert "keerpunt" in _slugs(criminal) and "comensha" in _slugs(criminal)
    acute = contacts_for_case(
        municipality=helder, forms=set(), minor=False, acute=True, foreign=False
    )
    assert _slugs(acute)[0] == "112"
