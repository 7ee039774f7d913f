"""Derived fields computed from a worker's other records: the same as the plain definition, for any records."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import models
from compliance.evaluate.casefile import CaseFile, unknown_fields

AS_OF = dt.date(2025, 1, 15)
_dates = st.one_of(st.none(), st.dates(dt.date(2023, 1, 1), dt.date(2024, 12, 31)))


def _case(paid: list[dt.date | None], unread_rows: frozenset[int] | set[int] = frozenset()) -> CaseFile:
    worker = models.Worker(row=2, worker_id="W-1")
    wages = tuple(models.WagePayment(row=i + 2, worker_id="W-1", paid_on=d,
                                     unread=(("paid_on", "??"),) if i in unread_rows else ())
                  for i, d in enumerate(paid))
    return CaseFile(worker, None, None, None, (), (), (), (), wages, ())


@settings(max_examples=200, deadline=None)
@given(st.lists(_dates, max_size=30))
def test_days_since_previous_pay_is_the_gap_to_the_latest_earlier_payment(paid: list[dt.date | None]) -> None:
    case = _case(paid)
    _facts, sources = case.facts(AS_OF)
    got = [s.derived["days_since_previous_pay"] for s in sources if s.kind == "wage"]
    want = []
    for d in paid:
        earlier = [p for p in paid if p is not None and d is not None and p < d]
        want.append(float((d - max(earlier)).days) if earlier else None)
    assert got == want


@settings(max_examples=100, deadline=None)
@given(st.lists(_dates, min_size=1, max_size=12), st.data())
def test_a_wage_field_unreadable_in_any_row_makes_the_cross_row_field_unknown_in_every_row(paid, data) -> None:
    unread = data.draw(st.sets(st.integers(0, len(paid) - 1)))
    case = _case(paid, unread)
    for wage in case.wages:
        assert ("days_since_previous_pay" in unknown_fields("wage", wage, case)) == bool(unread)


def test_a_worker_with_thousands_of_wage_rows_is_turned_into_facts() -> None:
    # 5,000 rows took a minute when every row looked at every other; the result must not change.
    start = dt.date(2010, 1, 1)
    paid = [start + dt.timedelta(days=i) for i in range(5000)]
    _facts, sources = _case(paid).facts(AS_OF)
    gaps = [s.derived["days_since_previous_pay"] for s in sources if s.kind == "wage"]
    assert gaps == [None] + [1.0] * 4999
