"""Texts compared as a person would: employer names, places of work and job titles in two contract versions.

Case, punctuation, spacing and legal-form suffixes ("Gulf Build LLC", "GULF BUILD L.L.C.") make no difference:
the two are the *same*. A text contained in the other ("Doha" and "Doha, Qatar"; "Mason" and "Mason
(construction)"), or one spelt a letter or two differently, may be the same thing in other words: *similar*, at
most a warning that quotes both (for a place, a city within the place named is the same place). Only texts that
share nothing are *different*, a violation. The legal forms are data (vocab/legal_forms.yaml).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz

from compliance import yamlfile

Relation = Literal["same", "similar", "different"]
What = Literal["employer", "place", "job"]
_FILE = Path(__file__).parent / "vocab" / "legal_forms.yaml"
# token_sort_ratio at or above this is a spelling of the same words ("Gulf Buld" / "Gulf Build": 95)
SPELLING_MIN = 88.0
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


@cache
def _forms() -> tuple[frozenset[str], tuple[str, ...]]:
    data = yamlfile.load(_FILE.read_text(encoding="utf-8"))
    return (frozenset(str(w) for w in data["legal_forms"]),
            tuple(sorted((str(w) for w in data["legal_forms_cjk"]), key=len, reverse=True)))


def _join_letters(words: list[str]) -> list[str]:
    """'l l c' -> 'llc': initials spaced by the dots that were removed."""
    out: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if len(w) == 1 and w.isalpha():
            run.append(w)
            continue
        if run:
            out.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if w:
            out.append(w)
    return out


@lru_cache(maxsize=8192)
def normalise(text: str, what: What) -> str:
    s = unicodedata.normalize("NFKC", text).casefold().replace(".", " ").replace("'", "").replace("’", "")
    words = _join_letters(re.sub(r"[^\w&\s]", " ", s).split())
    if what == "employer":
        latin, cjk = _forms()
        while len(words) > 1 and words[-1] in latin:
            words.pop()
        if len(words) == 1 or (words and _CJK.search(words[-1])):
            for form in cjk:
                if words[-1].endswith(form) and len(words[-1]) > len(form):
                    words[-1] = words[-1][: -len(form)]
                    break
    return " ".join(words)


@lru_cache(maxsize=8192)
def relation(a: str, b: str, what: What) -> Relation:
    na, nb = normalise(a, what), normalise(b, what)
    if na == nb:
        return "same"
    ta, tb = set(na.split()), set(nb.split())
    contained = ta <= tb or tb <= ta or (bool(_CJK.search(na + nb)) and (na in nb or nb in na))
    if contained:
        return "same" if what == "place" else "similar"
    if fuzz.token_sort_ratio(na, nb) >= SPELLING_MIN:
        return "similar"
    return "different"


# ---------------------------------------------------------------------------------------------- occupations

_OCCUPATIONS = Path(__file__).parent / "vocab" / "occupations.yaml"


@cache
def _domestic() -> tuple[frozenset[str], dict[str, str]]:
    data = yamlfile.load(_OCCUPATIONS.read_text(encoding="utf-8"))
    titles = frozenset(occupation_key(str(t)) for t in data["domestic_titles"])
    return titles, {str(k): occupation_key(str(v)) for k, v in data["abbreviations"].items()}


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=8192)
def occupation_key(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).casefold()
    s = re.sub(r"[(\[（【].*?[)\]）】]", " ", s)
    return " ".join(_singular(w) for w in re.sub(r"[^\w\s]", " ", s).split())


@lru_cache(maxsize=8192)
def is_domestic(occupation: str) -> bool:
    """Whether an occupation or job title is domestic work (vocab/occupations.yaml)."""
    titles, abbreviations = _domestic()
    key = occupation_key(occupation)
    key = abbreviations.get(key, key)
    if key in titles:
        return True
    padded = f" {key} "
    return any(" " in t and f" {t} " in padded for t in titles) or any(
        _CJK.search(t) and len(t) > 1 and t in key for t in titles)
