"""YAML as this project reads it: safe, and with duplicate keys refused, because YAML keeps the last of two equal
keys silently (a rule would lose a condition, a vocabulary a spelling, a mapping file a column)."""

from __future__ import annotations

from typing import Any

import yaml


class DuplicateKeyError(yaml.constructor.ConstructorError):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(None, None, f"duplicate key '{key}' (line {line})")
        self.key = key
        self.line = line


# libyaml's parser when PyYAML has it (its wheels do): the vocabularies are ~15,000 YAML nodes, which the pure-
# Python parser took about a second to read on every run.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UniqueKeyLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise DuplicateKeyError(key, key_node.start_mark.line + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load(text: str) -> Any:
    """Parse YAML text; raises yaml.YAMLError (DuplicateKeyError for a repeated key)."""
    return yaml.load(text, Loader=UniqueKeyLoader)
