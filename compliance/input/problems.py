"""Typed, located input problems (one per bad cell, row, column or sheet), frictionless-style."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class ProblemType(StrEnum):
    MISSING_SHEET = "missing-sheet"
    MISSING_COLUMN = "missing-column"
    MISSING_VALUE = "missing-value"  # a required cell is blank
    BAD_VALUE = "bad-value"  # the cell could not be read as its type
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_REFERENCE = "unknown-reference"  # an id that no row of the referenced sheet has
    INCONSISTENT = "inconsistent"  # values that contradict each other (e.g. valid_to before valid_from)


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

    def location(self) -> str:
        parts = [f"sheet '{self.sheet}'"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)
