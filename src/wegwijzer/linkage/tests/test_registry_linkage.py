"""Linking the registry: runs, incremental linking, decisions, bad encodings, atomicity."""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.tests import factories as accounts
from wegwijzer.audit.models import AuditEntry
from wegwijzer.linkage import matcher, services
from wegwijzer.linkage.encoding import EncodedIdentity
from wegwijzer.linkage.model import Model
from wegwijzer.linkage.models import Decision, LinkedRecord, LinkRun, Person, ScoredPair
from wegwijzer.linkage.quality import pairwise_scores, same_persons
from wegwijzer.linkage.synthetic import generate
from wegwijzer.linkage.table import EncodedTable
from wegwijzer.registry import services as registry
from wegwijzer.registry.constants import Source
from wegwijzer.registry.models import IdentifierSet, Registration
from wegwijzer.registry.tests.factories import WITH_CONSENT, cleaned

pytestmark = pytest.mark.django_db

ORGANISATIONS = ("police", "kmar", "labour_inspectorate", "care")


def register_synthetic(registrations) -> dict[int, int]:
    """Register synthetic reports at their organisations; returns registration id -> the
    true person."""
    base = cleaned(WITH_CONSENT)
    rows: dict[str, list] = {}
    truth_of_reference = {}
    for report in registrations:
        identity = report.identity
        row = {
            **base,
            "given_names": identity.given_names,
            "family_names": identity.family_names,
            "date_of_birth": identity.date_of_birth,
            "document_number": identity.document_number or "",
        }
        kind = ORGANISATIONS[report.record_id % len(ORGANISATIONS)]
        reference = f"synthetic-{report.record_id}"
        rows.setdefault(kind, []).append((row, reference))
        truth_of_reference[reference] = report.person_id
    for kind, group in rows.items():
        organisation = accounts.organisation(f"demo-{kind}", kind=kind)
        registry.register_many(group, organisation=organisation, actor=None, source=Source.DEMO)
    found = Registration.objects.filter(reference__in=truth_of_reference)
    return {r.pk: truth_of_reference[r.reference] for r in found}


def partition() -> dict[int, int]:
    """registration id -> person id, as stored."""
    return dict(LinkedRecord.objects.values_list("identifiers__registration_id", "person_id"))


def same_partition(a: dict, b: dict) -> bool:
    """Two registration -> person mappings group the same registrations together."""
    keys = sorted(a)
    return a.keys() == b.keys() and same_persons([a[k] for k in keys], [b[k] for k in keys])


@pytest.fixture(scope="module")
def population():
    return generate(900, seed=11)


def test_a_full_run_finds_the_persons(population):
    truth = register_synthetic(population)
    link_run = services.run()
    stored = partition()
    assert link_run.kind == LinkRun.Kind.FULL and link_run.report["records"] == len(truth)
    ids = sorted(stored)
    scores = pairwise_scores([truth[i] for i in ids], [stored[i] for i in ids])
    assert scores["f1"] > 0.9
    assert Person.objects.count() == len(set(stored.values())) == link_run.report["persons"]
    # every registration that got a person is in the audit trail as linked
    linked = AuditEntry.objects.filter(action="link", object_type="registration")
    assert linked.count() == len(truth)
    call_command("verify_audit", stdout=io.StringIO())


def test_incremental_run_links_only_the_new_and_matches_a_full_run(population):
    first, later = population[:600], population[600:]
    register_synthetic(first)
    full = services.run()
    register_synthetic(later)
    incremental = services.run()
    assert incremental.kind == LinkRun.Kind.INCREMENTAL
    assert incremental.report["added"] == len(later)
    assert incremental.report["grown"] > 0  # later reports of persons seen before

    # the same persons as a full run with the same model on the same records
    rows = IdentifierSet.objects.order_by("linked__position")
    key = registry.identifier_key()
    encodings = [EncodedIdentity.from_dict(e, key) for e in rows.values_list("encoding", flat=True)]
    result = matcher.link(EncodedTable.from_encodings(encodings), model=Model.from_dict(full.model))
    registrations = list(rows.values_list("registration_id", flat=True))
    expected = {r: int(label) for r, label in zip(registrations, result.labels, strict=True)}
    assert same_partition(partition(), expected)
    assert 0 < incremental.compared < result.candidates  # old pairs were not compared again


def test_a_second_run_changes_nothing(population):
    register_synthetic(population[:300])
    services.run()
    before, entries = partition(), AuditEntry.objects.count()
    again = services.run()
    assert partition() == before
    assert again.report["added"] == 0 and again.report["merged"] == again.report["split"] == []
    assert AuditEntry.objects.count() == entries


def test_an_interrupted_run_leaves_the_persons_as_they_were(population, monkeypatch):
    register_synthetic(population[:300])
    services.run()
    before = partition()
    pairs = ScoredPair.objects.count()
    register_synthetic(population[300:500])

    def broken(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(services, "_save_pairs", broken)
    with pytest.raises(RuntimeError):
        services.run()
    assert partition() == before and ScoredPair.objects.count() == pairs
    monkeypatch.undo()
    assert services.run().report["added"] == 200


def test_empty_and_single_record_registries_link_without_error():
    empty = services.run()
    assert empty.report["records"] == 0 and Person.objects.count() == 0
    organisation = accounts.organisation()
    registry.register(
        cleaned(WITH_CONSENT), organisation=organisation, actor=None, source=Source.WEB
    )
    one = services.run()
    assert one.report["records"] == 1 and Person.objects.count() == 1


def _damage(identifier_set, **changes):
    identifier_set.encoding = {**identifier_set.encoding, **changes}
    identifier_set.save()


def test_encodings_of_another_key_or_length_are_refused_and_the_rest_linked(population):
    register_synthetic(population[:200])
    other_key, short = IdentifierSet.objects.order_by("pk")[:2]
    _damage(other_key, fingerprint="0" * 16)
    _damage(short, given="AAAA")
    out = _run_command_expecting_refusal()
    refused = {r["registration"]: r["code"] for r in out["refused"]}
    assert refused == {
        str(other_key.registration.public_id): "wrong_key",
        str(short.registration.public_id): "wrong_length",
    }
    assert LinkedRecord.objects.count() == 198
    assert "andere sleutel" in json.dumps(out["refused"], ensure_ascii=False)


def _run_command_expecting_refusal() -> dict:
    stdout = io.StringIO()
    with pytest.raises(CommandError, match="2 registraties"):
        call_command("link", "--json", stdout=stdout)
    return json.loads(stdout.getvalue())


def test_a_linked_encoding_that_no_longer_reads_stops_the_run_and_changes_nothing(population):
    register_synthetic(population[:200])
    services.run()
    before = partition()
    _damage(IdentifierSet.objects.filter(linked__isnull=False).first(), fingerprint="0" * 16)
    with pytest.raises(services.LinkageError, match="sleutel"), translation.override("nl"):
        services.run()
    assert partition() == before


def _two_persons():
    """Registration ids of two records in different persons, and of two in one person."""
    by_person: dict = {}
    for record, person in partition().items():
        by_person.setdefault(person, []).append(record)
    singles = [records[0] for records in by_person.values() if len(records) == 1]
    pair = next(records[:2] for records in by_person.values() if len(records) >= 2)
    return singles[:2], pair


def test_merge_and_split_are_audited_and_reversible(population):
    register_synthetic(population[:400])
    services.run()
    registrar = accounts.user(Role.REGISTRAR)
    before = partition()
    (a, b), (c, d) = _two_persons()

    merged = services.decide(a, b, "same", actor=registrar)
    assert partition()[a] == partition()[b]
    assert merged.kind == LinkRun.Kind.DECISION
    split = services.decide(c, d, "different", actor=registrar)
    assert partition()[c] != partition()[d] and split.report["split"]
    entries = AuditEntry.objects.filter(object_type="registration")
    audited = [e for e in entries if "decision" in e.fields]
    assert {(e.action, e.actor_id) for e in audited} == {
        ("link", registrar.pk),
        ("unlink", registrar.pk),
    }

    # decisions hold through later runs, incremental and full
    register_synthetic(population[400:500])
    services.run()
    services.run(full=True)
    assert partition()[a] == partition()[b] and partition()[c] != partition()[d]

    for decision in Decision.objects.filter(withdrawn_at=None):
        services.withdraw(decision, actor=registrar)
    now = partition()
    assert now[a] != now[b] and now[c] == now[d]
    assert Decision.objects.filter(withdrawn_at=None).count() == 0
    assert Decision.objects.count() == 2  # withdrawn, never deleted
    assert before.keys() <= now.keys()


def test_a_new_verdict_on_a_pair_replaces_the_old_one(population):
    register_synthetic(population[:200])
    services.run()
    registrar = accounts.user(Role.REGISTRAR)
    (a, b), _pair = _two_persons()
    services.decide(a, b, "same", actor=registrar)
    services.decide(b, a, "different", actor=registrar)
    active = Decision.objects.get(withdrawn_at=None)
    assert active.verdict == "different" and (active.left_id, active.right_id) == (
        min(a, b),
        max(a, b),
    )
    assert partition()[a] != partition()[b]


def test_decisions_need_linked_registrations():
    organisation = accounts.organisation()
    first = registry.register(
        cleaned(WITH_CONSENT), organisation=organisation, actor=None, source=Source.WEB
    )
    second = registry.register(
        cleaned({**WITH_CONSENT, "given_names": "Eva"}),
        organisation=organisation,
        actor=None,
        source=Source.WEB,
    )
    with pytest.raises(services.LinkageError):
        services.decide(first.pk, second.pk, "same", actor=None)
    with pytest.raises(services.LinkageError):
        services.decide(first.pk, first.pk, "same", actor=None)


def test_withdrawn_consent_takes_the_record_out_and_the_next_run_closes_the_gap(population):
    register_synthetic(population[:300])
    services.run()
    registrar = accounts.user(Role.REGISTRAR)
    (a, _b), (c, d) = _two_persons()
    registry.withdraw_consent(Registration.objects.get(pk=c), actor=registrar)
    assert c not in partition()
    again = services.run()
    assert again.kind == LinkRun.Kind.FULL  # positions had a hole
    positions = sorted(LinkedRecord.objects.values_list("position", flat=True))
    assert positions == list(range(len(positions)))
    assert d in partition() and again.report["persons_removed"] == 0


def test_linked_persons_feed_the_statistics_and_the_estimation(client):
    from django.core.cache import cache

    from wegwijzer.estimation import selectors as estimation
    from wegwijzer.registry import demo
    from wegwijzer.stats import selectors as stats

    cache.clear()
    demo.load(years=range(2024, 2026), persons_per_year=300, seed=5)
    assert stats.current_publication().unit == "registrations"
    services.run()
    published = stats.current_publication()  # a new linkage run is a new data version
    assert published.unit == "persons"
    year = published.years[-1]
    in_year = Registration.objects.filter(year=year)
    linked = in_year.filter(identifiers__linked__isnull=False)
    expected = (
        linked.values("identifiers__linked__person").distinct().count()
        + in_year.filter(identifiers__linked__isnull=True).count()
    )
    totals = published.table("totals")
    assert totals.value("persons", year) == expected < totals.value("registrations", year)
    assert "Personen" in client.get("/nl/cijfers/").content.decode()

    # the capture histories: one per person, with every organisation type that reported them
    histories, notices = estimation.people(year)
    assert len(histories) == linked.values("identifiers__linked__person").distinct().count()
    person = linked.values_list("identifiers__linked__person", flat=True).first()
    kinds = set(
        linked.filter(identifiers__linked__person=person).values_list(
            "organisation_type", flat=True
        )
    )
    assert kinds in [types for types, _stratum in histories]
    assert notices == in_year.filter(identifiers__isnull=True).count()


def test_when_every_linked_record_is_gone_the_next_run_estimates_the_model_afresh(population):
    register_synthetic(population[:200])
    services.run()
    Registration.objects.all().delete()  # say, the demo set unloaded
    register_synthetic(population[200:500])
    again = services.run()
    assert again.kind == LinkRun.Kind.FULL and again.report["fitted_on"] == 300
    assert again.report["persons_removed"] > 0
    assert not Person.objects.filter(records__isnull=True).exists()


def test_loading_the_demo_links_it():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "Linked into" in out.getvalue()
    assert LinkedRecord.objects.count() == IdentifierSet.objects.count() > 0


def test_the_command_reports_in_dutch_with_a_progress_bar_only_on_a_terminal(
    population, monkeypatch
):
    import sys

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    register_synthetic(population[:300])
    terminal, out = Terminal(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", terminal)
    call_command("link", stdout=out)
    assert "laden" in terminal.getvalue() and "koppelen [" in terminal.getvalue()
    assert "registraties gekoppeld" in out.getvalue() and "300" in out.getvalue()
    register_synthetic(population[300:400])
    piped, out = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    call_command("link", "--language=en", stdout=out)
    assert piped.getvalue() == ""
    assert re.search(r"of which new in this run\s+100\n", out.getvalue())
