"""Statistical publication of the registry: tables, disclosure control, the k-anonymous
research extract, accessible charts, downloads and synthetic demo data.

Everything in this package except `apps.py` is plain Python (pandas, scipy, openpyxl) with
no Django import: plain records in, plain data out. The Django layer of the registry feeds
it and renders the results (docs/statistics.md).
"""
