"""The safety contract of the blind holdouts (3, 4 and 5): a variant is refused naming what it lacks, or read
without inventing a finding, misreading a field or hiding a cell it could not read."""

from __future__ import annotations

from tests.metamorphic.compare import Observation, misread_fields, record_pairs, weak_failures
from tests.metamorphic.render import Table

# A whole-file refusal is safe when it names what it lacks: required sheets or columns not found, two headers
# taken to mean one column, or two sheets taken to mean one sheet (the reader refuses rather than choose).
_PLAIN_REFUSALS = ("missing required column", "missing required sheet", "could not be recognised",
                   "say which one to read in a mapping file")


def silent_misreads(base: Observation, seen: Observation, tables: list[Table]) -> list[str]:
    """Every field of every base record read as ANOTHER value (headers renamed, not only cells changed)."""
    return [m for _t, sheet, row, want, got in record_pairs(base, seen, tables) if got is not None
            for m in misread_fields(sheet, row, want, got)]


def _reported(seen: Observation, table: Table, sheet: str, row: int, column: str | None, unread: set[str]) -> bool:
    """A problem names this cell (its row, or its whole column), or the record keeps the field as unreadable."""
    assert seen.report is not None
    if column is not None and column in unread:
        return True
    header = str(table.header[table.position(column)]) if column in table.columns else None
    for p in seen.report.input_problems:
        if p.sheet not in (sheet, table.name):
            continue
        if column is None and p.row is None and p.type.value == "unrecognised-sheet":
            return True  # the whole sheet is named as not read
        if column is None or column not in table.columns:  # a lost row, or a field with no column of its own here
            if p.row == row:
                return True
        elif p.row in (row, None) and p.column in (column, header):
            return True
    return False


def unreported_losses(base: Observation, seen: Observation, tables: list[Table]) -> list[str]:
    """Every base record or field the variant did not read, that nothing in the report names."""
    out = []
    for table, sheet, row, want, got in record_pairs(base, seen, tables):
        if got is None:
            if not _reported(seen, table, sheet, row, None, set()):
                out.append(f"{table.name!r} row {row} ({sheet}): no record read and nothing reported")
            continue
        unread = {f for f, _ in got.unread}
        lost = [k for k, v in want.model_dump().items()
                if k not in ("row", "unread", "maybe") and v is not None and getattr(got, k) is None]
        out += [f"{table.name!r} row {row} {k}: not read and not reported (base {getattr(want, k)!r})"
                for k in lost if not _reported(seen, table, sheet, row, k, unread)]
    return out


def safety_failures(base: Observation, seen: Observation, tables: list[Table]) -> list[str]:
    if seen.error is not None:
        return [] if any(s in seen.error for s in _PLAIN_REFUSALS) else ["refused without naming what is missing"]
    # weak_failures only takes a problem at the cell's own row as reporting it; unreported_losses also takes the
    # notice naming a column the reader did not recognise (every cell of it unknown), so its verdict on lost cells
    # replaces weak_failures' one.
    weak = [f for f in weak_failures(base, seen, tables) if ": not read and not reported" not in f]
    return [*weak, *silent_misreads(base, seen, tables), *unreported_losses(base, seen, tables)]
