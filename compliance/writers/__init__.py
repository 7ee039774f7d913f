"""Report writers, chosen by the output file's extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from compliance.report import Report
from compliance.writers.json import write_json

WRITERS: dict[str, Callable[[Report, Path], None]] = {".json": write_json}


class OutputError(Exception):
    """An output the user asked for that cannot be written. One line for the user."""


def check_output(path: Path) -> None:
    """Refuse an unsupported format before any work is done."""
    if path.suffix.lower() not in WRITERS:
        raise OutputError(f"cannot write '{path.name}': supported report formats are "
                          f"{', '.join(sorted(WRITERS))}")
    if not path.parent.exists():
        raise OutputError(f"cannot write '{path}': folder '{path.parent}' does not exist")


def write_report(report: Report, path: Path) -> None:
    check_output(path)
    try:
        WRITERS[path.suffix.lower()](report, path)
    except OSError as e:
        raise OutputError(f"cannot write '{path}': {e.strerror or e}") from None
