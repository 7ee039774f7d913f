"""Reading the user's records: read -> interpret -> validate.

workbook (grids of cells from .xlsx/.xls/.ods/CSV), sheets (the input contract), cells (one cell's parsers),
validate (typed records and located problems).
"""
