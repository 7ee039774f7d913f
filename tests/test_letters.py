"""Single letters in the sex column are read as the pair the column's letters form (compliance/input/letters.py):
M is male beside F or K and female beside H or V (Spanish hombre/mujer, varón/mujer); letters that form no pair
are refused, never read as the English M."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from compliance.input.letters import REFUSED, decide_sex_letters
from compliance.input.validate import validate
from compliance.input.workbook import read_workbook

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "agency-with-violations.xlsx"


@pytest.mark.parametrize(("letters", "reads"), [
    (["H", "M", "M"], {"h": "male", "m": "female"}),
    (["V", "M"], {"v": "male", "m": "female"}),
    (["K", "M"], {"k": "female", "m": "male"}),
    (["L", "P"], {"l": "male", "p": "female"}),
    (["B", "F"], {"b": "male", "f": "female"}),
])
def test_a_columns_letters_decide_their_pair(letters, reads) -> None:
    decided = decide_sex_letters(letters)
    assert decided is not None and decided[0] == reads


def test_english_letters_and_a_lone_m_are_left_to_the_vocabulary() -> None:
    assert decide_sex_letters(["M", "F", "female"]) is None
    assert decide_sex_letters(["M", "M"]) is None


def test_letters_of_two_pairs_are_all_refused() -> None:
    decided = decide_sex_letters(["M", "F", "H"])
    assert decided is not None and set(decided[0].values()) == {REFUSED}


def _sexes(tmp_path: Path, spell: dict[str, str]) -> tuple[dict[str, str | None], list[str]]:
    book = openpyxl.load_workbook(SAMPLE)
    ws = book["workers"]
    col = [c.value for c in ws[1]].index("sex")
    for row in ws.iter_rows(min_row=2):
        row[col].value = spell.get(row[col].value, row[col].value)
    out = tmp_path / "w.xlsx"
    book.save(out)
    data = validate(read_workbook(out))
    problems = [p.message for p in data.problems if p.column == "sex"]
    return {w.worker_id: w.sex for w in data.workers.values()}, problems


def test_a_spanish_h_m_column_reads_m_as_female(tmp_path: Path) -> None:
    base, _ = _sexes(tmp_path, {})
    seen, problems = _sexes(tmp_path, {"female": "M", "male": "H"})
    assert seen == base and problems == []


def test_m_f_and_h_together_refuse_the_letters_rather_than_guess(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(SAMPLE)
    ws = book["workers"]
    col = [c.value for c in ws[1]].index("sex")
    cells = [row[col] for row in ws.iter_rows(min_row=2)]
    for c in cells:
        c.value = {"female": "M", "male": "H"}.get(c.value, c.value)
    cells[0].value = "F"
    out = tmp_path / "w.xlsx"
    book.save(out)
    data = validate(read_workbook(out))
    assert all(w.sex is None for w in data.workers.values())
    refused = [p for p in data.problems if p.column == "sex"]
    assert len(refused) == len(cells) and all("form no one pair" in p.message for p in refused)
