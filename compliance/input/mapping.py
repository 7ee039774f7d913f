"""The mapping file: how to read one family of files, written by `fairrecruit map`, reviewed by a person, applied
exactly by `fairrecruit check --map`, so that next month's export is read the same way.

    fairrecruit-mapping: 1
    sheets:
      Fee ledger:                  # the sheet (or CSV file) as named in the file
        as: fees                   # the contract sheet; a list splits one flat sheet into several
        header_rows: [4]           # 1-based rows of the header
        columns:
          Worker No.: worker_id    # header as written -> contract column; a split sheet says fees.worker_id
          Remarks: ignore          # headers not listed are recognised as usual (not in a split sheet)
        values:
          category: {Agent commission: recruitment_fee}
        numbers: {decimal: ","}
        dates: {order: dmy}

A wrong key or value is a MappingError naming the file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from compliance import yamlfile
from compliance.input import formats, headers
from compliance.input.sheets import SHEETS_BY_NAME, Kind

VERSION = 1
IGNORE = "ignore"


class MappingError(Exception):
    """A mapping file that cannot be used; str() is one line naming the file and the line."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NumbersSpec(_Strict):
    decimal: Literal[".", ","]


class DatesSpec(_Strict):
    order: Literal["dmy", "mdy"]


class SheetSpecFile(_Strict):
    as_: str | list[str] = Field(alias="as")
    header_rows: list[int] = Field(default_factory=list)
    columns: dict[str, str | list[str]] = Field(default_factory=dict)
    values: dict[str, dict[str, str]] = Field(default_factory=dict)
    numbers: NumbersSpec | None = None
    dates: DatesSpec | None = None

    @field_validator("header_rows")
    @classmethod
    def _rows(cls, v: list[int]) -> list[int]:
        if any(r < 1 for r in v) or len(v) > 2 or v != sorted(v):
            raise ValueError("header_rows lists one or two row numbers, 1-based, in order")
        return v


class MappingFile(_Strict):
    version: Literal[1] = Field(alias="fairrecruit-mapping")
    only_listed: bool = Field(False, description="Read only the sheets listed here.")
    sheets: dict[str, SheetSpecFile]


class SheetMapping:
    """One sheet's plan, checked against the input contract."""

    def __init__(self, source: str, spec: SheetSpecFile) -> None:
        targets = [spec.as_] if isinstance(spec.as_, str) else list(spec.as_)
        self.source = source
        self.ignore = targets == [IGNORE]
        self.targets = [] if self.ignore else targets
        self.header_rows = spec.header_rows
        self.split = len(self.targets) > 1
        for t in self.targets:
            if t not in SHEETS_BY_NAME:
                raise ValueError(f"sheet {source!r}: 'as: {t}' is not a sheet of the input contract "
                                 f"({', '.join(SHEETS_BY_NAME)})")
        # header (casefolded) -> [(target sheet, field)]
        self.columns: dict[str, list[tuple[str, str]]] = {}
        for header, fields in spec.columns.items():
            self.columns[_key(header)] = [self._field(header, f) for f in ([fields] if isinstance(fields, str)
                                                                          else fields) if f != IGNORE]
        used: dict[tuple[str, str], str] = {}
        for header, targets in self.columns.items():
            for target in targets:
                if target in used:  # which of the two holds the data? not for the reader to pick
                    raise ValueError(f"sheet {source!r}: {used[target]!r} and {header!r} are both mapped to "
                                     f"{'.'.join(target) if self.split else target[1]}")
                used[target] = header
        self.values: dict[str, dict[str, str]] = {}
        for column, table in spec.values.items():
            sheet, field = self._field(column, column)
            col = SHEETS_BY_NAME[sheet].column(field)
            if col.kind not in (Kind.CHOICE, Kind.YESNO):
                raise ValueError(f"sheet {source!r}: values are given for {column!r}, which is not a choice column")
            allowed = col.choices if col.kind is Kind.CHOICE else ("yes", "no")
            for text, code in table.items():
                if code not in allowed:
                    raise ValueError(f"sheet {source!r}: {text!r} -> {code!r} is not one of {', '.join(allowed)}")
            self.values[field] = {_key(t): c for t, c in table.items()}
        self._numbers = spec.numbers
        self._dates = spec.dates

    def _field(self, header: str, name: str) -> tuple[str, str]:
        sheet, _, field = name.rpartition(".")
        if not sheet:
            if self.split:
                raise ValueError(f"sheet {self.source!r}: {header!r} must say which sheet, e.g. fees.{name}")
            sheet = self.targets[0]
        if sheet not in self.targets:
            raise ValueError(f"sheet {self.source!r}: {name!r} names sheet {sheet!r}, which 'as' does not list")
        if field not in {c.name for c in SHEETS_BY_NAME[sheet].columns}:
            raise ValueError(f"sheet {self.source!r}: {field!r} is not a column of {sheet}")
        return sheet, field

    def match(self, header: headers.HeaderRow, sheet: str) -> list[headers.ColumnMatch]:
        """Listed headers as the file says; a header it does not list is recognised as usual (a split sheet's
        unlisted headers are not read: its columns must say which sheet they belong to)."""
        auto = {m.cell.index: m for m in headers.match_columns(header, sheet)} if not self.split else {}
        listed = {f for cell in header.cells for s, f in self.columns.get(_key(cell.text), ()) if s == sheet}
        out = []
        for cell in header.cells:
            if _key(cell.text) in self.columns:
                fields = [f for s, f in self.columns[_key(cell.text)] if s == sheet]
                out.append(headers.ColumnMatch(cell, fields[0] if fields else None, "mapping" if fields else "none",
                                               100.0 if fields else 0.0, ()))
            elif (m := auto.get(cell.index)) is not None and m.field not in listed:
                out.append(m)
            else:
                out.append(headers.ColumnMatch(cell, None, "none", 0.0, ()))
        return out

    def number_style(self) -> formats.NumberStyle | None:
        return formats.NumberStyle(self._numbers.decimal, None, "mapping file") if self._numbers else None

    def date_style(self) -> formats.DateStyle | None:
        return formats.DateStyle(self._dates.order, None, "mapping file") if self._dates else None


class Mapping:
    def __init__(self, path: Path, spec: MappingFile, lines: dict[tuple[str, ...], int]) -> None:
        self.path = path
        self.only_listed = spec.only_listed
        self._sheets: dict[str, SheetMapping] = {}
        for name, s in spec.sheets.items():
            try:
                self._sheets[_key(name)] = SheetMapping(name, s)
            except ValueError as e:
                line = lines.get(("sheets", name), 0)
                raise MappingError(f"{path.name}, line {line}: {e}") from None

    def sheet(self, name: str) -> SheetMapping | None:
        return self._sheets.get(_key(name))


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def load_mapping(path: Path) -> Mapping:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise MappingError(f"cannot read the mapping file {path}: {e.strerror or e}") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yamlfile.load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        raise MappingError(f"{path.name}{where}: not valid YAML ({getattr(e, 'problem', None) or e})") from None
    lines = _lines(node)
    if not isinstance(data, dict):
        raise MappingError(f"{path.name}: a mapping file starts with 'fairrecruit-mapping: {VERSION}'")
    try:
        spec = MappingFile.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(str(p) for p in err["loc"] if not isinstance(p, int))
        loc = tuple("as" if p == "as_" else p for p in loc)
        line = next((lines[loc[:i]] for i in range(len(loc), 0, -1) if loc[:i] in lines), 1)
        what = ".".join(loc) or "the file"
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        raise MappingError(f"{path.name}, line {line}: {what}: {msg}") from None
    return Mapping(path, spec, lines)


def _lines(node: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], int]:
    """Line numbers (1-based) of every key of the YAML document, by its path of keys."""
    out: dict[tuple[str, ...], int] = {}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            here = (*path, str(k.value))
            out[here] = k.start_mark.line + 1
            out.update(_lines(v, here))
    return out
