"""Pages for signallers and registrars. Every one asks accounts.access first."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wegwijzer.accounts.access import requires_role
from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.models import Organisation
from wegwijzer.registry import imports, selectors, services
from wegwijzer.registry.constants import Source
from wegwijzer.registry.intake import RegistrationForm
from wegwijzer.registry.models import ImportBatch

PERSON_LEVEL = (Role.SIGNALLER, Role.REGISTRAR)


class RegistrarRegistrationForm(RegistrationForm):
    """The coordination centre registers on behalf of any signalling organisation."""

    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Signalling organisation"), queryset=Organisation.objects.all()
    )
    field_order = ["organisation", "registration_date", "forms"]


@requires_role(*PERSON_LEVEL)
def registration_list(request):
    year = request.GET.get("year")
    page = selectors.registration_page(
        request.user,
        page_number=request.GET.get("page", 1),
        year=int(year) if year and year.isdigit() else None,
        request=request,
    )
    return render(request, "registry/list.html", {"page": page, "year": year})


@requires_role(*PERSON_LEVEL)
def registration_new(request):
    registrar = request.user.role == Role.REGISTRAR
    form_class = RegistrarRegistrationForm if registrar else RegistrationForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"] if registrar else request.user.organisation
        registration = services.register(
            form.cleaned_data,
            organisation=organisation,
            actor=request.user,
            source=Source.WEB,
            request=request,
        )
        messages.success(request, _("The registration is saved."))
        return redirect("registry:detail", public_id=registration.public_id)
    return render(request, "registry/new.html", {"form": form})


@requires_role(*PERSON_LEVEL)
def registration_detail(request, public_id):
    registration = selectors.registration_for(request.user, public_id, request=request)
    return render(request, "registry/detail.html", {"registration": registration})


@require_POST
@requires_role(*PERSON_LEVEL)
def withdraw_consent(request, public_id):
    registration = selectors.registration_for(request.user, public_id, audited=False)
    if registration.tier == "full":
        services.withdraw_consent(registration, actor=request.user, request=request)
        messages.success(request, _("Consent withdrawn; the identifiers are removed."))
    return redirect("registry:detail", public_id=public_id)


@require_POST
@requires_role(Role.REGISTRAR)
def erase(request, public_id):
    registration = selectors.registration_for(request.user, public_id, audited=False)
    services.erase(registration, actor=request.user, request=request)
    messages.success(request, _("The registration is erased."))
    return redirect("registry:list")


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))
    mode = forms.ChoiceField(
        label=gettext_lazy("If some rows are wrong"),
        choices=[
            (ImportBatch.Mode.VALID_ROWS, gettext_lazy("Register the valid rows, report the rest")),
            (ImportBatch.Mode.ALL_OR_NOTHING, gettext_lazy("Register nothing until all are right")),
        ],
        widget=forms.RadioSelect,
        initial=ImportBatch.Mode.VALID_ROWS,
    )


class RegistrarImportForm(ImportForm):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Signalling organisation"), queryset=Organisation.objects.all()
    )
    field_order = ["organisation"]


# Larger files go through `wegwijzer import_registrations`, which shows progress.
WEB_IMPORT_MAX_BYTES = 20 * 1024 * 1024


@requires_role(*PERSON_LEVEL)
def import_file(request):
    registrar = request.user.role == Role.REGISTRAR
    form = (RegistrarImportForm if registrar else ImportForm)(
        request.POST or None, request.FILES or None
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > WEB_IMPORT_MAX_BYTES:
            form.add_error(
                "file", _("The file is too large for the web; ask for a command-line import.")
            )
        else:
            batch = imports.run(
                upload.read(),
                upload.name,
                organisation=form.cleaned_data["organisation"]
                if registrar
                else request.user.organisation,
                actor=request.user,
                mode=form.cleaned_data["mode"],
            )
            return redirect("registry:import-report", pk=batch.pk)
    return render(
        request, "registry/import.html", {"form": form, "headings": imports.DUTCH_HEADINGS}
    )


@requires_role(*PERSON_LEVEL)
def import_report(request, pk):
    batches = ImportBatch.objects.select_related("organisation")
    if request.user.role != Role.REGISTRAR:
        batches = batches.filter(organisation_id=request.user.organisation_id)
    batch = get_object_or_404(batches, pk=pk)
    return render(request, "registry/import_report.html", {"batch": batch})
