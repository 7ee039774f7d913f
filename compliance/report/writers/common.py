"""Helpers shared by the writers for people (CSV, Markdown, and the terminal)."""

from __future__ import annotations

from compliance.i18n import Catalog
from compliance.report.model import Evidence, Finding, render

# A spreadsheet treats a cell starting with one of these as a formula (CSV opened in Excel included).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: object) -> str:
    """A cell value that a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def evidence_text(evidence: list[Evidence], catalog: Catalog) -> str:
    return "; ".join(catalog.t("term.row_ref", sheet=f"'{e.source_sheet}' ({e.sheet})" if e.source_sheet else e.sheet,
                               row=e.row) for e in evidence)


def money_text(amounts: dict[str, float]) -> str:
    return ", ".join(f"{render(v)} {c}" for c, v in amounts.items())


def finding_columns(catalog: Catalog) -> list[str]:
    keys = ("finding_id", "severity", "outcome", "rule_id", "rule_title", "worker_id", "agency_id", "employer_id",
            "message", "evidence", "sources", "remedy", "caveat", "amount", "currency")
    return [catalog.t(f"field.{k}") for k in keys]


def finding_cells(f: Finding, catalog: Catalog) -> list[object]:
    money = f.to_reimburse
    return [f.finding_id, catalog.severity(f.severity), catalog.outcome(f.outcome), f.rule_id, f.rule_title,
            f.worker_id, f.agency_id or "", f.employer_id or "", f.message, evidence_text(f.evidence, catalog),
            "\n".join(f.sources), f.remedy, f.caveat or "", money.amount if money else "",
            money.currency if money else ""]
