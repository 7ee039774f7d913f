"""Metamorphic test of the reading layer: the violations sample, written down the ways real records are
written (other headers, free text, locales, encodings, layouts, a flat case log), must say what the sample
says.

This is the acceptance gauge of the reading layer: many variants are EXPECTED to fail until the reader
learns them. Each variant is one test case; its failure message lists what changed (findings gained and
lost, owed totals, input problems, cells read differently). The variants are in tests/metamorphic/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.metamorphic import transforms as tf
from tests.metamorphic.compare import Observation, explain, observe, run_variant, strong_failures, weak_failures
from tests.metamorphic.render import Table, write_xlsx
from tests.metamorphic.transforms import Rows
from tests.metamorphic.variants import STRONG, VARIANTS, WEAK, Variant

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "agency-with-violations.xlsx"



def test_every_variant_has_its_own_id() -> None:
    ids = [v.id for v in VARIANTS]
    assert len(ids) == len(set(ids))


def test_base_has_violations_and_money_owed_to_compare(base: Observation) -> None:
    # A gauge on an empty base would pass vacuously.
    assert base.report is not None
    assert sum(1 for k in base.findings if k[2] == "violation") > 20
    assert base.report.summary.to_reimburse and base.report.summary.worker_paid_by_category


def _passport_given_back_to_w102(rows: Rows, tmp_path: Path) -> tuple[Path, list[Table]]:
    """A change of meaning, not of form: the employer-held passport written as held by the worker."""
    tables = tf.base_tables(rows)
    docs = tf.table(tables, "documents")
    index = next(i for i, d in enumerate(rows["documents"]) if d["worker_id"] == "W-102")
    tf.map_cells(docs, rows, "held_by", lambda v, row: "worker" if row is rows["documents"][index] else v)
    return write_xlsx(tables, tmp_path / "tampered.xlsx"), tables


def test_gauge_fails_a_file_whose_meaning_changed(
        base: Observation, rows: Rows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, tables = _passport_given_back_to_w102(rows, tmp_path)
    seen = observe(path, monkeypatch)
    assert "the findings differ from the base" in strong_failures(base, seen)
    weak = weak_failures(base, seen, tables)
    assert any("row" in f and "held_by: MISREAD as 'worker'" in f for f in weak), weak
    assert "('W-102', 'FR-DOC-001', 'violation')" in explain("t", "t", base, seen, tables, weak)


@pytest.mark.parametrize("variant", STRONG, ids=[v.id for v in STRONG])
def test_variant_reports_exactly_the_base_findings_and_owed_totals(
        variant: Variant, base: Observation, rows: Rows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen, tables = run_variant(variant, rows, tmp_path, monkeypatch)
    failures = strong_failures(base, seen)
    if failures:
        pytest.fail(explain(variant.id, variant.what, base, seen, tables, failures), pytrace=False)


@pytest.mark.parametrize("variant", WEAK, ids=[v.id for v in WEAK])
def test_unreadable_variant_invents_no_violation_and_reports_every_cell_it_could_not_read(
        variant: Variant, base: Observation, rows: Rows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen, tables = run_variant(variant, rows, tmp_path, monkeypatch)
    failures = weak_failures(base, seen, tables)
    if failures:
        pytest.fail(explain(variant.id, f"{variant.what} [weak: {variant.weak}]", base, seen, tables, failures),
                    pytrace=False)
