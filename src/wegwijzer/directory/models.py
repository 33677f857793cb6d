"""Help organisations and care-coordinator regions; editable by an administrator."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wegwijzer.directory.constants import AGES, AUDIENCES, FORMS, ChannelType, Kind
from wegwijzer.directory.validators import SubsetValidator, validate_channel, validate_phone


class Organisation(models.Model):
    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    description_nl = models.TextField(_("description (Dutch)"))
    description_en = models.TextField(_("description (English)"))
    # Small fixed vocabularies, validated against constants: JSON only for these extras.
    audiences = models.JSONField(_("serves"), default=list, validators=[SubsetValidator(AUDIENCES)])
    ages = models.JSONField(_("ages"), default=list, validators=[SubsetValidator(AGES)])
    forms = models.JSONField(
        _("forms of exploitation"), default=list, validators=[SubsetValidator(FORMS)]
    )
    anonymous = models.BooleanField(_("can be contacted anonymously"), default=False)
    languages = models.JSONField(_("languages"), default=list)
    regional = models.BooleanField(_("works per region"), default=False)
    source = models.CharField(_("source"), max_length=200)
    verified = models.DateField(_("last verified"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Channel(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="channels"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    type = models.CharField(_("type"), max_length=10, choices=ChannelType.choices)
    value = models.CharField(_("number or address"), max_length=300)
    note_nl = models.CharField(_("note (Dutch)"), max_length=200, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=200, blank=True)

    class Meta:
        ordering = ["organisation", "position"]
        verbose_name = _("contact channel")
        verbose_name_plural = _("contact channels")

    def __str__(self):
        return f"{self.get_type_display()}: {self.value}"

    def clean(self):
        validate_channel(self.type, self.value)


class CareCoordinatorRegion(models.Model):
    """A care coordinator for human trafficking, organised per central municipality.

    No public table of these regions exists, so an administrator keeps it; a municipality
    without one is routed to CoMensha nationally, and the page says so.
    """

    name = models.CharField(_("region name"), max_length=200)
    central_municipality = models.CharField(_("central municipality (CBS code)"), max_length=6)
    organisation = models.CharField(_("organisation"), max_length=200)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    veilig_thuis_reports = models.BooleanField(
        _("Veilig Thuis is the reporting point"),
        default=False,
        help_text=_(
            "In some regions Veilig Thuis receives reports of human trafficking and youth "
            "prostitution instead of the care coordinator."
        ),
    )
    verified = models.DateField(_("last verified"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("care-coordinator region")
        verbose_name_plural = _("care-coordinator regions")

    def __str__(self):
        return self.name

    def clean(self):
        if _municipality(self.central_municipality) is None:
            raise ValidationError(
                {"central_municipality": _("Not a CBS municipality code of 2025.")}
            )


class CareCoordinatorMunicipality(models.Model):
    region = models.ForeignKey(
        CareCoordinatorRegion, on_delete=models.CASCADE, related_name="municipalities"
    )
    municipality = models.CharField(_("municipality (CBS code)"), max_length=6, unique=True)

    class Meta:
        verbose_name = _("municipality of a care-coordinator region")
        verbose_name_plural = _("municipalities of a care-coordinator region")

    def __str__(self):
        return self.municipality

    def clean(self):
        if _municipality(self.municipality) is None:
            raise ValidationError({"municipality": _("Not a CBS municipality code of 2025.")})


def _municipality(code: str):
    from wegwijzer.directory.regions import by_code

    return by_code(code)
