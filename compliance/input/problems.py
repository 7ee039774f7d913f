"""Typed, located input problems (one per bad cell, row, column or sheet), frictionless-style.

A problem quotes the cell it is about, and a cell can hold 10 MB: every message is capped on construction (a
quoted value longer than MAX_QUOTED characters keeps its start and says its length; the whole message is cut at
MAX_MESSAGE), and `value` keeps MAX_VALUE characters. Message builders can quote a value with shown().
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, field_validator

MAX_QUOTED = 80  # characters of a quoted cell value kept in a message
MAX_VALUE = 80  # characters of `value` (as validate.py keeps them)
MAX_MESSAGE = 1000  # a message past this is cut: no honest message is that long
_KEEP = 60
# A quoted value as repr() writes it ('...' or "..." with backslash escapes), longer than MAX_QUOTED.
_LONG_QUOTE = re.compile(rf"'(?:[^'\\\n]|\\.){{{MAX_QUOTED},}}'|\"(?:[^\"\\\n]|\\.){{{MAX_QUOTED},}}\"")


def shown(value: object, limit: int = MAX_QUOTED) -> str:
    """repr() of a cell value for a message, its start only when longer than `limit` characters."""
    text = str(value)
    if len(text) <= limit:
        return repr(text)
    return repr(text[:_KEEP])[:-1] + f"…' ({len(text):,} characters)"


def cap_message(message: str) -> str:
    """The message with each long quoted value shortened, and cut at MAX_MESSAGE characters."""
    if len(message) <= 2 * MAX_QUOTED:
        return message
    out = _LONG_QUOTE.sub(lambda m: f"{m[0][:_KEEP + 1]}…{m[0][0]} ({len(m[0]) - 2:,} characters)", message)
    return out if len(out) <= MAX_MESSAGE else out[:MAX_MESSAGE - 1] + "…"


class ProblemType(StrEnum):
    MISSING_SHEET = "missing-sheet"
    MISSING_COLUMN = "missing-column"
    MISSING_VALUE = "missing-value"  # a required cell is blank
    BAD_VALUE = "bad-value"  # the cell could not be read as its type
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_REFERENCE = "unknown-reference"  # an id that no row of the referenced sheet has
    INCONSISTENT = "inconsistent"  # values that contradict each other (e.g. valid_to before valid_from)
    UNRECOGNISED_SHEET = "unrecognised-sheet"  # a sheet with rows that is no sheet of the contract: not read


class Action(StrEnum):
    ROW_REJECTED = "row-rejected"  # the row is not evaluated
    VALUE_IGNORED = "value-ignored"  # the row is evaluated with this cell treated as blank
    NOTICE = "notice"  # nothing dropped; rules needing the data report insufficient evidence


class InputProblem(BaseModel):
    model_config = ConfigDict(frozen=True)

    type: ProblemType
    action: Action
    sheet: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    message: str

    @field_validator("message")
    @classmethod
    def _cap_message(cls, message: str) -> str:
        return cap_message(message)

    @field_validator("value")
    @classmethod
    def _cap_value(cls, value: str | None) -> str | None:
        return value[:MAX_VALUE] if value is not None and len(value) > MAX_VALUE else value

    def location(self) -> str:
        parts = [f"sheet '{self.sheet}'"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)
