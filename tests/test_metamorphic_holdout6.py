"""Metamorphic SIXTH HOLDOUT of the reading layer: the violations sample as ten more offices keep it, in the
languages the reader is meant to know (a Kathmandu manpower company, an Indian sub-agent's UTF-8-BOM CSV with Hindi
words, a Bangladeshi agency with merged group rows, a Qatar HRMS "Unicode Text" export, a US NGO with month-first
dates and a Summary sheet, a Geneva NGO's Windows-1252 semicolon CSV with decimal commas, a mainland Chinese
labour-dispatch company's GBK CSV, a Taiwan broker's Big5 CSV, a bilingual Hong Kong agency, and a UK NGO's flat
case log with the caseworker's mapping file), written blind to the reader's vocabularies
(tests/metamorphic/holdout6.py). Each office file but the UK one also runs as '<id>-cells': the same cells and
optional headers under the contract's sheet names and required column names, so that what the cells say (value
words, dates, amounts, totals rows) is measured even where the office's own file is refused whole.

Every variant must be SAFE: refused with the missing required columns named, or read without inventing a finding,
misreading a field or hiding a cell it could not read. The exact test (same findings, owed totals and fees by
category) is a measure: a variant that fails it today is a strict xfail naming what is not read.

FIRST RUN (blind, 21:42 UTC by the machine's clock): 0 exact of 19, 17 safe of 19. Nine of the ten office files
are not read exactly (eight refused whole: sheet names such as 'Clients', 'Candidates', 'Migration Cost',
劳务人员名册 and bilingual '代理 Agencies' not recognised, required headers such as 'Date of Selection', 'Raashi
(Amount)', '許可證有效期限' and every bilingual '中文 English' header not read); the cells twins lose optional headers
and a few value words ('Client', 'Rs.', 'Nagad', 'Na', 下级代理, 劳务人员, 卡達幣). Safety failures: see UNSAFE_TODAY.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.metamorphic.compare import (
    Observation,
    explain,
    run_variant,
    strong_failures,
)
from tests.metamorphic.holdout6 import HOLDOUT6, HOLDOUT6_CELLS
from tests.metamorphic.safety import safety_failures
from tests.metamorphic.transforms import Rows
from tests.metamorphic.variants import Variant

ALL = HOLDOUT6 + HOLDOUT6_CELLS


def test_every_sixth_holdout_variant_has_its_own_id() -> None:
    ids = [v.id for v in ALL]
    assert len(ids) == len(set(ids)) and 10 <= len(HOLDOUT6) <= 12
    # each cells variant is the office file of the same name
    assert [v.id for v in HOLDOUT6_CELLS] == [f"{v.id}-cells" for v in HOLDOUT6[:len(HOLDOUT6_CELLS)]]


# ---------------------------------------------------------------------------------------------- safety

# Safety failures are bugs of the checker, kept visible here until fixed (strict: a fix makes them fail).
# First run (blind): 17 of 19 safe.
# Fixed since the first run: "Broker's monthly fee" was read as recruitment_fee by its word 'broker' (a monthly fee
# may be the broker's service fee or a recruitment fee in instalments: now refused, said); 'cases' and
# 'grievances' both taken for complaints stop the run asking for a mapping file, which names what it lacks.
UNSAFE_TODAY: dict[str, str] = {}


def _safety_params(variants: list[Variant]) -> list[object]:
    return [pytest.param(v, id=v.id, marks=pytest.mark.xfail(strict=True, reason=UNSAFE_TODAY[v.id]))
            if v.id in UNSAFE_TODAY else pytest.param(v, id=v.id) for v in variants]


@pytest.mark.parametrize("variant", _safety_params(ALL))
def test_sixth_holdout_variant_is_safe(variant: Variant, base: Observation, rows: Rows, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    seen, tables = run_variant(variant, rows, tmp_path, monkeypatch)
    failures = safety_failures(base, seen, tables)
    assert not failures, explain(variant.id, variant.what, base, seen, tables, failures)


# ---------------------------------------------------------------------------------------------- exact

# Measured, not tuned away: strict, so a variant that starts passing fails here and this list only shrinks.
# First run (blind): 0 of 19 exact. Read exactly since tuned on (so no longer blind): h6-in-hindi-agent,
# h6-cn-dispatch, h6-tw-broker-big5, h6-hk-bilingual and the -cells twins of those four and of h6-eu-ngo-csv.
NOT_READ_YET: dict[str, str] = {
    'h6-np-manpower': (
        'Whole file refused. sheet names not recognised: Agency Details, Demand Employers; required headers of '
        "'Worker Register': recruited_on ('Registered on (Darta Miti)')"
    ),
    'h6-bd-agency': 'Whole file refused. sheet names not recognised: Migration Cost (fees), Salary Statement',
    'h6-qa-payroll': (
        "sheet 'HR_ACTIONS' not recognised (events not read); contracts.stage 'Final Contract (Qatar)' refused; "
        "headers not recognised: 'Briefed on Grievance Channels', 'Deduction Approved by Employee', 'Total Hours "
        "(incl. OT)'"
    ),
    'h6-us-ngo': 'Whole file refused. sheet names not recognised: Clients (workers), Documents Withheld (documents)',
    'h6-eu-ngo-csv': (
        "Whole file refused: 'cases' (the workers) and 'grievances' both taken for complaints, a mapping file asked "
        'for (see UNSAFE_TODAY)'
    ),
    'h6-uk-ngo-flat': (
        "fees.paid_by and documents.held_by 'Client' (the NGO's word for the worker) refused; header 'Client "
        "Consented' (documents.worker_consent) not recognised. BUG (see UNSAFE_TODAY): \"Broker's monthly fee\" "
        'read as recruitment_fee'
    ),
    'h6-np-manpower-cells': (
        "headers not recognised: 'Kamdar ko Naam (Name)' (workers.name), 'Briefed on Grievance Channels' "
        "(workers.complaint_channel_known); cells refused: fees.currency 'Rs.' (NPR, INR, PKR or LKR), fees.method "
        "'Nagad' (cash, or a Bangladeshi wallet); the 'Jamma' totals row is rejected as an unknown worker, not "
        'skipped as a totals row'
    ),
    'h6-bd-agency-cells': (
        "header not recognised: 'Amount (QAR)' under the merged 'Salary' group (workers.first_month_earnings); "
        "cells refused: 'Na' (Bengali no, English n/a) in contracts.written, contracts.waiver_clause, "
        "complaints.retaliation_reported; fees.category 'Work Shoes'; the 'Mot' totals row is rejected as an "
        'unknown worker'
    ),
    'h6-qa-payroll-cells': (
        "contracts.stage 'Final Contract (Qatar)' refused; headers not recognised: 'Briefed on Grievance "
        "Channels', 'Deduction Approved by Employee', 'Total Hours (incl. OT)'"
    ),
    'h6-us-ngo-cells': (
        "headers not recognised: 'Contract Bars Recruiter Fees' (employers.recruiter_contract_bans_fees), "
        "'Verified by Labor Ministry' (contracts.verified_by_authority), 'Client Consented to Deduction' "
        "(wage_payments.deduction_consent); cells refused: fees.paid_by and documents.held_by 'Client'"
    ),
}


def _exact_params(variants: list[Variant]) -> list[object]:
    return [pytest.param(v, id=v.id, marks=pytest.mark.xfail(strict=True, reason=NOT_READ_YET[v.id]))
            if v.id in NOT_READ_YET else pytest.param(v, id=v.id) for v in variants]


@pytest.mark.parametrize("variant", _exact_params(ALL))
def test_sixth_holdout_variant_reads_exactly_as_the_base(variant: Variant, base: Observation, rows: Rows,
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen, tables = run_variant(variant, rows, tmp_path, monkeypatch)
    failures = strong_failures(base, seen)
    assert not failures, explain(variant.id, variant.what, base, seen, tables, failures)


def test_not_read_yet_names_only_sixth_holdout_variants() -> None:
    assert set(NOT_READ_YET) | set(UNSAFE_TODAY) <= {v.id for v in ALL}
