"""A pure-Python evaluator of the same compiled clauses as the engine.

It exists to prove the engine loses nothing: tests compare the two on thousands of generated case files, and
any difference fails. Its semantics are the documented ones of the condition language: a comparison with a
blank (absent) field is false; a negated pattern holds when no fact of its kind, other than the facts the
match already uses, satisfies its tests (durable-rules behaves so; the comparison test pins it down).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from compliance.evaluate.engine import Fact, Match
from compliance.rules.conditions import AnyOf, Condition, FieldRef, Test
from compliance.rules.ruleset import Clause, Pattern


def evaluate(clauses: Sequence[Clause], facts: Sequence[Fact]) -> list[Match]:
    by_kind: dict[str, list[Fact]] = {}
    for f in facts:
        by_kind.setdefault(f["kind"], []).append(f)
    out: list[Match] = []
    for clause in clauses:
        positives = [p for p in clause.patterns if not p.negated]
        negatives = [p for p in clause.patterns if p.negated]
        for bound in _bind(positives, by_kind, {}):
            used = {id(f) for f in bound.values()}
            if all(not any(id(f) not in used and _holds(n, f, bound) for f in by_kind.get(n.kind, ()))
                   for n in negatives):
                out.append((clause.key, tuple((p.alias, int(bound[p.alias]["row"])) for p in positives)))
    return out


def _bind(patterns: list[Pattern], by_kind: dict[str, list[Fact]], bound: dict[str, Fact]) -> Iterator[dict[str, Fact]]:
    if not patterns:
        yield dict(bound)
        return
    head, rest = patterns[0], patterns[1:]
    used = {id(f) for f in bound.values()}
    for fact in by_kind.get(head.kind, ()):
        # one fact fills one pattern of a match, as in the engine
        if id(fact) in used or not _holds(head, fact, bound):
            continue
        bound[head.alias] = fact
        yield from _bind(rest, by_kind, bound)
        del bound[head.alias]


def _holds(p: Pattern, fact: Fact, bound: dict[str, Fact]) -> bool:
    if p.kind != "worker" and fact.get("wref") != bound["worker"]["wref"]:
        return False
    scope = {**bound, p.alias: fact}
    return all(_cond(c, scope) for c in p.conditions)


def _cond(c: Condition, scope: dict[str, Fact]) -> bool:
    if isinstance(c, AnyOf):
        return any(_test(t, scope) for t in c.tests)
    return _test(c, scope)


def _test(t: Test, scope: dict[str, Fact]) -> bool:
    fact = scope[t.left.alias]
    present = t.left.field in fact
    if t.op == "is blank":
        return not present
    if t.op == "is present":
        return present
    if not present:
        return False
    left = fact[t.left.field]
    if t.op == "in":
        return bool(left in t.value)
    if t.op == "not in":
        return bool(left not in t.value)
    right: Any = t.value
    if isinstance(right, FieldRef):
        other = scope[right.alias]
        if right.field not in other:
            return False
        right = other[right.field]
    if t.op == "==":
        return bool(left == right)
    if t.op == "!=":
        return bool(left != right)
    if t.op == "<":
        return bool(left < right)
    if t.op == "<=":
        return bool(left <= right)
    if t.op == ">":
        return bool(left > right)
    return bool(left >= right)
