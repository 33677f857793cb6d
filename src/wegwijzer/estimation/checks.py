"""Does a model give a finite, unique estimate for these counts?

Chan, Silverman & Vincent (2021): a term whose lists share nobody (an empty overlap) gets the
parameter −∞ and every capture history containing it drops out of the fit. What remains must
pass two checks:

* identifiability: the design matrix of the remaining cells has full column rank;
* existence (Fienberg & Rinaldo 2012): the observed margins t = Xᵀy lie in the relative
  interior of the cone spanned by the rows of X, i.e. some strictly positive table has the
  same margins. A linear programme decides that; it is only needed when the rows of the
  cells with a positive count do not already have full column rank (then no direction can
  push the likelihood to infinity and the estimate exists).
"""

import numpy as np
from scipy.optimize import linprog

EXISTS = 0
NOT_EXISTING = 1
NOT_IDENTIFIABLE = 2


def reasons(status: int) -> list[str]:
    found = []
    if status & NOT_EXISTING:
        found.append("mle_does_not_exist")
    if status & NOT_IDENTIFIABLE:
        found.append("not_identifiable")
    return found


def full_rank(matrix: np.ndarray) -> bool:
    """Full column rank, from the eigenvalues of the small Gram matrix XᵀX (much cheaper than
    an SVD of a tall X; the 0/1 entries keep its nonzero eigenvalues far from zero)."""
    rows, columns = matrix.shape
    if rows < columns:
        return False
    eigenvalues = np.linalg.eigvalsh(matrix.T @ matrix)
    return bool(eigenvalues[0] > 1e-9 * max(eigenvalues[-1], 1.0))


def interior_by_lp(matrix: np.ndarray, counts: np.ndarray) -> bool:
    """True when a table x ≥ s > 0 (elementwise) has the same margins Xᵀx = Xᵀy.

    Maximise s over (x, s) with Xᵀx = Xᵀy, x_i − s ≥ 0, 0 ≤ s ≤ total: the estimate exists
    exactly when the optimum s is positive.
    """
    cells, size = matrix.shape
    total = max(float(counts.sum()), 1.0)
    objective = np.zeros(cells + 1)
    objective[-1] = -1.0
    a_eq = np.hstack([matrix.T, np.zeros((size, 1))])
    b_eq = matrix.T @ counts
    a_ub = np.hstack([-np.eye(cells), np.ones((cells, 1))])
    b_ub = np.zeros(cells)
    bounds = [(0, None)] * cells + [(0, total)]
    result = linprog(
        objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs"
    )
    if result.status != 0:
        return False
    return -result.fun > 1e-7 * total


def exists(matrix: np.ndarray, counts: np.ndarray) -> bool:
    positive = counts > 0
    if positive.all() or full_rank(matrix[positive]):
        return True
    return interior_by_lp(matrix, counts)
