"""The only module that imports durable-rules: compile clauses to durable's JSON dialect and evaluate one case
file at a time. Every precaution taken here answers a failure of durable-rules 2.0.28 found by testing it for this
project (the developers' engine notes, which are not shipped: §n in comments is a section of those notes, #n a
durable-rules issue); the README's section on the engine summarises them.

Evaluation of a case is a pure function of its facts: `evaluate(facts) -> matches`. A match is
(clause key, ((alias, fact row), ...)) for the positive patterns of the clause. A case the engine cannot evaluate
exactly raises EngineError and leaves the engine usable for the next case; the caller decides what to do instead.
"""

from __future__ import annotations

import copy
import json
import math
import re
from collections.abc import Sequence
from typing import Any

from compliance.rules.conditions import AnyOf, Condition, FieldRef, Test
from compliance.rules.ruleset import Clause, Ruleset

Match = tuple[str, tuple[tuple[str, int], ...]]
Fact = dict[str, Any]

RULESET = "fr"
SID = "case"  # one fixed session id, one live session (#4): no sid collisions, no 1024-session cap
END_KIND = "__end__"
MAX_FACTS = 100_000
# durable walks its alpha network depth-first with a fixed 64-entry stack (MAX_STACK_SIZE, error 303): a fact
# pushes every distinct pattern of its kind while the other kinds' nodes wait on the stack, so ~60 distinct fee
# patterns plus a few other kinds overflow it (measured: 63 fee patterns with 2 kinds work, with 5 kinds fail).
# The clauses are spread over several hosts with at most this many distinct patterns of one kind each; a case is
# evaluated by each host in turn.
MAX_PATTERNS_PER_KIND = 40
_OPS = {"==": None, "!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}
_RESERVED = ("id", "sid")  # durable keeps pointers into freed memory for these (#2)


class EngineError(RuntimeError):
    """The engine could not be built for a ruleset, or could not evaluate a case exactly. Never ignored: a case it
    raises for is evaluated otherwise (check.case_matches), since a lost finding is worse than a stop."""


def _fnv1a32(text: str) -> int:
    h = 0x811C9DC5
    for b in text.encode():
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def _fact_ids(n: int) -> list[str]:
    """Explicit fact ids whose 32-bit hashes are distinct from each other and from the state fact (#3)."""
    ids = [f"f{i}" for i in range(n)]
    hashes = {_fnv1a32(i) for i in ids} | {_fnv1a32(f"sid-{SID}")}
    if len(hashes) != n + 1:
        raise EngineError("fact id hashes collide; lower MAX_FACTS")
    return ids


def compile_clause(clause: Clause) -> dict[str, Any]:
    """A clause as one durable rule: `all` of its patterns, each joined to the worker (#12)."""
    patterns = []
    for p in clause.patterns:
        terms: list[Any] = [{"kind": p.kind}]
        if p.kind != "worker":
            terms.append({"wref": {"worker": "wref"}})
        terms.extend(_condition(c, p.alias) for c in p.conditions)
        body = terms[0] if len(terms) == 1 else {"$and": terms}
        patterns.append({f"{p.alias}$not" if p.negated else p.alias: body})
    return {"all": patterns, "run": clause.key}


def _condition(cond: Condition, alias: str) -> dict[str, Any]:
    if isinstance(cond, AnyOf):
        return {"$or": [_test(t, alias) for t in cond.tests]}
    return _test(cond, alias)


def _test(t: Test, alias: str) -> dict[str, Any]:
    if t.left.alias != alias:
        raise EngineError(f"test '{t.source}' must sit under pattern '{t.left.alias}'")
    f = t.left.field
    if t.op == "is blank":
        return {"$nex": {f: 1}}
    if t.op == "is present":
        return {"$ex": {f: 1}}
    if t.op == "in":
        alts = [{f: _literal(v, t.source)} for v in t.value]
        return alts[0] if len(alts) == 1 else {"$or": alts}
    if t.op == "not in":
        alts = [{"$neq": {f: _literal(v, t.source)}} for v in t.value]
        return alts[0] if len(alts) == 1 else {"$and": alts}
    value = {t.value.alias: t.value.field} if isinstance(t.value, FieldRef) else _literal(t.value, t.source)
    op = _OPS[t.op]
    return {f: value} if op is None else {op: {f: value}}


def _literal(value: Any, source: str) -> Any:
    """A rule's literal in a form durable reads back as the same number (see encode_facts).

    durable's Ruleset serialises rules itself, so the text of a float cannot be chosen: an integral float that
    Python writes with a bare exponent (1e+16) becomes the int of the same value, which durable compares with
    the facts' doubles as a double, exactly. A non-integral one (1e-05) cannot be written so and is refused."""
    if isinstance(value, bool) or not isinstance(value, float):
        return value
    if not math.isfinite(value):
        raise EngineError(f"test '{source}': the number {value} is not finite")
    if _bare_exponent(repr(value)):
        if not value.is_integer() or abs(value) >= 2**63:
            raise EngineError(f"test '{source}': durable-rules cannot read the number {value!r}; "
                              "write the threshold with more significant digits or as a whole number")
        return int(value)
    return value + 0.0  # -0.0 becomes 0.0


def compile_ruleset(clauses: Sequence[Clause]) -> dict[str, Any]:
    rules = {c.key: compile_clause(c) for c in clauses}
    # Sentinel: dispatched last (lowest priority); if it ran, every activation before it ran (#9, #10).
    rules["__end__"] = {"all": [{"e": {"kind": END_KIND}}], "pri": 65535, "run": "__end__"}
    # Sink: stores every fact so that a fact no rule wants cannot fail the batch (#6); never fires.
    rules["__sink__"] = {"all": [{"n": {"kind": "__never__"}}, {"s": {"$ex": {"kind": 1}}}], "run": "__end__"}
    return rules


def partition(clauses: Sequence[Clause], limit: int = MAX_PATTERNS_PER_KIND) -> list[list[Clause]]:
    """Groups of whole rules, in rule order, with at most `limit` distinct compiled patterns of each kind."""
    by_rule: dict[str, list[Clause]] = {}
    for c in clauses:
        by_rule.setdefault(c.rule_id, []).append(c)
    groups: list[tuple[list[Clause], dict[str, set[str]]]] = []
    for rule_clauses in by_rule.values():
        need = _patterns_by_kind(rule_clauses)
        fits = [g for g in groups if all(len(g[1].get(k, set()) | v) <= limit for k, v in need.items())]
        if not fits:
            groups.append(([], {}))
        members, seen = fits[0] if fits else groups[-1]
        members.extend(rule_clauses)
        for k, v in need.items():
            seen.setdefault(k, set()).update(v)
    return [members for members, _ in groups]


def _patterns_by_kind(clauses: Sequence[Clause]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in clauses:
        for p in compile_clause(c)["all"]:
            (body,) = p.values()
            kind = body["kind"] if "kind" in body else body["$and"][0]["kind"]
            out.setdefault(kind, set()).add(json.dumps(body, sort_keys=True))
    return out


class Engine:
    """durable hosts holding the ruleset's clauses between them, used for one case at a time. Not thread-safe;
    one per process."""

    def __init__(self, ruleset: Ruleset, max_patterns_per_kind: int = MAX_PATTERNS_PER_KIND) -> None:
        self._ids = _fact_ids(MAX_FACTS + 1)
        groups = partition(ruleset.clauses, max_patterns_per_kind)
        try:
            self._parts = [_Part(f"{RULESET}{i}", group) for i, group in enumerate(groups)]
        except EngineError:
            raise
        except Exception as e:  # durable refused the compiled rules: no case can be evaluated
            raise EngineError(f"durable-rules could not load the rules: {e!r}") from e

    @property
    def hosts(self) -> int:
        return len(self._parts)

    def evaluate(self, facts: Sequence[Fact]) -> list[Match]:
        """All matches for one case: facts of one worker, each with 'kind', 'wref' and a unique int 'row'.

        Raises EngineError when the case cannot be evaluated exactly; the engine stays usable for the next case
        (a host that failed is rebuilt; the others had finished the case and deleted its session, or not begun)."""
        if len(facts) > MAX_FACTS:
            raise EngineError(f"a case file has {len(facts)} facts; at most {MAX_FACTS} are supported")
        batch = _ordered(facts)
        batch.append({"kind": END_KIND, "row": -1})
        for i, fact in enumerate(batch):
            fact["id"] = self._ids[i]
            fact["sid"] = SID
        text = encode_facts(batch)  # once: every host gets the same batch
        found: list[Match] = []
        for part in self._parts:
            found.extend(part.evaluate(text, batch))
        return found


class _Part:
    """One durable host with one ruleset holding some of the clauses."""

    def __init__(self, name: str, clauses: Sequence[Clause]) -> None:
        self._name = name
        self._clauses = clauses
        self._host: Any = None
        self._build()

    def _build(self) -> None:
        from durable import engine as durable_engine  # imported here: only this module touches durable

        self._durable = durable_engine
        self._found: list[Match] = []
        self._errors: list[str] = []
        self._ended = False
        actions: dict[str, Any] = {c.key: self._recorder(c) for c in self._clauses}
        actions["__end__"] = self._end
        self._host = None  # a failed build leaves no half-built host behind: the next case builds again
        host = _QuietHost(durable_engine.Host, actions)
        # durable deletes 'run' from the dicts it is given (#13)
        host.set_rulesets({self._name: copy.deepcopy(compile_ruleset(self._clauses))})
        self._host = host

    def _recorder(self, clause: Clause) -> Any:
        aliases = [p.alias for p in clause.patterns if not p.negated]

        def record(c: Any) -> None:
            try:
                rows = tuple((a, c._m[a]["row"]) for a in aliases)
                if any(type(r) is not int for _, r in rows):  # a coerced row would cite the wrong evidence
                    raise TypeError(f"fact rows must be int, got {rows!r}")
                self._found.append((clause.key, rows))
            except BaseException as e:  # durable swallows exceptions in actions (#8): keep them
                self._errors.append(f"{clause.key}: {e!r}")

        return record

    def _end(self, c: Any) -> None:
        self._ended = True

    def evaluate(self, text: str, batch: list[Fact]) -> list[Match]:
        """The matches of this host's clauses for one case given as durable-safe JSON (`batch` is its content,
        for durable's error messages)."""
        try:
            if self._host is None:
                self._build()
        except Exception as e:
            raise EngineError(f"durable could not be set up again after an earlier failure: {e!r}") from e
        self._found, self._errors, self._ended = [], [], False
        try:
            self._assert(text, batch)  # one call per case (#5)
        except (self._durable.MessageNotHandledException, self._durable.MessageObservedException) as e:
            self._fail(f"durable rejected the case: {e}")
        except Exception as e:
            self._fail(f"durable failed: {e!r}")
        if self._errors:
            self._fail("an action failed: " + "; ".join(self._errors))
        if not self._ended:
            self._fail("the end-of-case action did not run: some activations were skipped")
        try:
            self._host.delete_state(self._name, SID)
        except Exception as e:
            self._fail(f"durable failed to delete the case's session: {e!r}")
        return self._found

    def _assert(self, text: str, batch: list[Fact]) -> None:
        """Host.assert_facts(name, batch) with our own JSON text: durable's json.dumps writes 1e+16, which its
        own reader cannot read. The same three calls as durable 2.0.28's Host.assert_facts and Ruleset.assert_facts."""
        import durable_rules_engine

        rules = self._host.get_ruleset(self._name)

        def assert_text(t: str) -> Any:
            return rules._handle_result(durable_rules_engine.assert_facts(rules._handle, t), batch)

        self._host._handle_function(rules, assert_text, text, None)

    def _fail(self, why: str) -> None:
        # Never delete_state after an error (#10): drop this host and build a fresh one for the next case.
        self._host = None
        try:
            self._build()
        except Exception as e:  # evaluate builds again before the next case
            why += f"; durable could not be set up again: {e!r}"
        raise EngineError(why)


def _ordered(facts: Sequence[Fact]) -> list[Fact]:
    """Copies of the facts, every other fact before the worker.

    Every rule's first pattern is the worker, so no partial match exists until the worker arrives; asserting
    it last means every negation is checked with all the case's facts present. This is the order engine-notes
    §7 derives for negated kinds (negated kinds before the anchor), and it holds for negation within one kind.
    """
    out: list[Fact] = []
    workers: list[Fact] = []
    for f in facts:
        if any(k in f for k in _RESERVED):
            raise EngineError(f"fact of kind {f.get('kind')} uses a reserved attribute (id or sid)")
        (workers if f["kind"] == "worker" else out).append(dict(f))
    return out + workers


# ---- numbers in a form durable's JSON reader always reads back as the same value ----
# json.c getNumber takes an exponent only after a decimal point: Python writes 1e16 as '1e+16', which durable
# reads as the int 1 followed by junk (measured: a segfault in the dispatch that follows, or a stopped run). Every
# other float Python writes ('1.5e+16', '0.1', '5e-324' once given a '.0') is read by atof, correctly rounded, so
# the double is the one Python had. Negative zero is written as 0.0: its hash for an equality join ('%f') would
# differ from that of 0.0, which it equals. 'NaN' would be read as null and 'Infinity' not at all: refused.
_SUSPECT = re.compile(r"\de[-+]|-0\.0(?!\d)")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:e[-+]?\d+)?')


def encode_facts(batch: Sequence[Fact]) -> str:
    """The JSON text durable gets for a batch of facts. Raises EngineError for a number it cannot hold.

    Numbers in facts are floats (facts.py); the only ints are rows, far below 2**53 (durable compares an int with
    a double as doubles, Python exactly)."""
    try:
        text = json.dumps(batch, ensure_ascii=False, allow_nan=False)
    except ValueError:
        raise EngineError(f"a number is not finite: {_non_finite(batch)}") from None
    # Python writes every exponent with a sign: without 'e+', 'e-' and '-0.0' no number needs rewriting (a regex
    # search of every case would cost 3% of the engine's time; text such as 'LIC-NE-1' holds 'e-' in a case of 5).
    # Text may still hold what the regex looks for; the rewrite leaves strings alone.
    if ("e+" in text or "e-" in text or "-0.0" in text) and _SUSPECT.search(text):
        return _TOKEN.sub(_durable_number, text)
    return text


def _durable_number(m: re.Match[str]) -> str:
    token = m.group(0)
    if token[0] == '"':
        return token
    if "e" in token:
        mantissa, exponent = token.split("e")
        return token if "." in mantissa else f"{mantissa}.0e{exponent}"
    return "0.0" if token == "-0.0" else token


def _bare_exponent(text: str) -> bool:
    return "e" in text and "." not in text


def _non_finite(batch: Sequence[Fact]) -> str:
    for f in batch:
        for k, v in f.items():
            if isinstance(v, float) and not math.isfinite(v):
                return f"{f.get('kind')} row {f.get('row')}: {k} is {v}"
    return "a value that is not a number"


def _QuietHost(base: type, actions: dict[str, Any]) -> Any:
    """A durable Host with its background timer threads disabled (#1, #5) and actions bound by name."""

    class QuietHost(base):  # type: ignore[misc, valid-type]
        def __init__(self) -> None:
            self._named_actions = actions  # must exist before Host.__init__ registers rules
            super().__init__()

        def _run(self) -> None:  # Host.__init__ would start two Timer loops here
            return None

        def get_action(self, action_name: str) -> Any:
            return self._named_actions[action_name]

    return QuietHost()
