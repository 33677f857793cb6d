"""One-page PDF documents with WeasyPrint; they carry no personal data."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

PRINT_CSS = "wegwijzer/print.css"


class PdfUnavailable(RuntimeError):
    """WeasyPrint needs Pango from the operating system; without it there are no PDFs."""


def render_pdf(template: str, context: dict, *, filename: str, request=None) -> HttpResponse:
    try:
        from weasyprint import CSS, HTML
    except OSError as missing:  # Pango or its friends are not installed
        raise PdfUnavailable(str(missing)) from missing
    html = render_to_string(template, context, request=request)
    document = HTML(string=html).write_pdf(stylesheets=[CSS(filename=finders.find(PRINT_CSS))])
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
