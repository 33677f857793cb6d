from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    EMERGENCY = "emergency", _("emergency")
    POLICE = "police", _("police")
    ADVICE_AND_REPORTING = "advice_and_reporting", _("advice and reporting")
    CARE_COORDINATION = "care_coordination", _("care coordination")
    VICTIM_SUPPORT = "victim_support", _("victim support")
    SHELTER = "shelter", _("shelter")
    YOUTH_HELP = "youth_help", _("help for young people")
    ANONYMOUS_TIP = "anonymous_tip", _("anonymous tip-off")
    LABOUR_RIGHTS = "labour_rights", _("labour rights")
    SEXUAL_VIOLENCE = "sexual_violence", _("sexual violence")


class ChannelType(models.TextChoices):
    PHONE = "phone", _("phone")
    CHAT = "chat", _("chat")
    WEB = "web", _("website")
    EMAIL = "email", _("e-mail")


AUDIENCES = ("victim", "bystander", "professional")
AGES = ("youth", "adult")
FORMS = ("sexual", "labour", "criminal", "organ_removal")
