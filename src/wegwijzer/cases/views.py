from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from wegwijzer.cases import guide
from wegwijzer.cases.forms import WeighingForm, answer_choices
from wegwijzer.cases.pdf import render_pdf
from wegwijzer.cases.weighing import WeighingError, next_step
from wegwijzer.directory import labels as directory_labels
from wegwijzer.directory import selectors as directory


def overview(request):
    return render(request, "cases/overview.html", {"steps": guide.steps(get_language())})


def step_detail(request, number):
    step = guide.step(number, get_language())
    if step is None:
        raise Http404
    return render(request, "cases/step.html", {"step": step})


def step_pdf(request, number):
    language = get_language()
    step = guide.step(number, language)
    if step is None:
        raise Http404
    filename = f"{'meldcode-stap' if language == 'nl' else 'reporting-code-step'}-{number}.pdf"
    return render_pdf("cases/step_pdf.html", {"step": step}, filename=filename, request=request)


# The walk changes nothing on the server: no CSRF cookie needed, answers kept out of logs.
@csrf_exempt
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def weigh(request):
    language = get_language()
    form = WeighingForm(request.POST if request.method == "POST" else {"answers": ""})
    valid = form.is_valid()
    if valid:
        position = form.cleaned_data["position"]
    else:  # stay where the walk was; the error says what to fix
        try:
            position = next_step(form.earlier_answers())
        except WeighingError:
            position = next_step([])
    context = {
        "form": form,
        "position": position,
        "answers": ",".join(answer for _, answer in position.answered),
        "history": [
            (guide.question(question, language).title, dict(answer_choices(question))[answer])
            for question, answer in position.answered
        ],
    }
    if position.finished:
        context["outcome"] = guide.outcome(position.outcome, language)
        if position.outcome in ("report", "call_112"):
            municipality = form.cleaned_data.get("municipality") if valid else None
            route = directory.reporting_route(
                municipality=municipality,
                minor=bool(form.cleaned_data.get("minor")) if valid else False,
                acute=position.outcome == "call_112",
            )
            context["route"] = [(r, directory_labels.REASONS[r.reason]) for r in route]
            context["municipality"] = municipality
    else:
        context["question"] = guide.question(position.question, language)
        context["choices"] = answer_choices(position.question)
    status = 400 if request.method == "POST" and not valid else 200
    return render(request, "cases/weigh.html", context, status=status)
