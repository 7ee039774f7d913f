"""The durable-rules adapter's guards (see shared/engine-notes.md): every way durable can lose, invent or crash on
a finding must end in an EngineError or in results equal to the reference evaluator's, never in silence."""

from __future__ import annotations

import random
from typing import Any

import pytest

from compliance.evaluate import engine as engine_module
from compliance.evaluate import reference
from compliance.evaluate.engine import Engine, EngineError, compile_clause
from compliance.evaluate.facts import ANCHOR, SCHEMA
from compliance.rules.ruleset import Ruleset
from tests.casegen import case, fact


def _agrees(engine: Engine, ruleset: Ruleset, facts: list[dict[str, Any]]) -> bool:
    return sorted(engine.evaluate(facts)) == sorted(reference.evaluate(ruleset.clauses, facts))


def _mismatches(engine: Engine, ruleset: Ruleset, seed: int, n: int) -> list[int]:
    rng = random.Random(seed)
    return [i for i in range(n) if not _agrees(engine, ruleset, case(i, rng))]


def _worker(row: Any = 0, **fields: Any) -> dict[str, Any]:
    # A worker with an agency and nothing else: several absent-pattern clauses fire (no fees, no contract, ...).
    return {"kind": "worker", "wref": "W1", "row": row, "agency_id": "ag-1", **fields}


# ---------------------------------------------------------------------------------------------- reserved attributes


@pytest.mark.parametrize("kind", ["worker", "fee", "document"])
@pytest.mark.parametrize("attribute", ["id", "sid"])
def test_fact_with_a_reserved_attribute_is_rejected(engine, ruleset, kind, attribute):
    facts = [_worker(), {"kind": kind, "wref": "W1", "row": 1, attribute: "x"}]
    with pytest.raises(EngineError, match=rf"fact of kind {kind} uses a reserved attribute"):
        engine.evaluate(facts)
    assert _agrees(engine, ruleset, [_worker()])


def test_evaluate_leaves_the_callers_facts_unchanged_so_a_case_can_be_evaluated_twice(engine, ruleset):
    facts = case(0, random.Random(5))
    before = [dict(f) for f in facts]
    first = sorted(engine.evaluate(facts))
    assert facts == before  # no 'id' or 'sid' added: the second call would be refused
    assert sorted(engine.evaluate(facts)) == first == sorted(reference.evaluate(ruleset.clauses, facts))


# ---------------------------------------------------------------------------------------------- small sessions


def test_lone_worker_facts_give_the_same_matches_as_the_reference(engine, ruleset):
    rng = random.Random(2024)
    differ, fired = [], 0
    for n in range(2_000):
        facts = [fact(ANCHOR, f"W{n}", 0, rng, blank_rate=rng.choice([0.0, 0.3, 0.7, 1.0]))]
        got, want = sorted(engine.evaluate(facts)), sorted(reference.evaluate(ruleset.clauses, facts))
        fired += len(want)
        if got != want:
            differ.append((n, got, want))
    assert differ == []
    assert fired > 2_000  # lone workers do fire the absent-pattern clauses


@pytest.mark.parametrize("kind", sorted(k for k in SCHEMA if k != ANCHOR))
def test_a_case_without_a_worker_matches_nothing_and_leaves_the_engine_usable(engine, ruleset, kind):
    # No clause fires, so only the end sentinel dispatches before delete_state (engine-notes §8).
    rng = random.Random(kind)
    for n in range(100):
        assert engine.evaluate([fact(kind, f"W{n}", 0, rng)]) == []
    assert engine.evaluate([]) == []
    assert _mismatches(engine, ruleset, seed=3, n=20) == []


# ---------------------------------------------------------------------------------------------- failing actions


def test_action_failing_on_a_non_integer_row_raises_engine_error_and_the_engine_rebuilds_itself(engine, ruleset):
    hosts = [part._host for part in engine._parts]
    with pytest.raises(EngineError, match=r"an action failed: .*fact rows must be int"):
        engine.evaluate([_worker(row="row two")])
    # the failed host is dropped, never delete_state'd (engine-notes §10)
    assert engine._parts[0]._host is not hosts[0]
    facts = [_worker(row=2)]
    got = sorted(engine.evaluate(facts))
    assert got == sorted(reference.evaluate(ruleset.clauses, facts))
    assert ("FR-FEE-001#8", (("worker", 2),)) in got


@pytest.mark.parametrize("row", [None, "", [1]])
def test_any_row_the_recorder_cannot_read_is_an_engine_error(engine, ruleset, row):
    with pytest.raises(EngineError, match="an action failed"):
        engine.evaluate([_worker(row=row)])
    assert _agrees(engine, ruleset, [_worker(row=3)])


@pytest.mark.parametrize("row", [1.5, "7"])
def test_row_that_is_not_an_int_is_an_engine_error_even_when_int_accepts_it(engine, row):
    with pytest.raises(EngineError):
        engine.evaluate([_worker(row=row)])


def test_engine_equals_the_reference_on_200_cases_after_an_engine_error(engine, ruleset):
    with pytest.raises(EngineError):
        engine.evaluate([_worker(row="bad")])
    assert _mismatches(engine, ruleset, seed=77, n=200) == []


# ---------------------------------------------------------------------------------------------- limits


def test_more_than_max_facts_is_rejected_before_anything_is_asserted(engine, ruleset, monkeypatch):
    monkeypatch.setattr(engine_module, "MAX_FACTS", 5)
    facts = [_worker()] + [{"kind": "fee", "wref": "W1", "row": i, "amount": 1.0} for i in range(1, 6)]
    with pytest.raises(EngineError, match=r"a case file has 6 facts; at most 5 are supported"):
        engine.evaluate(facts)
    assert _agrees(engine, ruleset, facts[:5])


def test_max_facts_limit_is_within_the_collision_checked_fact_ids():
    assert len(engine_module._fact_ids(engine_module.MAX_FACTS + 1)) == engine_module.MAX_FACTS + 1


# ---------------------------------------------------------------------------------------------- compiled rules


def test_negated_patterns_compile_to_alias_not_and_every_non_worker_pattern_joins_the_worker(ruleset):
    negations = 0
    for clause in ruleset.clauses:
        compiled = compile_clause(clause)
        assert compiled["run"] == clause.key
        assert len(compiled["all"]) == len(clause.patterns)
        for pattern, entry in zip(clause.patterns, compiled["all"], strict=True):
            [(key, body)] = entry.items()
            assert key == (f"{pattern.alias}$not" if pattern.negated else pattern.alias)
            terms = body.get("$and", [body])
            assert terms[0] == {"kind": pattern.kind}
            joined = {"wref": {"worker": "wref"}} in terms
            assert joined == (pattern.kind != ANCHOR), f"{clause.key}: {key}"
            negations += pattern.negated
    assert negations > 10


def test_a_clause_with_a_negation_compiles_to_the_expected_durable_rule(ruleset):
    clause = next(c for c in ruleset.clauses if c.key == "FR-AGY-001#3")
    assert compile_clause(clause) == {"all": [
        {"worker": {"$and": [{"kind": "worker"}, {"$ex": {"agency_id": 1}}]}},
        {"agency$not": {"$and": [{"kind": "agency"}, {"wref": {"worker": "wref"}}]}},
    ], "run": "FR-AGY-001#3"}


# ---------------------------------------------------------------------------------------------- two engines


def test_two_engines_in_one_process_give_identical_results(engine, ruleset):
    other = Engine(ruleset)
    rng = random.Random(500)
    differ = []
    for n in range(500):
        facts = case(n, rng)
        mine, theirs = sorted(engine.evaluate(facts)), sorted(other.evaluate(facts))
        if mine != theirs or mine != sorted(reference.evaluate(ruleset.clauses, facts)):
            differ.append(n)
    assert differ == []


def test_clauses_are_spread_over_hosts_so_no_kind_overflows_durables_alpha_stack(ruleset):
    from compliance.evaluate.engine import MAX_PATTERNS_PER_KIND, _patterns_by_kind, partition

    groups = partition(ruleset.clauses)
    assert sorted(c.key for g in groups for c in g) == sorted(c.key for c in ruleset.clauses)
    for g in groups:
        assert all(len(v) <= MAX_PATTERNS_PER_KIND for v in _patterns_by_kind(g).values())
    rules_in = [{c.rule_id for c in g} for g in groups]
    assert sum(len(r) for r in rules_in) == len({c.rule_id for c in ruleset.clauses}), "a rule split over hosts"
    # A fact walks its kind's patterns with the other kinds still on the stack: over 64 in all fails (303).
    whole = _patterns_by_kind(ruleset.clauses)
    assert len(whole) - 1 + max(len(v) for v in whole.values()) > 64, "one host would overflow"
    assert len(groups) > 1


@pytest.mark.parametrize("limit", [8, 20, 32])
def test_every_rule_case_gives_the_reference_result_however_the_clauses_are_split_over_hosts(ruleset, limit):
    """Memory faults in durable show up or hide with the memory layout; other splits give other layouts."""
    from compliance.evaluate.casefile import case_files
    from compliance.input.validate import validate
    from tests import rulecases

    engine = Engine(ruleset, max_patterns_per_kind=limit)
    for rule_case in rulecases.load_cases():
        for cf in case_files(validate(rulecases.workbook(rulecases.world(rule_case.spec)))):
            facts, _ = cf.facts(ruleset.as_of)
            got, want = sorted(engine.evaluate(facts)), sorted(reference.evaluate(ruleset.clauses, facts))
            assert got == want, rule_case.id
