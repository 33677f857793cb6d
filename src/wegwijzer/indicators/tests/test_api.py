import pytest

pytestmark = pytest.mark.django_db

SEASONAL_WORKER = ["documents-confiscated", "debt-bondage", "recruited-by-arranger"]


def test_the_signal_list_has_both_languages_and_grades(client):
    data = client.get("/api/v1/signals/").json()
    assert len(data) > 100
    first = data[0]
    assert {"id", "nl", "en", "forms", "element", "strength"} <= first.keys()


def test_an_assessment_comes_back_explained(client):
    response = client.post(
        "/api/v1/assessments/",
        {"signals": SEASONAL_WORKER, "age": 34, "setting": "workplace"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    data = response.json()
    labour = next(form for form in data["forms"] if form["form"] == "labour")
    assert labour["level"] == "serious"
    assert labour["missing"] == ["purpose (exploitation)"]
    assert data["next_step"]["title"].startswith("Next step: consult")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"signals": ["no-such-signal"]}, "signals"),
        ({"signals": [], "age": 300}, "age"),
        ({"signals": [], "setting": "moon"}, "setting"),
        ({"signals": "older-boyfriend"}, "signals"),
        ({}, "signals"),
        ({"signals": [], "age": 15, "minor": False}, "minor"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, body, field):
    response = client.post("/api/v1/assessments/", body, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()
