"""A readable report of an estimate, in Dutch or English (the CLI prints it)."""

from wegwijzer.estimation.errors import reason_text

METHOD_NAMES = {
    "stepwise-sparse": (
        "stapsgewijs met bestaanstoetsen (Chan, Silverman & Vincent 2021)",
        "stepwise with existence checks (Chan, Silverman & Vincent 2021)",
    ),
    "stepwise-aic": (
        "stapsgewijs op AIC met Wald-stop (Silverman 2014)",
        "stepwise AIC with Wald stop (Silverman 2014)",
    ),
    "min-bic": (
        "minimale BIC over hiërarchische modellen (Silverman, Chan & Vincent 2024)",
        "minimum BIC over hierarchical models (Silverman, Chan & Vincent 2024)",
    ),
    "chapman": ("Chapman, twee lijsten", "Chapman, two lists"),
}
INTERVAL_NAMES = {
    "bca-bootstrap": ("BCa-bootstrap", "BCa bootstrap"),
    "profile-likelihood": ("profiel-likelihood", "profile likelihood"),
    "log-normal": ("log-normaal (Chao)", "log-normal (Chao)"),
}
ESTIMATOR_NAMES = {"lincoln-petersen": "Lincoln–Petersen", "chapman": "Chapman"}
LABELS = {
    "title": ("Schatting met meerdere lijsten", "Multiple systems estimation"),
    "lists": ("lijsten", "lists"),
    "observed": ("personen gezien", "people observed"),
    "method": ("Methode", "Method"),
    "estimate": ("Geschat totaal", "Estimated total"),
    "unseen": ("Geschat niet gezien", "Estimated unseen"),
    "interval": ("95%-interval", "95% interval"),
    "unbounded": ("geen bovengrens", "no upper end"),
    "replicates": ("herhalingen, seed", "replicates, seed"),
    "model": ("Model", "Model"),
    "main_effects": ("hoofdeffecten", "main effects"),
    "selection": ("Selectie", "Selection"),
    "step": ("stap", "step"),
    "add": ("voeg toe", "add"),
    "stop": ("stop", "stop"),
    "excluded": ("Uitgesloten door de toetsen", "Excluded by the checks"),
    "sensitivity": (
        "Gevoeligheid: schatting onder elk model dat acceptabel past (op BIC)",
        "Sensitivity: the estimate under every model that fits acceptably (by BIC)",
    ),
    "two_list_estimators": ("Beide schatters voor twee lijsten", "Both two-list estimators"),
    "range": ("bereik", "range"),
    "chosen": ("gekozen", "chosen"),
    "poor_fit": ("past slecht", "fits poorly"),
    "stop_p": ("kleinste p {p} ≥ {threshold}", "smallest p {p} ≥ {threshold}"),
    "stop_aic": ("geen paar verlaagt de AIC", "no pair lowers the AIC"),
    "stop_wald": (
        "{term} verlaagt de AIC maar Wald-p {p} > {alpha}",
        "{term} lowers the AIC but Wald p {p} > {alpha}",
    ),
    "notes": ("Let op", "Notes"),
    "more": ("en nog {count}", "and {count} more"),
    "plainly": ("In gewone woorden", "In plain words"),
}


def _number(value, language: str, decimals: int = 2) -> str:
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    if language == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _model(terms: list[str], language: str) -> str:
    main = LABELS["main_effects"][0 if language == "nl" else 1]
    return " + ".join([main, *terms])


def _p(value) -> str:
    return f"{value:.2g}"


def _step_outcome(step: dict, options: dict, label) -> str:
    by_term = {c["term"]: c for c in step["candidates"]}
    if step["added"]:
        chosen = by_term[step["added"]]
        detail = f"p {_p(chosen['p'])}" if "p" in chosen else f"Wald p {_p(chosen['wald_p'])}"
        return f"{label('add')} {step['added']} ({detail})"
    if "stop" not in step:  # stepwise-sparse: the smallest tail probability among the others
        eligible = [c["p"] for c in step["candidates"] if not c["reasons"]]
        if not eligible:
            return label("stop")
        reason = label("stop_p", p=_p(min(eligible)), threshold=options.get("threshold"))
        return f"{label('stop')} ({reason})"
    if step["stop"] == "wald":
        fitted = [c for c in step["candidates"] if c["aic"] is not None]
        best = min(fitted, key=lambda c: c["aic"])
        reason = label(
            "stop_wald", term=best["term"], p=_p(best["wald_p"]), alpha=options.get("wald_alpha")
        )
        return f"{label('stop')} ({reason})"
    return f"{label('stop')} ({label('stop_aic')})"


def render(answer: dict, language: str = "nl", shown: int = 15) -> str:
    lang = 0 if language == "nl" else 1

    def label(key: str, **params) -> str:
        return LABELS[key][lang].format(**params)

    def num(value, decimals: int = 2) -> str:
        return _number(value, "nl" if lang == 0 else "en", decimals)

    lines = [
        f"{label('title')}: {len(answer['lists'])} {label('lists')} "
        f"({', '.join(answer['lists'])}), {answer['observed']} {label('observed')}",
        f"{label('method')}: {METHOD_NAMES[answer['method']][lang]}",
        f"{label('estimate')}: {num(answer['estimate'])}",
        f"{label('unseen')}: {num(answer['unobserved'])}",
    ]
    high = num(answer["ci_high"]) if answer["ci_high"] is not None else label("unbounded")
    interval = f"{label('interval')}: {num(answer['ci_low'])} – {high} "
    interval += f"({INTERVAL_NAMES[answer['interval']][lang]}"
    if answer.get("bootstrap"):
        boot = answer["bootstrap"]
        interval += f", {boot['replicates']} {label('replicates')} {boot['seed']}"
    lines.append(interval + ")")
    if answer["method"] != "chapman":
        lines.append(f"{label('model')}: {_model(answer['model'], language)}")
    if answer.get("steps"):
        lines.append(f"{label('selection')}:")
        for number, step in enumerate(answer["steps"], start=1):
            head = f"  {label('step')} {number}: {_model(step['model'], language)}"
            lines.append(f"{head} → {_step_outcome(step, answer['options'], label)}")
    if answer.get("excluded"):
        lines.append(f"{label('excluded')}:")
        for item in answer["excluded"][:shown]:
            reasons = reason_text(item["reasons"], language)
            lines.append(f"  {_model(item['model'], language)}: {reasons}")
        if len(answer["excluded"]) > shown:
            lines.append("  " + label("more", count=len(answer["excluded"]) - shown))
    sensitivity = answer.get("sensitivity") or {}
    rows = sensitivity.get("rows", [])
    if rows:
        two = sensitivity.get("scope") == "two-list"
        lines.append(f"{label('two_list_estimators' if two else 'sensitivity')}:")
        for row in rows[:shown]:
            name = ESTIMATOR_NAMES.get(row.get("name")) or _model(row["model"], language)
            mark = f"  ← {label('chosen')}" if row.get("chosen") else ""
            if not row.get("acceptable", True):
                mark += f" ({label('poor_fit')})"
            extra = f"  BIC {num(row['bic'])}" if row.get("bic") is not None else ""
            lines.append(f"  {name}: {num(row['estimate'])}{extra}{mark}")
        if len(rows) > shown:
            lines.append("  " + label("more", count=len(rows) - shown))
        span = sensitivity.get("acceptable_range")
        if span:
            lines.append(f"  {label('range')}: {num(span[0])} – {num(span[1])}")
    if answer.get("notes"):
        lines.append(f"{label('notes')}:")
        for item in answer["notes"]:
            lines.append(f"  - {item['nl'] if lang == 0 else item['en']}")
    lines.append(f"{label('plainly')}: {explain(answer, language)}")
    return "\n".join(lines) + "\n"


EXPLANATION = {
    "seen": (
        "Van naar schatting {estimate} mensen ({interval}) stonden er {observed} op minstens "
        "één van de {lists} lijsten; ongeveer {unseen} stonden op geen enkele lijst.",
        "Of an estimated {estimate} people ({interval}), {observed} were on at least one of the "
        "{lists} lists; about {unseen} were on none.",
    ),
    "interval": ("95%-interval {low} tot {high}", "95% interval {low} to {high}"),
    "open_interval": (
        "95%-interval vanaf {low}, zonder bovengrens",
        "95% interval from {low}, with no upper limit",
    ),
    "two_lists": (
        "Met twee lijsten veronderstelt de schatting dat op de ene lijst staan de kans om op de "
        "andere te staan niet verandert.",
        "With two lists the estimate assumes that being on one list does not change the chance "
        "of being on the other.",
    ),
    "independent": (
        "De schatting veronderstelt dat de lijsten mensen onafhankelijk van elkaar vinden.",
        "The estimate assumes that the lists find people independently of each other.",
    ),
    "dependent": (
        "De schatting houdt rekening met lijsten die samenwerken of elkaars mensen delen "
        "({terms}) en veronderstelt dat de lijsten verder onafhankelijk zijn.",
        "The estimate allows for lists that work together or share people ({terms}) and assumes "
        "the lists are otherwise independent.",
    ),
    "caveat": (
        "Het is een schatting, geen telling: mensen die geen enkele lijst ooit kan bereiken "
        "tellen niet mee, en de schatting is te laag als sommige mensen voor alle lijsten "
        "tegelijk moeilijk te zien zijn.",
        "It is an estimate, not a count: people whom no list can ever reach are not in it, and "
        "it is too low when some people are hard to see for every list at once.",
    ),
    "models_differ": (
        "Modellen die redelijk bij de gegevens passen, geven {span}: de keuze van het model doet "
        "ertoe.",
        "Models that fit the data acceptably give {span}: the choice of model matters.",
    ),
    "models_agree": (
        "Modellen die redelijk passen, geven vergelijkbare aantallen ({span}).",
        "Models that fit acceptably give similar numbers ({span}).",
    ),
    "span": ("{low} tot {high}", "{low} to {high}"),
}


def explain(answer: dict, language: str = "nl") -> str:
    """What the estimate means and does not mean, in a few plain sentences."""
    lang = 0 if language == "nl" else 1
    code = "nl" if lang == 0 else "en"

    def whole(value) -> str:
        return _number(value, code, 0)

    def text(key: str, **params) -> str:
        return EXPLANATION[key][lang].format(**params)

    if answer["ci_high"] is None:
        interval = text("open_interval", low=whole(answer["ci_low"]))
    else:
        interval = text("interval", low=whole(answer["ci_low"]), high=whole(answer["ci_high"]))
    sentences = [
        text(
            "seen",
            estimate=whole(answer["estimate"]),
            interval=interval,
            observed=whole(answer["observed"]),
            lists=len(answer["lists"]),
            unseen=whole(answer["unobserved"]),
        )
    ]
    if answer["method"] == "chapman":
        sentences.append(text("two_lists"))
    elif answer["model"]:
        sentences.append(text("dependent", terms=", ".join(answer["model"])))
    else:
        sentences.append(text("independent"))
    sentences.append(text("caveat"))
    span = (answer.get("sensitivity") or {}).get("acceptable_range")
    if span and answer["method"] != "chapman":
        low, high = span
        spread = max(abs(low - answer["estimate"]), abs(high - answer["estimate"]))
        key = "models_differ" if spread > 0.1 * answer["estimate"] else "models_agree"
        if whole(low) == whole(high):
            span_text = whole(low)
        else:
            span_text = text("span", low=whole(low), high=whole(high))
        sentences.append(text(key, span=span_text))
    return " ".join(sentences)
