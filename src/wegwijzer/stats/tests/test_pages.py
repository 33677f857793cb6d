"""The public figures: pages in both languages, downloads, the PDF, the research extract.
All from registry data (the synthetic demo set), all suppressed, nothing person-level."""

import csv
import io
import shutil
import subprocess
import zipfile

import pandas as pd
import pytest
from django.core.cache import cache
from openpyxl import load_workbook

from wegwijzer.registry import demo
from wegwijzer.stats import kanon

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry_with_demo_data():
    cache.clear()
    added = demo.load(years=range(2023, 2026), persons_per_year=250, seed=3)
    assert added > 600
    return added


@pytest.mark.parametrize(
    ("url", "says"),
    [("/nl/cijfers/", "Synthetische demogegevens"), ("/en/figures/", "Synthetic demo data")],
)
def test_the_figures_page_shows_charts_with_tables_in_both_languages(
    client, registry_with_demo_data, url, says
):
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert says in body
    assert body.count('role="img"') >= 6
    assert body.count("<table") >= 6
    assert "Cookie" not in response.get("Vary", "") or not response.cookies


def test_an_empty_registry_says_so(client):
    cache.clear()
    assert "nog geen registraties" in client.get("/nl/cijfers/").content.decode()


def test_the_csv_download_has_no_small_cell(client, registry_with_demo_data):
    response = client.get("/nl/cijfers/download.csv")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    text = archive.read("tabellen.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    counts = [r for r in rows if "." not in r["waarde"]]  # shares are written with a point
    published = [int(r["waarde"]) for r in counts if r["status"] == "gepubliceerd"]
    withheld = [r for r in rows if r["status"] != "gepubliceerd"]
    assert published and all(n == 0 or n >= 10 for n in published)
    assert withheld and all(r["waarde"] == "" for r in withheld)


def test_the_xlsx_download_opens(client, registry_with_demo_data):
    response = client.get("/en/figures/download.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) >= 5


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is missing")
def test_the_yearly_report_is_a_pdf_with_the_year_and_the_tables(client, registry_with_demo_data):
    response = client.get("/nl/cijfers/2025/rapport.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "2025" in text and "Synthetische demogegevens" in text
    assert client.get("/nl/cijfers/1999/rapport.pdf").status_code == 404


def test_the_research_extract_is_k_anonymous_and_has_no_identifiers(
    client, registry_with_demo_data
):
    response = client.get("/en/figures/extract.csv")
    frame = pd.read_csv(io.StringIO(response.content.decode()), dtype=str, keep_default_na=False)
    assert "yearOfRegistration" in frame.columns and "citizenship" in frame.columns
    assert kanon.is_k_anonymous(frame, k=11)
    for forbidden in ("name", "date_of_birth", "public_id", "organisation"):
        assert not any(forbidden in column.lower() for column in frame.columns)
