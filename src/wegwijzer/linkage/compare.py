"""Comparison of candidate pairs on their encodings: one agreement level per field.

Names are compared by the Dice coefficient of their Bloom filters (popcounts of packed
bits), also crosswise (given against family) when the phonetic codes suggest the order was
swapped. Dates of birth are compared part by part on the keyed tokens, so a day/month swap
or one wrong part still counts as partial agreement. Level 0 is the strongest agreement;
-1 means a value is missing on either side and the field says nothing.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from wegwijzer.linkage.table import BITS, FAMILY, GIVEN, ROW, TOKEN, WORDS, EncodedTable

FEATURES = ("given", "family", "dob", "document")
LEVELS = {"given": 5, "family": 5, "dob": 5, "document": 2}
LEVEL_NAMES = {
    "given": ("exact", "dice>=0.85", "dice>=0.7", "dice>=0.5 or same sound", "different"),
    "family": ("exact", "dice>=0.85", "dice>=0.7", "dice>=0.5 or same sound", "different"),
    "dob": ("exact", "day and month swapped", "two of three parts", "year only", "different"),
    "document": ("equal", "different"),
}
DICE_STEPS = (0.999, 0.85, 0.7, 0.5)
SWAP_MARGIN = 0.2  # crosswise names must beat the straight comparison by this much
CHUNK = 1 << 14  # pairs per chunk: buffers stay in cache-sized pieces and are reused
THREADS = 2  # numpy's bit operations release the GIL, so chunks run side by side
_LOW16, _SHIFT16 = np.uint64(0xFFFF), np.uint64(16)


@dataclass
class Comparison:
    """Levels of every pair, shape (n_pairs, len(FEATURES)), and which pairs had their
    names compared crosswise."""

    levels: np.ndarray
    swapped: np.ndarray  # names compared crosswise


def _dice(x: np.ndarray, y: np.ndarray, bits_x, bits_y, scratch: np.ndarray) -> np.ndarray:
    """Dice coefficient of the filters in the rows of x and y (nan when both are empty)."""
    both = scratch[: len(x)]
    np.bitwise_and(x, y, out=both)
    counts = np.bitwise_count(both)
    common = counts[:, 0].astype(np.float32)
    for word in range(1, WORDS):
        common += counts[:, word]
    total = bits_x.astype(np.float32) + bits_y
    with np.errstate(invalid="ignore", divide="ignore"):
        return 2 * common / total


def _name_level(dice: np.ndarray, same_code: np.ndarray, present: np.ndarray) -> np.ndarray:
    level = np.full(len(dice), 4, np.int8)
    level -= (dice >= DICE_STEPS[3]) | same_code
    for step in DICE_STEPS[:3]:
        level -= dice >= step
    level[~present] = -1
    return level


def _compare_chunk(t: EncodedTable, a: np.ndarray, b: np.ndarray, buffers) -> tuple:
    buf_a, buf_b, scratch = buffers
    m = len(a)
    x, y = buf_a[:m], buf_b[:m]
    np.take(t.rows, a, axis=0, out=x)  # one gather per side brings every field
    np.take(t.rows, b, axis=0, out=y)
    given_bits_a, family_bits_a = x[:, BITS] & _LOW16, x[:, BITS] >> _SHIFT16
    given_bits_b, family_bits_b = y[:, BITS] & _LOW16, y[:, BITS] >> _SHIFT16
    g = _dice(x[:, GIVEN], y[:, GIVEN], given_bits_a, given_bits_b, scratch)
    f = _dice(x[:, FAMILY], y[:, FAMILY], family_bits_a, family_bits_b, scratch)
    gc_a, gc_b = x[:, TOKEN["given_code"]], y[:, TOKEN["given_code"]]
    fc_a, fc_b = x[:, TOKEN["family_code"]], y[:, TOKEN["family_code"]]
    same_given, same_family = (gc_a == gc_b) & (gc_a != 0), (fc_a == fc_b) & (fc_a != 0)

    # Crosswise only where a code crosses over: cheap, and a swap nearly always shows there.
    cross = np.flatnonzero(((gc_a == fc_b) & (gc_a != 0)) | ((fc_a == gc_b) & (fc_a != 0)))
    swapped = np.zeros(m, bool)
    if len(cross):
        xc, yc = x[cross], y[cross]
        gf = _dice(xc[:, GIVEN], yc[:, FAMILY], given_bits_a[cross], family_bits_b[cross], scratch)
        fg = _dice(xc[:, FAMILY], yc[:, GIVEN], family_bits_a[cross], given_bits_b[cross], scratch)
        straight = np.nan_to_num(g[cross]) + np.nan_to_num(f[cross])
        better = np.nan_to_num(gf) + np.nan_to_num(fg) > straight + SWAP_MARGIN
        take = cross[better]
        swapped[take] = True
        g[take], f[take] = gf[better], fg[better]
        same_given[take] = gc_a[take] == fc_b[take]
        same_family[take] = fc_a[take] == gc_b[take]
    other_given = np.where(swapped, family_bits_b, given_bits_b)
    other_family = np.where(swapped, given_bits_b, family_bits_b)
    given_level = _name_level(g, same_given, (given_bits_a > 0) & (other_given > 0))
    family_level = _name_level(f, same_family, (family_bits_a > 0) & (other_family > 0))

    ya, yb = x[:, TOKEN["dob_year"]], y[:, TOKEN["dob_year"]]
    ma, mb = x[:, TOKEN["dob_month"]], y[:, TOKEN["dob_month"]]
    da, db = x[:, TOKEN["dob_day"]], y[:, TOKEN["dob_day"]]
    year, month, day = ya == yb, ma == mb, da == db
    parts = year.astype(np.int8) + month + day
    dob_level = np.full(len(a), 4, np.int8)
    dob_level[year] = 3
    dob_level[parts == 2] = 2
    dob_level[year & (da == mb) & (ma == db) & ~(month & day)] = 1
    dob_level[parts == 3] = 0
    dob_level[(ya == 0) | (yb == 0)] = -1

    doc_a, doc_b = x[:, TOKEN["document"]], y[:, TOKEN["document"]]
    doc_level = np.where(doc_a == doc_b, 0, 1).astype(np.int8)
    doc_level[(doc_a == 0) | (doc_b == 0)] = -1
    return np.stack([given_level, family_level, dob_level, doc_level], axis=1), swapped


def compare(table: EncodedTable, left: np.ndarray, right: np.ndarray) -> Comparison:
    """Agreement levels of the pairs (left[k], right[k])."""
    n = len(left)
    levels = np.empty((n, len(FEATURES)), np.int8)
    swapped = np.empty(n, bool)
    if n == 0:
        return Comparison(levels, swapped)

    def work(start: int, buffers) -> None:
        a, b = left[start : start + CHUNK], right[start : start + CHUNK]
        levels[start : start + len(a)], swapped[start : start + len(a)] = _compare_chunk(
            table, a, b, buffers
        )

    starts = range(0, n, CHUNK)
    threads = min(THREADS, len(starts))
    buffers = [
        (
            np.empty((CHUNK, ROW), np.uint64),
            np.empty((CHUNK, ROW), np.uint64),
            np.empty((CHUNK, WORDS), np.uint64),
        )
        for _ in range(threads)
    ]
    if threads == 1:
        for start in starts:
            work(start, buffers[0])
    else:
        with ThreadPoolExecutor(threads) as pool:
            # thread k takes chunks k, k + threads, ...: each keeps its own buffers
            list(
                pool.map(
                    lambda k: [work(s, buffers[k]) for s in starts[k::threads]], range(threads)
                )
            )
    return Comparison(levels, swapped)
