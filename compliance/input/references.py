"""Identifier columns decided across sheets, after each sheet's headers were read on their own.

Offices name the column that says which agency recruited a worker in their own words ('Agencia', 'Enterprise
Code', 'Recruitment Office No.', 雇主代號), and a word like 'Agencia' alone could be the agency's name or a note.
What the column holds settles it: when every value in it is an agency_id of the agencies sheet, it is the
worker's agency_id. Likewise the agencies sheet's own id column is the one whose values the workers' agency
column points at, and a pair of columns unnamed in both sheets is read when one holds exactly ids the other
names. Every such reading is said (how "content") and needs one candidate: two columns that could be the
reference leave it unread, as before.

A sheet whose rows no other sheet points at (fees, contracts, complaints) does not need its own id column: a
payment log rarely numbers its payments. Without one, each record is named by its row ("row 14"), said.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from compliance.input.celltext import parse_id
from compliance.input.readings import ColumnReading
from compliance.input.sheets import SHEETS, SHEETS_BY_NAME, Kind
from compliance.input.workbook import Column, RawSheet

# Sheets other sheets point at, by their key column.
_REFERENCED = {c.refers_to for s in SHEETS for c in s.columns if c.kind is Kind.REF and c.refers_to}
# (sheet, column, sheet it points at) for every reference column of the contract.
_REFS = [(s.name, c.name, c.refers_to) for s in SHEETS for c in s.columns if c.kind is Kind.REF and c.refers_to]
# A share of the referring values the key column must hold to be taken for it (a few workers may name an agency
# the agencies sheet lacks: the reference check reports them).
KEY_COVER = 0.8
ROW_ID_HEADER = "(row number)"


@dataclass
class _Said:
    notices: list[str]
    readings: list[ColumnReading]


def decide_references(sheets: dict[str, RawSheet], readings: list[ColumnReading], notices: list[str],
                      mapped: frozenset[str] = frozenset()) -> None:
    """Fill in reference and key columns by what they hold (not in sheets a mapping file placed: it decides)."""
    said = _Said(notices, readings)
    for _ in range(3):  # a key found lets the references to it be found, and the other way round
        changed = False
        for target in sorted(_REFERENCED):
            t, key = sheets.get(target), SHEETS_BY_NAME[target].key
            if t is not None and key and target not in mapped and not _has(t, key):
                changed |= _key_by_references(t, key, sheets, target, said)
        for sheet, column, target in _REFS:
            s, t, key = sheets.get(sheet), sheets.get(target), SHEETS_BY_NAME[target].key
            if s is None or t is None or not key or _has(s, column) or sheet in mapped or target in mapped:
                continue
            if _has(t, key):
                changed |= _reference_by_keys(s, column, t, key, said)
            elif s is not t:
                changed |= _pair(s, column, t, key, said)
        if not changed:
            break
    for spec in SHEETS:
        raw = sheets.get(spec.name)
        # (an empty sheet, with no header at all, is no records, as before)
        if raw is not None and raw.columns and spec.key and spec.name not in _REFERENCED and not _has(raw, spec.key):
            _rows_as_ids(raw, spec.key, said)


def _has(raw: RawSheet, key: str) -> bool:
    return any(c.key == key for c in raw.columns)


def _ids(raw: RawSheet, key: str) -> list[str]:
    return [v for r in raw.rows if (v := parse_id(r.values.get(key))) is not None]


def _telling(values: Iterable[str]) -> bool:
    """Ids that cannot match another column by chance: a short plain number (1, 2, 12) is also a count, a day or a
    row number, so a column of them is never taken for a reference by its values."""
    return all(not (v.isdigit() and len(v) <= 3) for v in values)


def _unread(raw: RawSheet) -> list[Column]:
    own = {c.name for c in SHEETS_BY_NAME[raw.key].columns}
    return [c for c in raw.columns if c.key not in own]


def _reference_by_keys(s: RawSheet, column: str, t: RawSheet, key: str, said: _Said) -> bool:
    keys = set(_ids(t, key))
    if not keys or not _telling(keys):
        return False
    fits = [c for c in _unread(s) if (vals := _ids(s, c.key)) and len(vals) >= 2 and set(vals) <= keys]
    if len(fits) != 1:
        return False
    _rename(s, fits[0], column, f"every value in it is a {key} of the {t.key} sheet", said)
    return True


def _key_by_references(t: RawSheet, key: str, sheets: dict[str, RawSheet], target: str, said: _Said) -> bool:
    refs = {v for sheet, column, to in _REFS if to == target and (s := sheets.get(sheet)) is not None
            and s is not t and _has(s, column) for v in _ids(s, column)}
    if len(refs) < 2 or not _telling(refs):
        return False
    fits = []
    for c in _unread(t):
        vals = _ids(t, c.key)
        if len(vals) == len(t.rows) and len(set(vals)) == len(vals) and len(refs & set(vals)) >= KEY_COVER * len(refs):
            fits.append(c)
    if len(fits) != 1:
        return False
    _rename(t, fits[0], key, "its values are unique and are the ones the other sheets name", said)
    return True


def _pair(s: RawSheet, column: str, t: RawSheet, key: str, said: _Said) -> bool:
    """Neither sheet's column recognised: the one column of t with unique ids that one column of s points into."""
    found = []
    referring = [(sc, set(vals)) for sc in _unread(s) if len(vals := _ids(s, sc.key)) >= 2]
    for tc in _unread(t):
        keys = _ids(t, tc.key)
        if len(keys) < 2 or len(keys) != len(t.rows) or len(set(keys)) != len(keys) or not _telling(keys):
            continue
        found += [(tc, sc) for sc, vals in referring if vals <= set(keys)]
    if len(found) != 1:
        return False
    tc, sc = found[0]
    _rename(t, tc, key, f"its values are unique and column '{sc.name}' of sheet '{s.name}' names them", said)
    _rename(s, sc, column, f"every value in it is in column '{tc.name}' of sheet '{t.name}'", said)
    return True


def _rename(raw: RawSheet, col: Column, field: str, why: str, said: _Said) -> None:
    old = col.key
    raw.columns[raw.columns.index(col)] = Column(col.name, field, col.index, col.letter)
    for r in raw.rows:
        r.values[field] = r.values.pop(old, None)
    raw.candidates.pop(field, None)
    raw.doubtful.pop(field, None)
    said.notices.append(f"sheet '{raw.name}': column '{col.name}' ({col.letter}) read as {field}: {why}")
    _reading(raw, field, ColumnReading(sheet=raw.key, source=raw.name, column=field, header=col.name,
                                       letter=col.letter, how="content", format=why), said)


def _rows_as_ids(raw: RawSheet, key: str, said: _Said) -> None:
    raw.columns.append(Column(ROW_ID_HEADER, key, -1, ""))
    for r in raw.rows:
        r.values[key] = f"row {r.number}"
    raw.candidates.pop(key, None)
    why = f"no {key} column: each record is named by its row ('row 14'); nothing else points at these records"
    said.notices.append(f"sheet '{raw.name}': {why}")
    _reading(raw, key, ColumnReading(sheet=raw.key, source=raw.name, column=key, header=None, how="row",
                                     format=why), said)


def _reading(raw: RawSheet, field: str, new: ColumnReading, said: _Said) -> None:
    for i, c in enumerate(said.readings):
        if c.sheet == raw.key and c.column == field:
            said.readings[i] = new
            return
    said.readings.append(new)
