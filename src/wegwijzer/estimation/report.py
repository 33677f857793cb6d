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
        lines.append(f"{label('sensitivity')}:")
        for row in rows[:shown]:
            name = row.get("name") or _model(row["model"], language)
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
    return "\n".join(lines) + "\n"
