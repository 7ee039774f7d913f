"""The engine contained: numbers reach durable-rules in a form it always reads back as the same value, and a case
the engine cannot take (too big, or durable fails on it) costs that case only: it is evaluated by the reference
evaluator and marked in the report, or marked as not evaluated, and every other case is reported as usual."""

from __future__ import annotations

import json
import math
import random
import re
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import durable_rules_engine
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance import check as check_module
from compliance.check import CaseTooBig, case_matches, evaluate_all, summarise
from compliance.evaluate import engine as engine_module
from compliance.evaluate import reference
from compliance.evaluate.engine import Engine, EngineError, encode_facts
from compliance.evaluate.facts import SCHEMA, FieldType
from compliance.input.validate import Dataset, validate
from compliance.input.workbook import read_workbook
from compliance.report.model import EngineFallback, Report
from compliance.rules.conditions import FieldRef
from compliance.rules.conditions import Test as Cond
from compliance.rules.ruleset import Clause, Outcome, Pattern, Ruleset, Severity
from tests import rulecases
from tests.casegen import case

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "agency-with-violations.xlsx"
ORDER = ("<", "<=", ">", ">=")
# Numbers durable's reader stopped on (one digit and an exponent), the extremes of a double, and neighbours.
EXTREMES = [1e16, 2e16, -1e16, 1e22, 1e-05, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, 1.7976931348623157e308,
            -1.7976931348623157e308, 0.0, -0.0, 1.5e16, 9007199254740993.0, 0.1, 0.30000000000000004,
            123456789.12345679, 1e300, -2e-05, 3.0, 2.0]
NUMBERS = st.one_of(st.sampled_from(EXTREMES), st.floats(allow_nan=False, allow_infinity=False))
# A token durable's json.c getNumber reads whole: digits, then an exponent only after a fraction.
DURABLE_NUMBER = re.compile(r"-?\d+(\.\d+([eE][-+]?\d+)?)?")
SLOW = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _number_tokens(text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(r'"(?:[^"\\]|\\.)*"|[-\d][-+.\deE]*', text) if m.group(0)[0] != '"']


# ---------------------------------------------------------------------------------------------- the JSON text


@given(x=NUMBERS)
def test_every_finite_float_is_written_in_a_form_durable_reads_whole_and_back_to_the_same_value(x: float) -> None:
    [token] = _number_tokens(encode_facts([{"kind": "fee", "amount": x}]))
    assert DURABLE_NUMBER.fullmatch(token), token
    assert float(token) == x


def test_negative_zero_is_written_as_zero_so_equality_joins_hash_it_like_zero() -> None:
    assert _number_tokens(encode_facts([{"kind": "fee", "amount": -0.0}])) == ["0.0"]


@pytest.mark.parametrize("text", ["1e+16", "-0.0", "re-entry e+ \"1e-05\"", "a\\\"1e+16"])
def test_text_that_looks_like_a_number_is_left_as_written(text: str) -> None:
    facts = [{"kind": "fee", "note": text, "amount": 1e16}]
    assert json.loads(encode_facts(facts)) == facts


@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
def test_a_number_that_is_not_finite_never_reaches_durable_and_is_named(bad: float) -> None:
    with pytest.raises(EngineError, match=rf"a number is not finite: fee row 3: amount is {bad}"):
        encode_facts([{"kind": "worker", "row": 0}, {"kind": "fee", "row": 3, "amount": bad}])


# ---------------------------------------------------------------------------------------------- every comparison

def _clause(key: str, *patterns: Pattern, worker: tuple[Cond, ...] = ()) -> Clause:
    return Clause(key=key, rule_id=key, outcome=Outcome.VIOLATION, severity=Severity.LOW,
                  patterns=(Pattern("worker", "worker", worker, False), *patterns), message="", reimburse=None,
                  per="worker")


def _t(alias: str, field: str, op: str, value: Any = None) -> Cond:
    return Cond(FieldRef(alias, field), op, value, f"{alias}.{field} {op} {value}")


def _number_clauses() -> list[Clause]:
    """Every kind of clause that compares numbers: with a literal, with another fact of the kind, with the worker,
    in and not in a list, and a negated equality and inequality join."""
    literals = [x for x in EXTREMES if "e" not in repr(x) or "." in repr(x) or (x.is_integer() and abs(x) < 2**63)]
    out = []
    for i, op in enumerate(("==", "!=", *ORDER)):
        for j, lit in enumerate(literals):
            out.append(_clause(f"LIT{i}-{j}", Pattern("fee", "fee", (_t("fee", "amount", op, lit),), False)))
        present = _t("a", "amount", "is present")
        out.append(_clause(f"JOIN{i}", Pattern("a", "fee", (present,), False),
                           Pattern("b", "fee", (_t("b", "amount", op, FieldRef("a", "amount")),), False)))
        # with the guard the rule loader adds before a comparison with another fact's field
        out.append(_clause(f"WORKER{i}", Pattern("fee", "fee", (_t("fee", "amount", op, FieldRef("worker", "pay")),),
                                                 False), worker=(_t("worker", "pay", "is present"),)))
        if op in ("==", "!="):
            out.append(_clause(f"NOT{i}", Pattern("a", "fee", (present,), False),
                               Pattern("b", "fee", (_t("b", "amount", op, FieldRef("a", "amount")),), True)))
    out.append(_clause("IN", Pattern("fee", "fee", (_t("fee", "amount", "in", (1e16, -0.0, 1.5e16)),), False)))
    out.append(_clause("NOTIN", Pattern("fee", "fee", (_t("fee", "amount", "not in", (2e16, 0.0)),), False)))
    return out


@pytest.fixture(scope="module")
def numbers() -> tuple[Engine, list[Clause]]:
    clauses = _number_clauses()
    return Engine(SimpleNamespace(clauses=clauses)), clauses  # type: ignore[arg-type]


@st.composite
def _fee_case(draw: st.DrawFn) -> list[dict[str, Any]]:
    pool = draw(st.lists(NUMBERS, min_size=1, max_size=4))  # a small pool, so that equal amounts occur
    worker: dict[str, Any] = {"kind": "worker", "wref": "W1", "row": 0}
    if draw(st.booleans()):
        worker["pay"] = draw(st.sampled_from(pool))
    fees = [{"kind": "fee", "wref": "W1", "row": i, "amount": draw(st.sampled_from(pool))}
            for i in range(1, draw(st.integers(0, 4)) + 1)]
    return [worker, *fees]


@SLOW
@given(facts=_fee_case())
def test_engine_equals_the_reference_on_every_numeric_comparison_of_any_finite_numbers(numbers, facts) -> None:
    engine, clauses = numbers
    assert sorted(engine.evaluate(facts)) == sorted(reference.evaluate(clauses, facts))


def test_the_numbers_that_stopped_durable_now_fire_the_comparisons_they_satisfy(numbers) -> None:
    engine, clauses = numbers
    for x in (1e16, 2e16, 1e-05, 5e-324):
        facts = [{"kind": "worker", "wref": "W1", "row": 0, "pay": x},
                 {"kind": "fee", "wref": "W1", "row": 1, "amount": x},
                 {"kind": "fee", "wref": "W1", "row": 2, "amount": x}]
        got = sorted(engine.evaluate(facts))
        assert got == sorted(reference.evaluate(clauses, facts))
        assert ("JOIN0", (("worker", 0), ("a", 1), ("b", 2))) in got and ("WORKER0", (("worker", 0), ("fee", 1))) in got


@SLOW
@given(seed=st.integers(0, 2**32 - 1), values=st.lists(NUMBERS, min_size=1, max_size=6))
def test_the_ruleset_gives_the_reference_result_when_every_number_of_a_case_is_extreme(engine, ruleset, seed,
                                                                                      values) -> None:
    rng = random.Random(seed)
    facts = case(0, rng)
    for f in facts:
        for name, spec in SCHEMA[f["kind"]].items():
            if name in f and spec.type in (FieldType.NUMBER, FieldType.DATE):
                f[name] = rng.choice(values)
    assert sorted(engine.evaluate(facts)) == sorted(reference.evaluate(ruleset.clauses, facts))


def test_a_rule_literal_durable_cannot_read_is_refused_when_the_engine_is_built() -> None:
    clause = _clause("TINY", Pattern("fee", "fee", (_t("fee", "amount", ">", 1e-05),), False))
    with pytest.raises(EngineError, match=r"test 'fee.amount > 1e-05': durable-rules cannot read the number 1e-05"):
        Engine(SimpleNamespace(clauses=[clause]))  # type: ignore[arg-type]


def test_cells_holding_the_numbers_that_stopped_durable_are_evaluated_by_the_engine_like_the_reference(
        ruleset: Ruleset) -> None:
    rows = {"fees": [{"fee_id": f"F{i}", "worker_id": "W1", "agency_id": "AG1", "category": "recruitment_fee",
                      "amount": x, "currency": "NPR", "paid_by": "worker", "paid_on": date(2024, 1, 15),
                      "method": "cash"} for i, x in enumerate((1e16, 2e16, 1e-05, 5e-324, -0.0), start=10)],
            "wage_payments": [{"worker_id": "W1", "period_start": date(2024, 3, 1), "gross": 1e16,
                               "deductions": 1e-05}]}
    data = validate(rulecases.workbook(rulecases.world({"rows": rows})))
    by_engine, by_reference = evaluate_all(data, ruleset), evaluate_all(data, ruleset, evaluator="reference")
    assert by_engine.fallbacks == [] and by_engine.findings == by_reference.findings
    assert any(f.rule_id.startswith("FR-FEE") for f in by_engine.findings)


# ---------------------------------------------------------------------------------------------- one case fails


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return validate(read_workbook(SAMPLE))


def _fail_durable_for(monkeypatch: pytest.MonkeyPatch, worker_id: str) -> list[int]:
    """durable's assert_facts raises for one worker's case, as a C error would; returns a call counter."""
    real, calls = durable_rules_engine.assert_facts, [0]

    def assert_facts(handle: int, text: str) -> Any:
        if f'"wref": "{worker_id}"' in text:
            calls[0] += 1
            raise RuntimeError("Could not assert facts, error code: 204 (forced by the test)")
        return real(handle, text)

    monkeypatch.setattr(durable_rules_engine, "assert_facts", assert_facts)
    return calls


def test_a_case_durable_fails_on_is_evaluated_by_the_reference_and_every_other_case_is_reported(
        sample: Dataset, ruleset: Ruleset, monkeypatch: pytest.MonkeyPatch) -> None:
    clean = evaluate_all(sample, ruleset)
    calls = _fail_durable_for(monkeypatch, "W-105")
    failed = evaluate_all(sample, ruleset)
    assert calls[0] == 1
    assert failed.findings == clean.findings and failed.verdicts == clean.verdicts  # W-105's included, same ids
    assert any(f.worker_id == "W-105" for f in failed.findings)
    [mark] = failed.fallbacks
    assert (mark.worker_id, mark.evaluated_by) == ("W-105", "reference")
    assert mark.reason == "durable failed: RuntimeError('Could not assert facts, error code: 204 (forced by the test)')"
    assert mark.note.startswith("W-105: evaluated by the reference evaluator: durable failed")


def test_a_case_past_max_facts_is_evaluated_by_the_reference_and_marked(sample: Dataset, ruleset: Ruleset,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    clean = evaluate_all(sample, ruleset)
    monkeypatch.setattr(engine_module, "MAX_FACTS", 12)
    big = evaluate_all(sample, ruleset)
    assert big.findings == clean.findings and big.verdicts == clean.verdicts
    assert big.fallbacks and {f.evaluated_by for f in big.fallbacks} == {"reference"}
    assert len(big.fallbacks) < len(sample.workers)
    assert all(re.fullmatch(r"a case file has \d+ facts; at most 12 are supported", f.reason) for f in big.fallbacks)


def test_a_worker_with_more_records_than_the_engine_takes_is_evaluated_by_the_reference(engine: Engine,
                                                                                        ruleset: Ruleset) -> None:
    facts = [{"kind": "worker", "wref": "W1", "row": 0, "agency_id": "ag-1"}]
    facts += [{"kind": "fee", "wref": "W1", "row": i, "amount": 1e16, "worker_borne": "yes", "outstanding": 1e16}
              for i in range(1, engine_module.MAX_FACTS + 1)]
    matches, mark = case_matches("W1", ruleset.clauses, facts, engine)
    assert mark == EngineFallback(worker_id="W1", evaluated_by="reference",
                                  reason="a case file has 100001 facts; at most 100000 are supported")
    assert matches is not None and len({rows for _, rows in matches}) > engine_module.MAX_FACTS


def test_durable_refusing_the_rules_is_an_engine_error_when_the_engine_is_built(
        ruleset: Ruleset, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(name: str, text: str) -> Any:
        raise RuntimeError("Could not create ruleset, error code: 113")

    monkeypatch.setattr(durable_rules_engine, "create_ruleset", refuse)
    with pytest.raises(EngineError, match=r"durable-rules could not load the rules: RuntimeError\('Could not create"):
        Engine(ruleset)


def test_a_case_neither_evaluator_can_take_is_an_engine_error_naming_the_worker_and_the_run_goes_on(
        sample: Dataset, ruleset: Ruleset, monkeypatch: pytest.MonkeyPatch) -> None:
    clean = evaluate_all(sample, ruleset)
    _fail_durable_for(monkeypatch, "W-105")
    real = reference.evaluate

    def evaluate(clauses: Any, facts: list[dict[str, Any]]) -> Any:
        if facts[0]["wref"] == "W-105":
            raise RecursionError("forced by the test")
        return real(clauses, facts)

    monkeypatch.setattr(check_module.reference, "evaluate", evaluate)
    failed = evaluate_all(sample, ruleset)
    assert [f.model_dump(exclude={"finding_id"}) for f in failed.findings] == [
        f.model_dump(exclude={"finding_id"}) for f in clean.findings if f.worker_id != "W-105"]
    [mark] = failed.fallbacks
    assert (mark.worker_id, mark.evaluated_by) == ("W-105", None)
    assert mark.reason.endswith("; the reference evaluator failed: RecursionError: forced by the test")
    assert mark.note.startswith("W-105: engine error, not evaluated: durable failed")
    # The worker not evaluated is not counted compliant under any rule.
    assert len(failed.verdicts) == len(sample.workers) - 1
    counts = summarise(sample, ruleset, failed.findings, failed.verdicts).verdicts_by_rule
    assert all(sum(c.values()) == len(sample.workers) - 1 for c in counts.values())


def test_the_host_durable_failed_in_is_rebuilt_and_the_others_are_kept_and_all_stay_exact(
        ruleset: Ruleset, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Engine(ruleset)
    before = [p._host for p in engine._parts]
    _fail_durable_for(monkeypatch, "W7")
    with pytest.raises(EngineError, match="durable failed: RuntimeError"):
        engine.evaluate(case(7, random.Random(1)))
    after = [p._host for p in engine._parts]
    assert after[0] is not before[0] and after[1:] == before[1:]  # the first host failed; the rest never began
    monkeypatch.undo()
    rng = random.Random(8)
    for n in range(300):
        facts = case(n, rng)
        assert sorted(engine.evaluate(facts)) == sorted(reference.evaluate(ruleset.clauses, facts)), n


def test_a_host_that_cannot_be_rebuilt_is_built_again_before_the_next_case(ruleset: Ruleset,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Engine(ruleset)
    _fail_durable_for(monkeypatch, "W7")
    real = engine_module._QuietHost

    def no_host(*args: Any) -> Any:
        raise MemoryError("forced by the test")

    monkeypatch.setattr(engine_module, "_QuietHost", no_host)
    with pytest.raises(EngineError, match="durable could not be set up again: MemoryError"):
        engine.evaluate(case(7, random.Random(1)))
    with pytest.raises(EngineError, match="could not be set up again after an earlier failure"):
        engine.evaluate(case(1, random.Random(1)))
    monkeypatch.setattr(engine_module, "_QuietHost", real)
    facts = case(2, random.Random(2))
    assert sorted(engine.evaluate(facts)) == sorted(reference.evaluate(ruleset.clauses, facts))


def test_a_case_too_big_for_the_reference_is_refused_at_once_not_left_to_run_for_hours(ruleset: Ruleset) -> None:
    facts = [{"kind": "worker", "wref": "W1", "row": 0}]
    facts += [{"kind": "wage", "wref": "W1", "row": i, "gross": 1.0} for i in range(1, 5_001)]
    matches, mark = case_matches("W1", ruleset.clauses, facts, None)
    assert matches is None and mark is not None and mark.evaluated_by is None
    assert re.fullmatch(r"the reference evaluator failed: the case is too big: clause FR-\S+ would combine "
                        r"[\d,]+ sets of records \(at most 20,000,000\)", mark.reason)
    with pytest.raises(CaseTooBig):
        check_module._check_reference_size(ruleset.clauses, facts)


def test_a_long_durable_message_becomes_one_bounded_line() -> None:
    reason = check_module._reason(RuntimeError("line one\nline two " + "x" * 10_000))
    assert "\n" not in reason and len(reason) == 300 and reason.startswith("RuntimeError: line one line two x")


def test_the_report_lists_the_fallbacks_and_a_report_without_them_reads_as_before(monkeypatch) -> None:
    from compliance.check import check

    monkeypatch.setattr(engine_module, "MAX_FACTS", 8)
    report = check(SAMPLE)
    data = json.loads(report.model_dump_json())
    assert data["engine_fallbacks"] and set(data["engine_fallbacks"][0]) == {"worker_id", "evaluated_by", "reason"}
    assert report.unevaluated() == []
    old = {k: v for k, v in data.items() if k != "engine_fallbacks"}
    assert Report.model_validate(old).engine_fallbacks == []
    assert EngineFallback(worker_id="W1", evaluated_by=None, reason="x").note == "W1: engine error, not evaluated: x"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
