"""One definition of what a valid registration is, used by the web form, the API and imports.

The form cleans single fields; `clean()` holds the rules that tie fields together.
Every message is translated, so a signaller reads in their own language what is wrong.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from wegwijzer.directory import regions
from wegwijzer.registry.constants import (
    AGE_OF_CONSENT,
    ConsentGiver,
    Form,
    Gender,
    RecruitmentChannel,
    Relation,
    ResidenceStatus,
    Sector,
)

YES = {"yes", "ja", "y", "j", "true", "1"}
NO = {"no", "nee", "n", "false", "0"}
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
IDENTITY_FIELDS = ("given_names", "family_names", "date_of_birth", "document_number")
CONSENT_FIELDS = ("consent_given_by", "consent_given_on", "guardian_unsafe")


class YesNoUnknownField(forms.Field):
    """Yes, no or not known; takes Dutch and English words so spreadsheets just work."""

    widget = forms.RadioSelect(choices=[("yes", _("Yes")), ("no", _("No")), ("", _("Unknown"))])
    default_error_messages = {"invalid": _("Answer yes, no, or leave empty when not known.")}

    def to_python(self, value):
        if value in (None, "") or isinstance(value, bool):
            return None if value == "" else value
        text = str(value).strip().lower()
        if text in YES:
            return True
        if text in NO:
            return False
        if text in {"", "unknown", "onbekend"}:
            return None
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class SeparatedMultipleChoiceField(forms.MultipleChoiceField):
    """Several choices; a spreadsheet cell may list them as `sexual;labour`."""

    def to_python(self, value):
        if isinstance(value, str):
            value = [part.strip().lower() for part in value.replace(",", ";").split(";")]
            value = [part for part in value if part]
        return super().to_python(value)


class CodeChoiceField(forms.ChoiceField):
    """A choice written in any case (`Female`, `female`) is the same choice.

    With `default`, an empty answer means that choice (`unknown`), so a file or API call
    may leave out what the signaller does not know.
    """

    def __init__(self, *, default=None, **kwargs):
        self.default = default
        if default is not None:
            kwargs.setdefault("required", False)
            kwargs.setdefault("initial", default)
        super().__init__(**kwargs)

    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not one of the codes: %(codes)s."),
    }

    def to_python(self, value):
        value = super().to_python(value).strip().lower()
        return value or (self.default or "")

    def validate(self, value):
        if value and not self.valid_value(value):
            codes = ", ".join(str(code) for code, _label in self.choices if code)
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value, "codes": codes},
            )
        super().validate(value)


def _country_choices():
    return [("", "---"), *countries]


class CountryCodeField(forms.ChoiceField):
    """An ISO 3166-1 alpha-2 code. The 250 choices are a callable, so the form does not
    copy them for every row of an import; validity is a set lookup."""

    CODES = frozenset(code for code, _name in countries)

    def __init__(self, **kwargs):
        super().__init__(choices=_country_choices, **kwargs)

    def to_python(self, value):
        return super().to_python(value).strip().upper()

    def valid_value(self, value):
        return value in self.CODES


class RegistrationForm(forms.Form):
    registration_date = forms.DateField(label=_("Registration date"), input_formats=DATE_FORMATS)
    gender = CodeChoiceField(label=_("Gender"), choices=Gender.choices)
    age_at_registration = forms.IntegerField(
        label=_("Age at registration"), required=False, min_value=0, max_value=120
    )
    year_of_birth = forms.IntegerField(
        label=_("Year of birth"), required=False, min_value=1900, max_value=2100
    )
    nationality = CountryCodeField(label=_("Nationality"), required=False)
    residence_status = CodeChoiceField(
        label=_("Residence status"), choices=ResidenceStatus.choices, default="unknown"
    )
    sector = CodeChoiceField(
        label=_("Sector (labour exploitation)"),
        choices=[("", "---"), *Sector.choices],
        required=False,
    )
    country_of_exploitation = CountryCodeField(label=_("Country of exploitation"), required=False)
    municipality_of_exploitation = forms.CharField(
        label=_("Municipality of exploitation (CBS code such as GM0363)"),
        required=False,
        max_length=6,
    )
    recruitment_channel = CodeChoiceField(
        label=_("Recruitment channel"), choices=RecruitmentChannel.choices, default="unknown"
    )
    relation_to_exploiter = CodeChoiceField(
        label=_("Relation to the exploiter"), choices=Relation.choices, default="unknown"
    )
    police_report = YesNoUnknownField(label=_("Police report made"), required=False)
    reflection_period_start = forms.DateField(
        label=_("B8/3 reflection period from"), required=False, input_formats=DATE_FORMATS
    )
    reflection_period_end = forms.DateField(
        label=_("B8/3 reflection period until"), required=False, input_formats=DATE_FORMATS
    )
    permit_start = forms.DateField(
        label=_("B8/3 residence permit from"), required=False, input_formats=DATE_FORMATS
    )
    permit_end = forms.DateField(
        label=_("B8/3 residence permit until"), required=False, input_formats=DATE_FORMATS
    )
    shelter_placement = YesNoUnknownField(label=_("Placed in shelter"), required=False)

    # Identifiers: only with consent; encoded at once and never stored as written.
    given_names = forms.CharField(label=_("Given name(s)"), required=False, max_length=200)
    family_names = forms.CharField(label=_("Family name(s)"), required=False, max_length=200)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), required=False, input_formats=DATE_FORMATS
    )
    document_number = forms.CharField(
        label=_("Identity document number (optional)"), required=False, max_length=40
    )
    consent_given_by = CodeChoiceField(
        label=_("Consent given by"),
        choices=[("", _("No consent: statistical notice only")), *ConsentGiver.choices],
        required=False,
    )
    consent_given_on = forms.DateField(
        label=_("Consent given on"), required=False, input_formats=DATE_FORMATS
    )
    guardian_unsafe = YesNoUnknownField(
        label=_("Under 16 and asking a parent or guardian would be unsafe"), required=False
    )

    # Defined last: from here on the name `forms` is this field, not the django.forms module.
    forms = SeparatedMultipleChoiceField(
        label=_("Form(s) of exploitation"),
        choices=Form.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    field_order = ["registration_date", "forms"]

    def groups(self):
        """The fields in the three parts a signaller fills in, for the page's fieldsets."""
        own = [*IDENTITY_FIELDS, *CONSENT_FIELDS]
        return [
            (_("What happened"), [self[name] for name in self.fields if name not in own]),
            (_("Consent"), [self[name] for name in CONSENT_FIELDS]),
            (_("Identifiers (only with consent)"), [self[name] for name in IDENTITY_FIELDS]),
        ]

    def clean_municipality_of_exploitation(self):
        code = self.cleaned_data["municipality_of_exploitation"].strip().upper()
        if code and regions.by_code(code) is None:
            raise ValidationError(_("Unknown CBS municipality code (expected e.g. GM0363)."))
        return code

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        registered = data.get("registration_date")
        if registered and registered > today:
            self.add_error("registration_date", _("The registration date lies in the future."))
        if registered and registered.year < 2000:
            self.add_error("registration_date", _("Registrations before 2000 are not accepted."))
        self._check_age(data, registered)
        if data.get("sector") and Form.LABOUR not in data.get("forms", []):
            self.add_error("sector", _("A sector is only recorded for labour exploitation."))
        for start, end in [
            ("reflection_period_start", "reflection_period_end"),
            ("permit_start", "permit_end"),
        ]:
            if data.get(start) and data.get(end) and data[end] < data[start]:
                self.add_error(end, _("The end date lies before the start date."))
        self._check_identity_and_consent(data, registered, today)
        return data

    def _check_age(self, data, registered):
        age, born = data.get("age_at_registration"), data.get("year_of_birth")
        if not registered:
            return
        if born and born > registered.year:
            self.add_error("year_of_birth", _("The year of birth lies after the registration."))
        elif age is not None and born and registered.year - born - age not in (0, 1):
            self.add_error("age_at_registration", _("Age and year of birth do not agree."))

    def _check_identity_and_consent(self, data, registered, today):
        has_identity = any(data.get(field) for field in IDENTITY_FIELDS)
        giver = data.get("consent_given_by")
        if has_identity and not giver:
            self.add_error(
                "consent_given_by",
                _(
                    "Identifiers may only be registered with consent. Remove them, or record "
                    "the consent."
                ),
            )
        if not giver:
            return
        if not (data.get("given_names") and data.get("family_names")):
            self.add_error(
                "family_names", _("A full registration needs the given and family names.")
            )
        given_on = data.get("consent_given_on")
        if not given_on:
            self.add_error("consent_given_on", _("Record the date the consent was given."))
        elif given_on > today:
            self.add_error("consent_given_on", _("The consent date lies in the future."))
        too_young = registered and possibly_younger_than(AGE_OF_CONSENT, data, registered)
        if giver == ConsentGiver.PERSON and too_young and not data.get("guardian_unsafe"):
            self.add_error(
                "consent_given_by",
                _(
                    "Under 16 a parent or guardian consents, unless that is unsafe for the "
                    "child; then say so."
                ),
            )


def derived_minor(age: int | None, year_of_birth: int | None, registered: date) -> bool | None:
    """Minor at registration: from the age, else from the year of birth when that decides it."""
    if age is not None:
        return age < 18
    if year_of_birth is None:
        return None
    oldest = registered.year - year_of_birth  # the birthday may not have come yet: one less
    if oldest < 18:
        return True
    if oldest - 1 >= 18:
        return False
    return None


def possibly_younger_than(years: int, data: dict, registered: date) -> bool:
    age, born = data.get("age_at_registration"), data.get("year_of_birth")
    dob = data.get("date_of_birth")
    if dob:
        return (
            registered.year - dob.year - ((registered.month, registered.day) < (dob.month, dob.day))
        ) < years
    if age is not None:
        return age < years
    if born is not None:
        return registered.year - born - 1 < years
    return False
