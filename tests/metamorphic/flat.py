"""A flat NGO case log: one row per payment, the worker's columns repeated on every row, and the mapping
file that tells the checker how to split it back into workers and fees."""

from __future__ import annotations

from pathlib import Path

import yaml

from compliance.input.sheets import SHEETS_BY_NAME
from tests.metamorphic.render import Table
from tests.metamorphic.transforms import Rows

LOG_NAME = "Case log"
# (header in the log, contract sheet, contract column), in the order a caseworker's log has them.
WORKER_PART = [
    ("Worker ID", "workers", "worker_id"), ("Name", "workers", "name"), ("Sex", "workers", "sex"),
    ("Date of birth", "workers", "date_of_birth"), ("Nationality", "workers", "nationality"),
    ("Languages", "workers", "languages"), ("Occupation", "workers", "occupation"),
    ("From country", "workers", "origin_country"), ("To country", "workers", "destination_country"),
    ("Recruited by", "workers", "agency_id"), ("Employer", "workers", "employer_id"),
    ("Registered on", "workers", "recruited_on"), ("Left Nepal on", "workers", "departed_on"),
    ("First salary", "workers", "first_month_earnings"), ("Salary currency", "workers", "earnings_currency"),
    ("Orientation given on", "workers", "orientation_on"),
    ("Knows where to complain", "workers", "complaint_channel_known"),
]
FEE_PART = [
    ("Payment ID", "fees", "fee_id"), ("Paid to (agency)", "fees", "agency_id"),
    ("Payment for", "fees", "category"), ("Amount", "fees", "amount"), ("Currency", "fees", "currency"),
    ("Paid by", "fees", "paid_by"), ("Date paid", "fees", "paid_on"), ("How paid", "fees", "method"),
    ("Refunded", "fees", "reimbursed_amount"), ("Borrowed from", "fees", "lender"),
    ("Receipt?", "fees", "receipt"), ("Itemised?", "fees", "itemised"),
    ("Told before accepting?", "fees", "disclosed_before_acceptance"),
]


def case_log(rows: Rows) -> Table:
    """One row per fee, in the sample's order (grouped by worker); every worker has at least one fee."""
    workers = {w["worker_id"]: (i, w) for i, w in enumerate(rows["workers"])}
    assert {f["worker_id"] for f in rows["fees"]} == set(workers), "every worker needs a fee row in a flat log"
    body, fee_rows, worker_rows = [], {}, {}
    for j, fee in enumerate(rows["fees"]):
        wi, worker = workers[fee["worker_id"]]
        worker_rows.setdefault(wi, j)
        fee_rows[j] = j
        body.append([worker.get(c) for _, _, c in WORKER_PART] + [fee.get(c) for _, _, c in FEE_PART])
    return Table(name=LOG_NAME, columns=[c for _, _, c in WORKER_PART + FEE_PART],
                 header=[h for h, _, _ in WORKER_PART + FEE_PART], body=body,
                 origins={"fees": fee_rows, "workers": worker_rows})


def mapping(path: Path, other_sheets: list[str]) -> Path:
    """The mapping file: the log split into workers and fees; the other sheets named as themselves."""
    log_columns: dict[str, object] = {h: f"{s}.{c}" for h, s, c in WORKER_PART + FEE_PART}
    log_columns["Worker ID"] = ["workers.worker_id", "fees.worker_id"]
    sheets: dict[str, object] = {
        LOG_NAME: {"as": ["workers", "fees"], "header_rows": [1], "columns": log_columns},
    }
    for name in other_sheets:
        sheets[name] = {"as": name, "header_rows": [1],
                        "columns": {c.name: c.name for c in SHEETS_BY_NAME[name].columns}}
    path.write_text(yaml.safe_dump({"fairrecruit-mapping": 1, "sheets": sheets}, allow_unicode=True,
                                   sort_keys=False), encoding="utf-8")
    return path
