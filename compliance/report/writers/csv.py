"""findings.csv: one row per finding, for spreadsheets and case-management systems."""

from __future__ import annotations

import csv
from pathlib import Path

from compliance.i18n import Catalog
from compliance.report.model import Report
from compliance.report.writers.common import as_text, finding_cells, finding_columns


def write_csv(report: Report, path: Path, catalog: Catalog) -> None:
    # UTF-8 with a byte-order mark: Excel then reads Chinese and accented names correctly.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(finding_columns(catalog))
        for f in report.findings:
            writer.writerow([c if isinstance(c, float) else as_text(c) for c in finding_cells(f, catalog)])
