"""Every rule fires on its failing cases and stays silent on their compliant twins, in both evaluators."""

from __future__ import annotations

import pytest

from compliance.rules.ruleset import Outcome, Ruleset, load_ruleset
from tests import rulecases

CASES = rulecases.load_cases()


@pytest.fixture(scope="module")
def ruleset() -> Ruleset:
    return load_ruleset(as_of=rulecases.as_of())


def test_base_world_is_compliant_under_every_rule(ruleset: Ruleset) -> None:
    data, findings = rulecases.run({}, ruleset, "engine")
    assert data.problems == [] or all(p.action.value == "notice" for p in data.problems)
    assert [(f.rule_id, f.message) for f in findings] == []


@pytest.mark.parametrize("evaluator", ["engine", "reference"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rule_case_gives_exactly_the_expected_findings(case: rulecases.RuleCase, evaluator: str,
                                                        ruleset: Ruleset) -> None:
    data, findings = rulecases.run(case.spec, ruleset, evaluator)
    rejected = [p for p in data.problems if p.action.value == "row-rejected"]
    assert not rejected, f"the case's rows were rejected: {rejected}"
    assert rulecases.outcomes(findings, case.rule) == rulecases.expected(case.spec)
    for expect in case.spec.get("expect") or []:
        if "message" in expect:
            messages = [f.message for f in findings if f.rule_id == case.rule and f.worker_id == expect["worker"]]
            assert any(expect["message"] in m for m in messages), messages
        if "severity" in expect:  # the finding its message names (or any of the worker's) has this severity
            graded = [f.severity.value for f in findings if f.rule_id == case.rule
                      and f.worker_id == expect["worker"] and expect.get("message", "") in f.message]
            assert expect["severity"] in graded, graded


def test_every_rule_has_a_firing_case_and_a_silent_twin(ruleset: Ruleset) -> None:
    firing = {c.rule for c in CASES if any(e["outcome"] in (Outcome.VIOLATION, Outcome.WARNING)
                                           for e in c.spec.get("expect") or [])}
    silent = {c.rule for c in CASES if not c.spec.get("expect")}
    rule_ids = {r.id for r in ruleset.rules}
    assert rule_ids - firing == set(), "rules without a case where they fire"
    assert rule_ids - silent == set(), "rules without a compliant twin"
    assert {c.rule for c in CASES} <= rule_ids, "cases for rules that do not exist"


def test_case_names_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
