"""WSGI entry point for the app server (gunicorn or granian)."""

from django.core.wsgi import get_wsgi_application

from wegwijzer.cli import configure

configure()
application = get_wsgi_application()
