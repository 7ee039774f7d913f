"""Random case files built straight from the fact schema, for the engine-vs-reference comparison.

Values come from small domains so that equalities, orderings and blanks all occur often: every clause of the
ruleset must fire somewhere in a few thousand cases, or the comparison proves little (a test checks that).
"""

from __future__ import annotations

import random
from typing import Any

from compliance.evaluate.facts import SCHEMA, FieldType

_NUMBERS = [0.0, 1.0, 2.0, 3.0, 5.0, 14.0, 17.0, 18.0, 30.0, 48.0, 60.0, 90.0, 100.0, 120.0, -3.0, -1.0]
_DATES = [738000.0, 738001.0, 738030.0, 738200.0, 738365.0]
_TEXT = ["a", "b", "mason", "domestic worker", "AG-1", "AG-2", "usd"]
_COUNTS = {"agency": (0, 1), "parent_agency": (0, 1), "employer": (0, 1), "contract": (0, 4),
           "fee": (0, 5), "document": (0, 3), "complaint": (0, 2), "wage": (0, 3), "event": (0, 3)}


def _value(t: FieldType, choices: tuple[str, ...], rng: random.Random) -> Any:
    if t is FieldType.NUMBER:
        return rng.choice(_NUMBERS)
    if t is FieldType.DATE:
        return rng.choice(_DATES)
    if t is FieldType.YESNO:
        return rng.choice(["yes", "no"])
    if t is FieldType.CHOICE:
        return rng.choice(choices)
    return rng.choice(_TEXT)


def fact(kind: str, wref: str, row: int, rng: random.Random, blank_rate: float = 0.3) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "wref": wref, "row": row}
    for name, spec in SCHEMA[kind].items():
        if rng.random() >= blank_rate:
            out[name] = _value(spec.type, spec.choices, rng)
    return out


def case(n: int, rng: random.Random, blank_rate: float = 0.3) -> list[dict[str, Any]]:
    wref = f"W{n}"
    facts = [fact("worker", wref, 0, rng, blank_rate)]
    for kind, (lo, hi) in _COUNTS.items():
        for _ in range(rng.randint(lo, hi)):
            facts.append(fact(kind, wref, len(facts), rng, blank_rate))
    rng.shuffle(facts)
    return facts
