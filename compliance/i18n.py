"""Message catalogs: every user-facing word of the reports and the terminal, one folder per language.

UI texts live in compliance/locales/<lang>/*.yaml (flat keys -> text with {placeholders}); rule texts live
beside the rules in rulesets/<name>/locales/<lang>.yaml (English is the rule file itself). Adding a language is
adding those files; tests fail when any key, rule text or placeholder is missing in one language.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from compliance.rules.ruleset import Outcome, Severity

LOCALES = Path(__file__).resolve().parent / "locales"
DEFAULT = "en"
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class CatalogError(Exception):
    """A language that is unknown or incomplete. One line for the user."""


def languages() -> list[str]:
    return sorted(p.name for p in LOCALES.iterdir() if p.is_dir() and any(p.glob("*.yaml")))


@cache
def _texts(lang: str) -> dict[str, str]:
    folder = LOCALES / lang
    if lang not in languages():
        raise CatalogError(f"no texts for language '{lang}' (available: {', '.join(languages())})")
    texts: dict[str, str] = {}
    for file in sorted(folder.glob("*.yaml")):
        data: Any = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        for key, value in data.items():
            if key in texts:
                raise CatalogError(f"locales/{lang}/{file.name}: key '{key}' is defined twice")
            texts[str(key)] = str(value)
    return texts


class Catalog:
    """The texts of one language. A missing key is an error, never a silent English fallback."""

    def __init__(self, lang: str = DEFAULT) -> None:
        self.lang = lang
        self._t = _texts(lang)

    def t(self, key: str, **values: Any) -> str:
        try:
            text = self._t[key]
        except KeyError:
            raise CatalogError(f"locales/{self.lang}: no text for '{key}'") from None
        return text.format(**values) if values else text

    def outcome(self, outcome: Outcome | str) -> str:
        return self.t(f"outcome.{Outcome(outcome).value}")

    def severity(self, severity: Severity | str) -> str:
        return self.t(f"severity.{Severity(severity).value}")

    def value(self, code: Any, sheet: str | None = None, column: str | None = None) -> str:
        """An input choice (placement_fee, employer, yes...) as a reader of this language says it. A code with
        two meanings (a 'dismissed' complaint, a worker 'dismissed' from the job) has a text for its column."""
        if isinstance(code, bool):
            code = "yes" if code else "no"
        return self._t.get(f"value.{sheet}.{column}.{code}") or self._t.get(f"value.{code}", str(code))

    def all_keys(self) -> set[str]:
        return set(self._t)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))
