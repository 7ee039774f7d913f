"""The records of a sheet once its header is known: which rows are records, and what is read on each.

Rows under the header are records unless blank, a totals or subtotal row (skipped and listed), or a CSV row
whose fields were shifted by an unquoted separator (refused whole). Merged cells of one column are filled down;
a flat sheet that repeats its records (one row per fee of the same worker) is split into its parts.
"""

from __future__ import annotations

import re
from typing import Any

from compliance.input import cells, headers
from compliance.input.conventions import STYLED
from compliance.input.problems import Action, InputProblem, ProblemType
from compliance.input.readings import SkippedRow
from compliance.input.sheets import Kind, SheetSpec
from compliance.input.structure import is_totals_word, looks_like_totals_row
from compliance.input.workbook import Column, Grid, RawRow, column_letter


def clean(value: object) -> object:
    if isinstance(value, str):
        return value.strip() or None
    return value


def data_rows(g: Grid, spec: SheetSpec, columns: list[Column], first: int,
          notices: list[str]) -> tuple[list[RawRow], int, list[SkippedRow]]:
    row0, col0 = g.start
    ids = [c.index - col0 for c in columns if c.key in (spec.key, "worker_id")]
    amounts = [c.index - col0 for c in columns if _kind(spec, c.key) in STYLED]
    rows: list[RawRow] = []
    skipped: list[SkippedRow] = []
    blank = 0
    places = [(c.key, c.index - col0) for c in columns]
    amounts_keys = [c.key for c in columns if _kind(spec, c.key) in STYLED]
    fill = _merged_down(g, first, {at for _, at in places}, set(amounts), notices)
    for i in range(first, len(g.cells)):
        cells = g.cells[i]
        number = row0 + i + 1
        width = len(cells)
        values = {}
        for key, at in places:
            v = cells[at] if at < width else None
            if fill and (i, at) in fill:
                v = fill[(i, at)]
            if type(v) is str:
                v = v.strip() or None
            values[key] = v
        if g.errors:
            for c in columns:
                if (text := g.errors.get((number - 1, c.index))) is not None:
                    values[c.key] = text
        if all(v is None for v in values.values()):
            blank += 1
            continue
        if number - 1 in g.totals_rows:
            skipped.append(SkippedRow(row=number, reason="is the totals row of an Excel table"))
            continue
        # An id with a digit in it is a record's, never a totals label: most rows need no closer look.
        if not any(isinstance(cells[j], str) and any(ch.isdigit() for ch in cells[j]) for j in ids if j < width) \
                and looks_like_totals_row(cells, ids, amounts):
            skipped.append(SkippedRow(row=number, reason="is a totals row"))
            continue
        if _sign_off(cells):
            skipped.append(SkippedRow(row=number, reason="is a sign-off or note line (every cell is 'label: text')"))
            continue
        if _subtotal(values, spec, amounts_keys):
            skipped.append(SkippedRow(row=number, reason="is a subtotal row (labelled as a total, with no "
                                                         f"{spec.key or 'record id'} of its own)"))
            continue
        rows.append(RawRow(number, values))
    if skipped:
        notices.append(f"sheet '{g.name}': {len(skipped)} totals or sign-off row(s) skipped "
                       f"({', '.join(str(s.row) for s in skipped)})")
    return rows, blank, skipped


# "Prepared by: Wang Fang", "制表人：王芳", "Checked by: ..." under the data: a label and a colon in every filled cell.
_SIGN_OFF = re.compile(r"[^:：\d]{1,20}[:：]\s*\S")


def _sign_off(cells: list[object]) -> bool:
    """A row under a ledger naming who prepared or checked it: no record, so skipped and listed, never rejected
    as a record with a blank id (or, worse, read as one)."""
    filled = [v for v in cells if clean(v) is not None]
    return bool(filled) and all(isinstance(v, str) and _SIGN_OFF.match(v.strip()) for v in filled)


def _subtotal(values: dict[str, Any], spec: SheetSpec, amounts: list[str]) -> bool:
    """A row under one worker's records that sums them ("W-101 | Subtotal | 150,000"): it has the worker's id but
    no id of its own, a cell that is only a totals word, and an amount. Read as a record it would count the
    worker's fees twice; it is skipped and listed, so an inspector can see it was."""
    own = values.get(spec.key) if spec.key else None
    if own is not None and not (isinstance(own, str) and is_totals_word(own)):
        return False
    labelled = any(isinstance(v, str) and is_totals_word(v) for k, v in values.items() if k != "worker_id")
    return labelled and any(values.get(k) is not None for k in amounts)


def _merged_down(g: Grid, first: int, read: set[int], amounts: set[int],
                 notices: list[str]) -> dict[tuple[int, int], object]:
    """Cells under a merged range of one column in the data ("W-101" merged over its three fee rows): a reader
    sees the value on each row, so each row gets it, and the report says which ranges were filled down. An
    amount merged over rows is one sum for all of them and no row's own: every row of it is unreadable (never the
    sum on the top row's fee, nor the same amount again on each, which would count it twice)."""
    row0, col0 = g.start
    fill: dict[tuple[int, int], object] = {}
    said = []
    for (a, b), (c, d) in g.merged:
        r0, c0, r1 = a - row0, b - col0, c - row0
        if b != d or r1 <= r0 or r0 < first or c0 not in read or r0 >= len(g.cells):
            continue  # a merge across columns says nothing about which column holds the value: left as written
        top = g.cells[r0][c0] if c0 < len(g.cells[r0]) else None
        if top is None or (isinstance(top, str) and not top.strip()):
            continue
        last = min(r1, len(g.cells) - 1)
        if c0 in amounts:  # one sum for several rows: no row's own amount is written, not even the top one's
            shown = int(top) if isinstance(top, float) and top.is_integer() else top
            shared = f"one amount for rows {a + 1}-{row0 + last + 1} (merged cell {column_letter(b)}{a + 1}): {shown}"
            for r in range(r0, last + 1):
                fill[(r, c0)] = shared
        else:
            for r in range(r0 + 1, last + 1):
                fill[(r, c0)] = top
        said.append(f"{column_letter(b)}{a + 1}:{column_letter(d)}{c + 1}")
    if said:
        notices.append(f"sheet '{g.name}': merged cells filled down, each row read with the merged value: "
                       f"{', '.join(said[:10])}{f' and {len(said) - 10} more' if len(said) > 10 else ''}")
    return fill


def shifted_rows(rows: list[RawRow], g: Grid, header: headers.HeaderRow, sheet: str, first: int,
                  problems: list[InputProblem]) -> list[RawRow]:
    """A CSV row with more filled fields than its header has had a field split ("50,000" unquoted in a comma file):
    every field after the split is in the wrong column, so the row is refused whole, never read shifted."""
    width = max((c.index for c in header.cells), default=-1) + 1
    out = []
    for r in rows:
        cells = g.cells[r.number - 1 - g.start[0]]
        extra = [i for i in range(width, len(cells)) if clean(cells[i]) is not None]
        if extra:
            problems.append(InputProblem(
                type=ProblemType.BAD_VALUE, action=Action.ROW_REJECTED, sheet=sheet, row=r.number,
                column=column_letter(extra[0]), value=str(cells[extra[0]])[:80],
                message=f"row {r.number} has more fields than the header ({len(cells)} for {width}): a number with "
                        "an unquoted comma (50,000) shifts every field after it; quote it or remove the comma"))
            continue
        out.append(r)
    return out


def split_rows(rows: list[RawRow], spec: SheetSpec, source: str, problems: list[InputProblem]) -> list[RawRow]:
    """The rows of one contract sheet taken out of a flat sheet: rows with none of its columns filled are not its
    records; a keyed sheet (workers, agencies, employers) repeated on many rows keeps one record per key, and a
    repeated fact that differs from its first reading is reported, never silently chosen."""
    fields = [c.name for c in spec.columns]
    mine = [r for r in rows if any(r.values.get(f) is not None for f in fields)]
    if spec.key is None or spec.name not in ("workers", "agencies", "employers"):
        return mine
    first: dict[str, RawRow] = {}
    out: list[RawRow] = []
    for r in mine:
        key = cells.parse_id(r.values.get(spec.key))
        if key is None:
            out.append(r)  # the validator reports the blank key
            continue
        if key not in first:
            first[key] = r
            out.append(r)
            continue
        base = first[key]
        for f in fields:
            a, b = cells.parse_text(base.values.get(f)), cells.parse_text(r.values.get(f))
            if b is not None and a is None:
                base.values[f] = r.values.get(f)  # a fact the first row left blank
            elif b is not None and a != b:
                problems.append(InputProblem(
                    type=ProblemType.INCONSISTENT, action=Action.NOTICE, sheet=spec.name, row=r.number, column=f,
                    value=b[:80], message=f"{spec.key} {key} is repeated in '{source}' with {f} '{b}', but row "
                                          f"{base.number} says '{a}': row {base.number} is read"))
    return out


def _kind(spec: SheetSpec, key: str) -> Kind | None:
    return next((c.kind for c in spec.columns if c.name == key), None)
