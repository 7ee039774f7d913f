"""Single letters in the sex column, read by the letters beside them: M is male in English (M/F) and Polish (K/M)
records but female in Spanish ones (H/M hombre/mujer, V/M varón/mujer), so a letter is read only as the pair the
column's own letters form, and refused where they form none (M, F and H together). Said in the report."""

from __future__ import annotations

from collections.abc import Iterable

from compliance.input.formats import CellError

# The pairs, by the letters a column may hold: letter -> code, and what the report says.
_PAIRS: tuple[tuple[dict[str, str], str], ...] = (
    ({"m": "male", "f": "female"}, "M/F (male/female)"),
    ({"h": "male", "m": "female"}, "H/M (Spanish hombre/mujer)"),
    ({"v": "male", "m": "female"}, "V/M (Spanish varón/mujer)"),
    ({"k": "female", "m": "male"}, "K/M (Polish kobieta/mężczyzna)"),
    ({"l": "male", "p": "female"}, "L/P (Malay and Indonesian lelaki/perempuan)"),
    ({"b": "male", "f": "female"}, "B/F (Romanian bărbat/femeie)"),
)
_LETTERS = frozenset(k for reads, _ in _PAIRS for k in reads)
REFUSED = "?"  # the code a letter gets where the column's letters form no pair


def _letter(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip().rstrip(".").casefold()
    return text if text in _LETTERS else None


def decide_sex_letters(values: Iterable[object]) -> tuple[dict[str, str], str] | None:
    """The reading of the column's single letters and why; None when the column holds none or only M/F as English
    reads them anyway (the vocabulary's m and f)."""
    found = {x for v in values if (x := _letter(v)) is not None}
    if not found or found <= {"m", "f"}:
        return None
    fits = [(reads, said) for reads, said in _PAIRS if found <= set(reads)]
    # "M" alone fits every pair with an M: read as the vocabulary reads it (male) unless a partner letter says
    # otherwise; a lone H, V, K, L, P or B fits one pair
    if len(fits) == 1:
        reads, said = fits[0]
        return dict(reads), f"single letters read as the pair {said} that the column's letters form"
    return {x: REFUSED for x in found}, "its single letters " + "/".join(sorted(x.upper() for x in found)) + \
        " form no one pair (M is male beside F or K, female beside H or V)"


def refuse_letter(written: str, said: str) -> CellError:
    return CellError(f"{written!r}: {said}: write female, male or other")
