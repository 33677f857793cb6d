import pytest

from wegwijzer.directory.services import load_organisations, seed_care_coordinators
from wegwijzer.knowledge.services import load_content


@pytest.fixture
def content(db):
    """The real knowledge content, loaded into the test database."""
    return load_content(force=True)


@pytest.fixture
def directory(db):
    """The shipped help organisations and care-coordinator regions."""
    load_organisations()
    seed_care_coordinators()
