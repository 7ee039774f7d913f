"""What every reader of one cell shares: blank cells, a cell as text or as an id, and the Reading a reader
returns (the value, and a note when the cell was interpreted rather than read as written).

Kept apart from cells.py so that the date readers (dates.py) and the vocabularies (values.py) can use it while
cells.py, which dispatches to both, imports them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from compliance.input.formats import CellError, fmt_num


def is_blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def parse_text(v: object) -> str | None:
    if is_blank(v):
        return None
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, bool):  # before int: bool is an int subclass
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        # IDs typed in Excel arrive as floats (123.0); the user typed 123.
        return fmt_num(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v).strip()


def parse_id(v: object) -> str | None:
    text = parse_text(v)
    # "W  001" and "W 001" are the same worker; stray double spaces are typing noise.
    return " ".join(text.split()) if text is not None else None


@dataclass(frozen=True)
class Reading:
    """A cell's value and, when it was interpreted rather than read as written, a note saying how (for the report)."""

    value: object
    note: str | None = None
    currencies: tuple[str, ...] = ()  # ISO codes the currency written in the cell can mean


def join_notes(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


def as_written(reading: Reading, v: object, harmless: str | None = None) -> Any:
    """The value of a reading that needed no interpretation; the parse_* wrappers cannot report a note.
    Notes starting with `harmless` only describe the reading ("month 'May 2024' read as ...")."""
    if reading.currencies:
        raise CellError(f"{str(v).strip()!r} includes a currency; put only the number here and the currency "
                        "in the currency column")
    notes = (n for n in (reading.note or "").split("; ") if not harmless or not n.startswith(harmless))
    if note := join_notes(*notes):
        raise CellError(f"{str(v).strip()!r} is not read as written ({note}); type it in full")
    return reading.value
