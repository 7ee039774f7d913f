"""Report writers, chosen by the output file's extension. Each is `write(report, path, catalog)`.

Writers are imported when used, so that a JSON run does not load the Excel or HTML machinery.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from compliance.i18n import Catalog
from compliance.report import Report

WRITERS: dict[str, str] = {
    ".json": "compliance.writers.json:write_json",
    ".xlsx": "compliance.writers.xlsx:write_xlsx",
    ".html": "compliance.writers.html:write_html",
    ".csv": "compliance.writers.csv:write_csv",
    ".md": "compliance.writers.markdown:write_markdown",
}


class OutputError(Exception):
    """An output the user asked for that cannot be written. One line for the user."""


def check_output(path: Path) -> None:
    """Refuse an unsupported format before any work is done."""
    if path.suffix.lower() not in WRITERS:
        raise OutputError(f"cannot write '{path.name}': supported report formats are "
                          f"{', '.join(sorted(WRITERS))}")
    if not path.parent.exists():
        raise OutputError(f"cannot write '{path}': folder '{path.parent}' does not exist")


def write_report(report: Report, path: Path, catalog: Catalog | None = None) -> None:
    check_output(path)
    module, func = WRITERS[path.suffix.lower()].split(":")
    writer = getattr(importlib.import_module(module), func)
    try:
        writer(report, path, catalog or Catalog(report.run.lang))
    except OSError as e:
        raise OutputError(f"cannot write '{path}': {e.strerror or e}") from None
