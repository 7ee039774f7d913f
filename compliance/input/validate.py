"""Turn raw spreadsheet rows into typed records, and every doubtful cell into a located input problem.

Nothing is lost and nothing is silently guessed: each row read is either accepted (possibly with some
cells ignored, each listed) or rejected with its reason. A missing required sheet or column stops the run
with an InputError naming it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from compliance import models
from compliance.input.cells import CellError, parse_id, parse_text
from compliance.input.header_names import look_alike
from compliance.input.problems import Action, InputProblem, ProblemType
from compliance.input.read import CURRENCY_OF, Read, read_cell
from compliance.input.readings import ColumnLog, ColumnReading, Readings
from compliance.input.sheets import SHEETS, ColumnSpec, Kind, SheetSpec
from compliance.input.workbook import InputError, RawRow, RawSheet, RawWorkbook


class SheetCounts(BaseModel):
    model_config = ConfigDict(frozen=True)

    read: int
    evaluated: int
    rejected: int


@dataclass
class Dataset:
    agencies: dict[str, models.Agency] = field(default_factory=dict)
    employers: dict[str, models.Employer] = field(default_factory=dict)
    workers: dict[str, models.Worker] = field(default_factory=dict)
    contracts: list[models.Contract] = field(default_factory=list)
    fees: list[models.Fee] = field(default_factory=list)
    documents: list[models.Document] = field(default_factory=list)
    complaints: list[models.Complaint] = field(default_factory=list)
    wage_payments: list[models.WagePayment] = field(default_factory=list)
    events: list[models.Event] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    counts: dict[str, SheetCounts] = field(default_factory=dict)
    readings: Readings = field(default_factory=Readings)
    # Optional contract sheets not found while the file has sheets that were not recognised: sheet -> those
    # sheets. Their rules report insufficient evidence (unread_sheets.py), never compliant.
    unknown_sheets: dict[str, list[str]] = field(default_factory=dict)
    # Contract sheet -> its name in the file, where they differ ('Fee Collection' for fees), for the evidence.
    source_names: dict[str, str] = field(default_factory=dict)


def validate(book: RawWorkbook) -> Dataset:
    _require(book)
    data = Dataset(problems=list(book.problems))
    unread: dict[str, int] = getattr(book, "unrecognised_sheets", {})
    for name, filled in unread.items():
        data.problems.append(InputProblem(
            type=ProblemType.UNRECOGNISED_SHEET, action=Action.NOTICE, sheet=name,
            message=f"sheet '{name}' ({filled} row(s) with values, its header row included) was not recognised as "
                    "any sheet of the input contract and was not read; a mapping file (fairrecruit map) can say "
                    "what it holds"))
    logs: dict[str, dict[str, ColumnLog]] = {}
    ids: dict[str, dict[str, int]] = {}  # sheet -> id -> first row, for duplicates and references
    for spec in SHEETS:
        raw = book.sheets.get(spec.name)
        if raw is None:
            data.counts[spec.name] = SheetCounts(read=0, evaluated=0, rejected=0)
            # Say so: a rule with no rows to look at stays silent, which must not read as "compliant".
            if unread:
                data.unknown_sheets[spec.name] = list(unread)
                names = ", ".join(f"'{n}'" for n in unread)
                message = (f"optional sheet '{spec.name}' not found, and sheet(s) {names} were not recognised: if "
                           f"one holds {spec.name}, a mapping file can say so (and mark a sheet that holds none "
                           f"with 'as: ignore'); until then the rules that read {spec.name} report insufficient "
                           "evidence")
            else:
                message = f"optional sheet '{spec.name}' not found: the rules that read it had nothing to check"
            data.problems.append(InputProblem(type=ProblemType.MISSING_SHEET, action=Action.NOTICE,
                                              sheet=spec.name, message=message))
            continue
        _notice_missing_columns(spec, raw, data.problems)
        names = {sheet: _names(getattr(data, sheet)) for sheet in _BY_NAME}
        accepted, logs[spec.name] = _read_sheet(spec, raw, ids, names, data.problems)
        _store(spec, accepted, data)
        if raw.name != spec.name:
            data.source_names[spec.name] = raw.name
        data.counts[spec.name] = SheetCounts(read=len(raw.rows) + raw.refused, evaluated=len(accepted),
                                             rejected=len(raw.rows) + raw.refused - len(accepted))
    _check_agency_parents(data)
    data.readings = _readings(book, logs)
    return data


def _readings(book: RawWorkbook, logs: dict[str, dict[str, ColumnLog]]) -> Readings:
    """The interpreter's readings with each column's cell counts and value mappings filled in."""
    base = book.readings if isinstance(book.readings, Readings) else Readings()
    columns = [logs[c.sheet][c.column].merged_into(c) if c.column in logs.get(c.sheet, {}) else c
               for c in base.columns]
    listed = {(c.sheet, c.column) for c in columns}
    for sheet, by_column in logs.items():  # a hand-built workbook has no interpreter readings
        for column, log in by_column.items():
            if (sheet, column) not in listed and (log.interpreted or log.refused):
                raw = book.sheets[sheet]
                header = next((c.name for c in raw.columns if c.key == column), column)
                columns.append(log.merged_into(ColumnReading(sheet=sheet, source=raw.name, column=column,
                                                             header=header, how="exact")))
    return base.model_copy(update={"columns": columns})


def _require(book: RawWorkbook) -> None:
    """Every missing required sheet and column of every sheet, in one error: one run tells the user all."""
    missing = [s.name for s in SHEETS if s.required_sheet and s.name not in book.sheets]
    lines = []
    if missing:
        found = ", ".join(sorted(book.sheets)) or "none"
        others = f"; other sheets in the file: {', '.join(book.other_sheets)}" if book.other_sheets else ""
        alike = [f"sheet '{o}' looks like '{m}' but is spelt with {', '.join(letters)}: rename it"
                 for m in missing for o in book.other_sheets if (letters := look_alike(o, m))]
        lines.append(f"missing required sheet(s): {', '.join(missing)} (sheets found: {found}{others}); "
                     + "".join(f"{a}; " for a in alike) + "run 'fairrecruit template' for a blank workbook with "
                     "every sheet")
    for spec in SHEETS:
        raw = book.sheets.get(spec.name)
        if raw is None:
            continue
        cols = {c.key for c in raw.columns}
        absent = [c for c in spec.columns if c.required_column and c.name not in cols and not _stands_in(c, cols)]
        if absent:
            near = raw.candidates
            named = ", ".join(c.name + (f" (closest: {near[c.name]})" if near.get(c.name) else "") for c in absent)
            where = f"sheet '{spec.name}'" + (f" ('{raw.name}' in the file)" if raw.name != spec.name else "")
            lines.append(f"{where} is missing required column(s): {named}")
    if lines:
        raise InputError(f"{book.path.name}: " + "; ".join(lines), lines)


def _stands_in(col: ColumnSpec, present: set[str]) -> bool:
    """A pay month column stands for period_start and period_end, and is not missed when they are there."""
    if col.kind is Kind.PERIOD:
        return "period_start" in present or "period_end" in present
    return col.name in ("period_start", "period_end") and "period" in present


def _notice_missing_columns(spec: SheetSpec, raw: RawSheet, problems: list[InputProblem]) -> None:
    present = {c.key for c in raw.columns}
    for col in spec.columns:
        if col.name in raw.doubtful:
            problems.append(InputProblem(
                type=ProblemType.MISSING_COLUMN, action=Action.NOTICE, sheet=spec.name, column=col.name,
                message=f"column '{raw.doubtful[col.name]}' looks like {col.name} but was not recognised: "
                        f"{col.name} is unknown, not none, and rules that need it report insufficient evidence "
                        "(a mapping file can say what the column is)"))
        elif col.name not in present and not _stands_in(col, present):
            problems.append(InputProblem(
                type=ProblemType.MISSING_COLUMN, action=Action.NOTICE, sheet=spec.name, column=col.name,
                message=f"optional column '{col.name}' not found: " + (
                    f"read as none, as a blank {col.name} means" if col.absent_is_blank else
                    "rules that need it report insufficient evidence")))


def _read_sheet(spec: SheetSpec, raw: RawSheet, ids: dict[str, dict[str, int]], names: Names,
                problems: list[InputProblem]) -> tuple[list[models.Record], dict[str, ColumnLog]]:
    record_type = models.RECORD_TYPES[spec.name]
    present = {c.key for c in raw.columns}
    columns = [c for c in spec.columns if c.name in present]
    # A column the sheet does not have is unknown for every row (not blank), unless a blank there means none.
    absent = tuple((c.name, "") for c in spec.columns if c.name not in present and not _stands_in(c, present)
                   and (not c.absent_is_blank or c.name in raw.doubtful))
    own_ids = ids.setdefault(spec.name, {})
    logs = {c.name: ColumnLog() for c in columns}
    plan = _plan(spec, columns, raw, logs)
    out: list[models.Record] = []
    for row in raw.rows:
        values, row_problems, rejected = _parse_row(spec, plan, row, ids, names)
        _impossible(spec, row, values, row_problems)
        unread = absent + tuple((p.column, p.value or "") for p in row_problems
                                if p.action is Action.VALUE_IGNORED and p.column)
        if unread:
            values["unread"] = unread
        if "maybe" in values:
            values["maybe"] = tuple(values["maybe"])
        if not rejected and spec.key is not None:
            key = values[spec.key]
            if key in own_ids:
                row_problems.append(_problem(spec, row, spec.key, key, ProblemType.DUPLICATE_ID, Action.ROW_REJECTED,
                                             f"duplicate {spec.key} '{key}' (first used in row {own_ids[key]})"))
                rejected = True
        if not rejected:
            try:
                record = record_type(row=row.number, **values)
            except ValidationError as e:  # the parsers should make this unreachable; never lose the row silently
                row_problems.append(_problem(spec, row, None, None, ProblemType.BAD_VALUE, Action.ROW_REJECTED,
                                             f"row could not be read: {e.errors()[0]['msg']}"))
                rejected = True
            else:
                out.append(record)
                if spec.key is not None:
                    own_ids[values[spec.key]] = row.number
        problems.extend(_consistency(spec, row, values) if not rejected else [])
        problems.extend(row_problems)
    return out, logs


MAX_AGE_YEARS = 100


def _impossible(spec: SheetSpec, row: RawRow, values: dict[str, Any], problems: list[InputProblem]) -> None:
    """A birth date after the recruitment (or departure) date is a misread or a typo: the age it gives would make a
    child of anyone, so the date is set aside as unreadable, and the child-labour rule says it cannot judge."""
    if spec.name != "workers" or values.get("date_of_birth") is None:
        return
    later = [values[f] for f in ("recruited_on", "departed_on") if values.get(f) is not None]
    if later and values["date_of_birth"] > min(later):
        born = values.pop("date_of_birth")
        problems.append(_problem(spec, row, "date_of_birth", born.isoformat(), ProblemType.INCONSISTENT,
                                 Action.VALUE_IGNORED, "date_of_birth is after the recruitment or departure date: "
                                                       "set aside as unreadable"))
    elif later and (min(later) - values["date_of_birth"]).days > MAX_AGE_YEARS * 365.25:
        # an age over 100 at recruitment is a typo (1924 for 1994) or a placeholder date, not a worker's age
        born = values.pop("date_of_birth")
        problems.append(_problem(spec, row, "date_of_birth", born.isoformat(), ProblemType.INCONSISTENT,
                                 Action.VALUE_IGNORED, f"date_of_birth gives an age over {MAX_AGE_YEARS} at "
                                                       "recruitment: set aside as unreadable"))


def _filled(row: RawRow, column: str) -> bool:
    v = row.values.get(column)
    return v is not None and not (isinstance(v, str) and not v.strip())


def _log(log: ColumnLog, raw_value: object, got: Read) -> None:
    if got.note is None and got.mapped is None:
        log.as_written += 1
        return
    log.interpreted += 1
    if got.note:
        log.notes[got.note] += 1
    if got.mapped is not None:
        code, how, matched = got.mapped
        log.values[(" ".join(str(raw_value).split()), code, how, matched)] += 1


@dataclass(frozen=True)
class _Col:
    """What reading one column needs, looked up once per sheet instead of once per cell."""

    spec: ColumnSpec
    ctx: Any
    log: ColumnLog
    currency: str | None  # the row's currency column, for an amount
    checks_ref: bool
    plain: Any = None  # for ids and text, the parser itself: nothing about them is ever interpreted
    native: type | None = None  # a cell of this type is read as it is (real dates, plain numbers): see _native


def _plan(spec: SheetSpec, columns: list[ColumnSpec], raw: RawSheet, logs: dict[str, ColumnLog]) -> list[_Col]:
    out = []
    for c in columns:
        ctx = raw.context.get(c.name)
        plain = {Kind.ID: parse_id, Kind.REF: parse_id, Kind.TEXT: parse_text}.get(c.kind)
        bare = ctx is None or not (ctx.refuse or ctx.scale or ctx.calendar or ctx.hint_currency)
        native = {Kind.DATE: dt.date, Kind.AMOUNT: float, Kind.NUMBER: float}.get(c.kind) if bare else None
        out.append(_Col(c, ctx, logs[c.name], CURRENCY_OF.get(c.name, "currency") if c.kind is Kind.AMOUNT else None,
                        c.kind is Kind.REF and bool(c.refers_to) and c.refers_to != spec.name,
                        plain if ctx is None or not ctx.refuse else None, native))
    return out


def _native(value: object, kind: type) -> bool:
    """A real date cell in range, or a finite non-negative number: read as it is, with nothing to decide."""
    if kind is dt.date:
        return 1900 <= value.year <= 2100  # type: ignore[attr-defined]
    return 0.0 <= value < math.inf  # type: ignore[operator]


def _parse_row(spec: SheetSpec, plan: list[_Col], row: RawRow, ids: dict[str, dict[str, int]],
               names: Names) -> tuple[dict[str, Any], list[InputProblem], bool]:
    values: dict[str, Any] = {}
    problems: list[InputProblem] = []
    rejected = False
    cells = row.values
    for p in plan:
        col = p.spec
        raw_value = cells.get(col.name)
        if raw_value is None:  # blank: nothing to read
            if col.required_value:
                problems.append(_problem(spec, row, col.name, None, ProblemType.MISSING_VALUE, Action.ROW_REJECTED,
                                         f"{col.name} is blank"))
                rejected = True
            continue
        if p.plain is not None:  # ids and text: read as written
            value = p.plain(raw_value)
            if value is None:  # only spaces: blank
                if col.required_value:
                    problems.append(_problem(spec, row, col.name, None, ProblemType.MISSING_VALUE,
                                             Action.ROW_REJECTED, f"{col.name} is blank"))
                    rejected = True
                continue
            if p.checks_ref and value not in ids.get(col.refers_to or "", {}):
                value, stop = _reference(spec, row, p, raw_value, value, names, problems)
                rejected |= stop
                if value is None:
                    continue
            else:
                p.log.as_written += 1
            values[col.name] = value
            continue
        if p.native is not None and type(raw_value) is p.native and _native(raw_value, p.native):
            p.log.as_written += 1
            values[col.name] = raw_value + 0.0 if p.native is float else raw_value
            continue
        currency = cells.get(p.currency) if p.currency else None
        try:
            got = read_cell(raw_value, col, spec.name, p.ctx, currency if isinstance(currency, str) else None)
        except CellError as e:
            rejects = col.required_value and not col.unreadable_kept
            action = Action.ROW_REJECTED if rejects else Action.VALUE_IGNORED
            problems.append(_problem(spec, row, col.name, raw_value, ProblemType.BAD_VALUE, action, str(e)))
            if e.candidates and not rejects:
                values.setdefault("maybe", []).append((col.name, e.candidates))
            rejected |= rejects
            p.log.refused += 1
            continue
        value = got.value
        if value is not None:
            if got.note is None and got.mapped is None:
                p.log.as_written += 1
            else:
                _log(p.log, raw_value, got)
        if p.ctx is not None and p.ctx.conflicts and row.number in p.ctx.conflicts:
            problems.append(_problem(spec, row, col.name, raw_value, ProblemType.INCONSISTENT, Action.NOTICE,
                                     "this cell proves another convention than the rest of its column (read by "
                                     "itself; cells that fit both are refused)"))
        if got.currency and p.currency and not _filled(row, p.currency):
            values.setdefault(p.currency, got.currency)
            p.log.notes[f"currency {got.currency} taken from the amount or its header"] += 1
        if col.kind is Kind.PERIOD:
            if value is not None:
                values.setdefault("period_start", value[0])
                values.setdefault("period_end", value[1])
            continue
        if value is None:
            if col.required_value:
                problems.append(_problem(spec, row, col.name, None, ProblemType.MISSING_VALUE, Action.ROW_REJECTED,
                                         f"{col.name} is blank"))
                rejected = True
            continue
        if p.checks_ref and value not in ids.get(col.refers_to or "", {}):
            value, stop = _reference(spec, row, p, raw_value, value, names, problems)
            rejected |= stop
            if value is None:
                continue
        values[col.name] = value
    return values, problems, rejected


def _reference(spec: SheetSpec, row: RawRow, p: _Col, raw_value: object, value: str, names: Names,
               problems: list[InputProblem]) -> tuple[str | None, bool]:
    """An id that no row of the referenced sheet has: the id of the one agency or employer so named, or kept and
    reported. Returns the value to store (None: none) and whether the row is rejected."""
    col = p.spec
    found = names.get(col.refers_to or "", {}).get(_name_key(value), [])
    if len(found) == 1:
        named = found[0]
        p.log.interpreted += 1
        p.log.values[(" ".join(str(raw_value).split()), named, "name", None)] += 1
        return named, False
    problem = _unknown_reference(spec, row, col, value)
    problems.append(problem)
    if problem.action is Action.ROW_REJECTED:
        return None, True
    p.log.as_written += 1
    return value, False


# Ledgers name the agency or employer where the contract wants its id ("Himal Overseas" for AG-01): a name that is
# the name of exactly one row of that sheet is read as its id, and listed in the interpretations. Workers are not
# looked up by name: two workers share a name too often.
_BY_NAME = ("agencies", "employers")


def _name_key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


Names = dict[str, dict[str, list[str]]]  # sheet -> name (case-folded) -> ids of the rows so named


def _names(by_id: dict[str, Any]) -> dict[str, list[str]]:
    """Name -> ids, from the agencies or employers already read (by id)."""
    out: dict[str, list[str]] = {}
    for rid, record in by_id.items():
        if record.name:
            out.setdefault(_name_key(record.name), []).append(rid)
    return out


def _unknown_reference(spec: SheetSpec, row: RawRow, col: ColumnSpec, value: str) -> InputProblem:
    if col.required_value:
        return _problem(spec, row, col.name, value, ProblemType.UNKNOWN_REFERENCE, Action.ROW_REJECTED,
                        f"{col.name} '{value}' is not in the {col.refers_to} sheet (or that row was rejected)")
    # Kept, not blanked: a blank agency_id would read as "recruited directly"; rules report the gap instead.
    return _problem(spec, row, col.name, value, ProblemType.UNKNOWN_REFERENCE, Action.NOTICE,
                    f"{col.name} '{value}' is not in the {col.refers_to} sheet: rules needing that "
                    f"{_SINGULAR.get(col.refers_to, 'record')} report insufficient evidence")


_SINGULAR = {"agencies": "agency", "employers": "employer", "workers": "worker"}


def _consistency(spec: SheetSpec, row: RawRow, v: dict[str, Any]) -> list[InputProblem]:
    """Values that contradict each other are kept (the rules judge them) but pointed out."""
    out = []

    def check(a: str, b: str, message: str) -> None:
        if v.get(a) is not None and v.get(b) is not None and v[b] < v[a]:
            out.append(_problem(spec, row, b, v[b], ProblemType.INCONSISTENT, Action.NOTICE, message))

    if spec.name == "agencies":
        check("licence_valid_from", "licence_valid_to", "licence_valid_to is before licence_valid_from")
    if spec.name == "workers":
        check("recruited_on", "departed_on", "departed_on is before recruited_on")
    if spec.name == "fees":
        check("reimbursed_amount", "amount", "reimbursed_amount is more than amount (counted as fully reimbursed)")
    if spec.name == "wage_payments":
        check("period_start", "period_end", "period_end is before period_start (the period's length and contract "
              "wage cannot be computed)")
        check("deductions", "gross", "deductions are more than gross")
    if spec.name == "complaints":
        check("received_on", "resolved_on", "resolved_on is before received_on")
        check("remedy_paid", "remedy_due", "remedy_paid is more than remedy_due (counted as paid in full)")
    return out


def _check_agency_parents(data: Dataset) -> None:
    """Parent agencies may appear later in the same sheet, so they are checked once the sheet is read."""
    for agency in data.agencies.values():
        parent = agency.parent_agency_id
        if parent is None:
            continue
        if parent == agency.agency_id:
            message = "an agency cannot be its own parent: the parent is treated as unknown"
        elif parent not in data.agencies:
            message = f"parent_agency_id '{parent}' is not in the agencies sheet: the sub-agent rule reports " \
                      "insufficient evidence"
        else:
            continue
        data.problems.append(InputProblem(
            type=ProblemType.UNKNOWN_REFERENCE, action=Action.NOTICE, sheet="agencies", row=agency.row,
            column="parent_agency_id", value=parent, message=message))


def _store(spec: SheetSpec, records: list[models.Record], data: Dataset) -> None:
    target = getattr(data, spec.name)
    for r in records:
        if isinstance(target, dict):
            assert spec.key is not None  # sheets kept by id are exactly those with a key column
            target[getattr(r, spec.key)] = r
        else:
            target.append(r)


def _problem(spec: SheetSpec, row: RawRow, column: str | None, value: Any, type: ProblemType, action: Action,
             message: str) -> InputProblem:
    shown = None if value is None else str(value)[:80]
    return InputProblem(type=type, action=action, sheet=spec.name, row=row.number, column=column, value=shown,
                        message=message)
