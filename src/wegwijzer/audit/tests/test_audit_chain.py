"""The audit trail: appended in a chain, refused to change, and tampering found."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from wegwijzer.audit import chain
from wegwijzer.audit.models import AppendOnly, AuditEntry
from wegwijzer.audit.services import log, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar(db):
    return get_user_model().objects.create_user("registrar", password="a-long-pass-phrase-42")


def test_entries_chain_to_each_other_and_record_who_what_when_where(registrar):
    request = RequestFactory().get("/", REMOTE_ADDR="10.1.2.3")
    first = log(
        "read", actor=registrar, object_type="registration", object_id="abc", request=request
    )
    second = log("change", actor=registrar, object_type="registration", object_id="abc",
                 fields=["nationality", "gender", "nationality"])  # fmt: skip
    assert first.previous_hash == chain.GENESIS
    assert second.previous_hash == first.hash
    assert first.address == "10.1.2.3" and first.actor == "registrar"
    assert second.fields == ["gender", "nationality"]
    assert verify().ok and verify().checked == 2


def test_an_unknown_action_is_refused(registrar):
    with pytest.raises(ValueError, match="unknown audit action"):
        log("peek", actor=registrar, object_type="registration", object_id="x")


def test_the_model_refuses_to_change_or_delete_an_entry(registrar):
    entry = log("read", actor=registrar, object_type="registration", object_id="x")
    entry.object_id = "y"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()


def test_the_database_refuses_updates_and_deletes_too(registrar):
    log("read", actor=registrar, object_type="registration", object_id="x")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.update(object_id="tampered")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.all().delete()


def _drop_guard():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER audit_append_only ON audit_auditentry")
        else:
            cursor.execute("DROP TRIGGER audit_no_update")
            cursor.execute("DROP TRIGGER audit_no_delete")


def test_tampering_behind_the_guards_is_found_by_the_verify_command(registrar, capsys):
    for number in range(5):
        log("read", actor=registrar, object_type="registration", object_id=str(number))
    call_command("verify_audit")
    assert "5 entries" in capsys.readouterr().out
    _drop_guard()  # an attacker with database access; the test transaction restores it
    third = AuditEntry.objects.order_by("id")[2]
    AuditEntry.objects.filter(pk=third.pk).update(object_id="someone-else")
    verdict = verify()
    assert not verdict.ok and verdict.broken_at == third.pk and verdict.checked == 2
    with pytest.raises(CommandError, match=f"broken at entry {third.pk}"):
        call_command("verify_audit")


def test_removing_an_entry_breaks_the_chain(registrar):
    for number in range(3):
        log("read", actor=registrar, object_type="registration", object_id=str(number))
    _drop_guard()
    middle = AuditEntry.objects.order_by("id")[1]
    AuditEntry.objects.filter(pk=middle.pk).delete()
    assert verify().reason == "does not follow the entry before it"
