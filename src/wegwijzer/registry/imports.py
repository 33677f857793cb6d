"""Bulk import of registrations from CSV or XLSX, with a row-by-row report.

Two passes: every row is checked first (so all-or-nothing can refuse before anything is
written), then the valid rows are stored in chunks, each chunk in its own transaction.
An import stopped half-way therefore leaves whole chunks only, and running the same file
again skips what is already there: every row has a reference (the file's own `reference`
column, or a digest of the row).
"""

import csv
import hashlib
import io
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wegwijzer.audit import services as audit
from wegwijzer.registry import services
from wegwijzer.registry.constants import Source
from wegwijzer.registry.intake import RegistrationForm
from wegwijzer.registry.models import ImportBatch, Registration

CHUNK = 1000
MAX_ROWS = 250_000

# Dutch column headings a spreadsheet may use, next to the field names themselves.
DUTCH_HEADINGS = {
    "kenmerk": "reference",
    "registratiedatum": "registration_date",
    "geslacht": "gender",
    "leeftijd": "age_at_registration",
    "geboortejaar": "year_of_birth",
    "nationaliteit": "nationality",
    "verblijfsstatus": "residence_status",
    "vormen": "forms",
    "vorm": "forms",
    "sector": "sector",
    "land_uitbuiting": "country_of_exploitation",
    "gemeente_uitbuiting": "municipality_of_exploitation",
    "werving": "recruitment_channel",
    "relatie_uitbuiter": "relation_to_exploiter",
    "aangifte": "police_report",
    "bedenktijd_van": "reflection_period_start",
    "bedenktijd_tot": "reflection_period_end",
    "vergunning_van": "permit_start",
    "vergunning_tot": "permit_end",
    "opvang": "shelter_placement",
    "voornamen": "given_names",
    "achternamen": "family_names",
    "geboortedatum": "date_of_birth",
    "documentnummer": "document_number",
    "toestemming_door": "consent_given_by",
    "toestemming_op": "consent_given_on",
    "ouder_onveilig": "guardian_unsafe",
}
KNOWN = set(RegistrationForm.base_fields) | {"reference"}
REQUIRED = {"registration_date", "gender", "forms"}


class _SharedFields(dict):
    """Form fields that are not copied per instance (see RowForm)."""

    def __deepcopy__(self, memo):
        return self


class RowForm(RegistrationForm):
    """The registration form for file rows: checked, never rendered.

    A Django form deep-copies its fields for every instance so that rendering can change
    them; validation does not, and the copying was most of the time of a 100,000-row import.
    No field order either: ordering pops fields from the (now shared) dict.
    """

    field_order = None


# After the class statement: Django's form metaclass sets base_fields itself.
RowForm.base_fields = _SharedFields(RowForm.base_fields)


class ImportRefused(Exception):
    """The file as a whole cannot be read; nothing was registered."""


@dataclass
class Problem:
    row: int  # as a spreadsheet numbers it: the heading is row 1
    field: str
    message: str


@dataclass
class CheckedFile:
    rows_total: int = 0
    valid: list = field(default_factory=list)  # (row number, cleaned, reference)
    problems: list[Problem] = field(default_factory=list)


def read_rows(content: bytes, file_name: str) -> Iterator[dict]:
    """Rows as dicts keyed by field name, from CSV (`,` or `;`, UTF-8) or XLSX."""
    if file_name.lower().endswith(".xlsx"):
        rows = _xlsx_rows(content)
    elif file_name.lower().endswith((".csv", ".txt")):
        rows = _csv_rows(content)
    else:
        raise ImportRefused(_("Upload a .csv or .xlsx file."))
    try:
        headings = next(rows)
    except StopIteration:
        raise ImportRefused(_("The file is empty.")) from None
    names = [_field_name(h) for h in headings]
    unknown = [h for h, n in zip(headings, names, strict=True) if h and n not in KNOWN]
    if unknown:
        raise ImportRefused(_("Unknown columns: %(names)s.") % {"names": ", ".join(unknown)})
    missing = REQUIRED - set(names)
    if missing:
        raise ImportRefused(
            _("Missing columns: %(names)s.") % {"names": ", ".join(sorted(missing))}
        )
    for values in rows:
        if not any(v not in (None, "") for v in values):
            continue
        yield {n: ("" if v is None else v) for n, v in zip(names, values, strict=False) if n}


def check(rows: Iterator[dict]) -> CheckedFile:
    checked, seen = CheckedFile(), Counter()
    for number, row in enumerate(rows, start=2):
        checked.rows_total += 1
        if checked.rows_total > MAX_ROWS:
            raise ImportRefused(_("More than %(max)s rows; split the file.") % {"max": MAX_ROWS})
        reference = str(row.pop("reference", "") or "").strip()[:64]
        form = RowForm(_as_text(row))
        if not form.is_valid():
            for name, errors in form.errors.items():
                for error in errors:
                    checked.problems.append(Problem(number, name, str(error)))
            continue
        if not reference:
            digest = services.reference_for(form.cleaned_data)
            if seen[digest]:  # an identical row earlier in this file: another person
                reference = services.reference_for(form.cleaned_data, occurrence=seen[digest])
            else:
                reference = digest
            seen[digest] += 1
        checked.valid.append((number, form.cleaned_data, reference))
    return checked


def run(
    content: bytes,
    file_name: str,
    *,
    organisation,
    actor,
    mode: str,
    progress: Callable[[int, int], None] | None = None,
) -> ImportBatch:
    """Check and import one file; the returned batch holds the counts and the row report."""
    batch = ImportBatch.objects.create(
        organisation=organisation,
        uploaded_by=actor,
        file_name=file_name[:200],
        file_sha256=hashlib.sha256(content).hexdigest(),
        mode=mode,
    )
    try:
        checked = check(read_rows(content, file_name))
    except ImportRefused as refused:
        return _finish(batch, ImportBatch.Status.REJECTED, problems=[Problem(0, "", str(refused))])
    batch.rows_total = checked.rows_total
    batch.rows_rejected = checked.rows_total - len(checked.valid)
    if checked.problems and mode == ImportBatch.Mode.ALL_OR_NOTHING:
        return _finish(batch, ImportBatch.Status.REJECTED, problems=checked.problems)
    # All or nothing: one transaction around every chunk; otherwise one per chunk.
    whole = transaction.atomic() if mode == ImportBatch.Mode.ALL_OR_NOTHING else nullcontext()
    with whole:
        for start in range(0, len(checked.valid), CHUNK):
            chunk = checked.valid[start : start + CHUNK]
            _store(chunk, batch, organisation, actor)
            if progress:
                progress(start + len(chunk), len(checked.valid))
    audit.log(
        "create",
        actor=actor,
        object_type="import_batch",
        object_id=batch.pk,
        fields=["registrations"],
    )
    return _finish(batch, ImportBatch.Status.DONE, problems=checked.problems)


def _store(chunk, batch, organisation, actor):
    with transaction.atomic():
        references = [reference for _n, _c, reference in chunk]
        present = set(
            Registration.objects.filter(
                organisation=organisation, reference__in=references
            ).values_list("reference", flat=True)
        )
        new = [(cleaned, ref) for _n, cleaned, ref in chunk if ref not in present]
        services.register_many(
            new, organisation=organisation, actor=actor, source=Source.IMPORT, batch=batch
        )
        batch.rows_registered += len(new)
        batch.rows_already_present += len(chunk) - len(new)
        batch.save(update_fields=["rows_registered", "rows_already_present"])


def _finish(batch, status, *, problems) -> ImportBatch:
    batch.status = status
    batch.problems = [vars(p) for p in problems[:5000]]
    batch.finished_at = timezone.now()
    batch.save()
    return batch


def _field_name(heading) -> str:
    text = str(heading or "").strip().lower().replace(" ", "_").replace("-", "_")
    return DUTCH_HEADINGS.get(text, text)


def _as_text(row: dict) -> dict:
    """Spreadsheet cells come typed (dates, numbers); the form reads text like a browser sends."""
    out = {}
    for name, value in row.items():
        if hasattr(value, "date") and callable(value.date):
            value = value.date()
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif isinstance(value, float) and value.is_integer():
            value = str(int(value))
        out[name] = value if isinstance(value, str) else str(value)
    return out


def _csv_rows(content: bytes):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(_("The CSV file is not UTF-8 text.")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    yield from csv.reader(io.StringIO(text), delimiter=delimiter)


def _xlsx_rows(content: bytes):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise ImportRefused(_("The XLSX file cannot be read.")) from None
    try:
        yield from book.worksheets[0].iter_rows(values_only=True)
    finally:
        book.close()
