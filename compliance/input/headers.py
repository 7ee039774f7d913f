"""Find a sheet's header row and recognise its column names and the sheet's own name.

Real files put a title, notes and blank rows above the header, split it over two rows under merged group
labels, and name columns in their own words ("Worker No.", "Amount paid (NPR)", 工人编号). The names people use
are data (vocab/headers/*.yaml); this module normalises, looks up and scores. Every decision says how it was
made (exact, synonym, word by word, fuzzy, content), so the report can list it and an inspector can check it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz, process

from compliance.input.header_names import (
    _CJK,
    _NUMBERING,
    Hint,
    _cell_text,
    _looks_like_data,
    _norm,
    _text,
    _vocab,
    _words,
    look_alike,
    split_header,
)
from compliance.input.header_names import VOCAB_DIR as VOCAB_DIR  # re-exported: the tables' folder
from compliance.input.header_names import HeaderVocabError as HeaderVocabError  # re-exported for callers
from compliance.input.header_words import foreign_words, read_sheet_words, read_words
from compliance.input.sheets import SHEETS

# fuzz.ratio >= 88 admits one missing or extra letter in a name of 5+ letters ("Amout") and one wrong or swapped
# letter in 9+ letters ("Wroker ID"). Shorter names must be spelt right: there one letter is often another word
# ("Paid on" / "Paid to" scores 86). A header word that is itself a known word is never taken for a typo.
FUZZY_MIN = 88.0
# The best column must beat every other column of the sheet by this much, or the typo could be of either.
FUZZY_MARGIN = 6.0
FUZZY_MIN_LENGTH = 5
# Candidates are ranked by the better of plain and word-order-free similarity; below CANDIDATE_MIN they are noise.
CANDIDATE_MIN = 50.0
# A sheet named "Sheet1" is read by its content only when one sheet clearly fits: its recognised columns,
# each weighted 1/(number of sheets that have it), sum to CONTENT_MIN and to CONTENT_LEAD times the runner-up's
# ("worker_id", "currency" are in many sheets and say little; "Fee type" says fees).
CONTENT_MIN = 1.5
CONTENT_LEAD = 1.5
# A sheet whose name is in no table ("Clients", "Migration Cost", 劳务人员名册) is read by its content only on
# stronger evidence, and only as a contract sheet no other sheet is named as: its name might mean something else.
NAMED_CONTENT_MIN = 3.0
NAMED_CONTENT_LEAD = 2.0

_RANK = {"exact": 4, "synonym": 3, "words": 2, "cells": 2, "fuzzy": 1, "none": 0}
_SHEET_RANK = {"exact": 5, "synonym": 4, "words": 3, "fuzzy": 2, "content": 1, "content (name not known)": 1,
               "none": 0}



@dataclass(frozen=True)
class HeaderCell:
    index: int  # 0-based column index in the grid
    text: str  # the header as the user wrote it; for a two-row header "Fee / Amount (NPR)"
    name: str  # normalised name used for matching
    hint: Hint | None  # ("currency", "NPR"), ("unit", "months"), ("scale", "1000"), ("calendar", ...), ("format", ...)
    kind: str | None = None  # "date" or "amount" when every filled cell under a by_kind name is one; else None


@dataclass(frozen=True)
class HeaderRow:
    rows: tuple[int, ...]  # 0-based grid rows forming the header (1 row, or 2 for a group row + names row)
    cells: tuple[HeaderCell, ...]  # the non-blank header cells, left to right
    score: float  # percentage of those cells recognised as columns (of the sheet, or of any sheet)


@dataclass(frozen=True)
class ColumnMatch:
    cell: HeaderCell
    field: str | None  # contract column name, None when not recognised
    how: Literal["exact", "synonym", "words", "cells", "fuzzy", "none"]
    score: float  # 0..100
    candidates: tuple[tuple[str, float], ...]  # for an unrecognised header: the closest contract columns


@dataclass(frozen=True)
class _Hit:
    field: str | None
    how: str
    score: float


_NONE = _Hit(None, "none", 0.0)

# ---------------------------------------------------------------------------------------------- columns


@lru_cache(maxsize=16384)
def _lookup(name: str, sheet: str) -> _Hit:
    v = _vocab()
    if found := v.columns[sheet].get(name):
        return _Hit(found[0], "exact", 100.0) if found[1] else _Hit(found[0], "synonym", 95.0)
    # Word by word before the known-name guard: "Negara Penempatan" is the workers' destination and, translated,
    # the employers' country ("country of deployment"), a listed name there; only a typo is never bent.
    if read := read_words(name, sheet):
        return _Hit(read[0], "words", 90.0)
    if _known(name):  # a known name of something else is never bent onto this sheet
        return _NONE
    return _fuzzy(name, v.columns[sheet], {n for table in v.columns.values() for n in table})


_HAS_CJK = re.compile(f"[{_CJK}]")


def _cjk_side(part: str) -> bool:
    """Chinese, with Latin letters at most inside brackets ('月薪（QAR）')."""
    return bool(_HAS_CJK.search(part)) and not re.search("[A-Za-z]", re.sub(r"[(（\[].*?[)）\]]", "", part))


def _latin_side(part: str) -> bool:
    return not _HAS_CJK.search(part) and bool(re.search("[A-Za-z]", part))


def bilingual_parts(text: str) -> tuple[str, str] | None:
    """'使用語言 Languages Spoken', '月薪（QAR） Monthly Salary' (a Hong Kong form's headers): the Chinese and the
    English name, split at the space where one script ends and the other begins; None for a one-language name."""
    words = text.split()
    for i in range(1, len(words)):
        left, right = " ".join(words[:i]), " ".join(words[i:])
        if (_cjk_side(left) and _latin_side(right)) or (_latin_side(left) and _cjk_side(right)):
            return left, right
    return None


def _bilingual(text: str, sheet: str) -> _Hit:
    """A header in two languages is the column both parts name, or one names and the other does not contradict."""
    parts = bilingual_parts(text)
    if parts is None:
        return _NONE
    hits = [_lookup(split_header(p)[0], sheet) for p in parts]
    fields = {h.field for h in hits if h.field}
    if len(fields) != 1 or any(h.field is None and _known(split_header(p)[0]) for h, p in zip(hits, parts,
                                                                                             strict=True)):
        return _NONE  # two columns named, or one part a known name of no column here: not guessed
    best = max((h for h in hits if h.field), key=lambda h: (_RANK[h.how], h.score))
    return _Hit(best.field, best.how, best.score)


def _lookup_cell(cell: HeaderCell, sheet: str) -> _Hit:
    """A bracket that is no hint is a qualifier ("Name (as in passport)"), unless the name without it means
    nothing and with it means a column: "Collected by (agency)" is "collected by agency"."""
    hit = _lookup(cell.name, sheet)
    if hit.field is None and (two := _bilingual(cell.text, sheet)).field:
        return two
    if hit.field is None and cell.kind and (field := _vocab().by_kind[sheet].get(cell.name, {}).get(cell.kind)):
        return _Hit(field, "cells", 90.0)  # "Paid" over real date cells is the date paid; over numbers, the amount
    if hit.field is None and ("(" in cell.text or "[" in cell.text) and cell.hint is None:
        joined = _norm(re.sub(r"[()\[\]]", " ", cell.text), _text())
        if joined != cell.name:
            alt = _lookup(joined, sheet)
            if alt.how in ("exact", "synonym"):
                return alt
    return hit


def is_known_name(name: str) -> bool:
    """Whether a normalised header is a name the tables know, as a column of some sheet or as no column (S.N.)."""
    return _known(name)


def _known(name: str) -> bool:
    v = _vocab()
    return any(name in table for table in v.columns.values()) or any(name in o for o in v.others.values())


def _fuzzy(name: str, table: dict[str, tuple[str, bool]], everywhere: set[str]) -> _Hit:
    if len(name) < FUZZY_MIN_LENGTH or any(ord(ch) >= 0x250 for ch in name):  # Latin only: a CJK character is a word
        return _NONE
    found = process.extract(name, list(table), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN - FUZZY_MARGIN, limit=None)
    if not found or found[0][1] < FUZZY_MIN:
        return _NONE
    best, score, _ = found[0]
    field = table[best][0]
    runner_up = max((s for n, s, _ in found if table[n][0] != field), default=0.0)
    elsewhere = process.extractOne(name, everywhere - table.keys(), scorer=fuzz.ratio)
    extra = set(_words(name)) - set(_words(best))
    if score - runner_up < FUZZY_MARGIN or (elsewhere and elsewhere[1] > score) \
            or extra & (_vocab().known_words | foreign_words()):
        return _NONE
    return _Hit(field, "fuzzy", round(score, 1))


def _best_hit(name: str, sheet: str | None) -> tuple[str | None, _Hit]:
    sheets = [sheet] if sheet else [s.name for s in SHEETS]
    hits = [(s, _lookup(name, s)) for s in sheets]
    return max(hits, key=lambda sh: (_RANK[sh[1].how], sh[1].score))


def _similar(a: str, b: str, score_cutoff: float | None = None, **_: object) -> float:
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


@lru_cache(maxsize=4096)  # a header repeated across thousands of columns is scored once
def _candidates(name: str, sheet: str, n: int = 3) -> tuple[tuple[str, float], ...]:
    table = _vocab().columns[sheet]
    best: dict[str, float] = {}
    for cand, score, _ in process.extract(name, list(table), scorer=_similar, score_cutoff=CANDIDATE_MIN,
                                          limit=None):
        best[table[cand][0]] = max(best.get(table[cand][0], 0.0), round(score, 1))
    return tuple(sorted(best.items(), key=lambda fs: -fs[1])[:n])


def match_columns(header: HeaderRow, sheet: str) -> list[ColumnMatch]:
    """Each header cell to at most one column of `sheet`, each column used once (the best match wins)."""
    hits = [_lookup_cell(cell, sheet) for cell in header.cells]
    winner: dict[str, int] = {}
    for i, hit in enumerate(hits):
        j = winner.get(hit.field) if hit.field else None
        if hit.field and (j is None or (_RANK[hit.how], hit.score) > (_RANK[hits[j].how], hits[j].score)):
            winner[hit.field] = i
    return [ColumnMatch(cell, hit.field, hit.how, hit.score, ())  # type: ignore[arg-type]
            if hit.field and winner[hit.field] == i else
            ColumnMatch(cell, None, "none", 0.0, _candidates(cell.name, sheet))
            for i, (cell, hit) in enumerate(zip(header.cells, hits, strict=True))]


def duplicate_columns(header: HeaderRow, sheet: str) -> list[tuple[str, HeaderCell, HeaderCell, bool]]:
    """Columns named twice by exact or synonym headers, and whether equally surely (both exact, or both synonyms):
    the caller decides from the data which one is the column, or refuses the sheet, never silently reads one."""
    first: dict[str, tuple[HeaderCell, str]] = {}
    out = []
    for cell in header.cells:
        hit = _lookup_cell(cell, sheet)
        if hit.field is None or hit.how not in ("exact", "synonym"):
            continue
        if hit.field in first:
            out.append((hit.field, first[hit.field][0], cell, first[hit.field][1] == hit.how))
        else:
            first[hit.field] = (cell, hit.how)
    return out


def closest_headers(field: str, sheet: str, unmatched: Sequence[HeaderCell], n: int = 3) -> list[tuple[str, float]]:
    """For a missing column: the unmatched headers (as written) closest to any of its names, best first."""
    scored = [(cell.text, _closeness(cell.name, field, sheet)) for cell in unmatched]
    return sorted((s for s in scored if s[1] >= CANDIDATE_MIN), key=lambda s: -s[1])[:n]


@lru_cache(maxsize=16384)
def _closeness(name: str, field: str, sheet: str) -> float:
    names = [nm for nm, (f, _) in _vocab().columns[sheet].items() if f == field]
    return round(max((_similar(name, nm) for nm in names), default=0.0), 1)


# ---------------------------------------------------------------------------------------------- header row


def _score(items: Sequence[tuple[str, object]], sheet: str | None) -> float:
    """+1 per column recognised (0.7 when by a typo), -1 per cell that looks like data; (name, value) items."""
    seen: set[tuple[str | None, str]] = set()
    score = 0.0
    for name, value in items:
        where, hit = _best_hit(name, sheet) if isinstance(value, str) else (None, _NONE)
        if hit.field and (where, hit.field) not in seen:
            seen.add((where, hit.field))
            score += 0.7 if hit.how == "fuzzy" else 1.0
        elif not hit.field and _looks_like_data(value):
            score -= 1.0
    return score


def _row_score(row: Sequence[object], sheet: str | None) -> float:
    return _score([(split_header(t)[0], v) for v in row if (t := _cell_text(v))], sheet)


def _cells_score(cells: Sequence[HeaderCell], sheet: str | None) -> float:
    return _score([(c.name, c.text) for c in cells], sheet)


def _is_label(value: object) -> bool:
    text = _cell_text(value)
    return not text or (isinstance(value, str) and len(text) <= 40 and len(text.split()) <= 4
                        and not re.search(r"\d", _NUMBERING.sub("", text)))


def _spans(top: Sequence[object], g: int, merged: Sequence, width: int) -> dict[int, tuple[str, int, bool]]:
    """Column -> (group label, column of its cell, covers several columns)."""
    labels = {c: _cell_text(v) for c, v in enumerate(top) if _cell_text(v)}
    spans: dict[int, tuple[str, int, bool]] = {}
    row_merges = [(c0, c1) for (r0, c0), (_, c1) in merged if r0 == g and c0 in labels]
    if any(r0 == g for (r0, _), _ in merged):  # merge information for this row: labels cover their range only
        for c0, c1 in row_merges:
            spans.update({c: (labels[c0], c0, c1 > c0) for c in range(c0, min(c1, width - 1) + 1)})
        for c, text in labels.items():
            spans.setdefault(c, (text, c, False))
        return spans
    starts = sorted(labels)  # no merge information: a label spreads right until the next label
    for k, c in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else width
        spans.update({x: (labels[c], c, end - c > 1) for x in range(c, end)})
    return spans


def _pair(index: int, label: str, low: str, sheet: str | None) -> tuple[HeaderCell, bool]:
    """'Worker' over 'ID': keep 'worker id' or 'id', whichever reads better; True when the label was kept."""
    (gname, ghint), (lname, lhint) = split_header(label), split_header(low)
    joined = gname + lname if re.search(rf"[{_CJK}]$", gname) and re.match(rf"[{_CJK}]", lname) else f"{gname} {lname}"
    _, hj = _best_hit(joined, sheet)
    _, hb = _best_hit(lname, sheet)
    # A joined name known elsewhere ("Agency" + "Name" is the agency's name) must not fall back to the bare one.
    # So must one its cells decide ("Pre-departure" + "Info given"): the kind of its cells is looked at later.
    keep = (_RANK[hj.how], hj.score) >= (_RANK[hb.how], hb.score) if hj.field else \
        _known(joined) or (sheet is not None and joined in _vocab().by_kind[sheet])
    return HeaderCell(index, f"{label} / {low}", joined if keep else lname, lhint or ghint), keep and joined != lname


def _combine(grid: Sequence[Sequence[object]], g: int, n: int, merged: Sequence, sheet: str | None,
             force: bool = False, low_is_header: bool = False) -> tuple[tuple[HeaderCell, ...], bool] | None:
    top, low = grid[g], grid[n]
    # The names row is checked for data unless it is the row found to be the header: "Month 1" under "Earnings".
    names_ok = low_is_header or all(not _cell_text(v) or (isinstance(v, str) and (not _looks_like_data(v) or
                                                                  _best_hit(split_header(v)[0], sheet)[1].field))
                   for v in low)
    if not force and (not any(_cell_text(v) for v in top) or not all(_is_label(v) for v in top) or not names_ok):
        return None
    width = max(len(top), len(low))
    spans = _spans(top, g, merged, width)
    cells, changed = [], False
    for c in range(width):
        text, span = (_cell_text(low[c]) if c < len(low) else ""), spans.get(c)
        if text and span:
            cell, kept = _pair(c, span[0], text, sheet)
            cells.append(cell)
            changed |= kept
        elif text or (span and span[1] == c and not span[2]):  # a label alone over its column is that column's name
            cells.append(HeaderCell(c, text or span[0], *split_header(text or span[0])))
    return tuple(cells), changed


def _single(row: Sequence[object]) -> tuple[HeaderCell, ...]:
    return tuple(HeaderCell(c, t, *split_header(t)) for c, v in enumerate(row) if (t := _cell_text(v)))


def find_header(grid: Sequence[Sequence[object]], sheet: str | None,
                merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (), max_scan: int = 30) -> HeaderRow | None:
    """The header among the first max_scan rows, with its group row above when there is one; None if none fits.

    `merged` is in grid coordinates: calamine's merged_cell_ranges are sheet coordinates, so subtract
    sheet.start from them first (see shift_merged).
    """
    rows = grid[:max_scan]
    scores = [_row_score(row, sheet) for row in rows]
    if not scores or scores[best := max(range(len(rows)), key=lambda i: (scores[i], -i))] <= 0:
        return None
    cells, chosen = _single(rows[best]), (best,)
    score = _cells_score(cells, sheet)
    for g, n in ((best - 1, best), (best, best + 1)):
        if g < 0 or n >= len(rows) or (found := _combine(rows, g, n, merged, sheet, low_is_header=n == best)) is None:
            continue
        pair, changed = found
        pair_score = _cells_score(pair, sheet)
        wide = any(r0 == g and c1 > c0 for (r0, c0), (_, c1) in merged)
        labels = [_cell_text(v) for v in rows[g] if _cell_text(v)]
        # A label merged over several columns names their group, whatever else it could name: "Licence" over
        # "Number", "Valid from" and "Valid to" is no licence_number column of its own.
        spanning = {c0 for (r0, c0), (_, c1) in merged if r0 == g and c1 > c0}
        single = [x for c, v in enumerate(rows[g]) if (x := _cell_text(v)) and c not in spanning]
        if n == best:
            # A group row is sparse or merged, its labels are mostly not column names themselves, and it changes
            # a reading ("Worker" + "ID") or is a real merged group row; a lone short title above does neither.
            group_like = (wide or len(labels) < len(cells)) and \
                sum(_best_hit(split_header(x)[0], sheet)[1].field is not None for x in single) * 2 <= len(labels)
            accept = group_like and (changed or (wide and len(labels) >= 2)) and pair_score >= score
        else:  # the best row holds merged group labels and names; the row below names the grouped columns
            accept = (wide or changed) and pair_score > score
        if accept:
            cells, chosen, score = pair, (g, n), pair_score
    return _header_row(chosen, _with_kinds(cells, grid, max(chosen) + 1, sheet), sheet)


def _cell_kind(grid: Sequence[Sequence[object]], first: int, index: int) -> str | None:
    """"date" when every filled cell of the column below the header is a real date, "amount" when every one is a
    number; None for text (a CSV's), a mix, or no cell: what text says is for the cell readers, not for a header."""
    kinds = set()
    for row in grid[first:]:
        v = row[index] if index < len(row) else None
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        if isinstance(v, dt.date) and not isinstance(v, bool):  # datetime is a date
            kinds.add("date")
        elif isinstance(v, int | float) and not isinstance(v, bool):
            kinds.add("amount")
        else:
            return None
        if len(kinds) > 1:
            return None
    return kinds.pop() if kinds else None


def _with_kinds(cells: tuple[HeaderCell, ...], grid: Sequence[Sequence[object]], first: int,
                sheet: str | None) -> tuple[HeaderCell, ...]:
    """The cells whose name is one of the sheet's by_kind names, with the kind of the cells under them."""
    if sheet is None:
        return cells
    table = _vocab().by_kind[sheet]
    return tuple(replace(c, kind=_cell_kind(grid, first, c.index)) if c.name in table else c for c in cells)


def _header_row(rows: tuple[int, ...], cells: tuple[HeaderCell, ...], sheet: str | None) -> HeaderRow:
    known = sum(_best_hit(c.name, sheet)[1].field is not None for c in cells)
    return HeaderRow(rows, cells, round(100 * known / len(cells), 1) if cells else 0.0)


def header_from_rows(grid: Sequence[Sequence[object]], rows: Sequence[int],
                     merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (), sheet: str | None = None,
                     ) -> HeaderRow:
    """The header in the given 0-based grid rows (one names row, or a group row and a names row), as a person
    said it is (a mapping file): not searched, not second-guessed; the group label is combined as in find_header."""
    rows = tuple(rows)
    if len(rows) not in (1, 2) or any(r < 0 or r >= len(grid) for r in rows) or rows != tuple(sorted(set(rows))):
        raise ValueError(f"header rows must be one or two rows of the sheet, top first: {rows}")
    if len(rows) == 1:
        return _header_row(rows, _with_kinds(_single(grid[rows[0]]), grid, rows[0] + 1, sheet), sheet)
    found = _combine(grid, rows[0], rows[1], merged, sheet, force=True)
    return _header_row(rows, _with_kinds(found[0], grid, rows[1] + 1, sheet) if found else (), sheet)


def shift_merged(ranges: Sequence[tuple[tuple[int, int], tuple[int, int]]], start: tuple[int, int],
                 ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """calamine's merged_cell_ranges (sheet coordinates) in the coordinates of to_python()'s grid."""
    r, c = start
    return [((r0 - r, c0 - c), (r1 - r, c1 - c)) for (r0, c0), (r1, c1) in ranges]


# ---------------------------------------------------------------------------------------------- sheets


def _sheet_forms(name: str) -> list[str]:
    parts = [name, *re.split(r"\s+[-–—|:]\s+|[–—|:]", name), *(bilingual_parts(name) or ())]
    forms = [split_header(p)[0] for p in parts]
    return [f for f in dict.fromkeys([*forms, *(" ".join(re.sub(r"\d+", " ", f).split()) for f in forms)]) if f]


def identify_sheet(name: str, grid: Sequence[Sequence[object]] | None = None) -> tuple[str | None, str, float]:
    """(contract sheet or None, how: exact | synonym | fuzzy | content | none, score 0..100)."""
    v, forms = _vocab(), _sheet_forms(name)
    found = {v.sheet_names[f] for f in forms if f in v.sheet_names}
    if len(sheets := {s for s, _ in found}) == 1:  # several sheets named in one name: ambiguous, not guessed
        sheet = sheets.pop()
        return (sheet, "exact", 100.0) if (sheet, True) in found else (sheet, "synonym", 95.0)
    if not sheets and forms and (read := read_sheet_words(forms[0])):
        return read[0], "words", 90.0
    if not sheets and forms:
        table = {n: (s, exact) for n, (s, exact) in v.sheet_names.items()}
        if (hit := _fuzzy(forms[0], table, set())).field:
            return hit.field, "fuzzy", hit.score
    bare = " ".join(re.sub(r"\d+", " ", split_header(name)[0]).split())
    if grid is not None and (not bare or all(w in v.generic for w in _words(bare))):
        return _by_content(grid)
    # a name spelt with look-alike letters of another script ("wοrkers") is reported as such, not read by content
    if grid is not None and not sheets and not set(_words(bare)) & v.other_sheet_words \
            and not any(look_alike(name, s.name) for s in SHEETS):
        sheet, _, score = _by_content(grid, NAMED_CONTENT_MIN, NAMED_CONTENT_LEAD)
        return (sheet, "content (name not known)", score) if sheet else (None, "none", 0.0)
    return None, "none", 0.0


def _by_content(grid: Sequence[Sequence[object]], least: float = CONTENT_MIN,
                lead: float = CONTENT_LEAD) -> tuple[str | None, str, float]:
    header = find_header(grid, None)
    if header is None:
        return None, "none", 0.0
    sheets_of = {c.name: sum(_lookup(c.name, s.name).field is not None for s in SHEETS) for c in header.cells}
    weights: dict[str, float] = {}
    for spec in SHEETS:
        matches = [m for m in match_columns(header, spec.name) if m.field]
        weights[spec.name] = sum(1 / sheets_of[m.cell.name] for m in matches)
    ranked = sorted(weights.items(), key=lambda sw: -sw[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < least or top < lead * second:
        return None, "none", 0.0
    recognised = sum(m.field is not None for m in match_columns(header, best))
    return best, "content", round(100 * recognised / len(header.cells), 1)


def identify_sheets(books: dict[str, Sequence[Sequence[object]]]) -> dict[str, tuple[str | None, str, float]]:
    """Every file sheet identified; each contract sheet goes to one file sheet only (the best; then the first)."""
    found = {name: identify_sheet(name, grid) for name, grid in books.items()}
    # a sheet read by its content though its name is in no table yields to any other claim, and two such claim
    # nothing: each stays an unrecognised sheet, reported, as it was
    named = defaultdict(list)
    for name, (sheet, how, _) in found.items():
        if sheet and how != "content (name not known)":
            named[sheet].append(name)
    unnamed = defaultdict(list)
    for name, (sheet, how, _) in found.items():
        if sheet and how == "content (name not known)":
            unnamed[sheet].append(name)
    for sheet, names in unnamed.items():
        if sheet in named or len(names) > 1:
            for name in names:
                found[name] = (None, "none", 0.0)
    claims: dict[str, list[str]] = defaultdict(list)
    for name, (sheet, _, _) in found.items():
        if sheet:
            claims[sheet].append(name)
    for names in claims.values():
        winner = max(names, key=lambda n: (_SHEET_RANK[found[n][1]], found[n][2], -names.index(n)))
        for loser in names:
            if loser != winner:
                found[loser] = (None, f"duplicate:{winner}", found[loser][2])
    return found
