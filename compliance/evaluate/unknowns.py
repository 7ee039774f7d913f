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

An unknown cell that can only be one of a few codes ('LICENSED EA': recruiter or employer_agent) is tested under
each: a test every reading answers alike is answered, so a rule that asks only "is it a sub-agent?" is judged; an
engine match such a test refutes is dropped, and a clause such tests alone make true is a definite match.
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
# Per fact row: unknown fields that can only be one of these engine values.
Candidates = Mapping[int, Mapping[str, tuple[object, ...]]]
_DECIDED = "="  # prefix of a mark in a `seen` set: that cell's possible codes all answered a test alike


def _split(seen: set[Cell]) -> tuple[tuple[Cell, ...], bool]:
    """The unknown cells a judgement hangs on, and whether possible codes decided any of its tests."""
    cells = tuple(sorted(c for c in seen if not c[1].startswith(_DECIDED)))
    return cells, len(cells) < len(seen)


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


class _Unknowns:
    """The unknown fields per fact row and the codes some of them can only be."""

    def __init__(self, fields: Unknown, candidates: Candidates) -> None:
        self.fields = fields
        self.candidates = candidates

    def get(self, row: int, default: frozenset[str] | tuple[()] = ()) -> frozenset[str] | tuple[()]:
        return self.fields.get(row, default)

    def items(self) -> Iterator[tuple[int, frozenset[str]]]:
        return iter(self.fields.items())


def judge(clauses: Sequence[Clause], facts: Sequence[Fact], fields: Unknown, matches: list[Match],
          candidates: Candidates | None = None) -> Judged:
    if not any(fields.values()):
        return Judged(list(matches), [], [])
    unknown = _Unknowns(fields, candidates or {})
    unknown_kinds = {(facts[row]["kind"], f) for row, fields in unknown.items() for f in fields}
    by_key = {c.key: c for c in clauses}
    by_kind: dict[str, list[Fact]] = {}
    for f in facts:
        by_kind.setdefault(f["kind"], []).append(f)
    definite: list[Match] = []
    doubtful: list[tuple[Match, tuple[Cell, ...]]] = []
    for m in matches:
        clause = by_key[m[0]]
        if not fields_read(clause) & unknown_kinds:
            definite.append(m)
            continue
        cells, refuted = _unknown_cells_of_match(clause, m, facts, by_kind, unknown)
        if refuted:  # a cell that can only be codes that fail a test: the engine's blank reading was wrong
            continue
        (doubtful.append((m, cells)) if cells else definite.append(m))
    matched = set(matches)
    possible: list[tuple[Match, tuple[Cell, ...]]] = []
    for clause in clauses:
        if not fields_read(clause) & unknown_kinds:
            continue
        judged = clause.outcome not in (Outcome.INSUFFICIENT_EVIDENCE, Outcome.NOT_APPLICABLE)
        for m, cells, decided in _possible(clause, by_kind, unknown):
            if m in matched:
                continue
            if not cells and decided:  # true under every code the cells can be: as definite as a read cell
                definite.append(m)
            elif cells and judged:
                possible.append((m, cells))
    return Judged(definite, doubtful, possible)


# ---------------------------------------------------------------------------------------------- three-valued tests


def _tests(conditions: Sequence[Condition]) -> Iterator[Test]:
    for c in conditions:
        yield from (c.tests if isinstance(c, AnyOf) else (c,))


def _test3(t: Test, scope: dict[str, Fact], unknown: Unknown, seen: set[Cell]) -> bool | None:
    fact = scope[t.left.alias]
    hit: list[tuple[str, Cell]] = []  # (alias, cell) of each unknown side
    if t.left.field in unknown.get(int(fact["row"]), ()):
        hit.append((t.left.alias, (int(fact["row"]), t.left.field)))
    if isinstance(t.value, FieldRef):
        other = scope[t.value.alias]
        if t.value.field in unknown.get(int(other["row"]), ()):
            hit.append((t.value.alias, (int(other["row"]), t.value.field)))
    if not hit:
        return _test(t, scope)
    if len(hit) == 1 and isinstance(unknown, _Unknowns):
        alias, cell = hit[0]
        codes = unknown.candidates.get(cell[0], {}).get(cell[1])
        if codes:
            answers = {_test(t, {**scope, alias: {**scope[alias], cell[1]: c}}) for c in codes}
            if len(answers) == 1:
                seen.add((cell[0], _DECIDED + cell[1]))  # a mark, not an unknown cell: see _split
                return answers.pop()
    seen.update(cell for _, cell in hit)
    return None


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
        seen |= {c for c in local if c[1].startswith(_DECIDED)}
        return False  # one known false test settles it, whatever the unknown cells hold
    if any(r is None for r in results):
        seen |= local
        return None
    seen |= {c for c in local if c[1].startswith(_DECIDED)}
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
                            unknown: Unknown) -> tuple[tuple[Cell, ...], bool]:
    """The unknown cells the engine's match hangs on, and whether a cell's possible codes refute it."""
    bound = {alias: facts[row] for alias, row in m[1]}
    bound.setdefault("worker", next(f for f in facts if f["kind"] == "worker"))
    seen: set[Cell] = set()
    refuted = False
    for p in clause.patterns:
        if not p.negated and p.alias in bound:
            refuted |= _holds3(p, bound[p.alias], bound, unknown, seen) is False
    refuted |= not _negations_clear([p for p in clause.patterns if p.negated], by_kind, bound, unknown, seen)
    cells, decided = _split(seen)
    # only a cell's possible codes overturn the engine (elsewhere the two evaluators agree, as the tests prove)
    return cells, refuted and decided


def _possible(clause: Clause, by_kind: dict[str, list[Fact]],
              unknown: Unknown) -> Iterator[tuple[Match, tuple[Cell, ...], bool]]:
    """Bindings the unknown cells could make or (with their possible codes) do make: (match, cells it hangs on,
    whether a cell's codes decided a test)."""
    positives = [p for p in clause.patterns if not p.negated]
    negatives = [p for p in clause.patterns if p.negated]
    for bound, seen in _bind3(positives, by_kind, {}, set(), unknown):
        seen = set(seen)
        if _negations_clear(negatives, by_kind, bound, unknown, seen) and seen:
            cells, decided = _split(seen)
            yield (clause.key, tuple((p.alias, int(bound[p.alias]["row"])) for p in positives)), cells, decided


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
