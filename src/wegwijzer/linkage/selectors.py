"""Reads for the registrar's review: pairs, their explanation, persons. All audited."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from wegwijzer.audit import services as audit
from wegwijzer.linkage import matcher
from wegwijzer.linkage.encoding import EncodedIdentity
from wegwijzer.linkage.model import Model
from wegwijzer.linkage.models import Decision, LinkedRecord, LinkRun, Person, ScoredPair
from wegwijzer.linkage.services import pending_reviews
from wegwijzer.linkage.table import EncodedTable
from wegwijzer.registry.models import Registration
from wegwijzer.registry.services import identifier_key

SHOWN_FIELDS = ["organisation", "registration_date", "gender", "age", "nationality", "forms"]
QUEUE_SIZE = 50


def _read(user, registrations, request, fields=SHOWN_FIELDS):
    audit.log_many("read", actor=user, object_type="registration",
                   object_ids=[str(r.public_id) for r in registrations], fields=fields,
                   request=request)  # fmt: skip


def _registrations():
    return Registration.objects.select_related("organisation", "identifiers__linked")


def queue(user, *, request=None):
    """The first pairs waiting for review, strongest first, as (pair, left, right)."""
    pairs = list(
        pending_reviews().select_related(
            "left__identifiers__registration__organisation",
            "right__identifiers__registration__organisation",
        )[:QUEUE_SIZE]
    )
    rows = [
        (pair, pair.left.identifiers.registration, pair.right.identifiers.registration)
        for pair in pairs
    ]
    _read(user, [r for _pair, left, right in rows for r in (left, right)], request)
    return rows, pending_reviews().count()


def last_run() -> LinkRun | None:
    return LinkRun.objects.order_by("-pk").first()


def pair(user, left_public_id, right_public_id, *, request=None) -> dict:
    """Two registrations side by side, the weight the model gives them field by field, where
    the linkage put them and the registrar's active decision on them."""
    left = get_object_or_404(_registrations(), public_id=left_public_id)
    right = get_object_or_404(_registrations(), public_id=right_public_id)
    _read(user, [left, right], request, fields=[*SHOWN_FIELDS, "identifiers", "person"])
    low, high = sorted((left.pk, right.pk))
    decision = Decision.objects.filter(left_id=low, right_id=high, withdrawn_at=None).first()
    persons = [_person_of(left), _person_of(right)]
    return {
        "left": left,
        "right": right,
        "persons": persons,
        "same_person": persons[0] is not None and persons[0] == persons[1],
        "decision": decision,
        "explanation": explanation(left, right),
        "linked": None not in persons,
    }


def _person_of(registration):
    linked = getattr(getattr(registration, "identifiers", None), "linked", None)
    return linked.person_id if linked else None


def explanation(left, right) -> list[dict] | None:
    """matcher.explain for two registrations, or None when either has no identifiers or no
    model exists yet."""
    run = LinkRun.objects.exclude(model=None).order_by("-pk").first()
    sets = [getattr(r, "identifiers", None) for r in (left, right)]
    if run is None or None in sets:
        return None
    key = identifier_key()
    table = EncodedTable.from_encodings([EncodedIdentity.from_dict(s.encoding, key) for s in sets])
    return matcher.explain(table, Model.from_dict(run.model), 0, 1)


def person(user, pk, *, request=None) -> dict:
    """A person's registrations, the scored pairs among them and the decisions on them."""
    found = get_object_or_404(Person, pk=pk)
    records = LinkedRecord.objects.filter(person=found).select_related(
        "identifiers__registration__organisation"
    )
    registrations = [r.identifiers.registration for r in records.order_by("position")]
    _read(user, registrations, request)
    ids = [r.pk for r in registrations]
    pairs = ScoredPair.objects.filter(left__person=found, right__person=found).select_related(
        "left__identifiers__registration", "right__identifiers__registration"
    )
    decisions = Decision.objects.filter(Q(left_id__in=ids) | Q(right_id__in=ids), withdrawn_at=None)
    return {
        "person": found,
        "registrations": registrations,
        "pairs": pairs.order_by("-weight"),
        "decisions": decisions.select_related("left", "right", "decided_by").order_by("-pk"),
    }
