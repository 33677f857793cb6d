from django.utils.translation import gettext_lazy as _

REASONS = {
    "acute": _("Acute danger: call first."),
    "consult": _("For advice (anonymously if you wish) and for reporting."),
    "young_sexual": _("Anonymous chat for young people about sexual exploitation."),
    "online": _("Help with online sexual abuse and images."),
    "criminal": _("Anonymous help with criminal exploitation."),
    "foreign": _(
        "National coordination centre: shelter and the B8/3 residence scheme for foreign victims."
    ),
    "police": _("Police team for human trafficking (AVIM)."),
    "anonymous": _("Pass on information anonymously."),
    "regional_reporting_point": _(
        "In this region Veilig Thuis receives reports of human trafficking."
    ),
    "care_coordinator": _(
        "The regional care coordinator for human trafficking receives the report."
    ),
    "national_fallback": _(
        "No regional care coordinator is known for this place: CoMensha, the national "
        "coordination centre, takes the report and puts you in touch."
    ),
    "minor": _("For a minor, report to Veilig Thuis as well."),
}
