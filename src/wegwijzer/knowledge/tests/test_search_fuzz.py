"""Fuzzing the search endpoints over HTTP: whatever comes in, no server error goes out."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

ODD_TEXT = st.one_of(
    st.text(max_size=500),
    st.text(alphabet=st.sampled_from("'\";-*()[]{}:^~!&|<>\\%_ORANDNEAR 0x"), max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=12_000),
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=ODD_TEXT, language=st.sampled_from(["nl", "en"]))
def test_no_query_makes_a_server_error(client, content, query, language):
    page = client.get(f"/{language}/{'zoeken' if language == 'nl' else 'search'}/", {"q": query})
    assert page.status_code == 200
    api = client.get("/api/v1/search/", {"q": query, "language": language})
    assert api.status_code == 200
    assert isinstance(api.json()["results"], list)
