"""The meldcode guide pages, the weighing walk and the one-page PDFs."""

import copy
import subprocess

import pytest
import yaml

from wegwijzer.cases import guide

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/nl/meldcode/", "/en/reporting-code/", "/nl/meldcode/stap-3/", "/en/reporting-code/step-5/",
     "/nl/meldcode/afwegen/"],
)  # fmt: skip
def test_guide_pages_answer_without_cookies(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies


def test_an_unknown_step_is_a_404(client):
    assert client.get("/nl/meldcode/stap-9/").status_code == 404


def test_step_3_names_the_pitfalls_and_the_interpreter(client):
    html = client.get("/nl/meldcode/stap-3/").content.decode()
    assert "Tips voor het gesprek" in html
    assert "tolk" in html


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_every_step_is_a_one_page_pdf_with_its_title(client, tmp_path, language, number):
    prefix = "meldcode/stap" if language == "nl" else "reporting-code/step"
    response = client.get(f"/{language}/{prefix}-{number}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "step.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert guide.step(number, language).title in " ".join(text.split())


def walk(client, answers, answer=None, **extra):
    data = {"answers": ",".join(answers), **extra}
    if answer:
        data["answer"] = answer
    return client.post("/nl/meldcode/afwegen/", data)


def test_the_walk_asks_the_questions_in_order_and_ends_in_help_and_monitor(client):
    html = walk(client, [], "yes").content.decode()
    assert guide.question("danger", "nl").title in html
    html = walk(client, ["yes", "no", "yes", "yes"], "yes").content.decode()
    assert guide.outcome("help_and_monitor", "nl").title in html


def test_structural_unsafety_in_den_helder_reports_to_the_regions_care_coordinator(
    client, directory
):
    html = walk(client, ["yes", "structural"], place="Den Helder", minor="on").content.decode()
    assert "HVO-Querido" in html
    assert "Veilig Thuis Noord-Holland Noord" in html


def test_acute_danger_ends_with_112_first(client, directory):
    html = walk(client, ["yes"], "acute").content.decode()
    route = html[html.index("Waar je meldt") :]
    assert route.index("112") < route.index("Politie")


def test_a_region_where_veilig_thuis_takes_reports_routes_there(client, directory):
    from wegwijzer.directory.models import CareCoordinatorRegion

    CareCoordinatorRegion.objects.update(veilig_thuis_reports=True)
    html = walk(client, ["yes", "structural"], place="1781").content.decode()
    assert "In deze regio ontvangt Veilig Thuis meldingen" in html


def test_a_forbidden_answer_is_refused_and_the_walk_stays_put(client):
    response = walk(client, ["yes"], "maybe")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies een van de antwoorden" in html
    assert guide.question("danger", "nl").title in html


def test_the_guide_file_must_match_the_weighing_machine():
    raw = yaml.safe_load(guide.GUIDE_PATH.read_text(encoding="utf-8"))
    broken = copy.deepcopy(raw)
    broken["weighing_questions"][1]["id"] = "acute_or_structural_danger"
    with pytest.raises(guide.GuideError, match="weighing questions"):
        guide.check(broken)
    broken = copy.deepcopy(raw)
    broken["steps"][0]["do_en"] = broken["steps"][0]["do_en"][:-1]
    with pytest.raises(guide.GuideError, match="differs between Dutch and English"):
        guide.check(broken)


def test_without_weasyprint_a_pdf_request_gets_a_clear_503(client, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import now fails, as without Pango
    response = client.get("/nl/meldcode/stap-1/pdf/")
    assert response.status_code == 503
    assert "pdf" in response.content.decode().lower()
