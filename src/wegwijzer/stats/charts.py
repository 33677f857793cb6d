"""Accessible SVG charts as strings, each with the data table to show beside it.

Hand-written SVG rather than a plotting library: the charts are a few rectangles, lines
and labels, and writing them directly keeps what the accessibility rules need under our
control (title and desc referenced by aria-labelledby, role="img", text as real text in
the page's system font, no script, no external resource, no inline style attribute so a
strict Content-Security-Policy holds). The libraries that fit (pygal, matplotlib's SVG
backend) embed scripts or styles or draw text as paths, and bring far more than needed.

Rules every chart follows:
- `<svg role="img" aria-labelledby="…-title …-desc">` with `<title>` and a `<desc>` that
  summarises the figures in words; the full figures are in the data table (`Chart.table`)
  that the page renders next to the chart, for screen readers and for anyone who prefers
  numbers;
- text at least 12px, dark on white; colours from Okabe and Ito's colour-blind-safe
  palette, darkened where needed so each has at least 3:1 contrast with the background
  (WCAG 2.1, 1.4.11), and segments separated by white gaps;
- a suppressed value is never drawn as zero: it gets a hatched marker and the word
  "suppressed" ("afgeschermd"), not "<10", because a cell can be suppressed to protect
  another one and then hold more than ten persons;
- every label is escaped; characters XML does not allow are dropped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from .codes import Label

BACKGROUND = "#ffffff"
TEXT = "#1a1a1a"
AXIS = "#595959"
GRID = "#e0e0e0"  # decorative only: values are labelled and in the table
HATCH = "#595959"
# Okabe-Ito: blue, vermillion, bluish green, reddish purple; orange and sky blue darkened
# to reach 3:1 on white; then a dark grey.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#AD6F00", "#2E86C1", "#5E5E5E")
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
FONT_SIZE = 14
SMALL_FONT_SIZE = 12

TEXTS = {
    "suppressed": Label("afgeschermd", "suppressed"),
    "suppressed_note": Label(
        "Afgeschermd: een te klein aantal, of afgeschermd om een andere cel te beschermen "
        "(zie de afschermingsregel).",
        "Suppressed: too small a count, or withheld to protect another cell (see the "
        "suppression rule).",
    ),
    "bar": Label("Staafdiagram", "Bar chart"),
    "grouped": Label("Gegroepeerd staafdiagram", "Grouped bar chart"),
    "stacked": Label("Gestapeld staafdiagram", "Stacked bar chart"),
    "line": Label("Lijndiagram", "Line chart"),
    "largest": Label("Grootste", "Largest"),
    "from_to": Label(
        "van {first} in {a} tot {last} in {b}", "from {first} in {a} to {last} in {b}"
    ),
    "count_suppressed": Label("{n} waarden afgeschermd", "{n} values suppressed"),
    "categories": Label("{n} categorieën", "{n} categories"),
    "hidden_combined": Label("afgeschermd (samen)", "suppressed (combined)"),
}

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ID = re.compile(r"[^A-Za-z0-9_-]")


def _text(value: object) -> str:
    return escape(_INVALID_XML.sub("", str(value)))


def _attr(value: object) -> str:
    return escape(_INVALID_XML.sub("", str(value)), {'"': "&quot;", "'": "&apos;"})


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def format_count(value: int | None, language: str) -> str:
    """Thousands with a point in Dutch and a comma in English; None as 'suppressed'."""
    if value is None:
        return TEXTS["suppressed"].get(language)
    text = f"{value:,}"
    return text.replace(",", ".") if language == "nl" else text


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[int | None]


@dataclass(frozen=True)
class DataTable:
    """What the page renders as an HTML table beside the chart (first column: headers)."""

    caption: str
    headers: list[str]
    rows: list[tuple[str, list[str]]]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Chart:
    id: str
    svg: str
    table: DataTable


def _nice_step(largest: float, ticks: int = 5) -> float:
    if largest <= 0:
        return 1.0
    raw = largest / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return max(1.0, factor * magnitude)
    return 10 * magnitude


def _scale_max(values: Sequence[int | None]) -> tuple[float, float]:
    largest = max((v for v in values if v is not None), default=0)
    step = _nice_step(largest)
    return max(step, math.ceil(largest / step) * step), step


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="{_attr(FONT)}" font-size="{FONT_SIZE}" fill="{TEXT}">',
        f'<title id="{chart_id}-title">{_text(title)}</title>',
        f'<desc id="{chart_id}-desc">{_text(desc)}</desc>',
        "<defs>",
        f'<pattern id="{chart_id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">',
        f'<rect width="6" height="6" fill="{BACKGROUND}"/>',
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{HATCH}" stroke-width="3"/>',
        "</pattern>",
        "</defs>",
        f'<rect width="{width}" height="{height}" fill="{BACKGROUND}"/>',
    ]


def _clean_id(chart_id: str) -> str:
    cleaned = _ID.sub("-", chart_id) or "chart"
    return cleaned if cleaned[0].isalpha() else f"c-{cleaned}"


def _truncate(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _suppressed_count(values: Sequence[int | None]) -> int:
    return sum(1 for v in values if v is None)


def bar_chart(
    chart_id: str,
    title: str,
    categories: Sequence[str],
    values: Sequence[int | None],
    *,
    language: str,
    value_header: str,
    category_header: str = "",
    notes: Sequence[str] = (),
    width: int = 640,
) -> Chart:
    """Horizontal bars, one per category (long labels stay readable)."""
    if len(categories) != len(values):
        raise ValueError("one value per category")
    chart_id = _clean_id(chart_id)
    row_height, top, bottom = 30, 12, 36
    label_chars = min(32, max((len(c) for c in categories), default=4))
    left = 16 + int(label_chars * FONT_SIZE * 0.55)
    right = 90
    height = top + bottom + row_height * len(categories)
    plot = width - left - right
    scale_max, step = _scale_max(values)
    known = [(v, c) for v, c in zip(values, categories, strict=True) if v is not None]
    summary = [
        f"{TEXTS['bar'].get(language)}, "
        + TEXTS["categories"].get(language).format(n=len(categories))
    ]
    if known:
        value, category = max(known, key=lambda item: item[0])
        summary.append(
            f"{TEXTS['largest'].get(language)}: {category} ({format_count(value, language)})"
        )
    hidden = _suppressed_count(values)
    if hidden:
        summary.append(TEXTS["count_suppressed"].get(language).format(n=hidden))
    parts = _open(chart_id, width, height, title, ". ".join(summary) + ".")
    parts += _x_grid(left, top, plot, height - bottom, scale_max, step, language)
    for index, (category, value) in enumerate(zip(categories, values, strict=True)):
        y = top + index * row_height
        middle = y + row_height / 2
        parts.append(
            f'<text x="{left - 8}" y="{_number(middle)}" text-anchor="end" '
            f'dominant-baseline="middle">{_text(_truncate(category, label_chars))}</text>'
        )
        bar_y, bar_h = y + 5, row_height - 10
        if value is None:
            parts += _suppressed_marker(chart_id, left, bar_y, bar_h, language, category)
            continue
        length = plot * value / scale_max
        parts.append(
            f'<rect x="{left}" y="{bar_y}" width="{_number(length)}" height="{bar_h}" '
            f'fill="{PALETTE[0]}"><title>{_text(category)}: '
            f"{_text(format_count(value, language))}</title></rect>"
        )
        parts.append(
            f'<text x="{_number(left + length + 6)}" y="{_number(middle)}" '
            f'dominant-baseline="middle">{_text(format_count(value, language))}</text>'
        )
    parts.append(
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="{AXIS}"/>'
    )
    parts.append("</svg>")
    table = DataTable(
        title,
        [category_header, value_header],
        [(c, [format_count(v, language)]) for c, v in zip(categories, values, strict=True)],
        _notes(notes, values, language),
    )
    return Chart(chart_id, "\n".join(parts), table)


def _notes(notes: Sequence[str], values: Sequence[int | None], language: str) -> list[str]:
    result = list(notes)
    if any(v is None for v in values):
        result.append(TEXTS["suppressed_note"].get(language))
    return result


def _x_grid(left, top, plot, baseline, scale_max, step, language) -> list[str]:
    parts = []
    tick = 0.0
    while tick <= scale_max + 1e-9:
        x = left + plot * tick / scale_max
        parts.append(
            f'<line x1="{_number(x)}" y1="{top}" x2="{_number(x)}" y2="{baseline}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(
            f'<text x="{_number(x)}" y="{baseline + 20}" text-anchor="middle" '
            f'font-size="{SMALL_FONT_SIZE}">{_text(format_count(int(tick), language))}</text>'
        )
        tick += step
    parts.append(
        f'<line x1="{left}" y1="{baseline}" x2="{left + plot}" y2="{baseline}" stroke="{AXIS}"/>'
    )
    return parts


def _suppressed_marker(chart_id, x, y, height, language, name, vertical=False) -> list[str]:
    """A hatched block where a value would be; beside a horizontal bar also the word.
    In vertical charts the legend explains the hatching (words would collide)."""
    word = TEXTS["suppressed"].get(language)
    size = 22
    width, tall = (height, size) if vertical else (size, height)
    top = y - size if vertical else y
    marker = [
        f'<rect x="{_number(x)}" y="{_number(top)}" width="{_number(width)}" '
        f'height="{_number(tall)}" fill="url(#{chart_id}-hatch)" stroke="{HATCH}" '
        f'class="suppressed"><title>{_text(name)}: {_text(word)}</title></rect>'
    ]
    if not vertical:
        marker.append(
            f'<text x="{_number(x + width + 6)}" y="{_number(y + height / 2)}" '
            f'dominant-baseline="middle" font-size="{SMALL_FONT_SIZE}">{_text(word)}</text>'
        )
    return marker


def _legend(
    chart_id: str, series: Sequence[Series], width: int, language: str, hatch: bool
) -> tuple[list[str], int]:
    """Colour keys (and the hatching key when something is suppressed), wrapped to fit."""
    entries = [(f'fill="{PALETTE[i]}"', item.name) for i, item in enumerate(series)]
    if hatch:
        entries.append(
            (f'fill="url(#{chart_id}-hatch)" stroke="{HATCH}"', TEXTS["suppressed"].get(language))
        )
    parts, x, y, left = [], 64, 8, 64
    for fill, name in entries:
        item_width = 28 + int(len(name) * FONT_SIZE * 0.55) + 16
        if x + item_width > width - 16 and x > left:
            x, y = left, y + 24
        parts.append(f'<rect x="{x}" y="{y}" width="16" height="16" {fill}/>')
        parts.append(
            f'<text x="{x + 22}" y="{y + 8}" dominant-baseline="middle">{_text(name)}</text>'
        )
        x += item_width
    return parts, y + 24


def _check_series(categories: Sequence[str], series: Sequence[Series]) -> None:
    if not series:
        raise ValueError("at least one series")
    if len(series) > len(PALETTE):
        raise ValueError(f"at most {len(PALETTE)} series; use a bar chart per series")
    for item in series:
        if len(item.values) != len(categories):
            raise ValueError(f"series {item.name!r}: one value per category")


def _series_table(title, category_header, categories, series, language, notes) -> DataTable:
    rows = [
        (category, [format_count(item.values[i], language) for item in series])
        for i, category in enumerate(categories)
    ]
    values = [v for item in series for v in item.values]
    return DataTable(
        title, [category_header, *[s.name for s in series]], rows, _notes(notes, values, language)
    )


def grouped_bar_chart(
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    language: str,
    category_header: str = "",
    notes: Sequence[str] = (),
    width: int = 720,
) -> Chart:
    """Vertical bars per category (for example per year), one bar per series side by side.
    For counts that do not add up (several forms per person)."""
    _check_series(categories, series)
    chart_id = _clean_id(chart_id)
    hidden = any(v is None for item in series for v in item.values)
    legend, legend_bottom = _legend(chart_id, series, width, language, hidden)
    top, left, right, bottom = legend_bottom + 24, 64, 16, 40
    height = top + 260 + bottom
    plot_w, plot_h = width - left - right, 260
    baseline = top + plot_h
    all_values = [v for s in series for v in s.values]
    scale_max, step = _scale_max(all_values)
    desc = _series_desc("grouped", categories, series, language)
    parts = _open(chart_id, width, height, title, desc) + legend
    parts += _y_grid(left, top, plot_w, baseline, plot_h, scale_max, step, language)
    group = plot_w / max(1, len(categories))
    bar = min(28.0, (group - 8) / len(series))
    for i, category in enumerate(categories):
        x0 = left + group * i + (group - bar * len(series)) / 2
        for j, item in enumerate(series):
            x = x0 + bar * j
            value = item.values[i]
            name = f"{item.name}, {category}"
            if value is None:
                parts += _suppressed_marker(chart_id, x, baseline, bar, language, name, True)
                continue
            h = plot_h * value / scale_max
            parts.append(
                f'<rect x="{_number(x)}" y="{_number(baseline - h)}" width="{_number(bar - 1)}" '
                f'height="{_number(h)}" fill="{PALETTE[j]}"><title>{_text(name)}: '
                f"{_text(format_count(value, language))}</title></rect>"
            )
        parts.append(
            f'<text x="{_number(left + group * i + group / 2)}" y="{baseline + 22}" '
            f'text-anchor="middle">{_text(category)}</text>'
        )
    parts.append("</svg>")
    table = _series_table(title, category_header, categories, series, language, notes)
    return Chart(chart_id, "\n".join(parts), table)


def _y_grid(left, top, plot_w, baseline, plot_h, scale_max, step, language) -> list[str]:
    parts = []
    tick = 0.0
    while tick <= scale_max + 1e-9:
        y = baseline - plot_h * tick / scale_max
        parts.append(
            f'<line x1="{left}" y1="{_number(y)}" x2="{left + plot_w}" y2="{_number(y)}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(
            f'<text x="{left - 8}" y="{_number(y)}" text-anchor="end" dominant-baseline="middle" '
            f'font-size="{SMALL_FONT_SIZE}">{_text(format_count(int(tick), language))}</text>'
        )
        tick += step
    parts.append(
        f'<line x1="{left}" y1="{baseline}" x2="{left + plot_w}" y2="{baseline}" stroke="{AXIS}"/>'
    )
    return parts


def _series_desc(kind, categories, series, language) -> str:
    summary = [f"{TEXTS[kind].get(language)}: " + ", ".join(s.name for s in series)]
    for item in series:
        known = [(c, v) for c, v in zip(categories, item.values, strict=True) if v is not None]
        if len(known) >= 2:
            (a, first), (b, last) = known[0], known[-1]
            summary.append(
                f"{item.name} "
                + TEXTS["from_to"]
                .get(language)
                .format(
                    first=format_count(first, language),
                    a=a,
                    last=format_count(last, language),
                    b=b,
                )
            )
    hidden = sum(_suppressed_count(s.values) for s in series)
    if hidden:
        summary.append(TEXTS["count_suppressed"].get(language).format(n=hidden))
    return ". ".join(summary) + "."


def stacked_bar_chart(
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    totals: Sequence[int | None],
    *,
    language: str,
    category_header: str = "",
    total_header: str = "",
    notes: Sequence[str] = (),
    width: int = 720,
) -> Chart:
    """Vertical stacked bars for parts that add up to `totals` (gender, minors, ...).

    Where parts are suppressed but the total is published, their combined size
    (total minus the published parts, which the table shows anyway) is drawn as one
    hatched segment, so the bar keeps its true height without revealing any part.
    """
    _check_series(categories, series)
    if len(totals) != len(categories):
        raise ValueError("one total per category")
    chart_id = _clean_id(chart_id)
    hidden = any(v is None for item in series for v in item.values)
    legend, legend_bottom = _legend(chart_id, series, width, language, hidden)
    top, left, right, bottom = legend_bottom + 24, 64, 16, 40
    plot_w, plot_h = width - left - right, 260
    height = top + plot_h + bottom
    baseline = top + plot_h
    scale_max, step = _scale_max(list(totals))
    desc = _series_desc("stacked", categories, series, language)
    parts = _open(chart_id, width, height, title, desc) + legend
    parts += _y_grid(left, top, plot_w, baseline, plot_h, scale_max, step, language)
    group = plot_w / max(1, len(categories))
    bar = min(48.0, group - 12)
    for i, category in enumerate(categories):
        x = left + group * i + (group - bar) / 2
        y = float(baseline)
        shown = 0
        for j, item in enumerate(series):
            value = item.values[i]
            if not value:
                continue
            h = plot_h * value / scale_max
            y -= h
            shown += value
            parts.append(
                f'<rect x="{_number(x)}" y="{_number(y)}" width="{_number(bar)}" '
                f'height="{_number(h)}" fill="{PALETTE[j]}" stroke="{BACKGROUND}" '
                f'stroke-width="1.5"><title>{_text(item.name)}, {_text(category)}: '
                f"{_text(format_count(value, language))}</title></rect>"
            )
        total = totals[i]
        hidden = any(item.values[i] is None for item in series)
        if hidden and total is not None and total > shown:
            h = plot_h * (total - shown) / scale_max
            y -= h
            parts.append(
                f'<rect x="{_number(x)}" y="{_number(y)}" width="{_number(bar)}" '
                f'height="{_number(h)}" fill="url(#{chart_id}-hatch)" stroke="{HATCH}" '
                f'class="suppressed"><title>{_text(category)}: '
                f"{_text(TEXTS['hidden_combined'].get(language))} "
                f"{_text(format_count(total - shown, language))}</title></rect>"
            )
        elif hidden or total is None:
            parts += _suppressed_marker(chart_id, x, y, bar, language, category, True)
        parts.append(
            f'<text x="{_number(x + bar / 2)}" y="{baseline + 22}" text-anchor="middle">'
            f"{_text(category)}</text>"
        )
    parts.append("</svg>")
    table = _series_table(title, category_header, categories, series, language, notes)
    for row, total in zip(table.rows, totals, strict=True):
        row[1].append(format_count(total, language))
    table.headers.append(total_header or ("Totaal" if language == "nl" else "Total"))
    return Chart(chart_id, "\n".join(parts), table)


def line_chart(
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    language: str,
    category_header: str = "",
    notes: Sequence[str] = (),
    width: int = 720,
) -> Chart:
    """A trend over ordered categories (years). A suppressed point breaks the line and
    is marked on the axis, so no value is ever implied by interpolation."""
    _check_series(categories, series)
    chart_id = _clean_id(chart_id)
    hidden = any(v is None for item in series for v in item.values)
    legend, legend_bottom = _legend(chart_id, series, width, language, hidden)
    top, left, right, bottom = legend_bottom + 24, 64, 24, 40
    plot_w, plot_h = width - left - right, 260
    height = top + plot_h + bottom
    baseline = top + plot_h
    scale_max, step = _scale_max([v for s in series for v in s.values])
    desc = _series_desc("line", categories, series, language)
    parts = _open(chart_id, width, height, title, desc) + legend
    parts += _y_grid(left, top, plot_w, baseline, plot_h, scale_max, step, language)
    inset = 24  # keeps the first and last point clear of the axis labels
    gap = (plot_w - 2 * inset) / max(1, len(categories) - 1)
    xs = [
        left + inset + gap * i if len(categories) > 1 else left + plot_w / 2
        for i in range(len(categories))
    ]
    markers = ("circle", "square", "diamond", "triangle", "circle", "square", "diamond")
    lines: list[str] = []
    dots: list[str] = []
    for j, item in enumerate(series):
        runs: list[list[str]] = [[]]
        for i, value in enumerate(item.values):
            if value is None:
                runs.append([])
                name = f"{item.name}, {categories[i]}"
                dots += _suppressed_marker(chart_id, xs[i] - 7, baseline, 14, language, name, True)
                continue
            y = baseline - plot_h * value / scale_max
            runs[-1].append(f"{_number(xs[i])},{_number(y)}")
            dots.append(
                _marker(markers[j], xs[i], y, PALETTE[j], f"{item.name}, {categories[i]}",
                        format_count(value, language))
            )  # fmt: skip
        lines += [
            f'<polyline points="{" ".join(run)}" fill="none" stroke="{PALETTE[j]}" '
            'stroke-width="2.5"/>'
            for run in runs
            if len(run) > 1
        ]
    parts += lines + dots
    for i, category in enumerate(categories):
        parts.append(
            f'<text x="{_number(xs[i])}" y="{baseline + 22}" text-anchor="middle">'
            f"{_text(category)}</text>"
        )
    parts.append("</svg>")
    table = _series_table(title, category_header, categories, series, language, notes)
    return Chart(chart_id, "\n".join(parts), table)


def _marker(shape: str, x: float, y: float, colour: str, name: str, shown: str) -> str:
    label = f"<title>{_text(name)}: {_text(shown)}</title>"
    if shape == "square":
        return (
            f'<rect x="{_number(x - 5)}" y="{_number(y - 5)}" width="10" height="10" '
            f'fill="{colour}">{label}</rect>'
        )
    if shape in ("diamond", "triangle"):
        corners = (
            [(0, -6), (6, 0), (0, 6), (-6, 0)] if shape == "diamond" else [(0, -6), (6, 5), (-6, 5)]
        )
        points = " ".join(f"{_number(x + dx)},{_number(y + dy)}" for dx, dy in corners)
        return f'<polygon points="{points}" fill="{colour}">{label}</polygon>'
    return f'<circle cx="{_number(x)}" cy="{_number(y)}" r="5" fill="{colour}">{label}</circle>'


# Charts for the published tables (duck-typed: anything with the PublishedTable interface).


def _column_label(column, language: str) -> str:
    if column == "all":
        return "alle jaren" if language == "nl" else "all years"
    return str(column)


def table_bar_chart(table, column, *, language: str) -> Chart:
    """One year (or "all") of a published table: a bar per category."""
    title = f"{table.title.get(language)}, {_column_label(column, language)}"
    unit = UNIT_HEADERS[table.unit].get(language)
    return bar_chart(
        f"{table.key}-{column}",
        title,
        [table.label(row, language) for row in table.rows],
        [table.value(row, column) for row in table.rows],
        language=language,
        value_header=unit,
        category_header=table.title.get(language),
        notes=[note.get(language) for note in table.notes],
    )


def table_year_chart(table, *, language: str) -> Chart:
    """Every year of a published table: stacked where the rows add up, grouped where a
    unit can be in several rows."""
    if len(table.rows) > len(PALETTE):
        raise ValueError(f"{table.key}: too many rows for one chart; use table_bar_chart")
    years = [str(year) for year in table.years]
    series = [
        Series(table.label(row, language), [table.value(row, year) for year in table.years])
        for row in table.rows
    ]
    notes = [note.get(language) for note in table.notes]
    header = "Jaar" if language == "nl" else "Year"
    if table.kind == "sum":
        totals = [table.value("total", year) for year in table.years]
        return stacked_bar_chart(
            f"{table.key}-years", table.title.get(language), years, series, totals,
            language=language, category_header=header, notes=notes,
        )  # fmt: skip
    return grouped_bar_chart(
        f"{table.key}-years", table.title.get(language), years, series,
        language=language, category_header=header, notes=notes,
    )  # fmt: skip


def trend_chart(totals_table, *, language: str) -> Chart:
    """The trend over all years from the totals table."""
    years = [str(year) for year in totals_table.years]
    series = [
        Series(
            totals_table.label(row, language),
            [totals_table.value(row, year) for year in totals_table.years],
        )
        for row in totals_table.rows
    ]
    title = "Trend" if language == "en" else "Verloop over de jaren"
    return line_chart(
        "trend", f"{title}: {totals_table.title.get(language).lower()}", years, series,
        language=language, category_header="Jaar" if language == "nl" else "Year",
        notes=[note.get(language) for note in totals_table.notes],
    )  # fmt: skip


UNIT_HEADERS = {
    "persons": Label("Personen", "Persons"),
    "registrations": Label("Registraties", "Registrations"),
}
