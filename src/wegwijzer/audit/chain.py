"""The hash chain of the audit trail. Plain Python, no Django.

Each entry's hash covers its own fields and the previous entry's hash, so changing,
removing or inserting any entry breaks every hash after it. `verify` walks the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64


def entry_hash(previous_hash: str, fields: dict) -> str:
    """SHA-256 over the previous hash and the entry's fields in a canonical JSON form."""
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{previous_hash}\n{canonical}".encode()).hexdigest()


@dataclass(frozen=True)
class Verdict:
    ok: bool
    checked: int
    broken_at: int | None = None
    reason: str = ""


def verify(entries: Iterable[tuple[int, str, str, dict]]) -> Verdict:
    """Check (id, previous_hash, hash, fields) tuples in chain order."""
    expected_previous = GENESIS
    checked = 0
    for entry_id, previous_hash, stored_hash, fields in entries:
        if previous_hash != expected_previous:
            return Verdict(False, checked, entry_id, "does not follow the entry before it")
        if entry_hash(previous_hash, fields) != stored_hash:
            return Verdict(False, checked, entry_id, "its contents do not match its hash")
        expected_previous = stored_hash
        checked += 1
    return Verdict(True, checked)
