"""Report writers, chosen by the output file's extension. Each is `write(report, path, catalog)`.

Writers are imported when used, so that a JSON run does not load the Excel or HTML machinery. Reports are
written through compliance.report.output: to a temporary file in the target's folder, renamed into place when complete.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path

from compliance.i18n import Catalog
from compliance.report.model import Report
from compliance.report.output import Outcome, OutputError, shown, write_all

WRITERS: dict[str, str] = {
    ".json": "compliance.report.writers.json:write_json",
    ".xlsx": "compliance.report.writers.xlsx:write_xlsx",
    ".html": "compliance.report.writers.html:write_html",
    ".csv": "compliance.report.writers.csv:write_csv",
    ".md": "compliance.report.writers.markdown:write_markdown",
}

__all__ = ["WRITERS", "OutputError", "check_output", "write_report", "write_reports"]


def check_output(path: Path) -> None:
    """Refuse an unsupported format or a missing folder (the CLI checks much more: compliance.report.output)."""
    if path.suffix.lower() not in WRITERS:
        raise OutputError(f"cannot write '{shown(path.name)}': supported report formats are "
                          f"{', '.join(sorted(WRITERS))}")
    if not path.parent.exists():
        raise OutputError(f"cannot write '{shown(path)}': folder '{shown(path.parent)}' does not exist")


def _writer(path: Path) -> Callable[[Report, Path, Catalog], None]:
    module, func = WRITERS[path.suffix.lower()].split(":")
    return getattr(importlib.import_module(module), func)  # type: ignore[no-any-return]


def write_reports(report: Report, targets: Sequence[Path], catalog: Catalog | None = None) -> Outcome:
    """Every target written (each format chosen by the target's extension), even when another one fails."""
    for path in targets:
        check_output(path)
    cat = catalog or Catalog(report.run.lang)
    return write_all(targets, lambda temp, target: _writer(target)(report, temp, cat))


def write_report(report: Report, path: Path, catalog: Catalog | None = None) -> None:
    """One report, complete or not at all; OutputError (one line) when it cannot be written."""
    outcome = write_reports(report, [path], catalog)
    for target, reason in outcome.failed:
        raise OutputError(f"cannot write '{shown(target)}': {reason}")
