"""Match language names and codes written in any common way: 'Nepali' = 'ne' = 'नेपाली' = '尼泊尔语'.

The name table is built from the Unicode CLDR data that babel ships, but only when the project is built:
`python -m compliance.languages` writes compliance/languages.json, which is committed and shipped. Building it
at run time loaded the CLDR data of every locale (about 120 MB and 0.7 s for each run); a test checks the
committed table equals a fresh build.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "languages.json"

# Names babel lacks or spells differently; keys are casefolded.
_LANGUAGE_ALIASES = {
    "bahasa indonesia": "id", "bahasa melayu": "ms", "malay": "ms", "tagalog": "fil", "filipino": "fil",
    "tl": "fil", "burmese": "my", "myanmar": "my", "bangla": "bn",
}
# Locales whose names for other languages are worth accepting (after English and Chinese): the
# languages inspectors and caseworkers in origin and destination countries commonly write in.
_NAME_LOCALES = ("en", "zh", "zh_Hant", "fr", "es", "pt", "ar", "ru", "hi", "ne", "id", "ms", "bn", "th",
                 "vi", "fil", "my", "ja", "ko")
_CHINESE_SUFFIXES = ("语", "語", "文")


def _canonical(code: str) -> str:
    base = code.split("_")[0].casefold()  # en_GB, zh_Hans -> en, zh: the language is what matters
    return _LANGUAGE_ALIASES.get(base, base)


def _add_names(table: dict[str, str], names: dict[str, str]) -> None:
    for code, name in names.items():
        key = name.casefold()
        table.setdefault(key, _canonical(code))
        if key.endswith(_CHINESE_SUFFIXES) and len(key) >= 2:
            table.setdefault(key[:-1], _canonical(code))


def build_table() -> dict[str, str]:
    """The name -> code table from babel's CLDR data (build time only)."""
    from babel import Locale, localedata

    # Earlier entries win, so English names and codes take precedence over other locales' names.
    table: dict[str, str] = dict(_LANGUAGE_ALIASES)
    english = Locale("en").languages
    for code in english:
        table.setdefault(code.casefold(), _canonical(code))
    _add_names(table, english)
    for code in english:  # each language's own name: नेपाली, Bahasa Indonesia, ...
        if "_" in code or not localedata.exists(code):
            continue
        try:
            own = Locale.parse(code).languages.get(code)
        except Exception:  # babel data gaps must not stop the build
            continue
        if own:
            _add_names(table, {code: own})
    for loc in _NAME_LOCALES:
        try:
            _add_names(table, dict(Locale.parse(loc).languages))
        except Exception:
            continue
    return dict(sorted(table.items()))


@cache
def _table() -> dict[str, str]:
    return json.loads(TABLE.read_text(encoding="utf-8"))


def language_key(name: str) -> str:
    """A canonical key for a language name or code; unknown names map to their casefolded form."""
    key = " ".join(name.casefold().split())
    table = _table()
    if key in table:
        return table[key]
    if key.endswith(_CHINESE_SUFFIXES) and key[:-1] in table:
        return table[key[:-1]]
    return key


def known(name: str) -> bool:
    """Whether the table knows this language name or code (an unknown name cannot be compared)."""
    key = " ".join(name.casefold().split())
    return key in _table() or (key.endswith(_CHINESE_SUFFIXES) and key[:-1] in _table())


def understood(written_in: str, languages: tuple[str, ...]) -> str | None:
    """yes if a language the text is written in ("Nepali/English" is two) is one the worker understands; no if
    every one of them is a known language the worker does not; None (unknown) if one is a name the table does not
    know ("Nepalese"?): a spelling it cannot read must not become 'a language the worker does not understand'."""
    from compliance.input.cells import parse_list

    own = {language_key(x) for x in languages}
    written = parse_list(written_in.replace("-", "/")) or ()
    if any(language_key(x) in own for x in written):
        return "yes"
    return "no" if written and all(known(x) for x in written) else None


def write_table() -> None:
    TABLE.write_text(json.dumps(build_table(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_table()
    print(f"wrote {TABLE}")
