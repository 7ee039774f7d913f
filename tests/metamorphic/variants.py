"""The variants: the sample workbook written down each of the ways real people write records.

Each variant changes ONE thing. A strong variant must give exactly the base's findings, owed totals and
fees by category; a weak one (`weak` says why) is written deliberately outside what a reader can be expected
to know, and must only never invent a violation nor hide what it could not read.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from compliance.input.sheets import SHEETS, Kind
from tests.metamorphic import flat
from tests.metamorphic import spellings as sp
from tests.metamorphic import transforms as tf
from tests.metamorphic.render import Table, write_csv_folder, write_xlsx
from tests.metamorphic.transforms import Rows


@dataclass(frozen=True)
class Rendered:
    path: Path
    tables: list[Table]
    mapping: Path | None = None


@dataclass(frozen=True)
class Variant:
    id: str
    what: str
    build: Callable[[Rows, Path], Rendered]
    weak: str = ""  # why only the weak assertion can hold; "" for a strong variant


def _xlsx(change: Callable[[list[Table], Rows], None]) -> Callable[[Rows, Path], Rendered]:
    def build(rows: Rows, out: Path) -> Rendered:
        tables = tf.base_tables(rows)
        change(tables, rows)
        return Rendered(write_xlsx(tables, out / "records.xlsx"), tables)
    return build


def _each_column(kind: Kind, fn: Callable[[str, str], tf.CellFn | None]) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], rows: Rows) -> None:
        for sheet, column in tf.columns_of(kind):
            if (cell_fn := fn(sheet, column)) is not None:
                tf.map_cells(tf.table(tables, sheet), rows, column, cell_fn)
    return change


def _all(*changes: Callable[[list[Table], Rows], None]) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], rows: Rows) -> None:
        for c in changes:
            c(tables, rows)
    return change


# ---------------------------------------------------------------------------------------------- layout


def _title_rows(tables: list[Table], _rows: Rows) -> None:
    for t in tables:
        t.above = [[f"Himal Overseas Pvt. Ltd. — {t.name.replace('_', ' ')} register"],
                   ["Exported 10/01/2025 by the records officer; amounts as entered, not audited"], []]
        t.merge_above = True


def _two_row_header(tables: list[Table], _rows: Rows) -> None:
    for name, groups in sp.GROUPS.items():
        tf.group(tf.table(tables, name), groups)


def _starts_at_c3(tables: list[Table], _rows: Rows) -> None:
    for t in tables:
        t.above, t.indent = [[], []], 2


def _reversed_columns(tables: list[Table], _rows: Rows) -> None:
    for t in tables:
        tf.reorder(t, list(reversed(t.columns)))


def _extra_columns(tables: list[Table], _rows: Rows) -> None:
    for t in tables:
        tf.add_column(t, "S.N.", lambda j: j + 1, at=0)
        tf.add_column(t, "Remarks", lambda j: "checked" if j % 3 == 0 else None)
        tf.add_column(t, "Entered by", lambda _j: "RS")


def _blank_rows(tables: list[Table], _rows: Rows) -> None:
    for t in tables:
        tf.interleave_blank_rows(t, every=5)


# ---------------------------------------------------------------------------------------------- headers


def _english_headers(tables: list[Table], rows: Rows) -> None:
    tf.check_currency_headers(rows, sp.CURRENCY_IN_HEADER)
    tf.rename(tables, sp.ENGLISH_HEADERS)


def _chinese_headers(tables: list[Table], _rows: Rows) -> None:
    tf.rename(tables, sp.CHINESE_HEADERS)


def _noisy_headers(tables: list[Table], _rows: Rows) -> None:
    tf.rename_every(tables, sp.NOISY_HEADERS)


# ---------------------------------------------------------------------------------------------- values


def _free_text(forms: dict[tuple[str, str], dict[str, list[str]]]) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], rows: Rows) -> None:
        for (sheet, column), spellings in forms.items():
            tf.map_cells(tf.table(tables, sheet), rows, column, tf.spelled(spellings))
    return change


def _yes_no(yes: list[str], no: list[str], special: dict[str, dict[str, str]]) -> Callable[[list[Table], Rows], None]:
    return _each_column(Kind.YESNO, lambda _s, c: tf.yes_no(yes, no, special.get(c)))


def _checkboxes(tables: list[Table], rows: Rows) -> None:
    _each_column(Kind.YESNO, lambda _s, _c: tf.yes_no([True], [False]))(tables, rows)  # type: ignore[list-item]


_CURRENCY_OF = {("workers", "first_month_earnings"): "earnings_currency"}


def _amounts_with_currency(tables: list[Table], rows: Rows) -> None:
    def fn(sheet: str, column: str) -> tf.CellFn | None:
        currency = _CURRENCY_OF.get((sheet, column), "currency")
        return tf.with_currency(currency) if any(currency in r for r in rows[sheet]) else None
    _each_column(Kind.AMOUNT, fn)(tables, rows)


def _mixed_dates(tables: list[Table], rows: Rows) -> None:
    tf.map_cells(tf.table(tables, "fees"), rows, "paid_on", tf.mixed_dates())


def _month_first(columns: tuple[str, ...]) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], rows: Rows) -> None:
        for column in columns:
            tf.map_cells(tf.table(tables, "wage_payments"), rows, column,
                         tf.date_text(lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}"))
    return change


def _two_digit_years(tables: list[Table], rows: Rows) -> None:
    for column in ("recruited_on", "departed_on"):
        tf.map_cells(tf.table(tables, "workers"), rows, column, tf.date_text(lambda d: d.strftime("%d/%m/%y")))


def _pay_month(tables: list[Table], rows: Rows) -> None:
    tf.pay_month(tf.table(tables, "wage_payments"), rows)


# ---------------------------------------------------------------------------------------------- extra content


def _totals_row(excel_table: bool) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], rows: Rows) -> None:
        fees = tf.table(tables, "fees")
        total: list[object] = [None] * len(fees.columns)
        total[fees.position("fee_id")] = "Total"
        for col in ("amount", "reimbursed_amount"):
            total[fees.position(col)] = sum(r.get(col) or 0 for r in rows["fees"])
        fees.below, fees.excel_table = [total], excel_table
    return change


def _summary_sheet(tables: list[Table], rows: Rows) -> None:
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for fee in rows["fees"]:
        if fee.get("paid_by") == "worker" and fee.get("amount"):
            sums[fee["category"]][fee["currency"]] += fee["amount"]
    currencies = sorted({c for by in sums.values() for c in by})
    body: list[list[object]] = [[cat, *(by.get(c) for c in currencies)] for cat, by in sorted(sums.items())]
    body.append(["Grand Total", *(sum(by.get(c, 0) for by in sums.values()) for c in currencies)])
    tables.insert(0, Table(name="Summary", columns=[""] * (1 + len(currencies)),
                           header=["Sum of amount (paid by worker)", *currencies], body=body,
                           above=[["Fees paid by workers, by type"], []]))


def _hidden_lists(tables: list[Table], rows: Rows) -> None:
    lists = {col: sorted({str(f[col]) for f in rows["fees"] if f.get(col) is not None})
             for col in ("category", "paid_by", "method", "currency")}
    depth = max(len(v) for v in lists.values())
    body = [[lists[c][i] if i < len(lists[c]) else None for c in lists] for i in range(depth)]
    tables.append(Table(name="Lists", columns=[""] * len(lists), header=list(lists), body=body, hidden=True))
    fees = tf.table(tables, "fees")
    for k, col in enumerate(lists):
        letter = "ABCD"[k]
        fees.dropdowns.append((col, f"=Lists!${letter}$2:${letter}${len(lists[col]) + 1}"))


# ---------------------------------------------------------------------------------------------- csv folders


# Non-ASCII letters in the data, so that reading the file in the wrong encoding changes what is read.
_ACCENTED_NAMES = {"W-109": "Zoë Bista", "W-110": "José Adhikari"}


def _accented(rows: Rows) -> Rows:
    rows = copy.deepcopy(rows)
    for w in rows["workers"]:
        w["name"] = _ACCENTED_NAMES.get(w["worker_id"], w["name"])
    for e in rows["events"]:
        if e.get("notes"):
            e["notes"] = e["notes"].replace("no-objection", "‘no-objection’")
    return rows


def _csv(encoding: str, delimiter: str = ",", change: Callable[[list[Table], Rows], None] | None = None
         ) -> Callable[[Rows, Path], Rendered]:
    def build(rows: Rows, out: Path) -> Rendered:
        rows = _accented(rows)
        tables = tf.base_tables(rows)
        if change:
            change(tables, rows)
        return Rendered(write_csv_folder(tables, out / "records", encoding, delimiter), tables)
    return build


def _decimal_comma_locale(tables: list[Table], rows: Rows) -> None:
    _each_column(Kind.AMOUNT, lambda _s, _c: tf.decimal_comma_amounts())(tables, rows)
    _each_column(Kind.DATE, lambda _s, _c: tf.date_text(lambda d: d.strftime("%d.%m.%Y")))(tables, rows)


def _flat_case_log(rows: Rows, out: Path) -> Rendered:
    others = [s.name for s in SHEETS if s.name not in ("workers", "fees")]
    tables = [t for t in tf.base_tables(rows) if t.name in others]
    tables.insert(2, flat.case_log(rows))
    path = write_xlsx(tables, out / "case-log.xlsx")
    return Rendered(path, tables, flat.mapping(out / "mapping.yaml", others))


_WAGE_DATES = ("period_start", "period_end", "due_on", "paid_on")
_UNPROVABLE = ("due_on and period_start have no day above 12 in the base data, so month-first cannot be proved "
               "column by column: the reader may read them from the sheet's other columns or refuse them")

VARIANTS: list[Variant] = [
    Variant("xlsx-control", "the base rewritten by this test's own renderer (proves the renderer)",
            _xlsx(lambda _t, _r: None)),
    Variant("title-rows", "a merged title row, a notes row and a blank row above the header of every sheet",
            _xlsx(_title_rows)),
    Variant("two-row-header", "fees and workers: a merged group row (Worker, Payment, ...) over the column names",
            _xlsx(_two_row_header)),
    Variant("starts-at-c3", "every table starts at C3: two blank rows above and two blank columns left",
            _xlsx(_starts_at_c3)),
    Variant("columns-reversed", "every sheet's columns in reverse order", _xlsx(_reversed_columns)),
    Variant("extra-columns", "an S.N. column first, Remarks and Entered by columns last, in every sheet",
            _xlsx(_extra_columns)),
    Variant("blank-rows-between", "a blank row after every 5 records in every sheet", _xlsx(_blank_rows)),
    Variant("english-agency-headers", "the agency system's own English column names in every sheet",
            _xlsx(_english_headers),
            weak="workers 'Employer' is deliberately not read as employer_id (it is also the usual group label above "
                 "'ID' and 'Name' of a two-row header): it must be reported, and the findings needing the employer "
                 "become insufficient evidence; every other header of this variant is read"),
    Variant("chinese-headers", "Chinese column names in every sheet", _xlsx(_chinese_headers)),
    Variant("us-spelling-and-noise-headers", "US spellings (License, Itemized) and case/spacing/hyphen noise",
            _xlsx(_noisy_headers)),
    Variant("free-text-choices", "free text in every choice column (Agent commission, Self, With employer, ...)",
            _xlsx(_free_text(sp.FREE_TEXT))),
    Variant("free-text-yes-no", "yes/no typed as Yes, Y, ✓, No, N, ✗, 'No - refused'",
            _xlsx(_yes_no(sp.YES_FORMS, sp.NO_FORMS, sp.YES_NO_WITH_REASON))),
    Variant("checkbox-yes-no", "yes/no columns as TRUE/FALSE cells (ticked check boxes)", _xlsx(_checkboxes)),
    Variant("amounts-with-currency", "amounts written with their row's currency: NPR 120,000, Rs. 8,500, "
            "QAR1,200.00, 2800 QAR, 100/-", _xlsx(_amounts_with_currency)),
    Variant("mixed-date-forms", "fees.paid_on mixes 25-Jan-2024, January 25, 2024, ISO text, date cells and "
            "Excel serial numbers", _xlsx(_mixed_dates)),
    Variant("month-first-wage-dates", "wage_payments period_end and paid_on as mm/dd/yyyy text (each column has "
            "a day above 12)", _xlsx(_month_first(("period_end", "paid_on")))),
    Variant("pay-month", "wage_payments: one 'Pay month' column (2024-05, May 2024, 05/2024, Aug-24) instead of "
            "period_start and period_end", _xlsx(_pay_month)),
    Variant("fees-totals-row", "a Total row under the fees table", _xlsx(_totals_row(excel_table=False))),
    Variant("fees-excel-table-totals", "fees as an Excel table with a totals row", _xlsx(_totals_row(True))),
    Variant("summary-sheet", "a Summary sheet first, with a pivot-like table of fees", _xlsx(_summary_sheet)),
    Variant("hidden-lists-sheet", "a hidden Lists sheet feeding drop-downs in the fees sheet", _xlsx(_hidden_lists)),
    Variant("csv-control", "a folder of UTF-8 CSV files, comma separated, ISO dates (proves the CSV renderer)",
            _csv("utf-8")),
    Variant("csv-utf8-bom", "CSV folder in UTF-8 with a BOM (Excel's 'CSV UTF-8')", _csv("utf-8-sig")),
    Variant("csv-utf16-tab", "CSV folder in UTF-16 with BOM, tab separated (Excel's 'Unicode Text')",
            _csv("utf-16", "\t")),
    Variant("csv-windows-1252", "CSV folder in Windows-1252 (names José, Zoë)", _csv("cp1252")),
    Variant("csv-decimal-comma", "CSV folder, semicolons, amounts 120.000 / 1.400,00, dates dd.mm.yyyy",
            _csv("utf-8", ";", _decimal_comma_locale)),
    Variant("flat-case-log", "workers and fees as ONE NGO case log sheet read with a mapping file",
            _flat_case_log),
    # weak: written deliberately outside what any reader can be expected to know
    Variant("rare-free-text", "Nepali and Arabic words and slang in choice columns (Dalali, Kafeel, Aafai, ...)",
            _xlsx(_free_text(sp.RARE_TEXT)), weak="the words are deliberately outside any vocabulary"),
    Variant("nepali-yes-no", "yes/no typed in romanised Nepali (ho, chha, haina, chhaina)",
            _xlsx(_yes_no(sp.RARE_YES, sp.RARE_NO, {})), weak="romanised Nepali is outside any vocabulary"),
    Variant("month-first-all-wage-dates", "every date column of wage_payments as mm/dd/yyyy text",
            _xlsx(_month_first(_WAGE_DATES)), weak=_UNPROVABLE),
    Variant("two-digit-years", "workers recruited_on and departed_on as dd/mm/yy text",
            _xlsx(_two_digit_years), weak="01/02/24 is genuinely ambiguous: it must be refused and reported"),
]

STRONG = [v for v in VARIANTS if not v.weak]
WEAK = [v for v in VARIANTS if v.weak]
