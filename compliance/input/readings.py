"""What the checker interpreted while reading, so an inspector can defend every reading (the report's
`interpretations` section): which sheet and header row were used, which column is which and how sure, which
cell values were mapped to which codes, which number and date conventions were decided and from what evidence,
and how many cells of each column were read as written, interpreted or refused.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class SkippedRow(_Model):
    row: int
    reason: str


class SheetReading(_Model):
    source: str = Field(description="The sheet (or CSV file) as named in the input.")
    sheet: str | None = Field(description="The contract sheet it was read as; null when not read.")
    how: str = Field(description="exact, synonym, fuzzy, content or mapping; or why it was not read.")
    header_rows: list[int] = Field(default_factory=list, description="1-based rows that hold the header.")
    skipped_rows: list[SkippedRow] = Field(default_factory=list)
    note: str | None = None


class ValueReading(_Model):
    written: str = Field(description="The cell text as written (normalised spacing).")
    code: str
    how: str = Field(description="synonym, keyword, fuzzy or mapping.")
    matched: str | None = Field(None, description="The vocabulary entry that decided it.")
    cells: int


class ColumnReading(_Model):
    sheet: str
    source: str = Field(description="The sheet as named in the input.")
    column: str = Field(description="The contract column.")
    header: str | None = Field(description="The header as written; null when the column is not in the sheet.")
    letter: str | None = None
    how: str = Field(description="exact, synonym, words (read word by word), cells (a bare name read by its "
                                 "cells: all dates or all numbers), fuzzy, mapping, or missing.")
    score: float | None = Field(None, description="How sure the header match is, 0 to 100.")
    hint: str | None = Field(None, description="A unit or currency read from the header, e.g. 'currency NPR'.")
    format: str | None = Field(None, description="The number or date convention decided, and its evidence.")
    as_written: int = 0
    interpreted: int = 0
    refused: int = 0
    notes: dict[str, int] = Field(default_factory=dict, description="How cells were interpreted, with counts.")
    values: list[ValueReading] = Field(default_factory=list)


class Readings(_Model):
    sheets: list[SheetReading] = Field(default_factory=list)
    columns: list[ColumnReading] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list, description="Encodings, hidden or summary sheets, ...")


@dataclass
class ColumnLog:
    """Counts gathered while cells are read; becomes a ColumnReading."""

    as_written: int = 0
    interpreted: int = 0
    refused: int = 0
    notes: Counter[str] = field(default_factory=Counter)
    values: Counter[tuple[str, str, str, str | None]] = field(default_factory=Counter)

    def merged_into(self, base: ColumnReading) -> ColumnReading:
        values = [ValueReading(written=w, code=c, how=h, matched=m, cells=n)
                  for (w, c, h, m), n in sorted(self.values.items(), key=lambda kv: (-kv[1], kv[0][0]))]
        return base.model_copy(update={
            "as_written": self.as_written, "interpreted": self.interpreted, "refused": self.refused,
            "notes": dict(self.notes.most_common()), "values": values})
