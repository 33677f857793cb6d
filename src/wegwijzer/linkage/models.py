"""Persons as the linkage found them, the pairs it scored and the registrar's verdicts.

A registration takes part in linkage through its identifier encodings: when those go
(consent withdrawn, retention, erasure) its place in the linkage goes with them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wegwijzer.registry.models import IdentifierSet, Registration


class Person(models.Model):
    """One person: the registrations the linkage (and the registrar) hold to be theirs."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self):
        return f"person {self.pk}"


class LinkedRecord(models.Model):
    """A registration's row in the linkage: its position in the encoded table (the order in
    which records were first linked) and the person it belongs to."""

    identifiers = models.OneToOneField(
        IdentifierSet, on_delete=models.CASCADE, related_name="linked"
    )
    position = models.PositiveIntegerField(unique=True)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="records")

    def __str__(self):
        return f"record {self.position} of {self.person_id}"


class ScoredPair(models.Model):
    """A pair of records scored at or above the review threshold, with its match weight
    (log2 odds); the pairs below it are clearly two persons and are not kept."""

    left = models.ForeignKey(LinkedRecord, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(LinkedRecord, on_delete=models.CASCADE, related_name="+")
    weight = models.FloatField(_("match weight"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["left", "right"], name="one_score_per_pair"),
        ]

    def __str__(self):
        return f"pair {self.left_id}-{self.right_id} ({self.weight:.1f})"


class Decision(models.Model):
    """The registrar's verdict on two registrations; it overrides the weights until it is
    withdrawn (a merge or a split is undone by withdrawing it, never by deleting it)."""

    class Verdict(models.TextChoices):
        SAME = "same", _("the same person")
        DIFFERENT = "different", _("different persons")

    left = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    verdict = models.CharField(_("verdict"), max_length=12, choices=Verdict.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["left", "right"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_active_decision_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.verdict} {self.left_id}-{self.right_id}"


class LinkRun(models.Model):
    """One run of `wegwijzer link` or one regrouping after a decision, with the model it
    used (match and non-match probabilities, value frequencies: confidential, like the
    encodings) and what it changed."""

    class Kind(models.TextChoices):
        FULL = "full", _("full")
        INCREMENTAL = "incremental", _("incremental")
        DECISION = "decision", _("registrar's decision")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    records = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    compared = models.PositiveBigIntegerField(default=0)
    model = models.JSONField(null=True)
    report = models.JSONField(default=dict)

    class Meta:
        get_latest_by = "pk"

    def __str__(self):
        return f"{self.kind} run {self.pk}"
