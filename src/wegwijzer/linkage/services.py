"""Linking the registry: runs of the matcher on the stored encodings, the registrar's
decisions, and the persons they produce. Everything here writes in one transaction per
run, so a run that stops half-way leaves the persons as they were; a rerun starts again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wegwijzer.audit.services import log_many
from wegwijzer.linkage import matcher
from wegwijzer.linkage.encoding import EncodedIdentity, EncodingError
from wegwijzer.linkage.matcher import Decisions, LinkResult, Thresholds
from wegwijzer.linkage.model import Model
from wegwijzer.linkage.models import Decision, LinkedRecord, LinkRun, Person, ScoredPair
from wegwijzer.linkage.table import EncodedTable
from wegwijzer.registry.models import IdentifierSet, Registration
from wegwijzer.registry.services import identifier_key

Progress = Callable[[str, int, int], None]  # (stage, done, total)
CHUNK = 5000
REFIT_GROWTH = 2  # suggest a full run once the registry has grown this many times over


class LinkageError(Exception):
    """A run that cannot go ahead; the message is in the user's language."""


@dataclass
class _Records:
    """The records of one run in position order: their identifier sets, registrations,
    current persons (None for new records) and the encoded table."""

    identifier_ids: list[int] = field(default_factory=list)
    registration_ids: list[int] = field(default_factory=list)
    public_ids: list[str] = field(default_factory=list)
    persons: list[int | None] = field(default_factory=list)
    encodings: list[EncodedIdentity] = field(default_factory=list)
    refused: list[dict] = field(default_factory=list)

    def add(self, identifier_id, registration_id, public_id, person_id, encoding):
        self.identifier_ids.append(identifier_id)
        self.registration_ids.append(registration_id)
        self.public_ids.append(str(public_id))
        self.persons.append(person_id)
        self.encodings.append(encoding)


def run(*, actor=None, full: bool = False, progress: Progress | None = None) -> LinkRun:
    """Link the registrations not yet linked against the persons that exist (or, with
    `full`, everything afresh with a newly estimated model). Returns the run with its report."""
    progress = progress or (lambda stage, done, total: None)
    with transaction.atomic():
        _lock()
        previous = LinkRun.objects.exclude(model=None).order_by("-pk").first()
        linked = LinkedRecord.objects.count()
        gaps = linked and LinkedRecord.objects.order_by("-position")[0].position != linked - 1
        # Records whose identifiers were removed leave holes in the positions: close them by
        # linking everything again with the model in use (the persons come out the same).
        refit = full or previous is None or linked == 0  # nothing left to keep a model for
        full = refit or bool(gaps)
        records = _load(include_new=True, progress=progress)
        n = len(records.encodings)
        first_new = n - records.persons.count(None)
        model = None if refit else _model(previous)
        kind = LinkRun.Kind.FULL if full else LinkRun.Kind.INCREMENTAL
        link_run = LinkRun.objects.create(kind=kind, actor=actor, records=n, added=n - first_new)
        progress("link", 0, 1)
        table = EncodedTable.from_encodings(records.encodings)
        decisions = _decisions(records.registration_ids)
        if full:
            result = matcher.link(table, model=model, decisions=decisions)
        else:
            prior = _previous_result(records, first_new, model)
            result = matcher.link_new(table, first_new, prior, decisions=decisions)
        progress("link", 1, 1)
        report = _save(
            link_run,
            records,
            result,
            rebuild_all=full,
            first_new=first_new,
            actor=actor,
            progress=progress,
        )
        fitted_on = len(table) if model is None else (previous.report.get("fitted_on") or n)
        report.update(refused=records.refused, fitted_on=fitted_on)
        report["refit_advised"] = n >= REFIT_GROWTH * max(fitted_on, 1) and n > 1
        return _finish(link_run, report, result.model)


def decide(left_id: int, right_id: int, verdict: str, *, actor, request=None) -> LinkRun:
    """Record the registrar's verdict on two registrations (replacing an earlier one on the
    same pair) and regroup the persons it touches at once."""
    if verdict not in Decision.Verdict.values:
        raise LinkageError(_("Unknown verdict."))
    left_id, right_id = sorted((left_id, right_id))
    if left_id == right_id:
        raise LinkageError(_("A registration cannot be compared with itself."))
    with transaction.atomic():
        _lock()
        _withdraw_active(left_id, right_id, actor)
        decision = Decision.objects.create(
            left_id=left_id, right_id=right_id, verdict=verdict, decided_by=actor
        )
        action = "link" if verdict == Decision.Verdict.SAME else "unlink"
        log_many(
            action,
            actor=actor,
            object_type="registration",
            object_ids=_public_ids(left_id, right_id),
            fields=["decision"],
            request=request,
        )
        link_run = _regroup([left_id, right_id], actor=actor)
        link_run.report["decision"] = decision.pk
        link_run.save(update_fields=["report"])
        return link_run


def withdraw(decision: Decision, *, actor, request=None) -> LinkRun:
    """Undo a merge or a split: the verdict stops counting and the weights decide again."""
    with transaction.atomic():
        _lock()
        if decision.withdrawn_at is not None:
            raise LinkageError(_("This decision was already withdrawn."))
        _withdraw_active(decision.left_id, decision.right_id, actor)
        log_many(
            "unlink" if decision.verdict == Decision.Verdict.SAME else "link",
            actor=actor,
            object_type="registration",
            object_ids=_public_ids(decision.left_id, decision.right_id),
            fields=["decision"],
            request=request,
        )
        return _regroup([decision.left_id, decision.right_id], actor=actor)


def _public_ids(*registration_ids) -> list[str]:
    found = dict(
        Registration.objects.filter(pk__in=registration_ids).values_list("pk", "public_id")
    )
    return [str(found[r]) for r in registration_ids if r in found]


def _withdraw_active(left_id, right_id, actor):
    Decision.objects.filter(left_id=left_id, right_id=right_id, withdrawn_at=None).update(
        withdrawn_at=timezone.now(), withdrawn_by=actor
    )


def _regroup(registration_ids: list[int], *, actor) -> LinkRun:
    """Rebuild the persons of the given (linked) registrations under the active decisions,
    with the model of the last run and without comparing anything anew."""
    previous = LinkRun.objects.exclude(model=None).order_by("-pk").first()
    if previous is None:
        raise LinkageError(_("Nothing has been linked yet: run the linkage first."))
    records = _load(include_new=False)
    position = {r: p for p, r in enumerate(records.registration_ids)}
    missing = [r for r in registration_ids if r not in position]
    if missing:
        raise LinkageError(_("These registrations are not linked yet: run the linkage first."))
    model = _model(previous)
    table = EncodedTable.from_encodings(records.encodings)
    n = len(table)
    prior = _previous_result(records, n, model)
    also = np.array([position[r] for r in registration_ids], np.int64)
    result = matcher.link_new(
        table, n, prior, decisions=_decisions(records.registration_ids), also=also
    )
    link_run = LinkRun.objects.create(kind=LinkRun.Kind.DECISION, actor=actor, records=n)
    report = _save(link_run, records, result, rebuild_all=False, first_new=n, actor=actor)
    report["fitted_on"] = previous.report.get("fitted_on")
    return _finish(link_run, report, model)


def _lock():
    """One linkage at a time: runs and decisions queue behind each other. (SQLite allows
    one writing transaction at a time anyway.)"""
    if transaction.get_connection().vendor == "postgresql":
        with transaction.get_connection().cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(273)")  # 273: the article, a mnemonic


def _load(*, include_new: bool, progress: Progress | None = None) -> _Records:
    """Linked records in position order, then (optionally) the unlinked ones by registration.
    An encoding made with another key or damaged is refused: for a linked record that stops
    the run (the key changed), for a new one it is reported and left unlinked."""
    key = identifier_key()
    records = _Records()
    linked = IdentifierSet.objects.filter(linked__isnull=False).order_by("linked__position")
    rows = list(
        linked.values_list(
            "id", "registration_id", "registration__public_id", "linked__person_id", "encoding"
        )
    )
    fresh = []
    if include_new:
        new = IdentifierSet.objects.filter(linked__isnull=True).order_by("registration_id")
        fresh = list(
            new.values_list("id", "registration_id", "registration__public_id", "encoding")
        )
    total = len(rows) + len(fresh)
    for done, (identifier_id, registration_id, public_id, person_id, data) in enumerate(rows, 1):
        try:
            encoding = EncodedIdentity.from_dict(data, key)
        except EncodingError as error:
            raise LinkageError(
                _(
                    "Registration %(id)s, already linked, has an encoding this server cannot "
                    "read (%(reason)s). Was the identifier key changed? Nothing was changed."
                )
                % {"id": registration_id, "reason": _message(error)}
            ) from None
        records.add(identifier_id, registration_id, public_id, person_id, encoding)
        if progress and done % CHUNK == 0:
            progress("load", done, total)
    for done, (identifier_id, registration_id, public_id, data) in enumerate(fresh, len(rows) + 1):
        try:
            encoding = EncodedIdentity.from_dict(data, key)
            records.add(identifier_id, registration_id, public_id, None, encoding)
        except EncodingError as error:
            records.refused.append(
                {"registration": str(public_id), "code": error.code, "reason": _message(error)}
            )
        if progress and done % CHUNK == 0:
            progress("load", done, total)
    if progress:
        progress("load", total, total)
    return records


def _message(error: EncodingError) -> str:
    return error.nl if (get_language() or "nl").startswith("nl") else error.en


def _model(run: LinkRun) -> Model:
    return Model.from_dict(run.model)


def _decisions(registration_ids: list[int]) -> Decisions:
    """The active decisions between records of this run, in positions."""
    position = {r: p for p, r in enumerate(registration_ids)}
    decisions = Decisions()
    for left, right, verdict in Decision.objects.filter(withdrawn_at=None).values_list(
        "left_id", "right_id", "verdict"
    ):
        if left in position and right in position:
            which = decisions.same if verdict == Decision.Verdict.SAME else decisions.different
            which.append((position[left], position[right]))
    return decisions


def _previous_result(records: _Records, first_new: int, model: Model) -> LinkResult:
    """The stored state of the first `first_new` records as the matcher's result."""
    pairs = np.array(
        ScoredPair.objects.values_list("left__position", "right__position", "weight"),
        dtype=np.float64,
    ).reshape(-1, 3)
    order = np.lexsort((pairs[:, 1], pairs[:, 0]))
    pairs = pairs[order]
    persons = np.array(records.persons[:first_new], np.int64)
    labels = np.arange(first_new, dtype=np.int64)
    if first_new:  # label = smallest position among the person's records
        _, first, inverse = np.unique(persons, return_index=True, return_inverse=True)
        labels = first[inverse].astype(np.int64)
    return LinkResult(
        left=pairs[:, 0].astype(np.int64),
        right=pairs[:, 1].astype(np.int64),
        weight=pairs[:, 2].astype(np.float32),
        labels=labels,
        model=model,
        thresholds=Thresholds(),
    )


def _assign_persons(labels: np.ndarray, old: list[int | None]) -> list[int]:
    """A person id per record: each group of records keeps the person most of its records
    had (larger groups choose first), so ids stay stable. A group that needs a new person
    gets a negative placeholder of its own."""
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(position)
    chosen: list[int] = [0] * len(labels)
    claimed: set[int] = set()
    for members in sorted(groups.values(), key=lambda m: (-len(m), m[0])):
        counts = Counter(old[p] for p in members if old[p] is not None)
        ranked = sorted(counts, key=lambda person: (-counts[person], person))
        keep = next((person for person in ranked if person not in claimed), None)
        if keep is not None:
            claimed.add(keep)
        for p in members:
            chosen[p] = keep if keep is not None else -members[0] - 1  # placeholder per group
    return chosen


def _save(link_run, records, result, *, rebuild_all, first_new, actor, progress=None):
    """Store positions, persons and pairs of `result`; audit every registration whose person
    changed; return the report of what changed."""
    n = len(records.encodings)
    old = list(records.persons)
    chosen = _assign_persons(result.labels, old)
    placeholders = sorted({c for c in chosen if c < 0})
    created = Person.objects.bulk_create([Person() for _ in placeholders])
    new_id = {ph: person.pk for ph, person in zip(placeholders, created, strict=True)}
    final = [new_id.get(c, c) for c in chosen]

    if rebuild_all:
        ScoredPair.objects.all().delete()
        LinkedRecord.objects.all().delete()
        LinkedRecord.objects.bulk_create(
            [
                LinkedRecord(
                    identifiers_id=records.identifier_ids[p], position=p, person_id=final[p]
                )
                for p in range(n)
            ],
            batch_size=CHUNK,
        )
        keep = np.ones(len(result.left), bool)
    else:
        LinkedRecord.objects.bulk_create(
            [
                LinkedRecord(
                    identifiers_id=records.identifier_ids[p], position=p, person_id=final[p]
                )
                for p in range(first_new, n)
            ],
            batch_size=CHUNK,
        )
        moved: dict[int, list[int]] = {}
        for p in range(first_new):
            if final[p] != old[p]:
                moved.setdefault(final[p], []).append(p)
        for person, positions in moved.items():
            LinkedRecord.objects.filter(position__in=positions).update(person_id=person)
        keep = (result.left >= first_new) | (result.right >= first_new)
    _save_pairs(result, keep, progress)
    emptied = Person.objects.filter(records__isnull=True)
    report = _report(old, final, first_new, emptied_count=emptied.count())
    emptied.delete()

    changed = [p for p in range(n) if final[p] != old[p]]
    log_many(
        "link",
        actor=actor,
        object_type="registration",
        object_ids=[records.public_ids[p] for p in changed],
        fields=["person"],
    )
    report["compared"] = result.candidates
    link_run.compared = result.candidates
    return report


def _save_pairs(result, keep, progress):
    id_of = dict(LinkedRecord.objects.values_list("position", "id"))
    rows = np.flatnonzero(keep)
    total = len(rows)
    for start in range(0, total, CHUNK):
        part = rows[start : start + CHUNK]
        ScoredPair.objects.bulk_create(
            ScoredPair(
                left_id=id_of[int(result.left[k])],
                right_id=id_of[int(result.right[k])],
                weight=float(result.weight[k]),
            )
            for k in part
        )
        if progress:
            progress("save", min(start + CHUNK, total), total)


def _report(old, final, first_new, *, emptied_count) -> dict:
    """Counts of what changed, with the persons concerned (ids only)."""
    changes = matcher.changes(
        np.array([o if o is not None else -1 for o in old[:first_new]], np.int64),
        np.array(final, np.int64),
    )
    return {
        "records": len(final),
        "added": len(final) - first_new,
        "persons": len(set(final)),
        "new_persons": len(changes["new"]),
        "grown": len(changes["grown"]),
        "merged": changes["merged"],
        "split": changes["split"],
        "persons_removed": emptied_count,
    }


def _finish(link_run: LinkRun, report: dict, model: Model) -> LinkRun:
    report["review"] = pending_reviews().count()
    link_run.model = model.to_dict()
    link_run.report = report
    link_run.finished_at = timezone.now()
    link_run.save()
    return link_run


def pending_reviews():
    """Scored pairs in the uncertain band (or held apart by the chaining guard) whose two
    records are in different persons and on which the registrar has not decided."""
    thresholds = Thresholds()
    apart = ScoredPair.objects.filter(weight__gte=thresholds.review).exclude(
        left__person=F("right__person")
    )
    decided = Decision.objects.filter(withdrawn_at=None).values_list("left_id", "right_id")
    if decided:
        excluded = Q()
        for left, right in decided:
            excluded |= Q(
                left__identifiers__registration_id__in=(left, right),
                right__identifiers__registration_id__in=(left, right),
            )
        apart = apart.exclude(excluded)
    return apart.order_by("-weight", "pk")
