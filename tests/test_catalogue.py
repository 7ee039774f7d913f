"""Every rule of the domain catalogue is either checked by the baseline or listed, with a reason, as not checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.rules.ruleset import load_ruleset

CATALOGUE = Path(__file__).resolve().parents[2] / "shared" / "domain" / "rule-catalogue.md"


def catalogue_ids() -> set[str]:
    if not CATALOGUE.is_file():
        pytest.skip("../shared/domain/rule-catalogue.md is not beside the checkout")
    return set(re.findall(r"^\| (FR-[A-Z]+-\d{3}) \|", CATALOGUE.read_text(encoding="utf-8"), flags=re.M))


def test_every_catalogue_rule_is_implemented_or_listed_as_not_checked() -> None:
    rs = load_ruleset()
    implemented = {r.id for r in rs.rules}
    listed = {n.id for n in rs.not_checked}
    ids = catalogue_ids()
    assert len(ids) > 50
    assert sorted(ids - implemented - listed) == []
    assert sorted((implemented | listed) - ids) == [], "ids that are not in the catalogue"
    assert not implemented & listed


def test_rules_missing_lists_each_unchecked_rule_with_its_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--missing"]) in (0, None)
    text = capsys.readouterr().out
    assert "why not" in text
    for n in load_ruleset().not_checked:
        assert n.id in text
