"""--redact: worker names and document numbers replaced by stable pseudonyms, for reports that leave the organisation.

The same worker gets the same pseudonym everywhere in one run (P-0001 is the first worker of the workers sheet,
P-0002 the second...), and the same document number the same D-0001 (numbered in the order of the documents
sheet). Every text of the report is scanned, not only the name fields, so a name quoted in a message or an input
problem cannot leak. Worker ids are kept: they are the organisation's own keys, needed to act on a finding.
"""

from __future__ import annotations

import re
from typing import Any

from compliance.report.model import Report

MIN_NAME_LENGTH = 2  # a one-letter "name" would blank out every word containing it


def pseudonyms(report: Report) -> dict[str, str]:
    names: dict[str, str] = {}
    for n, w in enumerate(report.workers, 1):
        if w.name and len(w.name.strip()) >= MIN_NAME_LENGTH:
            names.setdefault(w.name.strip(), f"P-{n:04d}")
    # Only numbers that reach the report can leak through it; they are cited as evidence of document findings.
    cited = sorted({(e.row, e.record_id.strip()) for f in report.findings for e in f.evidence
                    if e.sheet == "documents" and e.record_id and len(e.record_id.strip()) >= MIN_NAME_LENGTH})
    for n, number in enumerate(dict.fromkeys(number for _, number in cited), 1):
        names.setdefault(number, f"D-{n:04d}")
    return names


def redact(report: Report) -> Report:
    names = pseudonyms(report)
    if not names:
        return report.model_copy(update={"run": report.run.model_copy(update={"redacted": True})})
    # Longest names first, so "Sita Tamang" is replaced before a worker called just "Sita".
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in sorted(names, key=len, reverse=True)),
                         flags=re.IGNORECASE)
    lookup = {n.casefold(): p for n, p in names.items()}
    data = _walk(report.model_dump(mode="python"), lambda s: pattern.sub(lambda m: lookup[m.group(0).casefold()], s))
    data["run"]["redacted"] = True
    return Report.model_validate(data)


def _walk(value: Any, fix: Any) -> Any:
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, dict):
        return {_walk(k, fix): _walk(v, fix) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, fix) for v in value]
    return value
