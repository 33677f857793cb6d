"""Code lists of a registration. Values follow the CTDC data dictionary and HTCDS where
those have one (docs/registry.md maps every field); labels are ours, in both languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tier(models.TextChoices):
    FULL = "full", _("Full registration (with consent)")
    NOTICE = "notice", _("Statistical notice (no identifiers)")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class Form(models.TextChoices):
    """Forms of exploitation (art. 273f Sr); CTDC's isSexualExploit, isForcedLabour, ..."""

    SEXUAL = "sexual", _("Sexual exploitation")
    LABOUR = "labour", _("Labour exploitation")
    CRIMINAL = "criminal", _("Criminal exploitation")
    ORGAN_REMOVAL = "organ_removal", _("Forced organ removal")
    OTHER = "other", _("Other or unknown")


class Sector(models.TextChoices):
    """Sector of labour exploitation (CTDC typeOfLabour, grouped)."""

    DOMESTIC_WORK = "domestic_work", _("Domestic work")
    CONSTRUCTION = "construction", _("Construction")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    AGRICULTURE_FISHING = "agriculture_fishing", _("Agriculture and fishing")
    HOSPITALITY = "hospitality", _("Hospitality")
    RETAIL = "retail", _("Retail")
    PERSONAL_SERVICES = "personal_services", _("Personal services")
    MINING = "mining", _("Mining")
    BEGGING = "begging", _("Begging")
    OTHER = "other", _("Other")


class ResidenceStatus(models.TextChoices):
    DUTCH = "dutch", _("Dutch national")
    EU = "eu", _("EU/EEA or Swiss national")
    RESIDENCE_PERMIT = "residence_permit", _("Other residence permit")
    ASYLUM = "asylum", _("Asylum procedure")
    B8_3 = "b8_3", _("B8/3 residence scheme for victims")
    IRREGULAR = "irregular", _("No lawful residence")
    UNKNOWN = "unknown", _("Unknown")


class RecruitmentChannel(models.TextChoices):
    ONLINE = "online", _("Online (social media, dating, job sites)")
    PERSONAL = "personal", _("In person, by someone known")
    AGENCY = "agency", _("Employment or travel agency")
    ADVERTISEMENT = "advertisement", _("Advertisement offline")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class Relation(models.TextChoices):
    """Relation to the exploiter (CTDC recruiterRelation)."""

    PARTNER = "partner", _("Intimate partner (including 'loverboy')")
    FAMILY = "family", _("Family member")
    FRIEND = "friend", _("Friend or acquaintance")
    EMPLOYER = "employer", _("Employer")
    RECRUITER = "recruiter", _("Recruiter or intermediary")
    STRANGER = "stranger", _("Stranger")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class ConsentGiver(models.TextChoices):
    PERSON = "person", _("The person themselves")
    GUARDIAN = "guardian", _("A parent or guardian")


class Source(models.TextChoices):
    WEB = "web", _("Web form")
    API = "api", _("API")
    IMPORT = "import", _("Bulk import")
    DEMO = "demo", _("Synthetic demo data")


# From this age the person's own consent counts; below it a guardian's (art. 8 AVG, UAVG 5).
AGE_OF_CONSENT = 16
