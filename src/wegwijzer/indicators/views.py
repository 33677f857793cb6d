from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from wegwijzer.cases.pdf import render_pdf
from wegwijzer.indicators import selectors
from wegwijzer.indicators.forms import CheckerForm


# The checker changes nothing on the server, so there is nothing for a forged request to
# abuse; leaving out CSRF keeps the page free of cookies. Answers are posted (not put in
# the address, where browser history would keep them) and kept out of error reports.
@csrf_exempt
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def checker(request):
    form = CheckerForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "groups": selectors.grouped_signals()}
    if request.method == "POST" and form.is_valid():
        assessment = selectors.assess(**form.observation_arguments())
        context["result"] = selectors.present(assessment)
        context["contacts"] = selectors.contacts(assessment, form)
        context["checked"] = set(form.cleaned_data["signals"])
        context["repost"] = form.repost_fields()
        if request.POST.get("format") == "pdf":
            return _result_pdf(request, context)
        return render(request, "indicators/result.html", context)
    context["checked"] = set(request.POST.getlist("signals")) if request.method == "POST" else set()
    return render(request, "indicators/checker.html", context, status=400 if form.errors else 200)


def _result_pdf(request, context):
    """The result as a document; the answers were re-posted, never stored."""
    return render_pdf(
        "indicators/result_pdf.html", context, filename="wegwijzer-signalen.pdf", request=request
    )
