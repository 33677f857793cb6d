"""Words for the engine's codes, in the visitor's language."""

from django.utils.translation import gettext_lazy as _

FORMS = {
    "sexual": _("sexual exploitation"),
    "labour": _("labour exploitation"),
    "criminal": _("criminal exploitation"),
    "organ_removal": _("forced organ removal"),
}
LEVELS = {
    "none": _("no indication"),
    "attention": _("attention"),
    "serious": _("serious indication"),
    "acute": _("acute danger"),
}
ELEMENTS = {
    "act": _("act (recruiting, transporting, housing or receiving someone)"),
    "means": _("means (coercion, deception, abuse of a vulnerable position, debts)"),
    "purpose": _("purpose (exploitation)"),
    "vulnerability": _("risk factor"),
}
GRADES = {1: _("weak"), 2: _("medium"), 3: _("strong")}
OTHER_PROBLEMS = {
    "domestic_violence": _("domestic violence"),
    "addiction": _("addiction"),
    "debts": _("debts"),
    "mental_health": _("mental health problems"),
    "adolescence": _("ordinary adolescence"),
    "poverty": _("poverty"),
    "neglect": _("neglect"),
}
RESIDENCE = {
    "unknown": _("unknown"),
    "dutch": _("Dutch citizen"),
    "eu": _("citizen of another EU country"),
    "non_eu_resident": _("from outside the EU, with a residence permit"),
    "undocumented": _("without a residence permit"),
}
SETTINGS = {
    "unknown": _("other or unknown"),
    "school": _("school"),
    "care": _("care or youth work"),
    "hotel": _("hotel or hospitality"),
    "workplace": _("workplace"),
    "online": _("online"),
    "street": _("street"),
    "other": _("elsewhere"),
}
NEXT_STEPS = {
    "call_112_then_report": {
        "title": _("Call 112 now"),
        "text": _(
            "There is acute danger. Call 112 first. When the person is safe, report to the "
            "regional care coordinator for human trafficking (step 5 of the reporting code)."
        ),
    },
    "consult": {
        "title": _("Next step: consult (step 2 of the reporting code)"),
        "text": _(
            "Discuss what you saw with a colleague or an expert, anonymously if you wish: "
            "Veilig Thuis (0800-2000, free) or the regional care coordinator for human "
            "trafficking. Then talk with the person (step 3) and weigh the situation (step 4)."
        ),
    },
    "map_signals": {
        "title": _("Next step: keep mapping signals (step 1 of the reporting code)"),
        "text": _(
            "Write down what you see and hear, with dates, facts only. Stay alert to further "
            "signals. If you are in doubt, consult Veilig Thuis or a colleague (step 2)."
        ),
    },
    "keep_watch": {
        "title": _("No indication from these answers"),
        "text": _(
            "The signals you ticked do not point at human trafficking. If your worry stays, "
            "trust it: write down what you see and consult Veilig Thuis (0800-2000)."
        ),
    },
}
