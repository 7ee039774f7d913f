"""The condition language of rule files: parse and type-check one test such as `fee.amount > 0`.

Grammar (one test per string):
    test     := field OP operand | field "in" list | field "not in" list | field "is blank" | field "is present"
    field    := name | alias "." name          (a bare name is a field of the pattern the test sits in)
    OP       := == | != | < | <= | > | >=
    operand  := number | 'quoted text' | "quoted text" | bare-word | $parameter | alias.name
    list     := [a, b, ...] | $parameter        (a parameter holding a list)

A comparison with a blank field is false (like SQL NULL); test blanks with `is blank`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from compliance.evaluate.facts import SCHEMA, FieldSpec, FieldType

OPS = ("==", "!=", "<=", ">=", "<", ">")
ORDER_OPS = ("<", "<=", ">", ">=")


class ConditionError(ValueError):
    """A test that cannot be parsed or does not fit the fact schema. The message is for a rule author."""


@dataclass(frozen=True)
class FieldRef:
    alias: str
    field: str

    def __str__(self) -> str:
        return f"{self.alias}.{self.field}"


@dataclass(frozen=True)
class Test:
    """One comparison. `value` is a literal (float or str), a tuple of literals, a FieldRef, or None."""

    left: FieldRef
    op: str  # one of OPS, "in", "not in", "is blank", "is present"
    value: Any
    source: str  # the text as written, for messages


@dataclass(frozen=True)
class AnyOf:
    tests: tuple[Test, ...]


Condition = Test | AnyOf

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_FIELD = rf"{_NAME}(?:\.{_NAME})?"
_TEST_RE = re.compile(
    rf"^\s*(?P<field>{_FIELD})\s+(?:(?P<unary>is\s+blank|is\s+present)|(?P<op>not\s+in|in|==|!=|<=|>=|<|>)"
    rf"\s+(?P<operand>.+?))\s*$"
)


def parse_test(
    text: str, alias: str, aliases: dict[str, str], params: dict[str, Any]
) -> Test:
    """Parse one test written inside pattern `alias`. `aliases` maps every alias visible here to its kind
    (the pattern itself and those before it); `params` holds the rule's resolved parameters."""
    if not isinstance(text, str):
        raise ConditionError(f"a test must be text like 'amount > 0', got {text!r}")
    m = _TEST_RE.match(text)
    if not m:
        raise ConditionError(f"cannot read test '{text}': expected '<field> <op> <value>', "
                             "'<field> in [..]' or '<field> is blank'")
    left = _field_ref(m["field"], alias, aliases, text)
    spec = _spec(left, aliases, text)
    if m["unary"]:
        op = " ".join(m["unary"].split())
        return Test(left, op, None, text)
    op = " ".join(m["op"].split())
    operand = m["operand"].strip()
    if op in ("in", "not in"):
        values = _list_operand(operand, params, text)
        return Test(left, op, tuple(_literal_for(spec, v, text) for v in values), text)
    value = _operand(operand, spec, aliases, params, text)
    if op in ORDER_OPS and spec.type not in (FieldType.NUMBER, FieldType.DATE):
        raise ConditionError(f"'{text}': {op} needs a number or date field; {left} is {spec.type.value}")
    return Test(left, op, value, text)


def _field_ref(name: str, alias: str, aliases: dict[str, str], text: str) -> FieldRef:
    if "." in name:
        a, f = name.split(".", 1)
        if a not in aliases:
            raise ConditionError(f"'{text}': '{a}' is not a pattern of this clause or one before this test "
                                 f"(known: {', '.join(aliases)})")
        return FieldRef(a, f)
    return FieldRef(alias, name)


def _spec(ref: FieldRef, aliases: dict[str, str], text: str) -> FieldSpec:
    kind = aliases[ref.alias]
    fields = SCHEMA[kind]
    if ref.field not in fields:
        raise ConditionError(f"'{text}': {kind} has no field '{ref.field}'")
    return fields[ref.field]


def _list_operand(operand: str, params: dict[str, Any], text: str) -> list[Any]:
    if operand.startswith("$"):
        value = _param(operand, params, text)
        if not isinstance(value, list):
            raise ConditionError(f"'{text}': parameter {operand} must be a list for 'in'")
        return value
    if not (operand.startswith("[") and operand.endswith("]")):
        raise ConditionError(f"'{text}': 'in' needs a list like [a, b] or a $parameter")
    items = [i.strip() for i in operand[1:-1].split(",") if i.strip()]
    if not items:
        raise ConditionError(f"'{text}': empty list")
    return [_unquote(i) for i in items]


def _operand(operand: str, spec: FieldSpec, aliases: dict[str, str], params: dict[str, Any], text: str) -> Any:
    if operand.startswith("$"):
        value = _param(operand, params, text)
        if isinstance(value, list):
            raise ConditionError(f"'{text}': parameter {operand} is a list; use 'in'")
        return _literal_for(spec, value, text)
    if re.fullmatch(rf"{_NAME}\.{_NAME}", operand):
        if operand.split(".")[0] not in aliases:
            # Read as text, it would make the rule silently unable to fire: refuse instead.
            raise ConditionError(f"'{text}': '{operand.split('.')[0]}' is not a pattern visible here "
                                 f"(known: {', '.join(aliases)}; a pattern can only compare with patterns before "
                                 "it, never with an absent one); quote text that contains a dot")
        ref = FieldRef(*operand.split(".", 1))
        other = _spec(ref, aliases, text)
        if _comparable(other.type) != _comparable(spec.type):
            raise ConditionError(f"'{text}': cannot compare {spec.type.value} with {other.type.value}")
        return ref
    return _literal_for(spec, _unquote(operand), text)


def _comparable(t: FieldType) -> str:
    return "number" if t in (FieldType.NUMBER, FieldType.DATE) else "text"


def _param(operand: str, params: dict[str, Any], text: str) -> Any:
    name = operand[1:]
    if name not in params:
        raise ConditionError(f"'{text}': unknown parameter {operand} (declare it under 'parameters')")
    return params[name]


def _unquote(token: str) -> Any:
    if len(token) >= 2 and token[0] == token[-1] and token[0] in "'\"":
        return token[1:-1]
    try:
        return float(token)
    except ValueError:
        return token


def _literal_for(spec: FieldSpec, value: Any, text: str) -> Any:
    """Type a literal like the field it is compared with, so engine and reference compare like with like."""
    if spec.type in (FieldType.NUMBER,):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConditionError(f"'{text}': {spec.name} is a number; {value!r} is not")
        return float(value)
    if spec.type is FieldType.DATE:
        raise ConditionError(f"'{text}': compare dates with another date field, not a literal")
    value = value if isinstance(value, str) else str(value)
    if spec.type is FieldType.YESNO and value not in ("yes", "no"):
        raise ConditionError(f"'{text}': {spec.name} is yes/no; {value!r} is neither")
    if spec.type is FieldType.CHOICE and value not in spec.choices:
        raise ConditionError(f"'{text}': {value!r} is not a value of {spec.name} "
                             f"(one of: {', '.join(spec.choices)})")
    if spec.type is FieldType.TEXT:
        return " ".join(value.split()).casefold()
    return value
