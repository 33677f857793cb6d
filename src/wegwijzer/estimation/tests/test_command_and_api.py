import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from wegwijzer.estimation import report
from wegwijzer.estimation.api.serializers import MAX_BOOTSTRAP
from wegwijzer.estimation.procedures import estimate
from wegwijzer.estimation.table import parse_csv

DATA = Path(__file__).resolve().parent / "data"
KOREA = DATA / "korea_3lists.csv"
URL = "/api/v1/estimates/"


def run_command(*args) -> str:
    out = io.StringIO()
    call_command("estimate", *map(str, args), stdout=out)
    return out.getvalue()


def post(client, body, language="en"):
    return client.post(URL, body, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize(
    ("method", "options"),
    [
        ("stepwise-sparse", {"bootstrap": 200, "seed": 99}),
        ("stepwise-aic", {}),
        ("min-bic", {"bootstrap": 100, "max_order": 3}),
    ],
)
def test_cli_and_api_give_the_same_answer(client, method, options):
    flags = [f"--{key.replace('_', '-')}={value}" for key, value in options.items()]
    from_cli = json.loads(run_command(KOREA, "--json", f"--method={method}", *flags))
    from_api = post(client, {"csv": KOREA.read_text(), "method": method, **options})
    assert from_api.status_code == 200
    assert from_api.json() == from_cli
    assert from_cli["method"] == method


def test_api_rows_and_csv_are_the_same_table(client):
    rows = [
        {"pattern": [int(v) for v in line.split(",")[:3]], "count": int(line.split(",")[3])}
        for line in KOREA.read_text().splitlines()[1:]
    ]
    by_rows = post(client, {"lists": ["b", "c", "d"], "rows": rows, "bootstrap": 50})
    by_csv = post(client, {"csv": KOREA.read_text(), "bootstrap": 50})
    assert by_rows.status_code == by_csv.status_code == 200
    assert by_rows.json() == by_csv.json()
    answer = by_rows.json()
    assert answer["model"] == ["b:c"] and round(answer["estimate"], 2) == 268.78
    assert {"estimate", "ci_low", "ci_high", "method", "model", "excluded", "sensitivity"} <= set(
        answer
    )


def test_readable_report_in_both_languages():
    dutch = run_command(KOREA, "--bootstrap=0", "--language=nl")
    english = run_command(KOREA, "--bootstrap=0", "--language=en")
    assert "Geschat totaal: 268,78" in dutch and "voeg toe b:c" in dutch
    assert "Estimated total: 268.78" in english and "add b:c" in english
    assert "stop (smallest p 0.22 ≥ 0.02)" in english
    by_bic = run_command(KOREA, "--bootstrap=0", "--language=en", "--method=min-bic")
    assert "Excluded by the checks" in by_bic and "main effects + b:c + b:d:" in by_bic
    assert "maximum-likelihood estimate does not exist" in by_bic


def test_progress_bar_only_on_a_terminal(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    run_command(KOREA, "--bootstrap=300")
    assert "bootstrap [" in terminal.getvalue() and "/" in terminal.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    run_command(KOREA, "--bootstrap=300")
    assert piped.getvalue() == ""


def test_bad_table_fails_with_the_reason(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("A,B,count\n1,0,5\n1,1,-2\n")
    with pytest.raises(CommandError) as caught:
        run_command(bad)
    assert "negatief" in str(caught.value) and "negative" in str(caught.value)


def test_bad_table_exits_non_zero_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("A,B,C,count\n1,0,0,5\n0,1,0,3\n0,0,1,4\n")
    src = Path(__file__).resolve().parents[3]
    environment = {
        **os.environ,
        "PYTHONPATH": str(src),
        "DJANGO_SETTINGS_MODULE": "wegwijzer.conf.ci",
    }
    environment.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "django", "estimate", str(bad), "--json"],
        capture_output=True, text=True, env=environment, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "overlap" in done.stderr
    assert json.loads(done.stdout)["error"]["code"] == "no_overlap"


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ({"lists": ["a", "b"], "rows": [{"pattern": [1, 0], "count": -1}]}, "count_negative",
         "rows"),
        ({"lists": ["a", "b"], "rows": [{"pattern": [1, 0], "count": 1.5}]}, "count_not_integer",
         "rows"),
        ({"lists": ["a", "b"], "rows": [{"pattern": [1, 0], "count": 1},
                                        {"pattern": [1, 0], "count": 2}]}, "duplicate_pattern",
         "rows"),
        ({"lists": ["a", "b"], "rows": [{"pattern": [0, 0], "count": 1}]}, "all_zero_pattern",
         "rows"),
        ({"lists": ["a", "b"], "rows": [{"pattern": [1, 7], "count": 1}]}, "not_binary", "rows"),
        ({"lists": ["a", "b"], "rows": ["1,0,3"]}, "bad_row", "rows"),
        ({"csv": "a,b,c,count\n1,0,0,4\n0,1,0,5\n0,0,1,6\n"}, "no_overlap", "csv"),
        ({"csv": "a,b,count\n1,0,4\n", "lists": ["a", "b"]}, "lists_with_csv", "lists"),
        ({"rows": [{"pattern": [1, 0], "count": 1}]}, "lists_required", "lists"),
        ({"lists": ["a", "a"], "rows": [{"pattern": [1, 0], "count": 1}]}, "duplicate_list_name",
         "lists"),
        ({}, "table_twice", "rows"),
        ({"csv": KOREA.read_text(), "max_order": 5}, "out_of_range", "max_order"),
        ({"csv": KOREA.read_text(), "method": "guess"}, "invalid", "method"),
        ({"csv": KOREA.read_text(), "bootstrap": 5000}, "invalid", "bootstrap"),
    ],
)  # fmt: skip
def test_api_refuses_bad_input_with_a_400_problem(client, body, code, field):
    response = post(client, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == code and problem["status"] == 400
    assert problem["nl"] and problem["en"] and problem["detail"] == problem["en"]
    assert problem["invalidParams"][0]["name"] == field


def test_api_answers_in_the_requested_language(client):
    body = {"csv": "a,b,count\n1,0,4\n0,1,5\n"}
    assert "overlap" in post(client, body, "nl").json()["nl"]
    assert post(client, body, "nl").json()["detail"].startswith("Niemand")
    assert post(client, body, "en").json()["detail"].startswith("Nobody")


def test_api_caps_the_bootstrap_by_the_number_of_lists(client):
    lists = [f"L{i}" for i in range(8)]
    rows = [{"pattern": [1 if (cell >> i) & 1 else 0 for i in range(8)], "count": 3}
            for cell in range(1, 256)]  # fmt: skip
    response = post(client, {"lists": lists, "rows": rows, "bootstrap": MAX_BOOTSTRAP[8] + 1})
    assert response.status_code == 400
    assert response.json()["code"] == "bootstrap_cap"
    assert response.json()["invalidParams"][0]["name"] == "bootstrap"


def test_api_refuses_unreadable_json(client):
    response = client.post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["status"] == 400


def test_plain_explanation_in_both_languages():
    answer = estimate(parse_csv(KOREA.read_text()), bootstrap=0)
    dutch, english = report.explain(answer, "nl"), report.explain(answer, "en")
    assert dutch.startswith("Van naar schatting 269 mensen (95%-interval 198 tot 393)")
    assert "123 op minstens één van de 3 lijsten" in dutch and "ongeveer 146" in dutch
    assert english.startswith("Of an estimated 269 people (95% interval 198 to 393)")
    assert "(b:c)" in english and "not a count" in english
    # The acceptable models (157) are far from the chosen one (269): say that it matters.
    assert "the choice of model matters" in english
