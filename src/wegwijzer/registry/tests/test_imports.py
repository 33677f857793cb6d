"""Bulk import: row reports in Dutch, the two modes, idempotent re-import, XLSX, atomicity."""

import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.tests import factories as accounts
from wegwijzer.audit import services as audit
from wegwijzer.registry import imports
from wegwijzer.registry.models import IdentifierSet, ImportBatch, Registration

pytestmark = pytest.mark.django_db

HEADER = (
    "registratiedatum;geslacht;leeftijd;nationaliteit;vormen;sector;aangifte;"
    "voornamen;achternamen;geboortedatum;toestemming_door;toestemming_op"
)
GOOD = [
    "14-03-2025;vrouw_fout;17;NL;sexual;;nee;;;;;",  # a gender code that does not exist
    "2025-03-15;female;17;NL;sexual;;nee;;;;;",
    "2025-03-15;female;17;NL;sexual;;nee;;;;;",  # the same facts again: a second person
    "2025-04-01;male;34;PL;labour;construction;ja;Piotr;Kowalski;1991-01-05;person;2025-04-01",
]


def csv_file(lines):
    return ("\n".join([HEADER, *lines]) + "\n").encode()


@pytest.fixture
def signaller():
    return accounts.user(Role.SIGNALLER, accounts.organisation())


def run(content, signaller, mode="valid_rows", name="meldingen.csv"):
    with translation.override("nl"):
        return imports.run(
            content, name, organisation=signaller.organisation, actor=signaller, mode=mode
        )


def test_valid_rows_are_registered_and_the_bad_row_is_reported_in_dutch(signaller):
    batch = run(csv_file(GOOD), signaller)
    assert (batch.rows_total, batch.rows_registered, batch.rows_rejected) == (4, 3, 1)
    assert batch.problems == [
        {"row": 2, "field": "gender", "message": mock.ANY},
    ]
    assert batch.problems[0]["message"].startswith(
        "“vrouw_fout” is geen van de codes: female, male"
    )
    assert Registration.objects.count() == 3
    assert IdentifierSet.objects.count() == 1
    assert audit.verify().ok


def test_all_or_nothing_registers_nothing_when_one_row_is_wrong(signaller):
    batch = run(csv_file(GOOD), signaller, mode="all_or_nothing")
    assert batch.status == ImportBatch.Status.REJECTED
    assert batch.rows_rejected == 1 and batch.problems[0]["row"] == 2
    assert not Registration.objects.exists()


def test_importing_the_same_file_again_registers_nothing_twice(signaller):
    run(csv_file(GOOD[1:]), signaller)
    again = run(csv_file(GOOD[1:]), signaller)
    assert (again.rows_registered, again.rows_already_present) == (0, 3)
    assert Registration.objects.count() == 3


def test_a_file_with_one_more_row_adds_only_that_row(signaller):
    run(csv_file(GOOD[1:3]), signaller)
    again = run(csv_file(GOOD[1:]), signaller)
    assert (again.rows_registered, again.rows_already_present) == (1, 2)


def test_an_xlsx_file_with_typed_cells_imports_like_the_csv(signaller):
    book = Workbook()
    sheet = book.active
    sheet.append(["registration_date", "gender", "age_at_registration", "forms", "police_report"])
    from datetime import datetime

    sheet.append([datetime(2025, 5, 1), "Male", 16, "criminal", True])
    sheet.append([datetime(2025, 5, 2), "Female", 15.0, "criminal;sexual", None])
    buffer = io.BytesIO()
    book.save(buffer)
    batch = run(buffer.getvalue(), signaller, name="meldingen.xlsx")
    assert batch.rows_registered == 2, batch.problems
    assert set(Registration.objects.values_list("is_minor", flat=True)) == {True}


@pytest.mark.parametrize(
    ("content", "name", "says"),
    [
        (b"", "x.csv", "leeg"),
        (b"registration_date;gender;forms;favourite_colour\n", "x.csv", "favourite_colour"),
        (b"gender;forms\n", "x.csv", "registration_date"),
        (b"\xff\xfe\x00", "x.csv", "UTF-8"),
        (b"not a workbook", "x.xlsx", "XLSX"),
        (b"data", "x.pdf", ".csv"),
    ],
)
def test_an_unreadable_file_is_refused_as_a_whole_with_the_reason(signaller, content, name, says):
    batch = run(content, signaller, name=name)
    assert batch.status == ImportBatch.Status.REJECTED
    assert says in batch.problems[0]["message"]
    assert not Registration.objects.exists()


def test_an_import_stopped_half_way_keeps_whole_chunks_and_resumes(signaller, monkeypatch):
    lines = [
        f"2025-01-{day:02d};female;{20 + n % 30};RO;sexual;;;;;;;"
        for n, day in enumerate([1 + i % 28 for i in range(25)])
    ]
    monkeypatch.setattr(imports, "CHUNK", 10)
    real_store = imports._store
    calls = {"n": 0}

    def failing_store(*args):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return real_store(*args)

    monkeypatch.setattr(imports, "_store", failing_store)
    with pytest.raises(RuntimeError):
        run(csv_file(lines), signaller)
    assert Registration.objects.count() == 10  # the first chunk, whole
    monkeypatch.setattr(imports, "_store", real_store)
    again = run(csv_file(lines), signaller)
    assert (again.rows_registered, again.rows_already_present) == (15, 10)
    assert audit.verify().ok


def test_the_command_reports_in_dutch_and_fails_when_nothing_is_imported(signaller, tmp_path):
    path = tmp_path / "meldingen.csv"
    path.write_bytes(csv_file(GOOD))
    out = io.StringIO()
    call_command(
        "import_registrations",
        path,
        organisation=signaller.organisation.code,
        user=signaller.username,
        stdout=out,
        stderr=io.StringIO(),
    )
    assert "geregistreerd: 3" in out.getvalue()
    assert "rij 2\tgender" in out.getvalue()


def test_the_web_import_shows_the_row_report(client, signaller):
    accounts.log_in(client, signaller)
    upload = io.BytesIO(csv_file(GOOD))
    upload.name = "meldingen.csv"
    response = client.post(
        reverse("registry:import"), {"file": upload, "mode": "valid_rows"}, follow=True
    )
    body = response.content.decode()
    assert "Importverslag" in body and "gender" in body
    assert Registration.objects.count() == 3


def test_a_signaller_cannot_see_another_organisations_import_report(client, signaller):
    other = accounts.user(Role.SIGNALLER, accounts.organisation("fier", kind="care"))
    batch = run(csv_file(GOOD[1:]), other)
    accounts.log_in(client, signaller)
    assert client.get(reverse("registry:import-report", kwargs={"pk": batch.pk})).status_code == 404
