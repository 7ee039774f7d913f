"""The JSON report: the Report model as JSON, with its JSON Schema published beside the code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from compliance.i18n import Catalog
from compliance.report.model import Report


def write_json(report: Report, path: Path, catalog: Catalog | None = None) -> None:
    """The whole report; its texts are already in the report's language, so the catalog is not needed."""
    path.write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "fairrecruit report"
    return schema


def schema_text() -> str:
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"
