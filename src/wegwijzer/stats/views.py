"""Public statistics: suppressed tables only; nothing about a person leaves through here."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from wegwijzer.cases.pdf import render_pdf
from wegwijzer.stats import charts, downloads, selectors
from wegwijzer.stats.publication import police_report_share

# Tables with many rows get one bar per category for the chosen year instead of all years.
PER_YEAR_TABLES = {"nationality", "sector", "organisation_type"}


def _language() -> str:
    return "nl" if get_language() == "nl" else "en"


def _figures(year=None):
    found = selectors.current_publication()
    if found is None:
        return None
    language = _language()
    years = found.years
    if year is not None and year not in years:
        raise Http404
    chosen = year or years[-1]
    sections = [charts.trend_chart(found.table("totals"), language=language)]
    for table in found.tables:
        if table.key in ("totals", "police_report"):
            continue
        if table.key in PER_YEAR_TABLES:
            sections.append(charts.table_bar_chart(table, chosen, language=language))
        else:
            sections.append(charts.table_year_chart(table, language=language))
    shares = police_report_share(found)
    return {
        "publication": found,
        "year": chosen,
        "years": years,
        "charts": sections,
        "police_shares": [(y, shares.get(y)) for y in years],
        "rule": found.rule(language),
        "loss": found.information_loss(),
        "unit": found.unit,
        "unlinked": selectors.unlinked_count(),
    }


def figures(request):
    year = request.GET.get("year")
    context = _figures(int(year) if year and year.isdigit() else None) or {"empty": True}
    return render(request, "stats/figures.html", context)


def download(request, kind):
    found = selectors.current_publication()
    if found is None:
        raise Http404
    language = _language()
    stem = "wegwijzer-cijfers" if language == "nl" else "wegwijzer-figures"
    if kind == "csv":
        body, content_type, name = (
            downloads.csv_bundle(found, language=language),
            "application/zip",
            f"{stem}.zip",
        )
    elif kind == "xlsx":
        body = downloads.xlsx(found, language=language)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        name = f"{stem}.xlsx"
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def yearly_report(request, year):
    context = _figures(year)
    if context is None:
        raise Http404
    return render_pdf(
        "stats/report_pdf.html", context, filename=f"wegwijzer-{year}.pdf", request=request
    )


def extract(request):
    """The k-anonymous record-level extract (CTDC column names) for researchers."""
    found = selectors.current_extract()
    if found is None:
        raise Http404
    response = HttpResponse(found.records.to_csv(index=False), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="wegwijzer-ctdc-extract.csv"'
    return response
