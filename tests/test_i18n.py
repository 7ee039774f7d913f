"""Every language is complete: the same UI keys and placeholders, and a translation of every rule."""

from __future__ import annotations

import pytest

from compliance.i18n import Catalog, CatalogError, languages, placeholders
from compliance.rules.ruleset import RulesetError, load_ruleset


def test_english_and_chinese_are_available() -> None:
    assert {"en", "zh"} <= set(languages())


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != "en"])
def test_every_ui_text_exists_in_every_language_with_the_same_placeholders(lang: str) -> None:
    en, other = Catalog("en"), Catalog(lang)
    assert en.all_keys() == other.all_keys()
    for key in en.all_keys():
        assert placeholders(en.t(key)) == placeholders(other.t(key)), key


@pytest.mark.parametrize("lang", languages())
def test_every_rule_has_a_complete_translation(lang: str) -> None:
    rs = load_ruleset(lang=lang)
    for rule in rs.rules:
        assert rule.text.title and rule.text.summary and rule.text.remedy
        assert set(rule.text.messages) == {c.key for c in rule.clauses}


def test_a_rule_without_translation_fails_loading(tmp_path) -> None:
    import shutil
    from pathlib import Path

    src = Path(__file__).resolve().parent.parent / "rulesets" / "baseline"
    rs = tmp_path / "rs"
    shutil.copytree(src, rs)
    text = (rs / "locales" / "zh.yaml").read_text(encoding="utf-8")
    (rs / "locales" / "zh.yaml").write_text(text.replace("FR-CHD-001:", "FR-CHD-999:"), encoding="utf-8")
    with pytest.raises(RulesetError, match="FR-CHD-001 has no translation"):
        load_ruleset(rs, lang="zh")


def test_unknown_language_and_missing_key_are_errors() -> None:
    with pytest.raises(CatalogError, match="xx"):
        Catalog("xx")
    with pytest.raises(CatalogError, match=r"no\.such\.key"):
        Catalog("en").t("no.such.key")


@pytest.mark.parametrize("lang", languages())
def test_every_choice_of_the_input_contract_reads_in_every_language(lang: str) -> None:
    from compliance.input.sheets import SHEETS, Kind

    catalog = Catalog(lang)
    codes = {ch for s in SHEETS for c in s.columns if c.kind is Kind.CHOICE for ch in c.choices} | {"yes", "no"}
    missing = sorted(code for code in codes if f"value.{code}" not in catalog.all_keys())
    assert missing == [], f"locales/{lang}/values.yaml lacks {missing}"


def test_messages_show_choice_codes_in_the_readers_language(tmp_path) -> None:
    import json
    from pathlib import Path

    from compliance.cli import main

    sample = Path(__file__).resolve().parent.parent / "samples" / "agency-with-violations.xlsx"
    main(["check", str(sample), "-q", "--lang", "zh", "-o", str(tmp_path / "zh.json")])
    messages = [f["message"] for f in json.loads((tmp_path / "zh.json").read_text(encoding="utf-8"))["findings"]]
    assert "雇主未经工人同意持有工人W-102的护照（自2024-04-16起）。" in messages
    assert not [m for m in messages if any(code in m for code in ("placement_fee", "passport", "employer"))]
