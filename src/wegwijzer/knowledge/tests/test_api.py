import pytest

pytestmark = pytest.mark.django_db


def test_pages_api_lists_one_language_with_sources(client, content):
    data = client.get("/api/v1/pages/", {"language": "en"}).json()
    assert data and {page["language"] for page in data} == {"en"}
    assert all(page["sources"] for page in data)
    assert all(page["url"].startswith("/en/knowledge/") for page in data)


def test_search_api_returns_passages(client, content):
    data = client.get("/api/v1/search/", {"q": "uitgebuit", "language": "nl"}).json()
    assert data["results"]
    assert all(result["url"].startswith("/nl/kennis/") for result in data["results"])


def test_search_api_explains_an_empty_query(client, content):
    data = client.get("/api/v1/search/", {"q": ""}, HTTP_ACCEPT_LANGUAGE="nl").json()
    assert data["results"] == []
    assert data["notices"] == ["Typ een of meer woorden om op te zoeken."]


def test_an_unknown_language_is_a_clear_400(client, content):
    response = client.get("/api/v1/search/", {"q": "x", "language": "de"})
    assert response.status_code == 400
    assert "language" in response.json()


def test_the_schema_is_served(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert b"/api/v1/search/" in response.content
