from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SIGNALLER = "signaller", _("Signaller")
    REGISTRAR = "registrar", _("Registrar")
    ANALYST = "analyst", _("Analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles that see person-level registrations. They, and the administrator who hands
# out roles, must pass a second factor before anything is shown.
PERSON_LEVEL_ROLES = frozenset({Role.SIGNALLER, Role.REGISTRAR})
SECOND_FACTOR_ROLES = PERSON_LEVEL_ROLES | {Role.ADMINISTRATOR}


class OrganisationType(models.TextChoices):
    """Kinds of signalling organisation, as the national registry counts them."""

    POLICE = "police", _("Police")
    KMAR = "kmar", _("Royal Marechaussee (KMar)")
    LABOUR_INSPECTORATE = "labour_inspectorate", _("Labour Inspectorate")
    CARE = "care", _("Care and shelter organisation")
    MUNICIPALITY = "municipality", _("Municipality")
    COORDINATION_CENTRE = "coordination_centre", _("National coordination centre")
    OTHER = "other", _("Other")
