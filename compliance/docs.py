"""The README's reference tables, generated from the input contract, the fact schema and the ruleset.

    python -m compliance.docs          # rewrites the generated blocks of README.md

Each block sits between `<!-- generated: NAME -->` and `<!-- end: NAME -->`; a test fails when a block differs
from a fresh build, so the manual cannot drift from what the checker reads and checks.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from compliance.evaluate.facts import SCHEMA
from compliance.input.sheets import SHEETS
from compliance.rules.ruleset import Ruleset, load_ruleset

README = Path(__file__).resolve().parent.parent / "README.md"


def sheets_block() -> str:
    out = []
    for s in SHEETS:
        optional = " (optional sheet)" if not s.required_sheet else ""
        out += [f"**{s.name}**{optional} — {s.help}", "", "| column | required | what to put |", "|---|---|---|"]
        for c in s.columns:
            need = "row rejected if blank" if c.required_value else ("column must exist" if c.required_column else "")
            out.append(f"| `{c.name}` | {need} | {_cell(c.described())} |")
        out.append("")
    return "\n".join(out).rstrip("\n")


@cache
def _baseline() -> Ruleset:
    return load_ruleset(as_of=date.today())


def rules_block() -> str:
    rs = _baseline()
    out = ["| id | severity | title | rule file |", "|---|---|---|---|"]
    for r in sorted(rs.rules, key=lambda r: r.id):
        out.append(f"| {r.id} | {r.spec.severity.value} | {_cell(r.spec.title)} | `rulesets/baseline/{r.file}` |")
    return "\n".join(out)


def not_checked_block() -> str:
    rs = _baseline()
    out = ["| id | title | why it is not checked | planned |", "|---|---|---|---|"]
    for n in rs.not_checked:
        out.append(f"| {n.id} | {_cell(n.title)} | {_cell(n.reason)} | {_cell(n.planned or '')} |")
    return "\n".join(out)


def derived_block() -> str:
    out = ["| field | definition |", "|---|---|"]
    for kind, fields in SCHEMA.items():
        if kind == "parent_agency":  # the same derived fields as agency
            continue
        for f in fields.values():
            if f.derived:
                out.append(f"| `{kind}.{f.name}` | {_cell(f.doc)} |")
    return "\n".join(out)


BLOCKS: dict[str, Callable[[], str]] = {
    "sheets": sheets_block, "rules": rules_block, "not-checked": not_checked_block, "derived": derived_block,
}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- generated: {re.escape(name)} -->\n)(.*?)(\n<!-- end: {re.escape(name)} -->)", re.S)


def current(text: str, name: str) -> str | None:
    m = _pattern(name).search(text)
    return m.group(2) if m else None


def render(text: str) -> str:
    for name, build in BLOCKS.items():
        if current(text, name) is None:
            raise SystemExit(f"README.md has no '<!-- generated: {name} -->' block")
        block = build()
        text = _pattern(name).sub(lambda m, b=block: m.group(1) + b + m.group(3), text)
    return text


def main() -> int:
    README.write_text(render(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote the generated blocks of {README.name}: {', '.join(BLOCKS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
