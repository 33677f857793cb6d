"""Charts: accessible structure, safe text, contrast, suppressed values never as zero."""

import re
import xml.etree.ElementTree as ET

import pytest

from wegwijzer.stats import charts, demo, publication
from wegwijzer.stats.charts import Series

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & "quotes" \x07'


def parse(chart):
    return ET.fromstring(chart.svg)


def all_charts():
    years = ["2021", "2022", "2023"]
    return [
        charts.bar_chart("bars", "Nationaliteit", ["Nederland", HOSTILE, "Roemenië"],
                         [120, None, 45], language="nl", value_header="Personen"),
        charts.grouped_bar_chart("grouped", "Forms", years,
                                 [Series("Sexual", [80, 90, 85]), Series(HOSTILE, [None, 12, 0])],
                                 language="en"),
        charts.stacked_bar_chart("stacked", "Gender", years,
                                 [Series("Female", [80, 90, 85]), Series("Male", [20, None, 30]),
                                  Series("Other", [0, None, 0])], [100, 110, 115], language="en"),
        charts.line_chart("trend", "Trend", years,
                          [Series("Persons", [100, None, 115]), Series("Notices", [12, 14, 15])],
                          language="en"),
    ]  # fmt: skip


@pytest.mark.parametrize("chart", all_charts(), ids=lambda c: c.id)
def test_every_chart_is_an_image_named_by_its_title_and_description(chart):
    root = parse(chart)
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert title.text and desc.text and len(desc.text) > 20


@pytest.mark.parametrize("chart", all_charts(), ids=lambda c: c.id)
def test_no_script_no_outside_resource_no_inline_style(chart):
    root = parse(chart)
    for element in root.iter():
        assert element.tag.removeprefix(SVG) not in {"script", "foreignObject", "image", "style"}
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            assert name not in {"style", "href", "{http://www.w3.org/1999/xlink}href"}
            if "url(" in value:
                assert re.fullmatch(r"url\(#[A-Za-z0-9_-]+\)", value)


@pytest.mark.parametrize("chart", all_charts(), ids=lambda c: c.id)
def test_text_is_at_least_twelve_pixels(chart):
    root = parse(chart)
    default = float(root.get("font-size"))
    assert default >= 12
    for text in root.iter(f"{SVG}text"):
        assert float(text.get("font-size", default)) >= 12


def test_hostile_labels_stay_text():
    for chart in all_charts()[:2]:
        root = parse(chart)  # well-formed despite the label
        assert root.find(f".//{SVG}script") is None
        texts = " ".join("".join(e.itertext()) for e in root.iter())
        assert '<script>alert("x")</script> & "quotes" ' in texts  # shown literally
        assert "\x07" not in chart.svg


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colour", [*charts.PALETTE, charts.HATCH, charts.AXIS])
def test_graphics_have_three_to_one_contrast_with_the_background(colour):
    assert _contrast(colour, charts.BACKGROUND) >= 3.0


def test_text_has_four_and_a_half_to_one_contrast():
    assert _contrast(charts.TEXT, charts.BACKGROUND) >= 4.5


def test_suppressed_values_are_marked_not_drawn_as_zero():
    chart = charts.bar_chart(
        "b", "T", ["a", "b", "c"], [30, None, 0], language="en", value_header="Persons"
    )
    root = parse(chart)
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == charts.PALETTE[0]]
    marked = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "suppressed"]
    assert len(bars) == 2 and len(marked) == 1  # the zero is a (zero-length) bar
    assert "b: suppressed" in "".join(marked[0].itertext())
    assert chart.table.rows[1] == ("b", ["suppressed"])
    assert any("Suppressed" in note for note in chart.table.notes)
    assert "<10" not in chart.svg  # a suppressed cell may hold ten or more


def test_stacked_bars_draw_hidden_parts_together_at_their_combined_size():
    chart = charts.stacked_bar_chart(
        "s", "Gender", ["2024"], [Series("Female", [60]), Series("Male", [None]),
                                  Series("Other", [None])], [100], language="en",
    )  # fmt: skip
    drawn = [r for r in parse(chart).iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    female = next(r for r in drawn if r.get("fill") == charts.PALETTE[0])
    hidden = next(r for r in drawn if r.get("class") == "suppressed")
    # 40 hidden persons next to 60 shown: two thirds of the female segment's height.
    assert float(hidden.get("height")) == pytest.approx(float(female.get("height")) * 40 / 60)
    assert "suppressed (combined) 40" in "".join(hidden.itertext())


def test_a_line_breaks_at_a_suppressed_point():
    chart = charts.line_chart(
        "l", "T", ["1", "2", "3", "4"], [Series("A", [10, 20, None, 40])], language="en"
    )
    lines = list(parse(chart).iter(f"{SVG}polyline"))
    assert [len(line.get("points").split()) for line in lines] == [2]


def test_numbers_are_written_the_dutch_or_english_way():
    assert charts.format_count(12345, "nl") == "12.345"
    assert charts.format_count(12345, "en") == "12,345"
    assert charts.format_count(None, "nl") == "afgeschermd"


def test_charts_for_published_tables():
    data = demo.generate(seed=2, persons_per_year=60, years=range(2020, 2023)).registrations
    result = publication.publish(data, synthetic=True)
    stacked = charts.table_year_chart(result.table("gender"), language="nl")
    grouped = charts.table_year_chart(result.table("forms"), language="en")
    assert "Gestapeld" in parse(stacked).find(f"{SVG}desc").text
    assert "Grouped" in parse(grouped).find(f"{SVG}desc").text
    assert stacked.table.headers[-1] == "Totaal"
    bars = charts.table_bar_chart(result.table("nationality"), 2021, language="nl")
    table = result.table("nationality")
    assert [row for row, _ in bars.table.rows] == [table.label(r, "nl") for r in table.rows]
    trend = charts.trend_chart(result.table("totals"), language="en")
    assert len(trend.table.rows) == 3  # one row per year
    with pytest.raises(ValueError):
        charts.table_year_chart(result.table("nationality"), language="en")  # too many rows
