"""WSGI entry point for the app server (granian or gunicorn)."""

import gc

from django.core.wsgi import get_wsgi_application

from wegwijzer.cli import configure

configure()
application = get_wsgi_application()


def _warm_up() -> None:
    """Load the reference data every worker needs, before the first visitor waits for it."""
    from wegwijzer.directory import regions
    from wegwijzer.indicators import catalogue
    from wegwijzer.knowledge import textsearch

    catalogue.load()
    regions.lookup("warm-up")
    for language in ("nl", "en"):
        textsearch.parse_query("warm-up", language)


_warm_up()
# What is loaded by now lives as long as the process: keep it out of the garbage
# collector's scans, which otherwise show up as latency spikes under load.
gc.freeze()
