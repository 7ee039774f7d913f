"""Rule texts in other languages: rulesets/<name>/locales/<lang>.yaml or locales/<lang>/*.yaml.

English texts are the rule files themselves. A translation must be complete (title, summary, remedy, caveat,
every source and source note, every outcome message with exactly the English placeholders): a report must
never mix languages silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from compliance.rules.ruleset import PLACEHOLDER, Rule, RulesetError, RuleText, read_yaml, source_line


def _texts(folder: Path, lang: str) -> tuple[dict[str, Any], str]:
    """locales/<lang>.yaml, or every file of locales/<lang>/ (one per rule file), merged by rule id."""
    files = sorted((folder / "locales" / lang).glob("*.yaml"))
    if (folder / "locales" / f"{lang}.yaml").is_file():
        files.insert(0, folder / "locales" / f"{lang}.yaml")
    if not files:
        raise RulesetError(f"ruleset {folder.name} has no '{lang}' texts (locales/{lang}.yaml or locales/{lang}/)")
    data: dict[str, Any] = {}
    for file in files:
        for rule_id, texts in (read_yaml(file) or {}).items():
            if rule_id in data:
                raise RulesetError(f"locales: rule {rule_id} is translated twice in '{lang}' ({file.name})")
            data[rule_id] = texts
    return data, f"locales/{lang}"


def translated(rules: list[Rule], folder: Path, lang: str) -> list[Rule]:
    """Rules with their texts in `lang`. Anything missing, or a placeholder that differs from the English
    message, is an error: a report must never mix languages silently."""
    data, where = _texts(folder, lang)
    out = []
    for rule in rules:
        t = data.get(rule.id)
        if not isinstance(t, dict):
            raise RulesetError(f"{where}: rule {rule.id} has no translation")
        spec = rule.spec
        for key in ("title", "summary", "remedy") + (("caveat",) if spec.caveat else ()):
            if not str(t.get(key) or "").strip():
                raise RulesetError(f"{where}: rule {rule.id}: '{key}' is missing")
        sources = t.get("sources") or []
        if len(sources) != len(spec.sources):
            raise RulesetError(f"{where}: rule {rule.id}: {len(sources)} sources, the rule has {len(spec.sources)}")
        notes = {int(k): v for k, v in (t.get("source_notes") or {}).items()}
        want_notes = {i + 1 for i, s in enumerate(spec.sources) if s.note}
        if set(notes) != want_notes:
            raise RulesetError(f"{where}: rule {rule.id}: source_notes must cover sources {sorted(want_notes)}")
        messages = {int(k): str(v) for k, v in (t.get("messages") or {}).items()}
        translated = {}
        for n, clause in enumerate(rule.clauses, 1):
            if n not in messages:
                raise RulesetError(f"{where}: rule {rule.id}: message {n} is missing")
            if set(PLACEHOLDER.findall(messages[n])) != set(PLACEHOLDER.findall(clause.message)):
                raise RulesetError(f"{where}: rule {rule.id}: message {n} must use exactly the placeholders "
                                   f"of the English message: {sorted(set(PLACEHOLDER.findall(clause.message)))}")
            translated[clause.key] = messages[n]
        if set(messages) - set(range(1, len(rule.clauses) + 1)):
            raise RulesetError(f"{where}: rule {rule.id}: messages for outcomes the rule does not have")
        text = RuleText(
            title=str(t["title"]).strip(), summary=str(t["summary"]).strip(), remedy=str(t["remedy"]).strip(),
            caveat=str(t["caveat"]).strip() if spec.caveat else None,
            sources=tuple(source_line(str(src), s.confidence, notes.get(i + 1), lang)
                          for i, (src, s) in enumerate(zip(sources, spec.sources, strict=True))),
            messages=translated,
        )
        out.append(Rule(rule.spec, rule.file, rule.clauses, rule.params, text))
    extra = set(data) - {r.id for r in rules}
    if extra:
        raise RulesetError(f"{where}: translations for rules that do not exist: {', '.join(sorted(extra))}")
    return out
