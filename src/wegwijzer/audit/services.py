"""The entry points for writing the audit trail: `log(...)`, and `log_many(...)` for many
objects at once."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from wegwijzer.audit import chain
from wegwijzer.audit.constants import Action
from wegwijzer.audit.models import AuditEntry, ChainHead


def log(
    action: str,
    *,
    actor,
    object_type: str,
    object_id: str,
    fields: Iterable[str] = (),
    request=None,
) -> AuditEntry:
    """Append one entry to the chain; call it for reads of person-level data as well as writes.

    `actor` is a user (or None for the system). `fields` names what was touched, never values.
    """
    (entry,) = log_many(
        action,
        actor=actor,
        object_type=object_type,
        object_ids=[object_id],
        fields=fields,
        request=request,
    )
    return entry


def verify() -> chain.Verdict:
    rows = AuditEntry.objects.order_by("id").iterator(chunk_size=2000)
    return chain.verify((e.id, e.previous_hash, e.hash, e.chained_fields()) for e in rows)


def _address(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def log_many(action: str, *, actor, object_type: str, object_ids, fields=(), request=None):
    """One entry per object, chained under a single lock and inserted together.

    For a page that lists many records, or an import of thousands: the chain is the same
    as with one `log` call per object, at a fraction of the round trips.
    """
    if action not in Action.values:
        raise ValueError(f"unknown audit action {action!r}")
    with transaction.atomic():
        head, _ = ChainHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"hash": chain.GENESIS}
        )
        previous, entries, now = head.hash, [], timezone.now()
        for object_id in object_ids:
            entry = AuditEntry(
                at=now,
                actor_id=getattr(actor, "pk", None),
                actor=getattr(actor, "get_username", lambda: "system")(),
                action=action,
                object_type=object_type,
                object_id=str(object_id),
                fields=sorted(set(fields)),
                address=_address(request),
                previous_hash=previous,
            )
            entry.hash = previous = chain.entry_hash(previous, entry.chained_fields())
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries, batch_size=2000)
        head.hash = previous
        head.save(update_fields=["hash"])
    return entries
