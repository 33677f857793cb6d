"""One-page PDF documents with WeasyPrint; they carry no personal data."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

PRINT_CSS = "wegwijzer/print.css"


def render_pdf(template: str, context: dict, *, filename: str, request=None) -> HttpResponse:
    """The template as a PDF download; a clear 503 when this server cannot make PDFs."""
    try:
        from weasyprint import CSS, HTML
    except (ImportError, OSError):  # WeasyPrint, or the Pango it needs, is missing
        return HttpResponse(_("PDFs cannot be made on this server right now."), status=503)
    html = render_to_string(template, context, request=request)
    document = HTML(string=html).write_pdf(stylesheets=[CSS(filename=finders.find(PRINT_CSS))])
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
