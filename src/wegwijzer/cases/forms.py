from django import forms
from django.utils.translation import gettext_lazy as _

from wegwijzer.cases import labels
from wegwijzer.cases.weighing import ANSWERS, WeighingError, next_step
from wegwijzer.directory import regions


class WeighingForm(forms.Form):
    """One question of the weighing framework; earlier answers travel along, hidden."""

    answers = forms.CharField(required=False, widget=forms.HiddenInput)
    answer = forms.CharField(required=False)
    place = forms.CharField(
        label=_("Municipality or postcode (4 digits), to find where to report"),
        required=False,
        max_length=100,
    )
    minor = forms.BooleanField(label=_("The person is a minor"), required=False)

    def earlier_answers(self) -> list[str]:
        raw = (self.data.get("answers") or "").strip()
        return [a for a in raw.split(",") if a][:10]

    def clean(self):
        cleaned = super().clean()
        given = self.earlier_answers()
        answer = cleaned.get("answer")
        try:
            position = next_step(given)
            if answer:
                position = next_step([*given, answer])
        except WeighingError:
            raise forms.ValidationError(_("Choose one of the answers.")) from None
        cleaned["position"] = position
        place = (cleaned.get("place") or "").strip()
        cleaned["municipality"] = None
        if place:
            found = regions.lookup(place)
            if found.status != "found":
                self.add_error("place", _("Type a Dutch municipality or a 4-digit postcode."))
            cleaned["municipality"] = found.municipality
        return cleaned


def answer_choices(question: str):
    return [(value, labels.ANSWERS[value]) for value in ANSWERS[question]]
