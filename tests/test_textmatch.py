"""Employer names, places and job titles compared as a person would (compliance/evaluate/textmatch.py)."""

from __future__ import annotations

import pytest

from compliance.evaluate.textmatch import is_domestic, relation


@pytest.mark.parametrize(("a", "b", "what", "want"), [
    # case, punctuation, spacing and legal forms make no difference
    ("Gulf Build LLC", "GULF BUILD L.L.C.", "employer", "same"),
    ("Al Noor Household Services W.L.L.", "al noor household services", "employer", "same"),
    ("Kuala Steel Sdn Bhd", "Kuala Steel", "employer", "same"),
    ("多哈建筑有限公司", "多哈建筑", "employer", "same"),
    # a city within the place named is the same place
    ("Doha", "Doha, Qatar", "place", "same"),
    ("Riyadh, Saudi Arabia", "Saudi Arabia", "place", "same"),
    # contained, or spelt a little differently: may be wording (at most a warning)
    ("Mason", "Mason (construction)", "job", "similar"),
    ("Gulf Build", "Gulf Build Contracting", "employer", "similar"),
    ("Gulf Buld LLC", "Gulf Build LLC", "employer", "similar"),
    # nothing shared: a clear difference
    ("Gulf Build LLC", "Desert Services Co", "employer", "different"),
    ("Doha, Qatar", "Riyadh, Saudi Arabia", "place", "different"),
    ("Doha, Qatar", "Al Khor", "place", "different"),
    ("hotel cleaner", "farm worker", "job", "different"),
])
def test_texts_are_compared_as_a_person_would(a: str, b: str, what: str, want: str) -> None:
    assert relation(a, b, what) == want  # type: ignore[arg-type]
    assert relation(b, a, what) == want  # type: ignore[arg-type]


def test_a_legal_form_alone_is_not_stripped_to_nothing() -> None:
    assert relation("LLC", "Gulf Build LLC", "employer") != "same"


@pytest.mark.parametrize("written", ["Domestic worker (live-in)", "Domestic workers", "household service worker",
                                     "HSW", "FDW", "家政工", "家庭佣工", "外籍家庭佣工（住家）", "Nannies",
                                     "Domestic Worker - live in"])
def test_domestic_work_is_read_as_people_write_it(written: str) -> None:
    assert is_domestic(written)


@pytest.mark.parametrize("written", ["Hotel housekeeper", "mason", "farm worker", "cleaner"])
def test_other_occupations_are_not_domestic_work(written: str) -> None:
    assert not is_domestic(written)
