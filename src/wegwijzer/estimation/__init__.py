"""Multiple systems estimation (MSE): estimate how many people no list saw.

The modules here are plain Python (numpy and scipy, no Django): tables of capture histories
in, plain data out. `procedures.estimate` is the entry point; `api/` and the `estimate`
management command are the thin Django layer. See docs/estimation.md.
"""
