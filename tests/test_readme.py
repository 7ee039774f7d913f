"""The README is the user's manual: its commands are the ones CI runs, and it documents the whole contract."""

from __future__ import annotations

import re
from pathlib import Path

from compliance.input.sheets import SHEETS
from compliance.rules.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_install_and_run_command_and_the_test_command() -> None:
    blocks = re.findall(r"```bash\n(.*?)\n```", README, flags=re.S)
    install, tests = blocks[0].strip(), blocks[1].strip()
    assert README.index(install) < 300, "the two commands must open the README"
    assert install.startswith("python -m pip install .") and "fairrecruit check samples/" in install
    sample = install.split("fairrecruit check ")[1].split()[0]
    assert (ROOT / sample).is_file()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1].strip() == tests, ".ci/run must run exactly the README's test command"


def test_readme_documents_every_sheet_column_and_rule() -> None:
    for sheet in SHEETS:
        assert f"**{sheet.name}**" in README
        for col in sheet.columns:
            assert f"`{col.name}`" in README, f"{sheet.name}.{col.name} is not in the README"
    for rule in load_ruleset().rules:
        assert f"| {rule.id} |" in README


def test_readme_reference_tables_match_the_contract_the_rules_and_the_fact_schema() -> None:
    from compliance import docs

    for name, build in docs.BLOCKS.items():
        assert docs.current(README, name) == build(), f"README block '{name}' is stale: python -m compliance.docs"
