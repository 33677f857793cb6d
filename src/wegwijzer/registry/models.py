"""Registrations of possible victims. Names never reach this table: see docs/identifiers.md."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from wegwijzer.accounts.constants import OrganisationType
from wegwijzer.registry.constants import (
    ConsentGiver,
    Form,
    Gender,
    RecruitmentChannel,
    Relation,
    ResidenceStatus,
    Sector,
    Source,
    Tier,
)

# Form of exploitation -> boolean field, as CTDC records them (a person can have several).
FORM_FIELDS = {
    Form.SEXUAL: "is_sexual",
    Form.LABOUR: "is_labour",
    Form.CRIMINAL: "is_criminal",
    Form.ORGAN_REMOVAL: "is_organ_removal",
    Form.OTHER: "is_other_form",
}


class ImportBatch(models.Model):
    class Mode(models.TextChoices):
        ALL_OR_NOTHING = "all_or_nothing", _("All or nothing")
        VALID_ROWS = "valid_rows", _("Accept the valid rows")

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        REJECTED = "rejected", _("Rejected")

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file_name = models.CharField(_("file name"), max_length=200)
    file_sha256 = models.CharField(max_length=64)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    rows_total = models.PositiveIntegerField(default=0)
    rows_registered = models.PositiveIntegerField(default=0)
    rows_already_present = models.PositiveIntegerField(default=0)
    rows_rejected = models.PositiveIntegerField(default=0)
    # Row-level problems: [{"row": 3, "field": "gender", "message": "..."}]; no values.
    problems = models.JSONField(default=list)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.file_name} ({self.started_at:%Y-%m-%d %H:%M})"


class Registration(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("signalling organisation"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    # Kept as it was on the day: an organisation's type may be reclassified later.
    organisation_type = models.CharField(
        _("type of signalling organisation"), max_length=30, choices=OrganisationType.choices
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    source = models.CharField(max_length=10, choices=Source.choices)
    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices)
    # The organisation's own reference, or a digest of the row: re-imports register nothing twice.
    reference = models.CharField(max_length=64)
    import_batch = models.ForeignKey(ImportBatch, on_delete=models.SET_NULL, null=True)

    registration_date = models.DateField(_("registration date"))
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    age_at_registration = models.PositiveSmallIntegerField(_("age at registration"), null=True)
    year_of_birth = models.PositiveSmallIntegerField(_("year of birth"), null=True)
    is_minor = models.BooleanField(_("minor"), null=True)
    nationality = CountryField(_("nationality"), blank=True)
    residence_status = models.CharField(
        _("residence status"), max_length=20, choices=ResidenceStatus.choices
    )
    is_sexual = models.BooleanField(_("sexual exploitation"), default=False)
    is_labour = models.BooleanField(_("labour exploitation"), default=False)
    is_criminal = models.BooleanField(_("criminal exploitation"), default=False)
    is_organ_removal = models.BooleanField(_("forced organ removal"), default=False)
    is_other_form = models.BooleanField(_("other or unknown form"), default=False)
    sector = models.CharField(_("sector"), max_length=25, choices=Sector.choices, blank=True)
    country_of_exploitation = CountryField(_("country of exploitation"), blank=True)
    municipality_of_exploitation = models.CharField(
        _("municipality of exploitation (CBS code)"), max_length=6, blank=True
    )
    recruitment_channel = models.CharField(
        _("recruitment channel"), max_length=15, choices=RecruitmentChannel.choices
    )
    relation_to_exploiter = models.CharField(
        _("relation to the exploiter"), max_length=10, choices=Relation.choices
    )
    police_report = models.BooleanField(_("police report made"), null=True)
    reflection_period_start = models.DateField(_("B8/3 reflection period from"), null=True)
    reflection_period_end = models.DateField(_("B8/3 reflection period until"), null=True)
    permit_start = models.DateField(_("B8/3 residence permit from"), null=True)
    permit_end = models.DateField(_("B8/3 residence permit until"), null=True)
    shelter_placement = models.BooleanField(_("placed in shelter"), null=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the retention period ended: day-level dates and links to people are gone,
    # the year and the statistical facts stay.
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True)

    class Meta:
        ordering = ["-registration_date", "-id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="one_registration_per_reference"
            )
        ]

    def __str__(self):
        return f"{self.public_id} ({self.registration_date:%Y-%m-%d})"

    @property
    def forms(self) -> list[str]:
        return [form for form, field in FORM_FIELDS.items() if getattr(self, field)]

    @property
    def form_labels(self) -> list[str]:
        """The forms of exploitation in the reader's language."""
        return [str(Form(form).label) for form in self.forms]


class Consent(models.Model):
    """Who agreed to a full registration, when and for what; withdrawal removes identifiers."""

    PURPOSE = "registration_linkage_care"

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="consent"
    )
    given_by = models.CharField(_("consent given by"), max_length=10, choices=ConsentGiver.choices)
    given_on = models.DateField(_("consent given on"))
    purpose = models.CharField(_("purpose"), max_length=40, default=PURPOSE)
    # Under 16 a guardian consents, unless asking the guardian would put the child at risk.
    guardian_unsafe = models.BooleanField(_("asking a guardian is unsafe"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    def __str__(self):
        return f"{self.get_given_by_display()} {self.given_on:%Y-%m-%d}"


class IdentifierSet(models.Model):
    """Keyed encodings of the identifiers; the clear values are never stored."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="identifiers"
    )
    exact_key = models.CharField(max_length=64, db_index=True)
    key_fingerprint = models.CharField(max_length=32)
    encoding = models.JSONField()

    def __str__(self):
        return f"identifiers of {self.registration_id}"
