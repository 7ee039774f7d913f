"""Load rule files (rules as data) and check them against their schema and the fact schema.

A ruleset is a folder: `ruleset.yaml` (name, version, title) and rule files `*.yaml`, each holding `rules:`,
a list of rules. Any unknown key, missing source or condition naming an unknown field is a RulesetError that
names the file and the rule: a rule is never silently skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from compliance import yamlfile
from compliance.evaluate.facts import ANCHOR, SCHEMA, FieldType
from compliance.rules.conditions import ORDER_OPS, AnyOf, Condition, ConditionError, FieldRef, Test, parse_test


class RulesetError(Exception):
    """A rule file that cannot be used. The message names the file and the rule."""


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"critical": 4, "high": 3, "medium": 2, "low": 1}[self.value]


class Outcome(StrEnum):
    VIOLATION = "violation"
    WARNING = "warning"
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"
    REMEDIATED = "remediated"  # a violation that was fully remedied (e.g. a fee reimbursed in full)
    NOT_APPLICABLE = "not_applicable"
    COMPLIANT = "compliant"  # never written in a rule: the verdict when no clause of an applicable rule fires

    @property
    def rank(self) -> int:
        """Precedence when several clauses of one rule fire for a worker: the worst wins."""
        order = ["compliant", "not_applicable", "remediated", "insufficient_evidence", "warning", "violation"]
        return order.index(self.value)


# ---- the file format (pydantic, extra keys forbidden) ----


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceSpec(_Strict):
    ref: str = Field(min_length=3, description="Instrument and precise location, e.g. 'GCM para. 22(c)'.")
    confidence: Literal["S", "R", "M", "U"]
    note: str | None = None


class ParamValue(_Strict):
    from_: date = Field(alias="from")
    value: Any
    reference: str = Field(min_length=3)


class ParamSpec(_Strict):
    description: str
    values: list[ParamValue] = Field(min_length=1)

    def value_on(self, day: date) -> Any:
        """The value in force on `day`: the latest value whose `from` is on or before it."""
        in_force = [v for v in self.values if v.from_ <= day]
        if not in_force:
            raise ValueError(f"no value in force on {day.isoformat()}")
        return max(in_force, key=lambda v: v.from_).value


class PatternSpec(_Strict):
    kind: str
    where: list[str | dict[str, list[str]]] = Field(default_factory=list)


class ClauseSpec(_Strict):
    outcome: Literal["violation", "warning", "insufficient_evidence", "remediated", "not_applicable"]
    match: dict[str, list[str | dict[str, list[str]]] | PatternSpec] = Field(default_factory=dict)
    absent: dict[str, list[str | dict[str, list[str]]] | PatternSpec] = Field(default_factory=dict)
    message: str = Field(min_length=3)
    severity: Severity | None = None
    reimburse: str | None = None  # alias.field of an amount still owed to the worker
    per: Literal["match", "worker"] = "match"


class RuleSpec(_Strict):
    id: str
    title: str = Field(min_length=3)
    severity: Severity
    summary: str = Field(min_length=10, description="What the rule checks and why, in plain language.")
    guidance: str = Field(min_length=3, description="Where a reader finds the standard the rule enforces.")
    sources: list[SourceSpec] = Field(min_length=1)
    remedy: str = Field(min_length=10)
    parameters: dict[str, ParamSpec] = Field(default_factory=dict)
    outcomes: list[ClauseSpec] = Field(min_length=1)
    caveat: str | None = None  # shown with every finding, e.g. an unconfirmed source

    @field_validator("id")
    @classmethod
    def _id_format(cls, v: str) -> str:
        if not re.fullmatch(r"FR-[A-Z]{2,5}-\d{3}", v):
            raise ValueError("rule ids look like FR-FEE-001")
        return v


class RuleFile(_Strict):
    rules: list[RuleSpec] = Field(min_length=1)


class NotChecked(_Strict):
    """A catalogue rule the ruleset does not check, and why: listed by `fairrecruit rules --missing`."""

    id: str
    title: str
    reason: str = Field(min_length=10, description="Why spreadsheet data cannot check it (yet).")
    planned: str | None = None


class RulesetManifest(_Strict):
    name: str
    version: str
    title: str
    description: str
    not_checked: list[NotChecked] = Field(default_factory=list)


# ---- compiled form, shared by the engine and the reference evaluator ----


@dataclass(frozen=True)
class Pattern:
    alias: str
    kind: str
    conditions: tuple[Condition, ...]
    negated: bool


@dataclass(frozen=True)
class Clause:
    key: str  # "<rule id>#<n>", unique in the ruleset
    rule_id: str
    outcome: Outcome
    severity: Severity
    patterns: tuple[Pattern, ...]  # the worker first, then positives, then negations
    message: str
    reimburse: FieldRef | None
    per: str


@dataclass(frozen=True)
class RuleText:
    """A rule's user-facing texts in one language; `messages` by clause key."""

    title: str
    summary: str
    remedy: str
    caveat: str | None
    sources: tuple[str, ...]  # each "reference [confidence] (note)"
    messages: dict[str, str]


@dataclass(frozen=True)
class Rule:
    spec: RuleSpec
    file: str
    clauses: tuple[Clause, ...]
    params: dict[str, Any]
    text: RuleText

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass(frozen=True)
class Ruleset:
    name: str
    version: str
    title: str
    path: Path
    rules: tuple[Rule, ...]
    as_of: date
    lang: str = "en"
    not_checked: tuple[NotChecked, ...] = ()
    # Rules with a parameter that has no value on `as_of` (the instrument it rests on was not yet adopted): not
    # applied, listed with the first day they apply.
    not_in_force: tuple[tuple[str, date], ...] = ()

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    @property
    def clauses(self) -> list[Clause]:
        return [c for r in self.rules for c in r.clauses]


PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def default_ruleset_path() -> Path:
    """The baseline ruleset shipped with the package (a checkout keeps it at the top level)."""
    here = Path(__file__).resolve().parent.parent  # the package folder
    for candidate in (here / "rulesets" / "baseline", here.parent / "rulesets" / "baseline"):
        if (candidate / "ruleset.yaml").is_file():
            return candidate
    raise RulesetError("the baseline ruleset is missing from this installation (rulesets/baseline)")


def load_ruleset(path: Path | None = None, as_of: date | None = None, lang: str = "en") -> Ruleset:
    """Load and check every rule file of the ruleset folder. Parameters are resolved for `as_of`; texts are
    in `lang` (English from the rule files, other languages from locales/<lang>.yaml, which must be complete)."""
    folder = path or default_ruleset_path()
    day = as_of or date.today()
    if not (folder / "ruleset.yaml").is_file():
        raise RulesetError(f"{folder}: not a ruleset folder (no ruleset.yaml)")
    manifest = _validate(RulesetManifest, read_yaml(folder / "ruleset.yaml"), folder / "ruleset.yaml", None)
    rules: list[Rule] = []
    not_in_force: list[tuple[str, date]] = []
    seen: dict[str, str] = {}
    for file in sorted(folder.glob("*.yaml")):
        if file.name == "ruleset.yaml":
            continue
        data = read_yaml(file)
        if isinstance(data, dict) and isinstance(data.get("rules"), list):
            for i, raw in enumerate(data["rules"]):
                rid = raw.get("id") if isinstance(raw, dict) else None
                _validate(RuleSpec, raw, file, rid or f"rule #{i + 1}")
        parsed = _validate(RuleFile, data, file, None)
        for spec in parsed.rules:
            if spec.id in seen:
                raise RulesetError(f"{file.name}: rule {spec.id}: id already used in {seen[spec.id]}")
            seen[spec.id] = file.name
            if (starts := _in_force_from(spec)) > day:
                not_in_force.append((spec.id, starts))
                continue
            rules.append(_compile_rule(spec, file.name, day))
    if not rules and not not_in_force:
        raise RulesetError(f"{folder}: no rules found")
    if not rules:
        first = min(d for _, d in not_in_force)
        raise RulesetError(f"no rule of {manifest.name} is in force on {day.isoformat()}: the first applies from "
                           f"{first.isoformat()}")
    rules.sort(key=lambda r: r.id)
    if lang != "en":
        from compliance.rules.locales import translated  # imported here: it builds on this module's types

        rules = translated(rules, folder, lang)
    both = {r.id for r in rules} & {n.id for n in manifest.not_checked}
    if both:
        raise RulesetError(f"ruleset.yaml: {', '.join(sorted(both))} listed as not checked but implemented")
    return Ruleset(manifest.name, manifest.version, manifest.title, folder, tuple(rules), day, lang,
                   tuple(manifest.not_checked), tuple(sorted(not_in_force)))


def _in_force_from(spec: RuleSpec) -> date:
    """The first day every parameter of the rule has a value: before it, the rule is not applied."""
    return max((min(v.from_ for v in p.values) for p in spec.parameters.values()), default=date.min)


def read_yaml(file: Path) -> Any:
    try:
        return yamlfile.load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise RulesetError(f"{file.name}: not valid YAML: {str(e).splitlines()[0]}") from None


def _validate(model: type[BaseModel], data: Any, file: Path, rule: str | None) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        # A misspelt key also makes the real key "missing": name the unknown key, the cause, first.
        errors = sorted(e.errors(), key=lambda err: err["type"] != "extra_forbidden")
        err = errors[0]
        where = ".".join(str(p) for p in err["loc"])
        what = f"unknown key '{err['loc'][-1]}'" if err["type"] == "extra_forbidden" else err["msg"]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        prefix = f"{file.name}: rule {rule}" if rule else file.name
        raise RulesetError(f"{prefix}: {what} at '{where}'{more}") from None


def _compile_rule(spec: RuleSpec, file: str, day: date) -> Rule:
    where = f"{file}: rule {spec.id}"
    try:
        params = {name: p.value_on(day) for name, p in spec.parameters.items()}
    except ValueError as e:
        raise RulesetError(f"{where}: parameter: {e}") from None
    clauses = []
    for n, cs in enumerate(spec.outcomes):
        try:
            clauses.append(_compile_clause(spec, n, cs, params))
        except ConditionError as e:
            raise RulesetError(f"{where}: outcome #{n + 1}: {e}") from None
    text = RuleText(
        title=spec.title, summary=spec.summary.strip(), remedy=spec.remedy.strip(),
        caveat=spec.caveat.strip() if spec.caveat else None,
        sources=tuple(source_line(s.ref, s.confidence, s.note) for s in spec.sources),
        messages={c.key: c.message for c in clauses},
    )
    return Rule(spec, file, tuple(clauses), params, text)


# How sure a citation is, in the words a user reads (the rule files keep the letter).
CONFIDENCE_WORDS = {"S": "checked against the official text", "R": "checked against an official excerpt",
                    "M": "not yet checked against the official text",
                    "U": "unconfirmed: not yet found in the official text"}
_CONFIDENCE_WORDS_BY_LANG = {"en": CONFIDENCE_WORDS,
                             "zh": {"S": "已对照正式文本核对", "R": "已对照正式文本摘录核对",
                                    "M": "尚未对照正式文本核对", "U": "未经确认：尚未在正式文本中找到"}}


def source_line(ref: str, confidence: str, note: str | None, lang: str = "en") -> str:
    words = _CONFIDENCE_WORDS_BY_LANG.get(lang, CONFIDENCE_WORDS)[confidence]
    return f"{ref} [{words}]" + (f" ({note})" if note else "")


def _pattern_parts(alias: str, raw: Any) -> tuple[str, list[Any]]:
    if isinstance(raw, PatternSpec):
        return raw.kind, raw.where
    return alias, raw


def _compile_clause(spec: RuleSpec, n: int, cs: ClauseSpec, params: dict[str, Any]) -> Clause:
    aliases: dict[str, str] = {ANCHOR: ANCHOR}
    patterns: list[Pattern] = []
    worker_tests = cs.match.get(ANCHOR, [])
    patterns.append(Pattern(ANCHOR, ANCHOR, _conditions(ANCHOR, worker_tests, aliases, params), False))
    for negated, group in ((False, cs.match), (True, cs.absent)):
        for alias, raw in group.items():
            if alias == ANCHOR and not negated:
                continue
            kind, tests = _pattern_parts(alias, raw)
            if kind not in SCHEMA or kind == ANCHOR:
                raise ConditionError(f"'{alias}': unknown fact kind '{kind}' "
                                     f"(one of: {', '.join(k for k in SCHEMA if k != ANCHOR)})")
            if alias in aliases:
                raise ConditionError(f"pattern name '{alias}' used twice")
            aliases[alias] = kind
            patterns.append(Pattern(alias, kind, _conditions(alias, tests, aliases, params), negated))
            if negated:
                _no_ordered_join(patterns[-1])
                del aliases[alias]  # nothing may refer to a fact that must not exist
    patterns = _guard_references(patterns)
    reimburse = None
    if cs.reimburse:
        reimburse = _amount_ref(cs.reimburse, aliases)
    _check_message(cs.message, aliases, params)
    return Clause(
        key=f"{spec.id}#{n + 1}", rule_id=spec.id, outcome=Outcome(cs.outcome),
        severity=cs.severity or spec.severity, patterns=tuple(patterns), message=cs.message,
        reimburse=reimburse, per=cs.per,
    )


def _no_ordered_join(p: Pattern) -> None:
    """durable-rules reads freed memory (a segfault, or a silent wrong answer, depending on memory layout)
    when a negated pattern compares with another fact's field using < <= > >= (found here; valgrind points at
    reduceExpressionSequence). Such a clause is refused; a derived field (e.g. contract.latest_stage) says it."""
    for c in p.conditions:
        for t in c.tests if isinstance(c, AnyOf) else (c,):
            if isinstance(t.value, FieldRef) and t.op in ORDER_OPS:
                raise ConditionError(f"'{t.source}': an absent pattern cannot compare with another record using "
                                     f"{t.op} (durable-rules crashes on it); use a derived field instead")


def _guard_references(patterns: list[Pattern]) -> list[Pattern]:
    """Make every field another test compares with required on the pattern that owns it.

    durable-rules fails the whole batch (error 311, session left corrupt) when a test compares with a field
    the joined fact lacks, so a comparison with a blank field must be excluded before the join. Adding the
    guard here, to the compiled clause, gives the engine and the reference evaluator the same semantics:
    a clause that compares with `earlier.wage` only matches an `earlier` whose wage is present.
    """
    needed: dict[str, set[str]] = {}
    for p in patterns:
        for c in p.conditions:
            for t in c.tests if isinstance(c, AnyOf) else (c,):
                if isinstance(t.value, FieldRef):
                    needed.setdefault(t.value.alias, set()).add(t.value.field)
    out = []
    for p in patterns:
        have = {c.left.field for c in p.conditions if isinstance(c, Test) and c.op == "is present"}
        guards = tuple(Test(FieldRef(p.alias, f), "is present", None, f"{f} is present (compared with)")
                       for f in sorted(needed.get(p.alias, set()) - have))
        out.append(Pattern(p.alias, p.kind, guards + p.conditions, p.negated) if guards else p)
    return out


def _conditions(alias: str, tests: list[Any], aliases: dict[str, str], params: dict[str, Any]) -> tuple[Condition, ...]:
    out: list[Condition] = []
    for t in tests:
        if isinstance(t, dict):
            if list(t) != ["any"] or not isinstance(t["any"], list) or len(t["any"]) < 2:
                raise ConditionError(f"a grouped test must be 'any: [test, test, ...]', got {t!r}")
            out.append(AnyOf(tuple(parse_test(x, alias, aliases, params) for x in t["any"])))
        else:
            out.append(parse_test(t, alias, aliases, params))
    return tuple(out)


def _amount_ref(text: str, aliases: dict[str, str]) -> FieldRef:
    if "." not in text or text.split(".")[0] not in aliases:
        raise ConditionError(f"reimburse: '{text}' must name a field of a matched pattern, like fee.outstanding")
    ref = FieldRef(*text.split(".", 1))
    spec = SCHEMA[aliases[ref.alias]].get(ref.field)
    if spec is None or spec.type is not FieldType.NUMBER:
        raise ConditionError(f"reimburse: '{text}' is not a number field")
    return ref


def _check_message(message: str, aliases: dict[str, str], params: dict[str, Any]) -> None:
    for name in PLACEHOLDER.findall(message):
        if name == "blank_fields":
            continue
        if name.startswith("$"):  # the rule's parameter as in force on the evaluation date: {$minimum_age}
            if name[1:] not in params:
                raise ConditionError(f"message placeholder {{{name}}} names no parameter of the rule")
            continue
        if "." not in name or name.split(".")[0] not in aliases:
            raise ConditionError(f"message placeholder {{{name}}} must name a matched pattern's field")
        alias, field = name.split(".", 1)
        if field not in SCHEMA[aliases[alias]]:
            raise ConditionError(f"message placeholder {{{name}}}: {aliases[alias]} has no field '{field}'")
