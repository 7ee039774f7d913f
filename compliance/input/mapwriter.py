"""Write the mapping the checker applied, as a YAML file a person can review (comments say how sure each reading
is) and `check --map` applies exactly."""

from __future__ import annotations

import json

from compliance.input.mapping import VERSION
from compliance.input.readings import ColumnReading, SheetReading
from compliance.input.sheets import SHEETS_BY_NAME
from compliance.input.validate import Dataset
from compliance.input.workbook import RawWorkbook


def _q(text: str) -> str:
    """A YAML scalar that reads back as exactly this text (JSON strings are YAML)."""
    return json.dumps(str(text), ensure_ascii=False)


def mapping_yaml(book: RawWorkbook, data: Dataset) -> str:
    readings = data.readings
    lines = [
        "# fairrecruit mapping: how to read files like " + _q(book.path.name),
        "# Review every line; then `fairrecruit check FILE --map THIS.yaml` reads the file exactly this way.",
        "# Comments say how each column was recognised (exact, synonym, words = read word by word, fuzzy 0-100).",
        f"fairrecruit-mapping: {VERSION}",
        "sheets:",
    ]
    columns: dict[str, list[ColumnReading]] = {}
    for c in readings.columns:
        columns.setdefault(c.sheet, []).append(c)
    for s in readings.sheets:
        lines.extend(_sheet(s, columns.get(s.sheet or "", []), book))
    for name in book.other_sheets:
        if not any(s.source == name for s in readings.sheets):
            lines += [f"  {_q(name)}:", "    as: ignore"]
    return "\n".join(lines) + "\n"


def _sheet(s: SheetReading, cols: list[ColumnReading], book: RawWorkbook) -> list[str]:
    if s.sheet is None:
        return [f"  {_q(s.source)}:  # {s.how}", "    as: ignore"]
    out = [f"  {_q(s.source)}:  # recognised: {s.how}", f"    as: {s.sheet}"]
    if s.header_rows:
        out.append(f"    header_rows: {s.header_rows}")
    out.append("    columns:")
    read = [c for c in cols if c.header is not None]
    for c in read:
        how = c.how if c.score is None else f"{c.how}, {c.score:g}"
        hint = f"; {c.hint}" if c.hint else ""
        out.append(f"      {_q(c.header or '')}: {c.column}  # column {c.letter}: {how}{hint}")
    raw = book.sheets.get(s.sheet)
    if raw is not None:
        known = {c.header for c in read}
        for col in raw.columns:
            if col.name not in known and col.key not in {c.name for c in SHEETS_BY_NAME[s.sheet].columns}:
                out.append(f"      {_q(col.name)}: ignore  # column {col.letter}: not a column of the contract")
    missing = [c.column for c in cols if c.header is None]
    if missing:
        out.append(f"    # not in the sheet: {', '.join(missing)}")
    tables = [(c, v) for c in read for v in c.values if v.how != "mapping"]
    if tables:
        out.append("    values:")
        for column in dict.fromkeys(c.column for c, _ in tables):
            out.append(f"      {column}:")
            for c, v in tables:
                if c.column == column:
                    out.append(f"        {_q(v.written)}: {v.code}  # {v.how}"
                               + (f" ({_q(v.matched)})" if v.matched else "") + f", {v.cells} cell(s)")
    numbers = {c.format for c in read if c.format and "decimal" in c.format}
    dates = {c.format for c in read if c.format and ("day" in c.format or "month" in c.format)}
    decimal = _decided(raw, "number")
    order = _decided(raw, "date")
    if decimal:
        out.append(f"    numbers: {{decimal: {_q(decimal)}}}  # " + "; ".join(sorted(numbers)))
    if order:
        out.append(f"    dates: {{order: {order}}}  # " + "; ".join(sorted(dates)))
    return out


def _decided(raw: object, what: str) -> str | None:
    """The one convention all of the sheet's columns share, if any."""
    found = set()
    for ctx in getattr(raw, "context", {}).values():
        style = getattr(ctx, what, None)
        if style is not None:
            found.add(style.decimal if what == "number" else style.order)
    return found.pop() if len(found) == 1 else None
