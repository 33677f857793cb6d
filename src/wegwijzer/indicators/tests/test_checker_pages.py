"""The public checker: answers in, explained indication out, nothing stored or logged."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

LOVERBOY = [
    "older-boyfriend",
    "expensive-gifts",
    "truancy-or-falling-grades",
    "new-or-extra-phones",
]
CONTEXT = {"age": "16", "minor": "unknown", "residence": "dutch", "setting": "care"}


def test_the_checker_page_lists_the_signals_in_groups_and_sets_no_cookie(client):
    response = client.get("/nl/signalen-checken/")
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert html.count('name="signals"') > 100
    assert html.count("<details") >= 6


def test_a_minor_with_an_older_boyfriend_gets_a_serious_indication_without_coercion(client):
    html = client.post("/nl/signalen-checken/", {"signals": LOVERBOY, **CONTEXT}).content.decode()
    assert "Seksuele uitbuiting: ernstige aanwijzing" in html
    assert "hoeft geen dwang te worden aangetoond" in html
    assert "Volgende stap: overleg" in html


def test_the_result_names_the_contacts_of_the_persons_region(client, directory):
    html = client.post(
        "/nl/signalen-checken/", {"signals": LOVERBOY, **CONTEXT, "place": "Den Helder"}
    ).content.decode()
    assert "Veilig Thuis Noord-Holland Noord" in html
    assert "Chat met Fier" in html
    assert "HVO-Querido" in html


def test_a_postcode_in_two_municipalities_asks_which_one(client, directory):
    response = client.post(
        "/nl/signalen-checken/", {"signals": LOVERBOY, **CONTEXT, "place": "1037"}
    )
    assert response.status_code == 400
    assert "past bij meerdere gemeenten: Amsterdam, Oostzaan" in response.content.decode()


def test_an_unknown_place_is_explained(client):
    response = client.post("/en/check-signals/", {**CONTEXT, "place": "Atlantis"})
    assert response.status_code == 400
    assert "is not a Dutch municipality or 4-digit postcode we know" in response.content.decode()


def test_acute_danger_puts_112_before_everything(client):
    html = client.post(
        "/en/check-signals/", {"signals": ["older-boyfriend"], **CONTEXT, "acute_danger": "on"}
    ).content.decode()
    main = html[html.index("<main") :]
    assert main.index("Call 112 now") < main.index("<h1>")


def test_an_unknown_signal_is_refused_clearly_and_the_ticks_are_kept(client):
    response = client.post(
        "/nl/signalen-checken/", {"signals": ["older-boyfriend", "made-up"], **CONTEXT}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "“made-up” staat niet in de lijst met signalen" in html
    assert 'value="older-boyfriend" checked' in html


def test_contradicting_age_and_minor_is_explained(client):
    response = client.post("/en/check-signals/", {**CONTEXT, "age": "30", "minor": "yes"})
    assert response.status_code == 400
    assert "contradict each other" in response.content.decode()


def test_an_anonymous_check_writes_nothing_and_logs_none_of_the_answers(client, caplog):
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/nl/signalen-checken/", {"signals": LOVERBOY, **CONTEXT})
    assert response.status_code == 200
    writes = [
        q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert not any(signal in logged for signal in LOVERBOY)
    assert not response.cookies


def test_the_result_downloads_as_a_pdf_without_age_or_place(client, directory, tmp_path):
    import subprocess

    answers = {"signals": LOVERBOY, **CONTEXT, "place": "Den Helder", "format": "pdf"}
    response = client.post("/nl/signalen-checken/", answers)
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "result.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Seksuele uitbuiting: ernstige aanwijzing" in text
    assert "Veilig Thuis Noord-Holland Noord" in text
    assert "Den Helder" not in text
    assert "16" not in text.replace("2026-11-23", "")


def test_the_result_page_offers_the_pdf_with_the_answers_carried_along(client):
    html = client.post("/nl/signalen-checken/", {"signals": LOVERBOY, **CONTEXT}).content.decode()
    assert '<input type="hidden" name="format" value="pdf">' in html
    assert '<input type="hidden" name="age" value="16">' in html
