import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from wegwijzer.knowledge.models import ContentRelease, Page, Section
from wegwijzer.knowledge.services import ContentInvalid, load_content

pytestmark = pytest.mark.django_db


def test_the_real_content_loads_with_twins_sources_and_sections(content):
    assert content.changed
    languages = {
        language: set(Page.objects.filter(language=language).values_list("key", flat=True))
        for language in ("nl", "en")
    }
    assert languages["nl"] == languages["en"]
    assert {"what-is-trafficking", "faq", "victims-rights", "facts-and-figures"} <= languages["nl"]
    assert not Page.objects.filter(sources__isnull=True).exists()
    assert Section.objects.count() > Page.objects.count()


def test_loading_the_same_files_again_changes_nothing(content):
    first_ids = list(Page.objects.values_list("id", flat=True))
    again = load_content()
    assert not again.changed
    assert list(Page.objects.values_list("id", flat=True)) == first_ids
    assert ContentRelease.objects.count() == 1


def test_invalid_content_is_refused_and_the_site_keeps_its_pages(content, tmp_path):
    root = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, root)
    (root / "en" / "faq.md").unlink()
    with pytest.raises(ContentInvalid) as refused:
        load_content(root=root)
    assert any("no en twin with key 'faq'" in str(problem) for problem in refused.value.problems)
    assert Page.objects.filter(key="faq", language="en").exists()


def test_the_command_says_what_it_did(db, capsys):
    call_command("load_content")
    assert "Loaded" in capsys.readouterr().out
    call_command("load_content")
    assert "nothing to do" in capsys.readouterr().out


def test_check_content_command_fails_on_problems(tmp_path):
    (tmp_path / "nl").mkdir()
    (tmp_path / "en").mkdir()
    shutil.copy(settings.CONTENT_DIR / "nl" / "faq.md", tmp_path / "nl" / "faq.md")
    with pytest.raises(CommandError, match="problem"):
        call_command("check_content", root=tmp_path)


def test_check_content_passes_on_the_real_content(capsys):
    call_command("check_content")
    assert "no problems" in capsys.readouterr().out
