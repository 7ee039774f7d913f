"""Judging matches when some cells could not be read: a cell that could not be read is unknown, not blank.

The engine sees an unreadable cell as absent, like a blank one. For most tests that is safe (a comparison with an
absent field is false), but not where a rule reads a blank as meaningful ("monthly_wage is blank" = the contract
lacks its wage; no written contract row = no written contract), and it hides the matches the cell would have made
had it been read (a 120,000 NPR fee whose category could not be read). So each match is re-judged here in
three-valued logic (true / false / unknown), with every test on an unknown field unknown:

- a match of the engine is *definite* when it holds whatever the unknown cells hold: its positive tests are true and
  no other fact could satisfy a negated pattern; otherwise it is *doubtful*;
- a clause that the engine did not match is *possible* when it would match for some reading of the unknown cells.

Doubtful and possible findings are reported as insufficient evidence naming the cells (report.py), never as a
violation and never as compliance.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from compliance.evaluate.engine import Fact, Match
from compliance.evaluate.reference import _test
from compliance.rules.conditions import AnyOf, Condition, FieldRef, Test
from compliance.rules.ruleset import Clause, Outcome, Pattern

# Unknown fields per fact, by the fact's row number in the case (its index in `facts`).
Unknown = Mapping[int, frozenset[str]]
Cell = tuple[int, str]  # (fact row, field)


@dataclass(frozen=True)
class Judged:
    definite: list[Match]
    doubtful: list[tuple[Match, tuple[Cell, ...]]]  # engine matches that depend on unknown cells
    possible: list[tuple[Match, tuple[Cell, ...]]]  # matches the unknown cells could make


def fields_read(clause: Clause) -> set[tuple[str, str]]:
    """(kind, field) pairs the clause tests, on either side of a comparison."""
    kinds = {p.alias: p.kind for p in clause.patterns}
    out: set[tuple[str, str]] = set()
    for p in clause.patterns:
        for t in _tests(p.conditions):
            out.add((kinds[t.left.alias], t.left.field))
            if isinstance(t.value, FieldRef):
                out.add((kinds[t.value.alias], t.value.field))
    return out


def judge(clauses: Sequence[Clause], facts: Sequence[Fact], unknown: Unknown, matches: list[Match]) -> Judged:
    if not any(unknown.values()):
        return Judged(list(matches), [], [])
    unknown_kinds = {(facts[row]["kind"], f) for row, fields in unknown.items() for f in fields}
    by_key = {c.key: c for c in clauses}
    by_kind: dict[str, list[Fact]] = {}
    for f in facts:
        by_kind.setdefault(f["kind"], []).append(f)
    definite: list[Match] = []
    doubtful: list[tuple[Match, tuple[Cell, ...]]] = []
    for m in matches:
        clause = by_key[m[0]]
        cells = _unknown_cells_of_match(clause, m, facts, by_kind, unknown) \
            if fields_read(clause) & unknown_kinds else ()
        (doubtful.append((m, cells)) if cells else definite.append(m))
    matched = set(matches)
    possible: list[tuple[Match, tuple[Cell, ...]]] = []
    for clause in clauses:
        if clause.outcome in (Outcome.INSUFFICIENT_EVIDENCE, Outcome.NOT_APPLICABLE):
            continue
        if not fields_read(clause) & unknown_kinds:
            continue
        for m, cells in _possible(clause, by_kind, unknown):
            if m not in matched and cells:
                possible.append((m, cells))
    return Judged(definite, doubtful, possible)


# ---------------------------------------------------------------------------------------------- three-valued tests


def _tests(conditions: Sequence[Condition]) -> Iterator[Test]:
    for c in conditions:
        yield from (c.tests if isinstance(c, AnyOf) else (c,))


def _test3(t: Test, scope: dict[str, Fact], unknown: Unknown, seen: set[Cell]) -> bool | None:
    fact = scope[t.left.alias]
    hit = False
    if t.left.field in unknown.get(int(fact["row"]), ()):
        seen.add((int(fact["row"]), t.left.field))
        hit = True
    if isinstance(t.value, FieldRef):
        other = scope[t.value.alias]
        if t.value.field in unknown.get(int(other["row"]), ()):
            seen.add((int(other["row"]), t.value.field))
            hit = True
    return None if hit else _test(t, scope)


def _cond3(c: Condition, scope: dict[str, Fact], unknown: Unknown, seen: set[Cell]) -> bool | None:
    if not isinstance(c, AnyOf):
        return _test3(c, scope, unknown, seen)
    results = [_test3(t, scope, unknown, seen) for t in c.tests]
    if any(r is True for r in results):
        return True
    return None if any(r is None for r in results) else False


def _holds3(p: Pattern, fact: Fact, bound: dict[str, Fact], unknown: Unknown, seen: set[Cell]) -> bool | None:
    if p.kind != "worker" and fact.get("wref") != bound["worker"]["wref"]:
        return False
    scope = {**bound, p.alias: fact}
    local: set[Cell] = set()
    results = [_cond3(c, scope, unknown, local) for c in p.conditions]
    if any(r is False for r in results):
        return False  # one known false test settles it, whatever the unknown cells hold
    if any(r is None for r in results):
        seen |= local
        return None
    return True


def _negations_clear(negatives: Sequence[Pattern], by_kind: dict[str, list[Fact]], bound: dict[str, Fact],
                     unknown: Unknown, seen: set[Cell]) -> bool:
    """False when a negated pattern is known to be satisfied; unknown ones are added to `seen`."""
    used = {id(f) for f in bound.values()}
    for n in negatives:
        for f in by_kind.get(n.kind, ()):
            if id(f) in used:
                continue
            r = _holds3(n, f, bound, unknown, seen)
            if r is True:
                return False
    return True


def _unknown_cells_of_match(clause: Clause, m: Match, facts: Sequence[Fact], by_kind: dict[str, list[Fact]],
                            unknown: Unknown) -> tuple[Cell, ...]:
    bound = {alias: facts[row] for alias, row in m[1]}
    bound.setdefault("worker", next(f for f in facts if f["kind"] == "worker"))
    seen: set[Cell] = set()
    for p in clause.patterns:
        if not p.negated and p.alias in bound:
            _holds3(p, bound[p.alias], bound, unknown, seen)
    _negations_clear([p for p in clause.patterns if p.negated], by_kind, bound, unknown, seen)
    return tuple(sorted(seen))


def _possible(clause: Clause, by_kind: dict[str, list[Fact]],
              unknown: Unknown) -> Iterator[tuple[Match, tuple[Cell, ...]]]:
    positives = [p for p in clause.patterns if not p.negated]
    negatives = [p for p in clause.patterns if p.negated]
    for bound, seen in _bind3(positives, by_kind, {}, set(), unknown):
        seen = set(seen)
        if _negations_clear(negatives, by_kind, bound, unknown, seen) and seen:
            yield (clause.key, tuple((p.alias, int(bound[p.alias]["row"])) for p in positives)), tuple(sorted(seen))


def _bind3(patterns: list[Pattern], by_kind: dict[str, list[Fact]], bound: dict[str, Fact], seen: set[Cell],
           unknown: Unknown) -> Iterator[tuple[dict[str, Fact], set[Cell]]]:
    if not patterns:
        yield dict(bound), seen
        return
    head, rest = patterns[0], patterns[1:]
    used = {id(f) for f in bound.values()}
    for fact in by_kind.get(head.kind, ()):
        if id(fact) in used:
            continue
        local = set(seen)
        if _holds3(head, fact, bound, unknown, local) is False:
            continue
        bound[head.alias] = fact
        yield from _bind3(rest, by_kind, bound, local, unknown)
        del bound[head.alias]
