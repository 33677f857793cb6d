"""The registrar's review of the linkage: the queue of uncertain pairs, one pair with its
explanation and the verdict, a person with their registrations. Registrars only."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wegwijzer.accounts.access import requires_role
from wegwijzer.accounts.constants import Role
from wegwijzer.linkage import selectors, services
from wegwijzer.linkage.models import Decision
from wegwijzer.registry.models import Registration

# The fields and levels of matcher.explain, in the reader's language.
FIELD_LABELS = {
    "given": gettext_lazy("Given names"),
    "family": gettext_lazy("Family names"),
    "dob": gettext_lazy("Date of birth"),
    "document": gettext_lazy("Document number"),
    "prior": gettext_lazy("Starting odds (how often two reports are one person)"),
    "total": gettext_lazy("Match weight"),
}
LEVEL_LABELS = {
    "exact": gettext_lazy("the same"),
    "equal": gettext_lazy("the same"),
    "dice>=0.85": gettext_lazy("almost the same (a letter apart)"),
    "dice>=0.7": gettext_lazy("much alike"),
    "dice>=0.5 or same sound": gettext_lazy("somewhat alike, or sounds the same"),
    "different": gettext_lazy("different"),
    "day and month swapped": gettext_lazy("day and month swapped"),
    "two of three parts": gettext_lazy("two of day, month and year the same"),
    "year only": gettext_lazy("only the year the same"),
    "missing": gettext_lazy("missing in one or both"),
    "": "",
}


def probability(weight: float) -> float:
    """The match probability of a weight in log2 odds."""
    odds = 2.0**weight
    return odds / (1 + odds)


def _explained(rows):
    return [
        {
            "field": FIELD_LABELS[r["field"]],
            "level": LEVEL_LABELS[r["level"]],
            "weight": r["weight"],
            "total": r["field"] == "total",
        }
        for r in rows
    ]


@requires_role(Role.REGISTRAR)
def review_queue(request):
    rows, waiting = selectors.queue(request.user, request=request)
    rows = [
        {"pair": p, "left": a, "right": b, "probability": round(100 * probability(p.weight))}
        for p, a, b in rows
    ]
    context = {"rows": rows, "waiting": waiting, "last_run": selectors.last_run()}
    return render(request, "linkage/queue.html", context)


@requires_role(Role.REGISTRAR)
def pair(request, left, right):
    if request.method == "POST":
        first = get_object_or_404(Registration, public_id=left)
        second = get_object_or_404(Registration, public_id=right)
        verdict = request.POST.get("verdict")
        try:  # the decision is audited as a link or unlink, not as a read
            services.decide(first.pk, second.pk, verdict, actor=request.user, request=request)
        except services.LinkageError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your decision is recorded and the persons regrouped."))
        return redirect("linkage:pair", left=left, right=right)
    context = selectors.pair(request.user, left, right, request=request)
    if context["explanation"]:
        context["explanation"] = _explained(context["explanation"])
        context["probability"] = round(100 * probability(context["explanation"][-1]["weight"]))
    return render(request, "linkage/pair.html", context)


@require_POST
@requires_role(Role.REGISTRAR)
def withdraw(request, pk):
    decision = get_object_or_404(Decision.objects.select_related("left", "right"), pk=pk)
    try:
        services.withdraw(decision, actor=request.user, request=request)
    except services.LinkageError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The decision is withdrawn; the match weights decide again."))
    return redirect("linkage:pair", left=decision.left.public_id, right=decision.right.public_id)


@requires_role(Role.REGISTRAR)
def person(request, pk):
    return render(
        request, "linkage/person.html", selectors.person(request.user, pk, request=request)
    )
