"""Tables built from the sample's row dicts, and the changes one variant makes to them.

Every helper changes ONE aspect of how the records are written (headers, a cell form, the layout) and
records which cells it changed, so the test can tell an unread cell from a misread one.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from typing import Any

from compliance.input.sheets import SHEETS, SHEETS_BY_NAME, Kind
from tests.metamorphic.render import Table

Rows = dict[str, list[dict[str, Any]]]
CellFn = Callable[[object, dict[str, Any]], object]  # (base value, the whole base row) -> value written


def base_tables(rows: Rows) -> list[Table]:
    """The records exactly as the committed sample holds them: one sheet per contract sheet."""
    out = []
    for spec in SHEETS:
        names = [c.name for c in spec.template_columns()]
        records = rows.get(spec.name, [])
        out.append(Table(name=spec.name, columns=list(names), header=list(names),
                         body=[[r.get(n) for n in names] for r in records],
                         origins={spec.name: {i: i for i in range(len(records))}}))
    return out


def table(tables: list[Table], name: str) -> Table:
    return next(t for t in tables if t.name == name)


def columns_of(kind: Kind) -> Iterator[tuple[str, str]]:
    for spec in SHEETS:
        for col in spec.columns:
            if col.kind is kind:
                yield spec.name, col.name


# ---------------------------------------------------------------------------------------------- headers


def rename(tables: list[Table], headers: dict[str, dict[str, str]]) -> None:
    for t in tables:
        names = headers.get(t.name, {})
        t.header = [names.get(c, h) for c, h in zip(t.columns, t.header, strict=True)]


def rename_every(tables: list[Table], header: dict[str, str]) -> None:
    rename(tables, {t.name: header for t in tables})


def check_currency_headers(rows: Rows, claims: dict[tuple[str, str], tuple[str, str]]) -> None:
    """A header such as 'Basic salary (QAR)' is only written when every amount of the column is in QAR."""
    for (sheet, column), (currency_col, currency) in claims.items():
        seen = {r.get(currency_col) for r in rows[sheet] if r.get(column) is not None}
        assert seen <= {currency}, f"{sheet}.{column} is not all {currency} ({seen}): the header would lie"


def group(t: Table, groups: list[tuple[str, list[str]]]) -> None:
    """A merged top header row; the columns are put in group order."""
    order = [c for _, cols in groups for c in cols]
    assert sorted(order) == sorted(t.columns), f"{t.name}: groups must cover every column once"
    reorder(t, order)
    t.groups = [(label, len(cols)) for label, cols in groups]


def reorder(t: Table, order: list[str]) -> None:
    at = [t.columns.index(c) for c in order]
    t.columns = [t.columns[i] for i in at]
    t.header = [t.header[i] for i in at]
    t.body = [[r[i] for i in at] for r in t.body]


# ---------------------------------------------------------------------------------------------- cells


def map_cells(t: Table, rows: Rows, column: str, fn: CellFn) -> None:
    """Rewrite every non-blank cell of one contract column; cells written differently are recorded."""
    sheet = t.name if t.name in SHEETS_BY_NAME else next(iter(t.origins))
    at = t.position(column)
    for index, body_index in t.origins[sheet].items():
        old = t.body[body_index][at]
        if old is None:
            continue
        new = fn(old, rows[sheet][index])
        t.body[body_index][at] = new
        if type(new) is not type(old) or new != old:
            t.changed.add((sheet, index, column))


def cycling(forms: list[object]) -> Callable[[], object]:
    it = itertools.cycle(forms)
    return lambda: next(it)


def spelled(table_of_forms: dict[str, list[str]]) -> CellFn:
    """Each base code written in turn as each of its spellings; codes without one are left as they are."""
    turns = {code: cycling(forms) for code, forms in table_of_forms.items()}
    return lambda v, _row: turns[str(v)]() if str(v) in turns else v


def yes_no(yes: list[object], no: list[object], special: dict[str, str] | None = None) -> CellFn:
    say_yes, say_no = cycling(yes), cycling(no)

    def fn(v: object, _row: dict[str, Any]) -> object:
        word = str(v).casefold()
        if special and word in special:
            return special[word]
        return say_yes() if word in ("yes", "true") else say_no() if word in ("no", "false") else v
    return fn


def grouped(n: float) -> str:
    """1234.5 -> '1,234.50', 1200 -> '1,200'."""
    return f"{n:,.2f}" if n != int(n) else f"{int(n):,}"


# Each currency written the ways receipts and ledgers write it (South Asian "/-" marks a whole amount).
_MONEY_FORMS: dict[str, list[Callable[[float], str]]] = {
    "NPR": [lambda n: f"NPR {grouped(n)}", lambda n: f"Rs. {grouped(n)}", lambda n: f"{grouped(n)}/-",
            lambda n: f"रु {grouped(n)}", lambda n: f"NRs {grouped(n)}"],
    "QAR": [lambda n: f"QAR{n:,.2f}", lambda n: f"{n:g} QAR", lambda n: f"QR {grouped(n)}"],
    "USD": [lambda n: f"${grouped(n)}", lambda n: f"USD {n:,.2f}"],
}


def with_currency(currency_column: str) -> CellFn:
    turns = {cur: itertools.cycle(forms) for cur, forms in _MONEY_FORMS.items()}

    def fn(v: object, row: dict[str, Any]) -> object:
        cur = row.get(currency_column)
        return next(turns[cur])(float(v)) if cur in turns else v  # type: ignore[arg-type]
    return fn


def decimal_comma(n: float, decimals: int) -> str:
    """1400 -> '1.400,00' (decimals=2) or '1.400' (decimals=0), as German or Indonesian Excel writes it."""
    text = f"{n:,.{decimals}f}"
    return text.translate(str.maketrans({",": ".", ".": ","}))


def decimal_comma_amounts() -> CellFn:
    """Alternate '1.400,00' and '1.400' down the column, starting with the form that proves the locale."""
    turn = itertools.cycle((2, 0))
    return lambda v, _row: decimal_comma(float(v), next(turn)) if isinstance(v, int | float) else v  # type: ignore


def date_text(fmt: Callable[[dt.date], object]) -> CellFn:
    return lambda v, _row: fmt(v) if isinstance(v, dt.date) else v


def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


_DATE_FORMS: list[Callable[[dt.date], object]] = [
    lambda d: d.strftime("%d-%b-%Y"), lambda d: f"{d:%B} {d.day}, {d.year}", lambda d: d.isoformat(),
    lambda d: d, excel_serial,
]


def mixed_dates() -> CellFn:
    turn = itertools.cycle(_DATE_FORMS)
    return lambda v, _row: next(turn)(v) if isinstance(v, dt.date) else v  # type: ignore[arg-type]


_PAY_MONTH_FORMS: list[Callable[[dt.date], str]] = [
    lambda d: f"{d:%Y-%m}", lambda d: f"{d:%B %Y}", lambda d: f"{d:%m/%Y}", lambda d: f"{d:%b-%y}",
]


def pay_month(t: Table, rows: Rows) -> None:
    """period_start and period_end replaced by one 'Pay month' column (whole calendar months only)."""
    start, end = t.position("period_start"), t.position("period_end")
    turn = itertools.cycle(_PAY_MONTH_FORMS)
    for index, body_index in t.origins["wage_payments"].items():
        row = t.body[body_index]
        first, last = row[start], row[end]
        nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        assert first.day == 1 and last == nxt - dt.timedelta(days=1), f"row {index} is not a whole month"
        row[start] = next(turn)(first)
        t.changed |= {("wage_payments", index, "period_start"), ("wage_payments", index, "period_end")}
    t.columns[start], t.header[start] = "", "Pay month"
    drop(t, "period_end")


def drop(t: Table, column: str) -> None:
    at = t.position(column)
    for seq in (t.columns, t.header, *t.body):
        del seq[at]


def add_column(t: Table, header: str, value: Callable[[int], object], at: int | None = None) -> None:
    """A column outside the contract (remarks, who typed the row)."""
    at = len(t.columns) if at is None else at
    t.columns.insert(at, "")
    t.header.insert(at, header)
    for j, row in enumerate(t.body):
        row.insert(at, value(j))


def interleave_blank_rows(t: Table, every: int) -> None:
    """A blank row after every `every` records, as people leave between batches."""
    body: list[list[object]] = []
    moved: dict[int, int] = {}
    for j, row in enumerate(t.body):
        if j and j % every == 0:
            body.append([None] * len(t.columns))
        moved[j] = len(body)
        body.append(row)
    t.body = body
    t.origins = {s: {i: moved[j] for i, j in placed.items()} for s, placed in t.origins.items()}
