"""Real headless Chromium (Debian's package, never a downloaded browser) via Playwright."""

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django must still allow ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
NEUTRAL_PAGE = "<!doctype html><html lang='nl'><title>Weer</title><h1>Het weer</h1></html>"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run bin/test-tools (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live app with the real content and directory loaded; returns its base URL."""
    from wegwijzer.directory.services import load_organisations, seed_care_coordinators
    from wegwijzer.knowledge.services import load_content

    load_content(force=True)
    load_organisations()
    seed_care_coordinators()
    with _append_only_audit_released_for_the_flush():
        yield live_server.url


@contextmanager
def _append_only_audit_released_for_the_flush():
    """After a live-server test Django empties every table. PostgreSQL's TRUNCATE passes the
    row triggers that keep audit entries append-only; SQLite's DELETE does not, so the delete
    trigger is lifted for the flush and put back before the next test."""
    from django.db import connection

    sqlite = connection.vendor == "sqlite"
    if sqlite:
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit_auditentry"
                " BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END"
            )
    yield
    if sqlite:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_delete")


@pytest.fixture
def page_factory(browser, settings):
    """New pages in fresh contexts; the neutral quick-exit site is answered locally."""
    contexts = []

    def make(**context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        page.route(
            settings.QUICK_EXIT_URL + "**",
            lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE),
        )
        return page

    yield make
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {"id": v["id"], "impact": v["impact"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
