"""A cell that can only be one of a few codes ('LICENSED EA': recruiter or employer_agent) is judged under each:
a rule that asks only what both readings answer alike is judged; a rule that tells them apart says insufficient
evidence naming the cell; never a guess (compliance/evaluate/unknowns.py, vocab 'either' entries)."""

from __future__ import annotations

from collections import Counter

import pytest

from compliance.check import evaluate
from compliance.input.formats import CellError
from compliance.input.validate import validate
from compliance.input.values import read_choice
from tests import rulecases

EVALUATORS = ("engine", "reference")
# W1 recruited by AG3, whose licence ended in 2019: a violation of FR-AGY-001 by a recruiter, not by a sub-agent.
EXPIRED = {"rows": {"workers": [{"worker_id": "W1", "agency_id": "AG3"}]}}


def _run(case: dict, ruleset, evaluator: str, role: str, maybe: tuple[str, ...] | None = None):
    world = rulecases.world(case)
    for a in world["agencies"]:
        if a["agency_id"] == "AG3":
            a["role"] = role
    data = validate(rulecases.workbook(world))
    if maybe is not None:  # another pair of codes than the vocabularies hold, to reach a rule that tells them apart
        rec = data.agencies["AG3"]
        data.agencies["AG3"] = rec.model_copy(update={"maybe": (("role", maybe),)})
    findings, _ = evaluate(data, ruleset, evaluator=evaluator)
    return data, findings


def _of(findings, rule: str) -> Counter[str]:
    return Counter(f.outcome.value for f in findings if f.rule_id == rule and f.worker_id == "W1")


def test_an_either_word_is_refused_with_the_codes_it_can_be() -> None:
    with pytest.raises(CellError) as e:
        read_choice("LICENSED EA", "agencies", "role")
    assert e.value.candidates == ("recruiter", "employer_agent")
    assert "recruiter" in str(e.value) and "employer_agent" in str(e.value)


@pytest.mark.parametrize("evaluator", EVALUATORS)
def test_a_rule_both_readings_answer_alike_is_judged(ruleset, evaluator: str) -> None:
    data, found = _run(EXPIRED, ruleset, evaluator, "LICENSED EA")
    assert data.agencies["AG3"].role is None and data.agencies["AG3"].maybe == (("role", ("recruiter",
                                                                                          "employer_agent")),)
    assert any(p.column == "role" and p.value == "LICENSED EA" for p in data.problems)
    # not a sub-agent either way: the unlicensed recruitment is a violation, and the sub-agent rule does not apply
    assert _of(found, "FR-AGY-001") == Counter({"violation": 1})
    assert _of(found, "FR-AGY-002") == Counter()
    _, recruiter = _run(EXPIRED, ruleset, evaluator, "recruiter")
    assert _of(recruiter, "FR-AGY-001") == Counter({"violation": 1})


@pytest.mark.parametrize("evaluator", EVALUATORS)
def test_a_rule_that_tells_the_readings_apart_is_insufficient_evidence(ruleset, evaluator: str) -> None:
    _, found = _run(EXPIRED, ruleset, evaluator, "zzq agency", maybe=("recruiter", "sub_agent"))
    assert _of(found, "FR-AGY-001") == Counter({"insufficient_evidence": 1})
    f = next(f for f in found if f.rule_id == "FR-AGY-001" and f.worker_id == "W1")
    assert [(c.sheet, c.column, c.value) for c in f.unreadable] == [("agencies", "role", "zzq agency")]


@pytest.mark.parametrize("evaluator", EVALUATORS)
def test_a_word_without_codes_stays_unknown(ruleset, evaluator: str) -> None:
    _, found = _run(EXPIRED, ruleset, evaluator, "licensed agent")  # recruiter or a sub-agent working for one
    assert "violation" not in _of(found, "FR-AGY-001")
    assert _of(found, "FR-AGY-001") == Counter({"insufficient_evidence": 1})
