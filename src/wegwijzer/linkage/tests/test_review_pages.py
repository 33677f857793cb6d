"""The registrar's review pages: who may enter, what they show, and deciding through them."""

import pytest
from django.urls import reverse

from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.tests import factories as accounts
from wegwijzer.audit.models import AuditEntry
from wegwijzer.linkage import services
from wegwijzer.linkage.models import Decision, LinkedRecord, ScoredPair
from wegwijzer.linkage.synthetic import generate
from wegwijzer.linkage.tests.test_registry_linkage import register_synthetic
from wegwijzer.registry.tests.test_role_boundaries import as_, outcome

pytestmark = pytest.mark.django_db

ROLES = {
    "anonymous": "login",
    "unverified_signaller": "second-factor",
    "signaller": 403,
    "analyst": 403,
    "administrator": 403,
    "registrar": 200,
}


@pytest.fixture
def world():
    own = accounts.organisation("politie-oost")
    people = {
        "signaller": accounts.user(Role.SIGNALLER, own),
        "registrar": accounts.user(Role.REGISTRAR),
        "analyst": accounts.user(Role.ANALYST),
        "administrator": accounts.user(Role.ADMINISTRATOR),
        "unverified_signaller": accounts.user(Role.SIGNALLER, own, username="no-otp"),
    }
    register_synthetic(generate(500, seed=3))
    services.run()
    uncertain = services.pending_reviews().first()
    assert uncertain is not None, "the synthetic set should leave something to review"
    return {"people": people, "pair": uncertain}


def pair_url(pair):
    left = pair.left.identifiers.registration.public_id
    right = pair.right.identifiers.registration.public_id
    return reverse("linkage:pair", kwargs={"left": left, "right": right})


def endpoints(world):
    pair = world["pair"]
    return {
        "queue": ("get", reverse("linkage:queue")),
        "pair": ("get", pair_url(pair)),
        "person": ("get", reverse("linkage:person", kwargs={"pk": pair.left.person_id})),
        "decide": ("post", pair_url(pair)),
    }


@pytest.mark.parametrize("endpoint", ["queue", "pair", "person", "decide"])
@pytest.mark.parametrize(("who", "expected"), ROLES.items())
def test_only_the_registrar_reviews(client, world, who, expected, endpoint):
    method, url = endpoints(world)[endpoint]
    response = getattr(as_(client, world, who), method)(url, {"verdict": "same"})
    if endpoint == "decide" and who == "registrar":
        expected = 302
    assert outcome(response) == expected
    assert Decision.objects.exists() == (endpoint == "decide" and who == "registrar")
    assert AuditEntry.objects.filter(action="read").exists() == (expected == 200)


def test_a_decision_can_be_withdrawn_by_the_registrar_only(client, world):
    pair = world["pair"]
    registrar = world["people"]["registrar"]
    left = pair.left.identifiers.registration
    right = pair.right.identifiers.registration
    decision_run = services.decide(left.pk, right.pk, "same", actor=registrar)
    decision = Decision.objects.get(pk=decision_run.report["decision"])
    url = reverse("linkage:withdraw", kwargs={"pk": decision.pk})
    assert outcome(as_(client, world, "signaller").post(url)) == 403
    decision.refresh_from_db()
    assert decision.withdrawn_at is None
    client.logout()
    assert as_(client, world, "registrar").post(url).status_code == 302
    decision.refresh_from_db()
    assert decision.withdrawn_at is not None


def test_the_queue_and_the_pair_page_explain_in_dutch(client, world):
    registrar_client = as_(client, world, "registrar")
    queue = registrar_client.get(reverse("linkage:queue")).content.decode()
    assert "wachten op uw oordeel" in queue and pair_url(world["pair"]) in queue
    page = registrar_client.get(pair_url(world["pair"])).content.decode()
    assert "Voornamen" in page and "Koppelgewicht" in page
    for name in ("given_names", "family_names"):
        assert name not in page


def test_merging_from_the_pair_page_joins_the_persons_and_takes_the_pair_off_the_queue(
    client, world
):
    pair = world["pair"]
    waiting = services.pending_reviews().count()
    response = as_(client, world, "registrar").post(pair_url(pair), {"verdict": "same"})
    assert response.status_code == 302
    left, right = (LinkedRecord.objects.get(pk=r.pk) for r in (pair.left, pair.right))
    assert left.person_id == right.person_id
    assert services.pending_reviews().count() < waiting
    assert not services.pending_reviews().filter(pk=pair.pk).exists()
    assert ScoredPair.objects.filter(pk=pair.pk).exists()  # the score itself stays


def test_an_unknown_verdict_changes_nothing(client, world):
    response = as_(client, world, "registrar").post(pair_url(world["pair"]), {"verdict": "maybe"})
    assert response.status_code == 302
    assert not Decision.objects.exists()


def test_the_pair_page_names_the_forms_of_exploitation_in_words(client, world):
    page = as_(client, world, "registrar").get(pair_url(world["pair"])).content.decode()
    assert "Seksuele uitbuiting" in page and ">sexual<" not in page
