"""The fixtures every metamorphic test module shares: the base sample's observation and its rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples.build import violations_sample
from tests.metamorphic.compare import Observation, observe
from tests.metamorphic.transforms import Rows

SAMPLE = Path(__file__).resolve().parent.parent.parent / "samples" / "agency-with-violations.xlsx"


@pytest.fixture(scope="module")
def base() -> Observation:
    with pytest.MonkeyPatch.context() as mp:
        seen = observe(SAMPLE, mp)
    assert seen.report is not None, seen.error
    assert seen.report.input_problems == [], "the base sample must read cleanly"
    return seen


@pytest.fixture(scope="module")
def rows() -> Rows:
    return violations_sample()
