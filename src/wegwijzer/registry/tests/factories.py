from datetime import date

from wegwijzer.registry import services
from wegwijzer.registry.constants import Source
from wegwijzer.registry.intake import RegistrationForm

NOTICE = {
    "registration_date": "2025-03-14",
    "gender": "female",
    "age_at_registration": "17",
    "nationality": "NL",
    "residence_status": "dutch",
    "forms": ["sexual"],
    "recruitment_channel": "online",
    "relation_to_exploiter": "partner",
    "police_report": "no",
}
WITH_CONSENT = {
    **NOTICE,
    "age_at_registration": "19",
    "given_names": "Anna Maria",
    "family_names": "de Vries",
    "date_of_birth": "2005-11-02",
    "consent_given_by": "person",
    "consent_given_on": "2025-03-14",
}


def cleaned(data) -> dict:
    form = RegistrationForm(data)
    assert form.is_valid(), form.errors
    return form.cleaned_data


def registration(organisation, actor=None, data=NOTICE, **changes):
    return services.register(
        cleaned({**data, **changes}), organisation=organisation, actor=actor, source=Source.WEB
    )


TODAY = date.today()
