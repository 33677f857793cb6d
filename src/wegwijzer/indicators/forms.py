from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wegwijzer.directory import regions
from wegwijzer.indicators import labels
from wegwijzer.indicators.catalogue import load as load_catalogue

MINOR_CHOICES = [
    ("unknown", _("unknown")),
    ("yes", _("yes, under 18")),
    ("no", _("no, 18 or older")),
]


class CheckerForm(forms.Form):
    """What a professional saw, and the context. Nothing of it is stored."""

    signals = forms.MultipleChoiceField(
        label=_("What did you see or hear?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    age = forms.IntegerField(label=_("Age (if known)"), required=False, min_value=0, max_value=120)
    minor = forms.ChoiceField(
        label=_("Is the person a minor?"), choices=MINOR_CHOICES, initial="unknown",
        widget=forms.RadioSelect,
    )  # fmt: skip
    residence = forms.ChoiceField(
        label=_("Nationality or residence status"), choices=list(labels.RESIDENCE.items()),
        initial="unknown",
    )  # fmt: skip
    setting = forms.ChoiceField(
        label=_("Where did you meet the person?"), choices=list(labels.SETTINGS.items()),
        initial="unknown",
    )  # fmt: skip
    place = forms.CharField(
        label=_("Municipality or postcode (4 digits), for the contacts in that region"),
        required=False,
        max_length=100,
    )
    acute_danger = forms.BooleanField(
        label=_("There is acute danger: the person is not safe right now or in the coming days"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language()
        catalogue = load_catalogue()
        self.fields["signals"].choices = [
            (signal.id, signal.text(language)) for signal in catalogue.signals.values()
        ]
        self.fields["signals"].error_messages["invalid_choice"] = _(
            "“%(value)s” is not a signal in the list. Reload the page and tick again."
        )

    def clean_place(self):
        """The place decides the regional contacts; when it is unclear, ask rather than guess."""
        place = self.cleaned_data["place"].strip()
        self.municipality = None
        if not place:
            return place
        found = regions.lookup(place)
        if found.status == "found":
            self.municipality = found.municipality
        elif found.status == "choose":
            names = ", ".join(m.name for m in found.matches)
            raise forms.ValidationError(
                _("“%(place)s” fits several municipalities: %(names)s. Type the municipality."),
                params={"place": place, "names": names},
            )
        elif found.status == "not_found":
            raise forms.ValidationError(
                _("“%(place)s” is not a Dutch municipality or 4-digit postcode we know."),
                params={"place": place},
            )
        return place

    def clean(self):
        cleaned = super().clean()
        age, minor = cleaned.get("age"), cleaned.get("minor")
        if age is not None and minor in ("yes", "no") and (age < 18) != (minor == "yes"):
            self.add_error("minor", _("The age and the answer to “minor” contradict each other."))
        return cleaned

    def repost_fields(self) -> list[tuple[str, str]]:
        """The context answers as hidden fields, so the PDF button can post them once more."""
        data = self.cleaned_data
        fields = [(name, data[name]) for name in ("minor", "residence", "setting", "place")]
        if data["age"] is not None:
            fields.append(("age", str(data["age"])))
        if data["acute_danger"]:
            fields.append(("acute_danger", "on"))
        return fields

    def observation_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "signals": data["signals"],
            "age": data["age"],
            "minor": {"yes": True, "no": False}.get(data["minor"]),
            "residence": data["residence"],
            "setting": data["setting"],
            "acute_danger": data["acute_danger"],
        }
