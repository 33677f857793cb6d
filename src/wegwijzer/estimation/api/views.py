from django.utils import translation
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView

from wegwijzer.estimation import procedures
from wegwijzer.estimation.api.serializers import (
    MAX_BOOTSTRAP,
    MAX_LISTS,
    MAX_MODELS,
    MAX_ROWS,
    EstimateRequestSerializer,
    EstimateSerializer,
    ProblemSerializer,
)
from wegwijzer.estimation.errors import EstimationError
from wegwijzer.estimation.table import CaptureTable, from_rows, parse_csv

TITLES = {
    "invalid": ("Ongeldige invoer", "Invalid input"),
    "estimation": ("Geen schatting mogelijk", "No estimate possible"),
}
# Which request field an estimation error is about (the table's source otherwise).
FIELDS = {
    "unknown_method": "method",
    "too_many_models": "max_order",
    "bootstrap_cap": "bootstrap",
    "lists_required": "lists",
    "lists_with_csv": "lists",
}

LIST_NAME_ERRORS = {
    "empty_list_name", "duplicate_list_name", "bad_list_name", "too_few_lists", "too_many_lists",
}  # fmt: skip


def _language() -> str:
    return "en" if (translation.get_language() or "nl").startswith("en") else "nl"


def _problem(code: str, kind: str, nl: str, en: str, params: list[dict], status_code=400):
    language = _language()
    title = TITLES[kind][0 if language == "nl" else 1]
    body = {
        "type": f"urn:wegwijzer:problem:{code}",
        "title": title,
        "status": status_code,
        "detail": nl if language == "nl" else en,
        "code": code,
        "nl": nl,
        "en": en,
        "invalidParams": params,
    }
    return Response(body, status=status_code, content_type="application/problem+json")


def _estimation_problem(error: EstimationError, source: str) -> Response:
    name = FIELDS.get(error.code, source)
    if source == "rows" and error.code in LIST_NAME_ERRORS:
        name = "lists"
    if error.code == "out_of_range":
        name = error.params["name"]
    reason = error.text(_language())
    return _problem(
        error.code, "estimation", error.nl, error.en,
        [{"name": name, "code": error.code, "reason": reason}],
    )  # fmt: skip


def _flatten(errors, prefix: str = "") -> list[tuple[str, str, str]]:
    if isinstance(errors, dict):
        found = []
        for key, value in errors.items():
            name = key if key != "non_field_errors" else "body"
            found += _flatten(value, f"{prefix}.{name}" if prefix else str(name))
        return found
    if isinstance(errors, list):
        found = []
        for position, value in enumerate(errors):
            if isinstance(value, dict | list):
                found += _flatten(value, f"{prefix}[{position}]")
            else:
                found.append((prefix or "body", getattr(value, "code", "invalid"), str(value)))
        return found
    return [(prefix or "body", getattr(errors, "code", "invalid"), str(errors))]


def _validate(data):
    """Validate the envelope in both languages, so the problem carries both texts."""
    found = {}
    for language in ("nl", "en"):
        with translation.override(language):
            given = EstimateRequestSerializer(data=data)
            if given.is_valid():
                return given.validated_data, None
            found[language] = _flatten(given.errors)
    language = _language()
    params = [
        {"name": name, "code": code, "reason": reason} for name, code, reason in found[language]
    ]
    nl = "; ".join(f"{name}: {reason}" for name, _, reason in found["nl"])
    en = "; ".join(f"{name}: {reason}" for name, _, reason in found["en"])
    return None, _problem("invalid", "invalid", nl, en, params)


def _table(given: dict) -> tuple[CaptureTable, str]:
    has_csv, has_rows = "csv" in given, "rows" in given
    if has_csv == has_rows:
        raise EstimationError("table_twice")
    if has_csv:
        if "lists" in given:
            raise EstimationError("lists_with_csv")
        return parse_csv(given["csv"], max_lists=MAX_LISTS), "csv"
    if "lists" not in given:
        raise EstimationError("lists_required")
    rows = given["rows"]
    if not isinstance(rows, list):
        raise EstimationError("bad_row", row=1)
    if len(rows) > MAX_ROWS:
        raise EstimationError("too_many_rows", rows=len(rows), maximum=MAX_ROWS)
    pairs = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or "pattern" not in row or "count" not in row:
            raise EstimationError("bad_row", row=number)
        pairs.append((row["pattern"], row["count"]))
    return from_rows(given["lists"], pairs, max_lists=MAX_LISTS), "rows"


class Estimates(APIView):
    """Estimate how many people were on no list (multiple systems estimation), with an interval,
    the chosen model, what the existence and identifiability checks excluded and a sensitivity
    table. The same answer as `wegwijzer estimate TABLE.csv --json`.

    Open without login: the table holds only counts. Caps keep a request to seconds: at most
    10 lists, 1,023 rows or 200,000 characters of CSV, 1,024 models for min-bic, and
    bootstrap replicates by number of lists (up to 6: 1,000; 7: 500; 8: 250; 9 or 10: none,
    the interval is then the profile likelihood of the chosen model).
    """

    @extend_schema(
        request=EstimateRequestSerializer,
        responses={
            200: EstimateSerializer,
            (400, "application/problem+json"): OpenApiResponse(
                ProblemSerializer, description="Bad input; no estimate."
            ),
        },
    )
    def post(self, request):
        given, problem = _validate(request.data)
        if problem is not None:
            return problem
        source = "csv" if "csv" in given else "rows"
        try:
            table, source = _table(given)
            cap = MAX_BOOTSTRAP[table.k]
            bootstrap = given.get("bootstrap", min(procedures.DEFAULT_BOOTSTRAP, cap))
            if bootstrap > cap:
                raise EstimationError("bootstrap_cap", lists=table.k, maximum=cap, value=bootstrap)
            answer = procedures.estimate(
                table,
                method=given["method"],
                max_order=given["max_order"],
                bootstrap=bootstrap,
                seed=given["seed"],
                max_models=MAX_MODELS,
            )
        except EstimationError as error:
            return _estimation_problem(error, source)
        return Response(answer, status=status.HTTP_200_OK)

    def handle_exception(self, exc):
        """Unreadable bodies (bad JSON, wrong media type) answer in the same problem shape."""
        if isinstance(exc, APIException) and exc.status_code < 500:
            text = str(exc.detail)
            return _problem("invalid", "invalid", text, text, [], exc.status_code)
        return super().handle_exception(exc)
