"""Helpers of bench/run (standard library only).

    serve_bench.py weight URL          bytes of a page plus the CSS and JS it links
    serve_bench.py check BASE_URL      the nginx cache behaves as docs/deployment.md says
    serve_bench.py table RESULTS       the figures table (Markdown); exit 1 if a target fails

RESULTS holds one line per scenario, written by bench/run:
    <id>\t<label>\t<target>\t<connections>\t<RESULT line of bench/report.lua>
where <target> is `limit`, `info`, `static>=P%`, `p95<=MS`, `static>=P%,p95<=MS` or
`weight<KB`, and a weight line's RESULT part is `bytes=N`.

A closed-loop load keeps every connection busy, so requests/s x mean latency must come
to about the number of connections (Little's law). When it comes to much less, some
connections were left waiting the whole run and never counted (a server that stops
accepting, for instance): the figures would look better than they are, so such a row
fails whatever its numbers. "% of static" is relative to the higher of the `limit` rows.
"""

from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

ASSET = re.compile(
    r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"', re.IGNORECASE
)


def fetch(url: str, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def weight(url: str) -> int:
    """Bytes of the page's HTML plus every stylesheet and script it links (uncompressed)."""
    status, _, body = fetch(url)
    if status != 200:
        sys.exit(f"weight: {url} answered {status}")
    total = len(body)
    parts = [f"html {len(body)}"]
    for href in ASSET.findall(body.decode("utf-8")):
        status, _, asset = fetch(urljoin(url, href))
        if status != 200:
            sys.exit(f"weight: {href} answered {status}")
        total += len(asset)
        parts.append(f"{href} {len(asset)}")
    print(f"bytes={total} ({', '.join(parts)})")
    return total


def check(base: str) -> bool:
    """What the micro-cache must and must not do, asserted against the running stack."""
    page = base + "/nl/kennis/wat-is-mensenhandel/"
    results = []

    def expect(what: str, ok: bool, seen: str) -> None:
        results.append(ok)
        print(f"  {'ok  ' if ok else 'FAIL'} {what}  [{seen}]")

    fetch(page)
    status, headers, _ = fetch(page)
    expect(
        "anonymous content page is served from the nginx cache",
        status == 200 and headers.get("X-Cache-Status") == "HIT",
        f"{status} X-Cache-Status={headers.get('X-Cache-Status')}",
    )
    expect(
        "a cached page still tells the browser Cache-Control: no-store",
        headers.get("Cache-Control") == "no-store",
        f"Cache-Control={headers.get('Cache-Control')}",
    )
    expect(
        "a cached page keeps the app's Content-Security-Policy",
        "default-src 'none'" in (headers.get("Content-Security-Policy") or ""),
        "CSP present" if headers.get("Content-Security-Policy") else "CSP missing",
    )
    status, headers, _ = fetch(page, {"Cookie": "sessionid=x"})
    expect(
        "a request with a cookie bypasses the cache",
        headers.get("X-Cache-Status") == "BYPASS",
        f"{status} X-Cache-Status={headers.get('X-Cache-Status')}",
    )
    search = base + "/nl/zoeken/?q=uitbuiting"
    fetch(search)
    status, headers, _ = fetch(search)
    expect(
        "search (query string) is never cached",
        status == 200 and headers.get("X-Cache-Status") == "BYPASS",
        f"{status} X-Cache-Status={headers.get('X-Cache-Status')}",
    )
    login = base + "/beheer/login/"
    fetch(login)
    status, headers, _ = fetch(login)
    expect(
        "/beheer/ is never cached (and sets its CSRF cookie)",
        status == 200 and "X-Cache-Status" not in headers and "Set-Cookie" in headers,
        f"{status} X-Cache-Status={headers.get('X-Cache-Status')} "
        f"Set-Cookie={'yes' if 'Set-Cookie' in headers else 'no'}",
    )
    status, headers, _ = fetch(base + "/static/wegwijzer/site.css")
    expect(
        "static files come from nginx with Cache-Control: no-store",
        status == 200 and headers.get("Cache-Control") == "no-store",
        f"{status} Cache-Control={headers.get('Cache-Control')}",
    )
    return all(results)


def _fields(result: str) -> dict[str, float]:
    return {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", result)}


def table(path: str) -> bool:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            ident, label, target, connections, result = line.split("\t")
            rows.append((ident, label, target, int(connections), _fields(result)))
    # The limit is measured first and again last; the higher of the two is the reference,
    # so a machine that was busier during one of them does not flatter the other rows.
    static = max((f["rps"] for _, _, target, _, f in rows if target == "limit"), default=None)
    print(
        "| scenario | conns | requests/s | p50 ms | p95 ms | p99 ms | % of static | target"
        " | result |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|---|")
    passed = True
    for _ident, label, target, connections, f in rows:
        if "bytes" in f:
            kb = f["bytes"] / 1000
            limit = float(target.removeprefix("weight<"))
            ok = kb < limit
            passed &= ok
            print(
                f"| {label} | | | | | | | < {limit:g} KB: {kb:.1f} KB"
                f" | {'pass' if ok else 'FAIL'} |"
            )
            continue
        share = 100 * f["rps"] / static if static else 0.0
        verdicts, wanted = [], []
        for rule in target.split(","):
            if rule.startswith("static>="):
                need = float(rule.removeprefix("static>=").rstrip("%"))
                wanted.append(f">= {need:g}% of static")
                verdicts.append(share >= need)
            elif rule.startswith("p95<="):
                need = float(rule.removeprefix("p95<="))
                wanted.append(f"p95 <= {need:g} ms")
                verdicts.append(f["p95"] <= need)
        problems = []
        errors = int(sum(v for k, v in f.items() if k.startswith("errors_")))
        if errors:
            problems.append(f"{errors} errors")
        in_flight = f["rps"] * f["mean"] / 1000
        if in_flight < 0.8 * connections:
            problems.append(f"only {in_flight:.0f} of {connections} connections served")
        if target == "limit":
            wanted_text, verdict = "limit", "(limit)"
        elif target == "info":
            wanted_text, verdict = "—", "(info)"
        else:
            wanted_text = ", ".join(wanted)
            verdict = "pass" if all(verdicts) and not problems else "FAIL"
            passed &= verdict == "pass"
        if problems:
            verdict += " " + "; ".join(problems)
            passed &= target == "info"
        print(
            f"| {label} | {connections} | {f['rps']:,.0f} | {f['p50']:.2f} | {f['p95']:.2f}"
            f" | {f['p99']:.2f} | {share:.1f}% | {wanted_text} | {verdict} |"
        )
    return passed


def main(argv: list[str]) -> int:
    command, argument = argv[1], argv[2]
    if command == "weight":
        weight(argument)
        return 0
    if command == "check":
        return 0 if check(argument) else 1
    if command == "table":
        return 0 if table(argument) else 1
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
