import pytest

from wegwijzer.knowledge.services import load_content


@pytest.fixture
def content(db):
    """The real knowledge content, loaded into the test database."""
    return load_content(force=True)
