"""Rule files are data: the loader must reject every mistake in them by name, never skip or guess."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from compliance.rules.conditions import FieldRef
from compliance.rules.conditions import Test as Check
from compliance.rules.ruleset import RulesetError, default_ruleset_path, load_ruleset

BASELINE = default_ruleset_path()
BASELINE_IDS = {
    *(f"FR-FEE-{n:03d}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14)), "FR-DEBT-001", "FR-DEBT-002",
    "FR-DEBT-003", *(f"FR-CON-{n:03d}" for n in range(1, 9)), *(f"FR-DOC-{n:03d}" for n in range(1, 5)),
    "FR-AGY-001", "FR-AGY-002", "FR-AGY-003", "FR-CHD-001", *(f"FR-MOB-{n:03d}" for n in range(1, 5)),
    *(f"FR-WAGE-{n:03d}" for n in (1, 2, 3, 4, 6)), *(f"FR-GRV-{n:03d}" for n in range(1, 4)),
    *(f"FR-GEN-{n:03d}" for n in range(1, 4)), "FR-DEC-001", "FR-DEC-002",
}
AS_OF = date(2025, 1, 1)
RID = "FR-TST-001"


def _rule(rule_id: str = RID) -> dict[str, Any]:
    """FR-FEE-002 (medical costs) from the baseline, renamed: a real rule with a parameter and five outcomes."""
    rules = yaml.safe_load((BASELINE / "fees.yaml").read_text(encoding="utf-8"))["rules"]
    rule = copy.deepcopy(next(r for r in rules if r["id"] == "FR-FEE-002"))
    rule["id"] = rule_id
    return rule


def _match(rule: dict[str, Any], match: dict[str, Any], absent: dict[str, Any] | None = None) -> dict[str, Any]:
    """The rule with one outcome only, testing `match` (and `absent`)."""
    outcome: dict[str, Any] = {"outcome": "violation", "match": match, "message": "Worker {worker.worker_id}."}
    if absent:
        outcome["absent"] = absent
    rule["outcomes"] = [outcome]
    return rule


def _folder(tmp_path: Path, files: dict[str, list[dict[str, Any]] | str]) -> Path:
    folder = tmp_path / "rs"
    folder.mkdir(exist_ok=True)
    manifest = {"name": "test", "version": "1", "title": "Test rules", "description": "Rules for a test."}
    (folder / "ruleset.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    for name, content in files.items():
        text = content if isinstance(content, str) else yaml.safe_dump({"rules": content}, allow_unicode=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _error(tmp_path: Path, *rules: dict[str, Any]) -> str:
    with pytest.raises(RulesetError) as exc:
        load_ruleset(_folder(tmp_path, {"rules.yaml": list(rules)}), as_of=AS_OF)
    return str(exc.value)


# ---------------------------------------------------------------------------------------------- the baseline


def test_baseline_loads_with_exactly_the_49_implemented_catalogue_rule_ids():
    ids = [r.id for r in load_ruleset(as_of=AS_OF).rules]
    assert len(ids) == 49
    assert set(ids) == BASELINE_IDS


def test_every_baseline_rule_cites_sources_with_a_confidence_tag():
    for rule in load_ruleset(as_of=AS_OF).rules:
        assert rule.spec.sources, rule.id
        assert {s.confidence for s in rule.spec.sources} <= {"S", "R", "M", "U"}, rule.id


def test_no_baseline_source_claims_an_operational_guideline_or_definition_paragraph_as_checked():
    # OG numbers and Definition paragraphs were not re-read against the ILO text: never confidence S, and an
    # M or U tag always says what is unconfirmed.
    pinned = re.compile(r"Operational Guidelines|\bOG\s*\d|Definition of recruitment fees")
    seen = 0
    for rule in load_ruleset(as_of=AS_OF).rules:
        for source in rule.spec.sources:
            if not pinned.search(source.ref):
                continue
            seen += 1
            assert source.confidence != "S", f"{rule.id}: {source.ref}"
            if source.confidence in ("M", "U"):
                assert source.note and source.note.strip(), f"{rule.id}: {source.ref} has no note"
    assert seen >= 20  # the check looked at the fee rules' Definition and OG sources


# ---------------------------------------------------------------------------------------------- a small ruleset


def test_a_real_rule_copied_into_a_new_folder_loads(tmp_path):
    ruleset = load_ruleset(_folder(tmp_path, {"rules.yaml": [_rule()]}), as_of=AS_OF)
    assert [r.id for r in ruleset.rules] == [RID]
    assert ruleset.rule(RID).params == {"categories": ["medical"]}
    assert [c.key for c in ruleset.clauses] == [f"{RID}#{n}" for n in range(1, 6)]


@pytest.mark.parametrize("rename", [False, True], ids=["added", "instead-of-severity"])
def test_unknown_key_names_the_file_the_rule_and_the_key(tmp_path, rename):
    rule = _rule()
    rule["sevrity"] = rule.pop("severity") if rename else "high"
    message = _error(tmp_path, rule)
    assert message.startswith(f"rules.yaml: rule {RID}:")
    assert "sevrity" in message


def test_unknown_key_inside_an_outcome_is_rejected(tmp_path):
    rule = _rule()
    rule["outcomes"][0]["mesage"] = "typo"
    message = _error(tmp_path, rule)
    assert RID in message
    assert "mesage" in message


@pytest.mark.parametrize("sources", [None, []], ids=["missing", "empty"])
def test_rule_without_sources_is_rejected(tmp_path, sources):
    rule = _rule()
    if sources is None:
        del rule["sources"]
    else:
        rule["sources"] = sources
    message = _error(tmp_path, rule)
    assert RID in message
    assert "sources" in message


def test_source_without_confidence_is_rejected(tmp_path):
    rule = _rule()
    del rule["sources"][0]["confidence"]
    assert "confidence" in _error(tmp_path, rule)


@pytest.mark.parametrize(("test", "words"), [
    ("amout > 0", "fee has no field 'amout'"),
    ("category in $nope", "unknown parameter $nope"),
    ("amount > lots", "amount is a number; 'lots' is not"),
    ("amount == fee.currency", "cannot compare number with text"),
    ("paid_by == boss", "'boss' is not a value of paid_by"),
    ("currency < 'usd'", "< needs a number or date field"),
    ("paid_on > 2024-01-01", "compare dates with another date field"),
    ("worker_borne == maybe", "is yes/no"),
])
def test_condition_that_does_not_fit_the_fact_schema_is_rejected_with_file_rule_and_reason(tmp_path, test, words):
    message = _error(tmp_path, _match(_rule(), {"fee": [test]}))
    assert message.startswith(f"rules.yaml: rule {RID}: outcome #1:")
    assert words in message


def test_field_of_an_alias_defined_later_is_rejected_on_the_left(tmp_path):
    message = _error(tmp_path, _match(_rule(), {"worker": ["fee.amount > 0"], "fee": ["amount > 0"]}))
    assert RID in message
    assert "'fee' is not a pattern of this clause or one before this test" in message


def test_field_of_a_negated_pattern_cannot_be_tested_by_a_later_pattern(tmp_path):
    rule = _match(_rule(), {"worker": ["agency_id is present"]}, absent={
        "gone": {"kind": "fee", "where": ["amount > 0"]},
        "other": {"kind": "fee", "where": ["gone.currency == 'usd'"]}})
    message = _error(tmp_path, rule)
    assert "'gone' is not a pattern of this clause" in message


@pytest.mark.parametrize(("match", "absent"), [
    ({"worker": ["agency_id == fee.agency_id"], "fee": ["amount > 0"]}, None),
    ({"worker": ["agency_id is present"]}, {"gone": {"kind": "fee", "where": ["amount > 0"]},
                                            "other": {"kind": "fee", "where": ["currency == gone.currency"]}}),
], ids=["defined-later", "negated"])
def test_operand_naming_an_invisible_pattern_is_rejected(tmp_path, match, absent):
    message = _error(tmp_path, _match(_rule(), match, absent))
    assert "is not a pattern visible here" in message


def test_message_placeholder_naming_an_unknown_field_is_rejected(tmp_path):
    rule = _rule()
    rule["outcomes"][0]["message"] = "Fee {fee.fee_id} cost {fee.price}."
    message = _error(tmp_path, rule)
    assert message.startswith(f"rules.yaml: rule {RID}: outcome #1:")
    assert "{fee.price}" in message


def test_message_placeholder_naming_an_unknown_pattern_is_rejected(tmp_path):
    rule = _rule()
    rule["outcomes"][0]["message"] = "Contract {contract.contract_id}."
    assert "{contract.contract_id}" in _error(tmp_path, rule)


@pytest.mark.parametrize("key", ["severity", "id"])
def test_duplicate_yaml_key_is_an_error_not_last_wins(tmp_path, key):
    text = yaml.safe_dump({"rules": [_rule()]}, allow_unicode=True)
    line = f"\n  {key}: {_rule()[key]}\n"
    assert text.count(line) == 1
    folder = _folder(tmp_path, {"rules.yaml": text.replace(line, line + line[1:])})
    with pytest.raises(RulesetError, match=rf"rules\.yaml: .*duplicate key '{key}'"):
        load_ruleset(folder, as_of=AS_OF)


def test_same_rule_id_in_two_files_is_rejected_naming_both(tmp_path):
    folder = _folder(tmp_path, {"a.yaml": [_rule()], "b.yaml": [_rule()]})
    with pytest.raises(RulesetError, match=rf"b\.yaml: rule {RID}: id already used in a\.yaml"):
        load_ruleset(folder, as_of=AS_OF)


def test_malformed_rule_id_is_rejected(tmp_path):
    assert "FR-FEE-001" in _error(tmp_path, _rule("fee-1"))


# ---------------------------------------------------------------------------------------------- parameters


def _dated_rule() -> dict[str, Any]:
    rule = _match(_rule(), {"fee": ["amount > $limit"]})
    rule["parameters"] = {"limit": {"description": "A limit that changed.", "values": [
        {"from": date(2019, 1, 1), "value": 10, "reference": "old law"},
        {"from": date(2025, 1, 1), "value": 20, "reference": "new law"},
    ]}}
    return rule


@pytest.mark.parametrize(("as_of", "limit"), [
    (date(2019, 1, 1), 10), (date(2024, 6, 30), 10), (date(2024, 12, 31), 10), (date(2025, 1, 1), 20),
    (date(2030, 1, 1), 20),
])
def test_parameter_takes_the_value_in_force_on_the_evaluation_date(tmp_path, as_of, limit):
    ruleset = load_ruleset(_folder(tmp_path, {"rules.yaml": [_dated_rule()]}), as_of=as_of)
    rule = ruleset.rule(RID)
    assert rule.params["limit"] == limit
    fee = next(p for p in rule.clauses[0].patterns if p.alias == "fee")
    assert fee.conditions == (Check(FieldRef("fee", "amount"), ">", float(limit), "amount > $limit"),)


def test_evaluation_date_before_every_rules_first_value_is_an_error_naming_the_first_day(tmp_path):
    """A rule not yet in force is left out (see the test below); a ruleset with no rule in force stops the run."""
    folder = _folder(tmp_path, {"rules.yaml": [_dated_rule()]})
    with pytest.raises(RulesetError,
                       match=r"no rule of test is in force on 2018-12-31: the first applies from 2019-01-01"):
        load_ruleset(folder, as_of=date(2018, 12, 31))


# ---------------------------------------------------------------------------------------------- compiled clauses


def _patterns(tmp_path: Path, match: dict[str, Any], absent: dict[str, Any] | None = None) -> dict[str, Any]:
    ruleset = load_ruleset(_folder(tmp_path, {"rules.yaml": [_match(_rule(), match, absent)]}), as_of=AS_OF)
    return {p.alias: p for p in ruleset.clauses[0].patterns}


def _present(alias: str, field: str) -> Check:
    return Check(FieldRef(alias, field), "is present", None, f"{field} is present (compared with)")


def test_reference_comparison_adds_an_is_present_guard_on_the_referenced_pattern(tmp_path):
    patterns = _patterns(tmp_path, {"fee": ["amount > 0"], "later": {"kind": "fee", "where": [
        "amount > fee.amount", "currency == fee.currency"]}})
    assert patterns["fee"].conditions[:2] == (_present("fee", "amount"), _present("fee", "currency"))
    assert patterns["fee"].conditions[2].source == "amount > 0"
    assert not any(c.op == "is present" for c in patterns["later"].conditions)
    assert [p.alias for p in patterns.values()] == ["worker", "fee", "later"]


def test_reference_from_a_negated_pattern_guards_the_matched_pattern(tmp_path):
    patterns = _patterns(tmp_path, {"fee": ["amount > 0"]},
                         absent={"refund": {"kind": "fee", "where": ["currency == fee.currency"]}})
    assert patterns["fee"].conditions[0] == _present("fee", "currency")
    assert patterns["refund"].negated


def test_reference_guard_is_not_added_twice_when_the_rule_already_tests_presence(tmp_path):
    patterns = _patterns(tmp_path, {"fee": ["amount is present"], "later": {"kind": "fee", "where": [
        "amount > fee.amount"]}})
    assert [c.source for c in patterns["fee"].conditions] == ["amount is present"]


def test_an_absent_pattern_may_not_order_compare_with_another_record(tmp_path: Path) -> None:
    """durable-rules reads freed memory on such a join (a segfault found while writing FR-WAGE-006)."""
    rule = _match(_rule(), {"contract": ["rest_days_per_week < 1"]},
                  {"later": {"kind": "contract", "where": ["stage_rank > contract.stage_rank"]}})
    message = _error(tmp_path, rule)
    assert "absent pattern cannot compare with another record using >" in message


def test_an_audit_date_before_a_rules_instrument_leaves_the_rule_out_and_says_so() -> None:
    """Issue 10: --as-of before 2019 used to stop with 'no value in force'; a rule whose parameters have no value
    yet is not applied, and the report lists it with the day it applies from."""
    import datetime as dt

    from compliance.rules.ruleset import load_ruleset
    rs = load_ruleset(as_of=dt.date(2018, 6, 1))
    ids = {r.id for r in rs.rules}
    assert ("FR-FEE-001", dt.date(2019, 3, 1)) in rs.not_in_force and "FR-FEE-001" not in ids
    assert ids and all(d > dt.date(2018, 6, 1) for _, d in rs.not_in_force)
    assert load_ruleset(as_of=dt.date(2025, 1, 1)).not_in_force == ()


def test_a_report_for_an_early_audit_date_lists_the_rules_not_in_force(tmp_path) -> None:
    import datetime as dt
    from pathlib import Path

    from compliance.check import check
    sample = Path(__file__).resolve().parent.parent / "samples" / "agency-with-violations.xlsx"
    report = check(sample, as_of=dt.date(2018, 6, 1), evaluator="reference")
    listed = {r.rule_id for r in report.run.ruleset.not_in_force}
    assert "FR-FEE-001" in listed and not any(f.rule_id in listed for f in report.findings)
