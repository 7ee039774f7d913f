"""Headers nobody listed, read word by word (compliance/input/header_words.py, vocab/headers/_words.yaml)."""

from __future__ import annotations

import re

import pytest

from compliance.input import headers
from compliance.input.header_names import _vocab, split_header
from compliance.input.header_words import _lexicon, read_words


def _hit(text: str, sheet: str) -> headers._Hit:
    return headers._lookup(split_header(text)[0], sheet)


@pytest.mark.parametrize(("text", "sheet", "field"), [
    ("Nomor PMI", "workers", "worker_id"),  # Bahasa: noun first; PMI = pekerja migran Indonesia
    ("Tarikh Lahir", "workers", "date_of_birth"),  # Malay
    ("Kode P3MI", "agencies", "agency_id"),
    ("Izin Berlaku Sampai", "agencies", "licence_valid_to"),
    ("劳动者编号", "workers", "worker_id"),  # cut into 劳动者|编号 = worker no
    ("勞動者編號", "fees", "worker_id"),  # traditional characters are mapped first
    ("License Eff. Date", "agencies", "licence_valid_from"),
    ("License Exp. Date", "agencies", "licence_valid_to"),  # 'exp' as expense names nothing: one sense left
    ("Has Waiver Clause", "contracts", "waiver_clause"),  # a question's 'has' is dropped
    ("Gaji Kotor", "wage_payments", "gross"),
])
def test_header_whose_every_word_is_known_is_read_word_by_word(text: str, sheet: str, field: str) -> None:
    hit = _hit(text, sheet)
    assert (hit.field, hit.how) == (field, "words")


@pytest.mark.parametrize(("text", "sheet"), [
    ("Nomor Xylofon", "workers"),  # a word in no table
    ("劳动者编号乙", "workers"),  # a character that belongs to no word
    ("Nomor", "workers"),  # 'No.' is a serial number, 'ID' the worker id: two meanings, none read
    ("Tanggal", "workers"),  # "date" alone names no column of workers
])
def test_header_with_an_unknown_word_or_two_meanings_is_not_read(text: str, sheet: str) -> None:
    assert _hit(text, sheet).field is None


@pytest.mark.parametrize(("text", "sheet", "field"), [
    # Malaysian Malay (HR and payroll exports)
    ("Tarikh Mula Lesen", "agencies", "licence_valid_from"), ("Tarikh Tamat Lesen", "agencies", "licence_valid_to"),
    ("Bahasa Dituturkan", "workers", "languages"), ("Tarikh Pengambilan", "workers", "recruited_on"),
    ("Tarikh Berlepas", "workers", "departed_on"), ("Tarikh Taklimat Pra-Berlepas", "workers", "orientation_on"),
    ("Peringkat", "contracts", "stage"), ("Bertulis", "contracts", "written"),
    ("Tarikh Tandatangan", "contracts", "signed_on"), ("No. Rujukan Bayaran", "fees", "fee_id"),
    ("Tempoh Dari", "wage_payments", "period_start"), ("Tempoh Hingga", "wage_payments", "period_end"),
    ("Gaji Kasar", "wage_payments", "gross"), ("Tempoh Kontrak (Bulan)", "contracts", "duration_months"),
    ("Tiket Pulang Ditanggung Oleh", "contracts", "repatriation_paid_by"),
    # Indonesian
    ("Tanggal Rekrut", "workers", "recruited_on"), ("No. Transaksi", "fees", "fee_id"),
    ("Tanggal Tanda Tangan", "contracts", "signed_on"), ("Nominal", "fees", "amount"),
    ("Biaya yang Ditanggung Pekerja", "complaints", "cost_to_worker"),  # ditanggung: borne by
    # Filipino and Taglish
    ("Wika ng Kontrata", "contracts", "language"), ("Wika", "workers", "languages"),
    ("Petsa ng Alis", "workers", "departed_on"), ("Nakasulat?", "contracts", "written"),
    ("Petsa ng Pirma", "contracts", "signed_on"), ("Sino ang nagbayad", "fees", "paid_by"),
    ("Nasa kanino", "documents", "held_by"), ("Gross na Sahod", "wage_payments", "gross"),
    ("Simula ng Payroll Period", "wage_payments", "period_start"),
    ("Katapusan ng Payroll Period", "wage_payments", "period_end"),
    ("Sa sariling wika", "complaints", "in_worker_language"),  # "in own language": the phrase keeps its "sa"
    # Hong Kong (糧期, the pay period), Bangladeshi and UK office English
    ("糧期開始", "wage_payments", "period_start"), ("糧期結束", "wage_payments", "period_end"),
    ("最近盡職審查日期", "employers", "due_diligence_on"),
    ("RL Issue Date", "agencies", "licence_valid_from"), ("RL Valid Till", "agencies", "licence_valid_to"),
    ("Duty Hours/Week", "contracts", "hours_per_week"), ("Duty Hours", "wage_payments", "hours_worked"),
    ("Hours pw", "contracts", "hours_per_week"), ("Rest days pw", "contracts", "rest_days_per_week"),
])
def test_malay_indonesian_filipino_and_office_words_are_read_word_by_word(text: str, sheet: str, field: str) -> None:
    hit = _hit(text, sheet)
    assert (hit.field, hit.how) == (field, "words")


@pytest.mark.parametrize(("text", "sheet"), [
    ("Tandatangan", "contracts"),  # a signature: known to be no column, not the date signed
    ("Tiada", "workers"),  # "no" alone is a serial number or the ID
    ("Duty Hours", "contracts"),  # working hours per day or per week? (bare "Working hours" is no column there)
    ("签字", "contracts"),  # signed, or the signature: neither the date nor "signed personally"
    ("Recruitment From", "workers"),  # under "Recruitment": the origin country, or the first day of recruiting?
])
def test_a_translation_that_stays_ambiguous_is_not_read(text: str, sheet: str) -> None:
    assert _hit(text, sheet).field is None


def test_a_listed_name_keeps_its_column_whatever_the_words_say() -> None:
    # Word by word comes after the tables: it can make a header readable, never change a listed one.
    for sheet, table in _vocab().columns.items():
        for name, (field, exact) in table.items():
            hit = headers._lookup(name, sheet)
            assert (hit.field, hit.how) == (field, "exact" if exact else "synonym"), (sheet, name)


def test_word_by_word_never_reads_one_column_when_a_sense_names_another() -> None:
    # A header is read only if ALL its readings name the same single column: with both senses of 'jumlah' a
    # column and a known non-column, nothing would be read. Checked over every table name, translated back.
    lex = _lexicon()
    assert all(read_words(n, s) is None or read_words(n, s)[0] == f
               for s, t in _vocab().columns.items() for n, (f, _) in t.items())
    assert lex.stop and lex.identifier


def test_every_translation_lands_on_words_the_column_tables_use() -> None:
    # An entry whose sense is in no table can never help read a header: it is dead data, or a typo.
    known = {w for table in _vocab().columns.values() for name in table for w in re.split(r"[\s/]+", name)}
    lex = _lexicon()
    dead = [(k, s) for k, senses in {**lex.words, **lex.cjk}.items() for s in senses
            for w in s.split() if w not in known and w not in lex.identifier]
    assert dead == []


def test_the_report_says_a_column_was_read_word_by_word() -> None:
    from compliance.i18n import Catalog
    for lang in ("en", "zh"):
        assert Catalog(lang).t("interpret.how.words") != "interpret.how.words"


@pytest.mark.parametrize(("text", "sheet", "field"), [
    # TITP (Japan): the trainee is the worker, the sending organisation the agency, the implementing one the employer
    ("Trainee No.", "fees", "worker_id"), ("Signed by Trainee", "contracts", "signed_by_worker"),
    ("Sending Org. Code", "workers", "agency_id"), ("Sending Organization", "agencies", "name"),
    ("Implementing Org. Code", "workers", "employer_id"), ("Implementing Organization", "contracts", "employer_name"),
    ("OTIT Certified", "contracts", "verified_by_authority"),
    # Vietnamese and Cambodian agency English: labourer, PRA, DOLAB, MoLVT
    ("Labourer Code", "complaints", "worker_id"), ("Consent of Labourer", "documents", "worker_consent"),
    ("PRA Code", "workers", "agency_id"), ("Parent PRA Code", "agencies", "parent_agency_id"),
    ("Collected by PRA", "fees", "agency_id"), ("Approved by MoLVT", "contracts", "verified_by_authority"),
    ("Registered with DOLAB", "contracts", "verified_by_authority"),
    ("Taklimat Pra Berlepas", "workers", "orientation_on"),  # Malay 'pra' is still 'pre'
    # Gulf WPS English: the recruiter is the agency
    ("Recruiter Country", "agencies", "country"), ("Charged By (Recruiter Code)", "fees", "agency_id"),
    ("Recruiter Complained About", "complaints", "agency_id"),
    # mainland ERP keys: 编码
    ("员工编码", "wage_payments", "worker_id"), ("中介机构编码", "workers", "agency_id"),
    ("用工单位编码", "employers", "employer_id"), ("上级中介编码", "agencies", "parent_agency_id"),
])
def test_fourth_holdout_words_are_read_word_by_word(text: str, sheet: str, field: str) -> None:
    hit = _hit(text, sheet)
    assert (hit.field, hit.how) == (field, "words")


@pytest.mark.parametrize(("text", "sheet"), [
    ("Enterprise Code", "workers"),  # the Vietnamese sending agency, or the Chinese employer (企业)?
    ("Org. Concerned", "complaints"),  # the sending or the implementing organisation?
    ("Collecting Org. Code", "fees"),
])
def test_a_fourth_holdout_word_of_two_senses_is_not_read(text: str, sheet: str) -> None:
    assert _hit(text, sheet).field is None


def test_a_principal_recruiter_is_the_principal_agency() -> None:
    # 'principal' is the foreign employer (DMW) and keeps its own sense: "Principal Recruiter Code" is the parent
    # agency, while "Principal ref" (the licensed agency, or the employer it recruits for?) stays unread.
    assert _hit("Principal Recruiter Code", "agencies").field == "parent_agency_id"
    assert _hit("Principal ref", "agencies").field is None


@pytest.mark.parametrize(("text", "sheet", "field"), [
    # Spanish (Mexican H-2A recruiters): 'No.' and 'Núm.' are the identifier, 'de' and 'del' are dropped
    ("Núm. de trabajador", "wage_payments", "worker_id"), ("Fecha de nacimiento", "workers", "date_of_birth"),
    ("Clave agencia", "fees", "agency_id"), ("Número de contrato", "contracts", "contract_id"),
    ("Fecha de salida", "workers", "departed_on"), ("Importe", "fees", "amount"),
    ("Sueldo neto", "wage_payments", "net"),
    # Polish (agencja zatrudnienia): 'Nr' is the identifier
    ("Nr pracownika", "documents", "worker_id"), ("Data urodzenia", "workers", "date_of_birth"),
    ("Data podpisania umowy", "contracts", "signed_on"), ("Kwota brutto", "wage_payments", "gross"),
    # Romanian
    ("Cod angajator", "workers", "employer_id"), ("Data nașterii", "workers", "date_of_birth"),
    ("Limba contractului", "contracts", "language"), ("Salariu brut", "wage_payments", "gross"),
    # agency English: the emigrant (India), the FDW (Singapore), Korean system codes
    ("Emigrant Code", "fees", "worker_id"), ("FDW No.", "events", "worker_id"),
    ("EMPLR_CD", "employers", "employer_id"), ("WORKER_NM", "workers", "name"),
    # Taiwan: 代號 is a code
    ("雇主代號", "workers", "employer_id"),
])
def test_fifth_holdout_words_are_read_word_by_word(text: str, sheet: str, field: str) -> None:
    hit = _hit(text, sheet)
    assert (hit.field, hit.how) == (field, "words")


def test_a_yes_no_code_column_is_not_read_as_a_neighbour() -> None:
    # 'WRITTEN_YN' was a typo away from 'written language': the Y/N code is the written column
    assert _hit("WRITTEN_YN", "contracts").field == "written"
