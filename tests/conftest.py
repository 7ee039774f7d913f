"""Fixtures shared by the engine tests: the baseline ruleset and one engine built from it."""

from __future__ import annotations

import pytest

from compliance.evaluate.engine import Engine
from compliance.rules.ruleset import Ruleset, load_ruleset


@pytest.fixture(scope="module")
def ruleset() -> Ruleset:
    return load_ruleset()


@pytest.fixture(scope="module")
def engine(ruleset: Ruleset) -> Engine:
    # A fresh engine per test module: a module that makes the engine fail does not affect the others.
    return Engine(ruleset)


# The metamorphic test modules share the base sample's observation (computed once per module).
from tests.metamorphic.fixtures import base, rows  # noqa: E402, F401
