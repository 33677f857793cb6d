"""The published tables as CSV and XLSX, with headings in Dutch or English.

CSV is one long table (one row per published cell) so it reads straight into any tool:
a suppressed cell has an empty value and the status "afgeschermd" / "suppressed". Dutch
files use a semicolon as separator, as Dutch spreadsheet software expects; both start with
a byte-order mark so accented names open correctly. The explanation (source, unit,
suppression rule, and for demo data the synthetic label) goes in a text file beside it
(`csv_bundle`) or in the first sheet of the workbook. In the workbook a suppressed cell
shows "x" on a grey fill, the convention of Statistics Netherlands.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .codes import Label
from .demo import SYNTHETIC_LABEL
from .publication import Publication, police_report_share
from .records import UNIT_LABELS
from .tables import ALL_YEARS, Column

SUPPRESSED_MARK = "x"
HEADERS = {
    "table": Label("tabel", "table"),
    "title": Label("titel", "title"),
    "unit": Label("eenheid", "unit"),
    "row_code": Label("code", "code"),
    "row": Label("categorie", "category"),
    "column": Label("jaar", "year"),
    "value": Label("waarde", "value"),
    "status": Label("status", "status"),
}
STATUS = {
    "published": Label("gepubliceerd", "published"),
    "suppressed": Label("afgeschermd", "suppressed"),
}
ALL_YEARS_LABEL = Label("alle jaren", "all years")
SHARE_LABEL = Label("Aandeel met aangifte (%)", "Share with a police report (%)")
TEXT = {
    "about": Label("Toelichting", "About"),
    "heading": Label(
        "Mensenhandel: registraties van (mogelijke) slachtoffers",
        "Human trafficking: registrations of (possible) victims",
    ),
    "source": Label("Bron", "Source"),
    "source_text": Label(
        "Wegwijzer-register van (mogelijke) slachtoffers van mensenhandel; "
        "melding door politie, KMar, Arbeidsinspectie, zorg, gemeenten en anderen.",
        "Wegwijzer registry of (possible) victims of human trafficking; reported by "
        "police, KMar, the Labour Authority, care organisations, municipalities and others.",
    ),
    "published_on": Label("Samengesteld op", "Compiled on"),
    "unit": Label("Eenheid", "Unit"),
    "rule": Label("Afscherming", "Suppression"),
    "mark": Label(
        "'x' in een tabel (of een lege waarde met status 'afgeschermd' in CSV): afgeschermd.",
        "'x' in a table (or an empty value with status 'suppressed' in CSV): suppressed.",
    ),
    "notes": Label("Opmerkingen bij de tabellen", "Notes on the tables"),
}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
GREY = PatternFill("solid", fgColor="D9D9D9")


def _check(language: str) -> None:
    if language not in ("nl", "en"):
        raise ValueError(f"language must be 'nl' or 'en', not {language!r}")


def _column(column: Column, language: str) -> str:
    return ALL_YEARS_LABEL.get(language) if column == ALL_YEARS else str(column)


def tables_csv(publication: Publication, *, language: str) -> str:
    """All published cells, one per line, with the police-report share added."""
    _check(language)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";" if language == "nl" else ",", lineterminator="\n")
    writer.writerow([label.get(language) for label in HEADERS.values()])
    for table in publication.tables:
        unit = UNIT_LABELS[table.unit].get(language)
        for row in table.all_rows:
            for column in table.columns:
                value = table.value(row, column)
                status = "published" if value is not None else "suppressed"
                writer.writerow(
                    [
                        table.key, table.title.get(language), unit, row,
                        table.label(row, language), _column(column, language),
                        "" if value is None else value, STATUS[status].get(language),
                    ]
                )  # fmt: skip
        if table.key == "police_report":
            for column, share in police_report_share(publication).items():
                status = "published" if share is not None else "suppressed"
                writer.writerow(
                    [
                        table.key, table.title.get(language), "%", "share_percent",
                        SHARE_LABEL.get(language), _column(column, language),
                        "" if share is None else f"{100 * share:.1f}",
                        STATUS[status].get(language),
                    ]
                )  # fmt: skip
    return buffer.getvalue()


def about_lines(publication: Publication, *, language: str) -> list[tuple[str, str]]:
    """(heading, text) pairs: the explanation that goes with every download."""
    _check(language)
    lines = []
    if publication.synthetic:
        lines.append(("", SYNTHETIC_LABEL.get(language)))
    lines += [
        ("", TEXT["heading"].get(language)),
        (TEXT["source"].get(language), TEXT["source_text"].get(language)),
        (TEXT["published_on"].get(language), publication.published_on.isoformat()),
        (TEXT["unit"].get(language), UNIT_LABELS[publication.unit].get(language)),
        (TEXT["rule"].get(language), publication.rule(language)),
        ("", TEXT["mark"].get(language)),
        ("", TEXT["notes"].get(language)),
    ]
    seen = set()
    for table in publication.tables:
        for note in table.notes:
            text = note.get(language)
            if text not in seen:
                seen.add(text)
                lines.append((table.title.get(language), text))
    return lines


def about_text(publication: Publication, *, language: str) -> str:
    return "\n".join(
        f"{heading}: {text}" if heading else text
        for heading, text in about_lines(publication, language=language)
    )


def csv_bundle(publication: Publication, *, language: str) -> bytes:
    """A zip with the CSV and its explanation."""
    names = ("tabellen.csv", "toelichting.txt") if language == "nl" else ("tables.csv", "about.txt")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(names[0], tables_csv(publication, language=language))
        archive.writestr(names[1], about_text(publication, language=language) + "\n")
    return buffer.getvalue()


def _sheet_name(title: str, used: set[str]) -> str:
    name = _SHEET_FORBIDDEN.sub(" ", title)[:31].strip() or "Tabel"
    candidate, number = name, 2
    while candidate.lower() in used:
        suffix = f" {number}"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate.lower())
    return candidate


def xlsx(publication: Publication, *, language: str) -> bytes:
    """A workbook: first the explanation, then one sheet per table."""
    _check(language)
    workbook = Workbook()
    about = workbook.active
    used: set[str] = set()
    about.title = _sheet_name(TEXT["about"].get(language), used)
    about.column_dimensions["A"].width = 34
    about.column_dimensions["B"].width = 110
    for index, (heading, text) in enumerate(about_lines(publication, language=language), 1):
        about.cell(index, 1, heading).font = Font(bold=True)
        cell = about.cell(index, 2, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if publication.synthetic and index == 1:
            cell.font = Font(bold=True, color="9C0006")
    for table in publication.tables:
        _table_sheet(workbook, table, publication, language, used)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _table_sheet(workbook, table, publication, language, used) -> None:
    sheet = workbook.create_sheet(_sheet_name(table.title.get(language), used))
    sheet.cell(1, 1, table.title.get(language)).font = Font(bold=True, size=13)
    sheet.cell(2, 1, f"{TEXT['unit'].get(language)}: {UNIT_LABELS[table.unit].get(language)}")
    if publication.synthetic:
        sheet.cell(3, 1, SYNTHETIC_LABEL.get(language)).font = Font(bold=True, color="9C0006")
    header_row = 5
    sheet.cell(header_row, 1, HEADERS["row"].get(language)).font = Font(bold=True)
    for offset, column in enumerate(table.columns, 2):
        sheet.cell(header_row, offset, _column(column, language)).font = Font(bold=True)
    row_number = header_row
    for row in table.all_rows:
        row_number += 1
        label = sheet.cell(row_number, 1, table.label(row, language))
        if row == "total":
            label.font = Font(bold=True)
        for offset, column in enumerate(table.columns, 2):
            value = table.value(row, column)
            cell = sheet.cell(row_number, offset, SUPPRESSED_MARK if value is None else value)
            if value is None:
                cell.fill = GREY
                cell.alignment = Alignment(horizontal="right")
    if table.key == "police_report":
        row_number += 1
        sheet.cell(row_number, 1, SHARE_LABEL.get(language))
        for offset, column in enumerate(table.columns, 2):
            share = police_report_share(publication)[column]
            cell = sheet.cell(
                row_number, offset, SUPPRESSED_MARK if share is None else round(100 * share, 1)
            )
            if share is None:
                cell.fill = GREY
    row_number += 2
    for note in table.notes:
        sheet.cell(row_number, 1, note.get(language)).alignment = Alignment(wrap_text=False)
        row_number += 1
    sheet.cell(row_number, 1, publication.rule(language))
    sheet.column_dimensions["A"].width = 38
    for offset in range(2, len(table.columns) + 2):
        sheet.column_dimensions[get_column_letter(offset)].width = 11
    sheet.freeze_panes = sheet.cell(header_row + 1, 2)
