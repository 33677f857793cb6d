"""Why an estimate cannot be made, in Dutch and in English.

Every refusal is an `EstimationError` with a stable code, the values it names and both texts,
so the CLI, the API and later the web page say the same thing and never show a number that
looks valid when there is none.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "empty_input": (
        "De tabel is leeg.",
        "The table is empty.",
    ),
    "unreadable_csv": (
        "De tabel is geen leesbare CSV-tekst (UTF-8, komma of puntkomma als scheidingsteken).",
        "The table is not readable CSV text (UTF-8, comma or semicolon as separator).",
    ),
    "missing_count_column": (
        "Er is geen kolom ‘count’ met de aantallen.",
        "There is no ‘count’ column with the numbers.",
    ),
    "empty_list_name": (
        "Kolom {column} heeft geen naam.",
        "Column {column} has no name.",
    ),
    "duplicate_list_name": (
        "De lijstnaam ‘{name}’ komt twee keer voor.",
        "The list name ‘{name}’ appears twice.",
    ),
    "bad_list_name": (
        "De lijstnaam ‘{name}’ mag geen dubbele punt bevatten (die scheidt lijsten in een model).",
        "The list name ‘{name}’ may not contain a colon (it separates lists in a model term).",
    ),
    "too_few_lists": (
        "Er zijn minstens 2 lijsten nodig; deze tabel heeft er {lists}.",
        "At least 2 lists are needed; this table has {lists}.",
    ),
    "too_many_lists": (
        "Er kunnen hoogstens {maximum} lijsten worden gebruikt; deze tabel heeft er {lists}.",
        "At most {maximum} lists can be used; this table has {lists}.",
    ),
    "wrong_row_length": (
        "Rij {row} heeft {got} waarden voor de lijsten in plaats van {expected}.",
        "Row {row} has {got} values for the lists instead of {expected}.",
    ),
    "not_binary": (
        "Rij {row}, lijst ‘{column}’: ‘{value}’ is geen 0 of 1.",
        "Row {row}, list ‘{column}’: ‘{value}’ is not 0 or 1.",
    ),
    "count_not_a_number": (
        "Rij {row}: het aantal ‘{value}’ is geen getal.",
        "Row {row}: the count ‘{value}’ is not a number.",
    ),
    "count_negative": (
        "Rij {row}: het aantal {value} is negatief; een aantal personen kan niet negatief zijn.",
        "Row {row}: the count {value} is negative; a number of people cannot be negative.",
    ),
    "count_not_integer": (
        "Rij {row}: het aantal {value} is geen geheel getal; tel personen, geen fracties.",
        "Row {row}: the count {value} is not a whole number; count people, not fractions.",
    ),
    "count_too_large": (
        "Rij {row}: het aantal {value} is onwaarschijnlijk groot (hoogstens {maximum}).",
        "Row {row}: the count {value} is implausibly large (at most {maximum}).",
    ),
    "duplicate_pattern": (
        "Rij {row} herhaalt het patroon {pattern} van rij {first}; geef elk patroon één keer.",
        "Row {row} repeats the pattern {pattern} of row {first}; give each pattern once.",
    ),
    "all_zero_pattern": (
        "Rij {row} staat op geen enkele lijst (alleen nullen). Wie op geen lijst staat, kan niet "
        "geteld worden: dat aantal is juist wat geschat wordt.",
        "Row {row} is on no list (all zeros). Nobody can be counted on no list: that number is "
        "exactly what is being estimated.",
    ),
    "no_people": (
        "Alle aantallen zijn nul: er is niemand geteld.",
        "Every count is zero: nobody was counted.",
    ),
    "empty_list": (
        "Lijst ‘{name}’ bevat niemand; laat die lijst weg.",
        "List ‘{name}’ holds nobody; leave that list out.",
    ),
    "list_holds_everyone": (
        "Iedereen die geteld is, staat op lijst ‘{name}’. Dan zeggen de lijsten niets over wie "
        "gemist is; kies een andere indeling in lijsten.",
        "Everybody counted is on list ‘{name}’. Then the lists say nothing about who was "
        "missed; choose another grouping into lists.",
    ),
    "no_overlap": (
        "Niemand staat op meer dan één lijst. Zonder overlap tussen de lijsten bestaat er geen "
        "schatting: de lijsten lijken dan een onbeperkt grote groep te raken.",
        "Nobody is on more than one list. Without overlap between the lists no estimate exists: "
        "the lists then look like samples from an unlimited population.",
    ),
    "no_estimate": (
        "Zelfs het eenvoudigste model (alleen hoofdeffecten) heeft voor deze tabel geen eindige "
        "schatting: {reason_nl}.",
        "Even the simplest model (main effects only) has no finite estimate for this table: "
        "{reason_en}.",
    ),
    "too_many_models": (
        "Minimale BIC over alle modellen tot orde {order} vraagt {count} of meer modellen voor "
        "{lists} lijsten; het maximum is {maximum}. Kies een lagere orde of een stapsgewijze "
        "methode.",
        "Minimum BIC over all models up to order {order} needs {count} or more models for "
        "{lists} lists; the maximum is {maximum}. Choose a lower order or a stepwise method.",
    ),
    "unknown_method": (
        "Onbekende methode ‘{method}’; kies uit {choices}.",
        "Unknown method ‘{method}’; choose from {choices}.",
    ),
    "out_of_range": (
        "{name} moet tussen {low} en {high} liggen, niet {value}.",
        "{name} must lie between {low} and {high}, not {value}.",
    ),
    "table_twice": (
        "Geef de tabel óf als ‘rows’ óf als ‘csv’, niet allebei en niet geen van beide.",
        "Give the table either as ‘rows’ or as ‘csv’, not both and not neither.",
    ),
    "lists_with_csv": (
        "Bij ‘csv’ staan de lijstnamen in de kopregel; laat ‘lists’ weg.",
        "With ‘csv’ the list names are in its header; leave ‘lists’ out.",
    ),
    "bootstrap_cap": (
        "Via de API kunnen bij {lists} lijsten hoogstens {maximum} bootstrap-herhalingen worden "
        "gevraagd (niet {value}); gebruik de opdrachtregel voor meer.",
        "Through the API at most {maximum} bootstrap replicates can be asked for with {lists} "
        "lists (not {value}); use the command line for more.",
    ),
    "bad_row": (
        "Rij {row} is geen object met ‘pattern’ (nullen en enen) en ‘count’.",
        "Row {row} is not an object with ‘pattern’ (zeros and ones) and ‘count’.",
    ),
    "too_many_rows": (
        "Er zijn {rows} rijen; hoogstens {maximum}.",
        "There are {rows} rows; at most {maximum}.",
    ),
    "lists_required": (
        "Bij ‘rows’ horen de lijstnamen in ‘lists’.",
        "With ‘rows’ the list names must be given in ‘lists’.",
    ),
    "organisation_in_two_lists": (
        "Organisatie ‘{organisation}’ is bij twee lijsten ingedeeld: ‘{first}’ en ‘{second}’.",
        "Organisation ‘{organisation}’ is grouped into two lists: ‘{first}’ and ‘{second}’.",
    ),
    "stratum_failed": (
        "Groep ‘{stratum}’: {detail_nl}",
        "Stratum ‘{stratum}’: {detail_en}",
    ),
}

# Reasons a model is excluded by the checks, for reports and for `no_estimate`.
REASONS: dict[str, tuple[str, str]] = {
    "mle_does_not_exist": (
        "de meest aannemelijke schatting bestaat niet (lineair-programmeringstoets van "
        "Fienberg en Rinaldo)",
        "the maximum-likelihood estimate does not exist (Fienberg–Rinaldo linear-programming "
        "check)",
    ),
    "not_identifiable": (
        "het model is niet identificeerbaar (te weinig cellen voor de parameters)",
        "the model is not identifiable (too few cells for its parameters)",
    ),
}


class EstimationError(ValueError):
    """A table or request that cannot give an estimate, with the reason in Dutch and English."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        nl, en = MESSAGES[code]
        self.nl = nl.format(**params)
        self.en = en.format(**params)
        super().__init__(self.en)

    def text(self, language: str) -> str:
        return self.nl if language.startswith("nl") else self.en

    def as_dict(self) -> dict:
        return {"code": self.code, "nl": self.nl, "en": self.en}


def reason_text(codes: list[str], language: str) -> str:
    index = 0 if language.startswith("nl") else 1
    return "; ".join(REASONS[code][index] for code in codes)


# Notes that qualify a result (not refusals): shown beside the estimate.
NOTES: dict[str, tuple[str, str]] = {
    "two_lists": (
        "Met twee lijsten kan afhankelijkheid tussen de lijsten niet worden getoetst; de "
        "schatting veronderstelt dat de lijsten onafhankelijk van elkaar vangen.",
        "With two lists dependence between them cannot be tested; the estimate assumes the "
        "lists catch people independently of each other.",
    ),
    "conditional_interval": (
        "Het interval geldt voor het gekozen model alsof dat vaststond (geen bootstrap); het "
        "is daardoor te smal.",
        "The interval treats the chosen model as if it were known (no bootstrap), so it is too "
        "narrow.",
    ),
    "interval_unbounded": (
        "Het interval heeft geen eindige bovengrens: de gegevens sluiten een veel groter aantal "
        "niet uit.",
        "The interval has no finite upper end: the data do not rule out a much larger number.",
    ),
    "replicates_without_estimate": (
        "{count} van de {replicates} bootstrap-herhalingen gaven geen eindige schatting (geen "
        "overlap meer); ze tellen mee als oneindig groot.",
        "{count} of the {replicates} bootstrap replicates gave no finite estimate (no overlap "
        "left); they count as infinitely large.",
    ),
    "empty_overlaps": (
        "Het model bevat lijstparen zonder overlap ({terms}); hun parameter is −∞ en hun "
        "cellen tellen niet mee in de fit.",
        "The model holds pairs of lists without overlap ({terms}); their parameter is −∞ and "
        "their cells drop out of the fit.",
    ),
    "sum_interval_needs_bootstrap": (
        "Voor het interval van de som is in elke groep een bootstrap nodig.",
        "The interval of the sum needs a bootstrap in every stratum.",
    ),
}


def note(code: str, **params) -> dict:
    nl, en = NOTES[code]
    return {"code": code, "nl": nl.format(**params), "en": en.format(**params)}
