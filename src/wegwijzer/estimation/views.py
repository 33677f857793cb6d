"""The analyst's estimate of the hidden number, from the registry."""

import hashlib

from django import forms
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wegwijzer.accounts.access import requires_role
from wegwijzer.accounts.constants import OrganisationType, Role
from wegwijzer.estimation import captures, procedures, selectors
from wegwijzer.estimation.errors import EstimationError, reason_text
from wegwijzer.stats import charts
from wegwijzer.stats.selectors import data_version

LIST_CHOICES = [("", _("not used")), *[(letter, letter) for letter in "ABCDEF"]]
DEFAULT_LISTS = {
    OrganisationType.POLICE: "A",
    OrganisationType.KMAR: "B",
    OrganisationType.LABOUR_INSPECTORATE: "C",
    OrganisationType.CARE: "D",
    OrganisationType.MUNICIPALITY: "E",
    OrganisationType.COORDINATION_CENTRE: "F",
    OrganisationType.OTHER: "F",
}


class EstimateForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    method = forms.ChoiceField(
        label=_("Method"),
        choices=[
            (
                "stepwise-sparse",
                _("Stepwise with existence checks (Chan, Silverman & Vincent 2021)"),
            ),
            ("stepwise-aic", _("Stepwise AIC (Silverman 2014)")),
            ("min-bic", _("Minimum BIC over hierarchical models (Silverman, Chan & Vincent 2024)")),
        ],
    )
    strata = forms.ChoiceField(
        label=_("Estimate separately for"),
        choices=[("none", _("everyone together")), ("minor", _("minors and adults")),
                 ("form", _("each form of exploitation"))],
    )  # fmt: skip
    bootstrap = forms.TypedChoiceField(
        label=_("Bootstrap replicates for the interval"),
        coerce=int,
        choices=[
            (200, "200"),
            (1000, "1000"),
            (0, _("none (faster, no interval for some methods)")),
        ],
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in reversed(years)]
        for kind, label in OrganisationType.choices:
            self.fields[f"list_{kind}"] = forms.ChoiceField(
                label=label, choices=LIST_CHOICES, required=False, initial=DEFAULT_LISTS[kind]
            )

    def grouping(self) -> dict[str, list[str]]:
        lists: dict[str, list[str]] = {}
        for kind, _label in OrganisationType.choices:
            letter = self.cleaned_data.get(f"list_{kind}")
            if letter:
                lists.setdefault(letter, []).append(kind)
        return dict(sorted(lists.items()))


@requires_role(Role.ANALYST, Role.REGISTRAR)
def estimate_page(request):
    language = "nl" if get_language() == "nl" else "en"
    years = selectors.years()
    data = request.GET if "year" in request.GET else None
    initial = {"year": years[-1] if years else None, "method": "stepwise-sparse",
               "strata": "none", "bootstrap": 200}  # fmt: skip
    form = EstimateForm(data, years=years, initial=initial)
    context = {"form": form, "language": language, "has_data": bool(years)}
    if data is not None and form.is_valid():
        context.update(_estimate(form, language))
    return render(request, "estimation/page.html", context)


def _estimate(form, language) -> dict:
    given = form.cleaned_data
    grouping = form.grouping()
    people, notices = selectors.people(given["year"], given["strata"])
    settings = {"method": given["method"], "bootstrap": given["bootstrap"]}
    try:
        tables = captures.build_tables(people, grouping)
        if given["strata"] == "none":
            answer = procedures.estimate(tables.pooled, **settings)
            strata = None
        else:
            summed = captures.estimate_strata(tables.strata, **settings)
            answer, strata = summed["total"], summed["strata"]
    except EstimationError as error:
        return {"problem": error.text(language), "notices": notices, "grouping": grouping}
    for item in answer.get("excluded", []):
        item["why"] = reason_text(item["reasons"], language)
    return {
        "answer": answer,
        "strata": strata,
        "notices": notices,
        "grouping": grouping,
        "trend": _trend(grouping, given["method"], language),
    }


def _trend(grouping, method, language):
    """Registered versus estimated for every year (point estimates, no bootstrap); a few
    seconds of fitting, so kept per data version, grouping and method."""
    about = f"{data_version()}|{sorted(grouping.items())}|{method}|{language}"
    key = "estimation:trend:" + hashlib.sha256(about.encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = _compute_trend(grouping, method, language)
        cache.set(key, found, 24 * 3600)
    return found


def _compute_trend(grouping, method, language):
    registered = selectors.registered_per_year()
    shown, reg_values, est_values = [], [], []
    for year in selectors.years():
        people, _notices = selectors.people(year)
        try:
            table = captures.build_tables(people, grouping).pooled
            answer = procedures.estimate(table, method=method, bootstrap=0)
        except EstimationError:
            continue
        shown.append(str(year))
        reg_values.append(registered.get(year, 0))
        est_values.append(round(answer["estimate"]))
    if not shown:
        return None
    title = (
        "Geregistreerd en geschat per jaar"
        if language == "nl"
        else "Registered and estimated per year"
    )
    names = ("Geregistreerd", "Geschat") if language == "nl" else ("Registered", "Estimated")
    return charts.line_chart(
        "registered-estimated", title, shown,
        [charts.Series(names[0], reg_values), charts.Series(names[1], est_values)],
        language=language, category_header="Jaar" if language == "nl" else "Year",
    )  # fmt: skip
