"""The registry API's shapes. Validation itself is intake.RegistrationForm's, shared with
the web form and imports, so the three can never disagree about what is valid."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from wegwijzer.registry.constants import (
    ConsentGiver,
    Form,
    Gender,
    RecruitmentChannel,
    Relation,
    ResidenceStatus,
    Sector,
)
from wegwijzer.registry.intake import RegistrationForm


class IdentitySerializer(serializers.Serializer):
    given_names = serializers.CharField(max_length=200)
    family_names = serializers.CharField(max_length=200)
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    document_number = serializers.CharField(max_length=40, required=False, allow_blank=True)


class ConsentInSerializer(serializers.Serializer):
    given_by = serializers.ChoiceField(ConsentGiver.choices)
    given_on = serializers.DateField()
    guardian_unsafe = serializers.BooleanField(default=False)


class RegistrationInSerializer(serializers.Serializer):
    """A registration as sent. Without `consent`, `identity` is refused (statistical notice)."""

    organisation = serializers.SlugField(
        required=False, help_text=_("Code of the signalling organisation (registrars only).")
    )
    reference = serializers.CharField(
        max_length=64,
        required=False,
        help_text=_("Your own reference; sending it again registers nothing twice."),
    )
    registration_date = serializers.DateField()
    gender = serializers.ChoiceField(Gender.choices)
    age_at_registration = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=120
    )
    year_of_birth = serializers.IntegerField(
        required=False, allow_null=True, min_value=1900, max_value=2100
    )
    nationality = serializers.CharField(
        max_length=2, required=False, allow_blank=True, help_text="ISO 3166-1 alpha-2"
    )
    residence_status = serializers.ChoiceField(ResidenceStatus.choices, default="unknown")
    forms = serializers.ListField(
        child=serializers.ChoiceField(Form.choices), min_length=1, max_length=5
    )
    sector = serializers.ChoiceField(Sector.choices, required=False, allow_blank=True)
    country_of_exploitation = serializers.CharField(
        max_length=2, required=False, allow_blank=True, help_text="ISO 3166-1 alpha-2"
    )
    municipality_of_exploitation = serializers.CharField(
        max_length=6, required=False, allow_blank=True, help_text=_("CBS code, e.g. GM0363")
    )
    recruitment_channel = serializers.ChoiceField(RecruitmentChannel.choices, default="unknown")
    relation_to_exploiter = serializers.ChoiceField(Relation.choices, default="unknown")
    police_report = serializers.BooleanField(required=False, allow_null=True, default=None)
    reflection_period_start = serializers.DateField(required=False, allow_null=True)
    reflection_period_end = serializers.DateField(required=False, allow_null=True)
    permit_start = serializers.DateField(required=False, allow_null=True)
    permit_end = serializers.DateField(required=False, allow_null=True)
    shelter_placement = serializers.BooleanField(required=False, allow_null=True, default=None)
    identity = IdentitySerializer(required=False)
    consent = ConsentInSerializer(required=False)

    def validate(self, attrs):
        form = RegistrationForm(_form_data(attrs))
        if not form.is_valid():
            raise serializers.ValidationError(
                {field: [str(e) for e in errors] for field, errors in form.errors.items()}
            )
        attrs["cleaned"] = form.cleaned_data
        return attrs


def _form_data(attrs: dict) -> dict:
    """The serializer's typed values as the form's text fields."""
    flat = {
        key: value
        for key, value in attrs.items()
        if key not in ("identity", "consent", "organisation", "reference")
    }
    flat.update(attrs.get("identity") or {})
    consent = attrs.get("consent")
    if consent:
        flat["consent_given_by"] = consent["given_by"]
        flat["consent_given_on"] = consent["given_on"]
        flat["guardian_unsafe"] = consent["guardian_unsafe"]
    return {
        key: ("" if value is None else value.isoformat() if hasattr(value, "isoformat") else value)
        for key, value in flat.items()
    }


class ConsentOutSerializer(serializers.Serializer):
    given_by = serializers.CharField()
    given_on = serializers.DateField()
    withdrawn_on = serializers.DateField(allow_null=True)


class RegistrationOutSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    organisation = serializers.CharField(source="organisation.code")
    organisation_type = serializers.CharField()
    tier = serializers.CharField()
    source = serializers.CharField()
    registration_date = serializers.DateField()
    year = serializers.IntegerField()
    gender = serializers.CharField()
    age_at_registration = serializers.IntegerField(allow_null=True)
    year_of_birth = serializers.IntegerField(allow_null=True)
    is_minor = serializers.BooleanField(allow_null=True)
    nationality = serializers.CharField(source="nationality.code", allow_null=True)
    residence_status = serializers.CharField()
    forms = serializers.ListField(child=serializers.CharField())
    sector = serializers.CharField()
    country_of_exploitation = serializers.CharField(
        source="country_of_exploitation.code", allow_null=True
    )
    municipality_of_exploitation = serializers.CharField()
    recruitment_channel = serializers.CharField()
    relation_to_exploiter = serializers.CharField()
    police_report = serializers.BooleanField(allow_null=True)
    reflection_period_start = serializers.DateField(allow_null=True)
    reflection_period_end = serializers.DateField(allow_null=True)
    permit_start = serializers.DateField(allow_null=True)
    permit_end = serializers.DateField(allow_null=True)
    shelter_placement = serializers.BooleanField(allow_null=True)
    has_identifiers = serializers.SerializerMethodField()
    consent = serializers.SerializerMethodField()

    def get_has_identifiers(self, registration) -> bool:
        return hasattr(registration, "identifiers")

    def get_consent(self, registration) -> dict | None:
        consent = getattr(registration, "consent", None)
        return ConsentOutSerializer(consent).data if consent else None


class RegistrationPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = RegistrationOutSerializer(many=True)
