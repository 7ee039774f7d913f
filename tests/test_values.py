from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.input import values, vocabulary
from compliance.input.cells import CellError
from compliance.input.sheets import SHEETS, SHEETS_BY_NAME, Kind
from compliance.input.values import (
    FUZZY_MARGIN,
    FUZZY_MIN_LENGTH,
    FUZZY_MIN_SCORE,
    YES_NO,
    ChoiceReading,
    VocabularyError,
    read_choice,
    read_yes_no,
    vocabularies,
    vocabulary_for,
)

CHOICE_COLUMNS = [(s.name, c.name) for s in SHEETS for c in s.columns if c.kind is Kind.CHOICE]
YES_NO_COLUMNS = [(s.name, c.name) for s in SHEETS for c in s.columns if c.kind is Kind.YESNO]
YES_NO_VOCABS = [v for v in vocabularies().values() if v.name == YES_NO or (v.base == YES_NO and all(
    SHEETS_BY_NAME[c.split(".")[0]].column(c.split(".")[1]).kind is Kind.YESNO for c in v.columns))]
CHOICE_VOCABS = [v for v in vocabularies().values() if v not in YES_NO_VOCABS]


def served(vocab: values.Vocabulary) -> tuple[str, str]:
    sheet, _, column = vocab.columns[0].partition(".")
    return sheet, column


def refused(sheet: str, column: str, text: object) -> str:
    with pytest.raises(CellError) as err:
        read_choice(text, sheet, column)
    return str(err.value)


def refused_yes_no(text: object) -> str:
    with pytest.raises(CellError) as err:
        read_yes_no(text)
    return str(err.value)


# ---------------------------------------------------------------------------------------------- loading


def test_the_vocabularies_load_with_no_spelling_or_keyword_claimed_by_two_codes():
    # The loader refuses a conflict (see test_a_bad_vocabulary_file_is_refused_...): loading is the check.
    assert set(vocabularies()) >= {"fee_category", "payer", "holder", "event", "consent", YES_NO}
    for vocab in vocabularies().values():
        assert not set(vocab.spellings) & set(vocab.code_keys)


@pytest.mark.parametrize(("sheet", "column"), CHOICE_COLUMNS)
def test_every_choice_column_of_the_contract_has_a_vocabulary(sheet, column):
    assert f"{sheet}.{column}" in vocabulary_for(sheet, column).columns


@pytest.mark.parametrize(("sheet", "column"), YES_NO_COLUMNS)
def test_every_yes_no_column_is_served_by_the_yes_no_vocabulary_or_a_layer_over_it(sheet, column):
    vocab = vocabulary_for(sheet, column)
    assert vocab.name == YES_NO or (vocab.base == YES_NO and f"{sheet}.{column}" in vocab.columns)


@pytest.mark.parametrize(("sheet", "column"), CHOICE_COLUMNS)
def test_every_code_of_a_vocabulary_is_a_choice_of_its_column(sheet, column):
    vocab = vocabulary_for(sheet, column)
    choices = SHEETS_BY_NAME[sheet].column(column).choices
    assert set(vocab.codes) <= set(choices)
    assert set(vocab.spellings.values()) <= set(choices)
    assert set(vocab.keywords.values()) <= set(choices)


def test_a_column_that_is_not_a_choice_has_no_vocabulary():
    with pytest.raises(KeyError, match=r"fees\.amount"):
        vocabulary_for("fees", "amount")


@pytest.mark.parametrize("vocab", [*CHOICE_VOCABS, *YES_NO_VOCABS], ids=lambda v: v.name)
def test_every_vocabulary_documents_what_it_decided(vocab):
    assert vocab.file.endswith(".yaml")
    assert len(vocab.spellings) >= len(vocab.codes) - 1  # at most one code (a rare one) with no spelling


@pytest.fixture
def vocab_dir(tmp_path, monkeypatch):
    """A copy of the shared and yes/no files in a folder of its own; the caches see only it."""
    real = vocabulary.VOCAB_DIR
    for name in ("_common.yaml", "yes_no.yaml"):
        shutil.copy(real / name, tmp_path / name)
    monkeypatch.setattr(vocabulary, "VOCAB_DIR", tmp_path)
    for cached in (values.vocabularies, values.vocabulary_for, values._read):
        cached.cache_clear()
    yield tmp_path
    for cached in (values.vocabularies, values.vocabulary_for, values._read):
        cached.cache_clear()


def role(codes: str, columns: str = "[agencies.role]", extra: str = "") -> str:
    """A vocabulary file for agencies.role; codes as one YAML flow mapping."""
    return f"role:\n  columns: {columns}\n{extra}  codes: {codes}\n"


BAD_FILES = [
    ("role:\n  columns: [agencies.role]\n  codes:\n    recruiter: {}\n    recruiter: {}\n",
     "duplicate key 'recruiter'"),
    (role("{recruiter: {spelings: [agency]}}"), "unknown key 'spelings' at 'role.codes.recruiter.spelings'"),
    (role("{recruiter: {spellings: [Agent]}, sub_agent: {spellings: [agent]}}"),
     "vocabulary role: spelling 'agent' maps to both recruiter and sub_agent"),
    (role("{recruiter: {spellings: [Sub-agent]}, sub_agent: {}}"),
     "spelling 'sub agent' of recruiter is the code sub_agent itself"),
    (role("{recruiter: {keywords: [agent]}, sub_agent: {keywords: [agent]}}"),
     "keyword 'agent' maps to both recruiter and sub_agent"),
    (role("{recruiter: {keywords: [broker]}, sub_agent: {spellings: [broker]}}"),
     "keyword 'broker' of recruiter is a spelling of sub_agent"),
    (role("{broker: {spellings: [dalal]}}"), "role: code(s) broker are not choices of agencies.role"),
    (role("{recruiter: {}}", "[agencies.name]"), "agencies.name is not a choice or yes/no column"),
    (role("{recruiter: {}}", "[agencies.rank]"), "'agencies.rank' is not a column of sheets.py"),
    (role("{recruiter: {spellings: [unknown]}}"), "'unknown' is both refused and accepted"),
    (role("{recruiter: {}}", "[]"), "vocabulary role: names no columns"),
    (role('{recruiter: {spellings: ["-"]}}'), "'-' must be words, digits or marks"),
    (role("{recruiter: {}}", extra="  extends: nothing\n"), "extends 'nothing', not a base vocabulary"),
    (role("{recruiter: {}}", extra="  refine: {recruiter: boss}\n"), "refine recruiter: boss names a code"),
    (role("{recruiter: {spellings: [yes]}}"), "quote yes, no, true and false: YAML reads them as booleans"),
    (role("{recruiter: {}}", extra="  refuse: [{phrases: ['re*'], reason: r}]\n"),
     "'re*': a * ends a stem, one word of 3 letters or more"),
    (role("{recruiter: {}}", extra="  refuse: [{phrases: ['de*duct'], reason: r}]\n"), "'de*duct': a * ends a stem"),
    (role("{recruiter: {}}", extra="  refuse: [{phrases: ['sub-agent*'], reason: r}]\n"), "a * ends a stem, one word"),
    (role("{recruiter: {}}", extra="  refuse: [{phrases: ['中介*'], reason: r}]\n"), "a * ends a stem"),
    (role("{recruiter: {spellings: [deducted]}}", extra="  refuse: [{phrases: ['deduct*'], reason: r}]\n"),
     "'deducted' is both refused and accepted"),
]


@pytest.mark.parametrize(("text", "reason"), BAD_FILES)
def test_a_bad_vocabulary_file_is_refused_naming_the_file_and_the_entry(vocab_dir, text, reason):
    (vocab_dir / "bad.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError) as err:
        vocabularies()
    assert "bad.yaml" in str(err.value)
    assert reason in str(err.value)


def test_a_column_served_by_two_vocabularies_is_refused(vocab_dir):
    for name in ("a", "b"):
        (vocab_dir / f"{name}.yaml").write_text(role("{recruiter: {}}").replace("role:", f"{name}:", 1))
    with pytest.raises(VocabularyError, match=r"agencies\.role is already served by vocabulary a"):
        vocabularies()


def test_a_negation_of_more_than_one_word_is_refused(vocab_dir):
    common = vocab_dir / "_common.yaml"
    common.write_text(common.read_text(encoding="utf-8").replace("negations: [", 'negations: ["w/o", '),
                      encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"_common\.yaml: 'w/o' must be one word"):
        vocabularies()


# ---------------------------------------------------------------------------------------------- the brief's examples

EXAMPLES = [
    # fees.category, after the ILO 2019 Definition
    ("fees", "category", "Agent commission", "recruitment_fee", "synonym"),
    ("fees", "category", "Agency commission charged", "recruitment_fee", "keyword"),
    ("fees", "category", "Return air ticket", "travel", "keyword"),
    ("fees", "category", "Air ticket", "travel", "synonym"),
    ("fees", "category", "Medical check-up", "medical", "synonym"),
    ("fees", "category", "Visa stamping", "visa", "synonym"),
    ("fees", "category", "Orientation (PDOT)", "orientation", "keyword"),
    ("fees", "category", "Insurance (welfare fund)", "insurance", "keyword"),
    ("fees", "category", "Foreign Employment Welfare Fund", "insurance", "synonym"),
    ("fees", "category", "OWWA", "insurance", "synonym"),
    ("fees", "category", "Bank guarantee", "bond", "synonym"),
    ("fees", "category", "Recrutment fee", "recruitment_fee", "fuzzy"),
    ("fees", "category", "RECRUITMENT-FEE", "recruitment_fee", "code"),
    ("fees", "category", "Health insurance", "insurance", "synonym"),
    ("fees", "category", "HIV testing", "medical", "keyword"),
    ("fees", "category", "GAMCA medical", "medical", "keyword"),
    ("fees", "category", "Pre-departure orientation training", "orientation", "synonym"),
    ("fees", "category", "Skills training", "training", "synonym"),
    ("fees", "category", "Visa fee paid to agent", "visa", "keyword"),
    ("fees", "category", "Entry permit", "visa", "synonym"),
    ("fees", "category", "Labour permit", "work_permit", "synonym"),
    ("fees", "category", "Non-refundable deposit", "deposit", "synonym"),
    ("fees", "category", "Tickets", "travel", "synonym"),
    ("fees", "category", "Plane tickets", "travel", "keyword"),
    ("fees", "category", "机票", "travel", "synonym"),
    ("fees", "category", "體檢費", "medical", "synonym"),
    ("fees", "category", "Lalpurja", "collateral", "synonym"),
    # who paid: context decides
    ("fees", "paid_by", "Self", "worker", "synonym"),
    ("fees", "paid_by", "Company HR", "employer", "synonym"),
    ("fees", "paid_by", "Company", "employer", "synonym"),
    ("fees", "paid_by", "Worker's family", "worker", "synonym"),
    ("fees", "paid_by", "Paid by candidate", "worker", "keyword"),
    ("fees", "paid_by", "Kafeel", "employer", "synonym"),
    ("fees", "paid_by", "Dalal", "agency", "synonym"),
    ("fees", "paid_by", "emploer", "employer", "fuzzy"),
    ("workers", "sex", "femal", "female", "fuzzy"),
    ("events", "paid_by", "Company", "employer", "synonym"),
    ("contracts", "repatriation_paid_by", "At employer's cost", "employer", "synonym"),
    ("contracts", "repatriation_paid_by", "Welfare fund", "other", "synonym"),
    ("wage_payments", "paid_to", "Company", "employer", "synonym"),
    ("wage_payments", "paid_to", "Self", "worker", "synonym"),
    ("wage_payments", "paid_to", "Sent to family", "family", "synonym"),
    ("documents", "held_by", "Kept by agent", "agency", "synonym"),
    ("documents", "held_by", "With worker", "worker", "synonym"),
    ("documents", "held_by", "Self", "worker", "synonym"),
    ("documents", "held_by", "Company", "employer", "synonym"),
    ("documents", "held_by", "Agency office in Kathmandu", "agency", "keyword"),
    ("documents", "held_by", "Embassy", "other", "synonym"),
    # methods, lenders, deductions
    ("fees", "method", "Salary deduction", "wage_deduction", "synonym"),
    ("fees", "method", "Bank loan", "loan", "synonym"),
    ("fees", "method", "Cheque", "bank", "synonym"),
    ("fees", "method", "Paid in cash", "cash", "synonym"),
    ("fees", "method", "Karja", "loan", "synonym"),
    ("fees", "lender", "Local moneylender", "moneylender", "keyword"),
    ("fees", "lender", "Uncle", "family", "synonym"),
    ("fees", "lender", "Sahakari", "other", "synonym"),
    ("wage_payments", "deduction_reason", "Recruitment fee repayment", "recruitment_cost", "synonym"),
    ("wage_payments", "deduction_reason", "Repayment of agent commission", "recruitment_cost", "keyword"),
    ("wage_payments", "deduction_reason", "Mess charges", "food", "synonym"),
    ("wage_payments", "deduction_reason", "GOSI", "social_security", "synonym"),
    # documents
    ("documents", "document", "Emirates ID", "work_permit", "synonym"),
    ("documents", "document", "Iqama", "work_permit", "synonym"),
    ("documents", "document", "Citizenship certificate", "national_id", "synonym"),
    ("documents", "document", "ATM", "bank_card", "synonym"),
    ("documents", "document", "SLC certificate", "certificate", "synonym"),
    ("documents", "tampered", "No", "none", "synonym"),
    ("documents", "tampered", "Photo changed", "falsified", "synonym"),
    ("documents", "tampered", "Torn by employer", "destroyed", "keyword"),
    # events
    ("events", "event", "Sent home", "repatriated", "synonym"),
    ("events", "event", "Deported", "repatriated", "synonym"),
    ("events", "event", "Terminated", "dismissed", "synonym"),
    ("events", "event", "Absconding case filed", "reported_to_immigration", "synonym"),
    ("events", "event", "Huroob filed by sponsor", "reported_to_immigration", "keyword"),
    ("events", "event", "Resignation refused", "resignation_refused", "code"),
    ("events", "event", "NOC denied", "employer_change_refused", "synonym"),
    ("events", "event", "Locked in room", "confined", "synonym"),
    ("events", "event", "Fake job", "job_did_not_exist", "synonym"),
    # complaints, agencies, contracts, workers
    ("complaints", "status", "Closed", "resolved", "synonym"),
    ("complaints", "status", "Under investigation", "open", "synonym"),
    ("complaints", "subject", "Verbal abuse", "harassment", "synonym"),
    ("complaints", "subject", "Sexual abuse", "violence", "synonym"),
    ("complaints", "subject", "Unpaid wages", "wages", "synonym"),
    ("complaints", "channel", "Labour court", "court", "synonym"),
    ("complaints", "channel", "Nepal embassy", "embassy", "keyword"),
    ("complaints", "channel", "POLO", "embassy", "synonym"),
    ("agencies", "role", "Agent", "sub_agent", "synonym"),
    ("agencies", "role", "Foreign employment company", "recruiter", "synonym"),
    ("contracts", "stage", "Offer letter", "offer", "synonym"),
    ("contracts", "stage", "Signed on arrival", "destination", "keyword"),
    ("workers", "sex", "F", "female", "synonym"),
    ("workers", "sex", "女", "female", "synonym"),
    ("workers", "sex", "Third gender", "other", "synonym"),
    # consent reads yes/no words, and words of writing
    ("documents", "worker_consent", "No - refused", "no", "keyword"),
    ("documents", "worker_consent", "Yes", "yes", "code"),
    ("documents", "worker_consent", "Yes, signed copy", "written", "keyword"),
    ("documents", "worker_consent", "Written consent", "written", "synonym"),
    ("documents", "worker_consent", "In writing", "written", "synonym"),
    ("documents", "worker_consent", "Signed consent form on file", "written", "keyword"),
    ("documents", "worker_consent", "Verbal, not written", "yes", "synonym"),
    ("documents", "worker_consent", "Agreed verbally", "yes", "synonym"),
    ("documents", "worker_consent", "haina", "no", "synonym"),
    ("documents", "worker_consent", "TRUE", "yes", "synonym"),
    ("wage_payments", "deduction_consent", "书面同意", "written", "synonym"),
    ("wage_payments", "deduction_consent", "writen", "written", "fuzzy"),
    # families: a request asked, applied or requested for; a refusal only when written in full
    ("events", "event", "Asked for transfer", "employer_change_requested", "synonym"),
    ("events", "event", "Worker applied for transfer to new sponsor", "employer_change_requested", "keyword"),
    ("events", "event", "申请更换雇主", "employer_change_requested", "synonym"),
    ("events", "event", "Transfer request rejected", "employer_change_refused", "synonym"),
    ("agencies", "role", "Receiving agent", "employer_agent", "synonym"),
    ("agencies", "role", "Calo", "sub_agent", "synonym"),
    ("agencies", "role", "Main agency", "recruiter", "synonym"),
    ("contracts", "stage", "Contract at destination", "destination", "synonym"),
    ("contracts", "stage", "Promised by agent", "offer", "keyword"),
    ("contracts", "stage", "Signed prior to departure", "pre_departure", "keyword"),
    ("fees", "category", "Visa processing fee", "visa", "synonym"),
    ("fees", "category", "Caution money", "deposit", "synonym"),
    ("documents", "tampered", "In good condition", "none", "synonym"),
    ("documents", "tampered", "未篡改", "none", "synonym"),
    ("complaints", "status", "Completed", "resolved", "synonym"),
    ("complaints", "status", "Under mediation", "open", "synonym"),
    ("complaints", "subject", "Salary not paid", "wages", "synonym"),
    ("complaints", "subject", "Abuse (verbal)", "harassment", "synonym"),
    ("complaints", "channel", "Complaint to labour ministry", "inspectorate", "keyword"),
    ("wage_payments", "paid_to", "Own bank account", "worker", "synonym"),
]


@pytest.mark.parametrize(("sheet", "column", "text", "code", "how"), EXAMPLES)
def test_records_as_people_write_them_read_to_the_code(sheet, column, text, code, how):
    reading = read_choice(text, sheet, column)
    assert reading is not None
    assert (reading.code, reading.how) == (code, how)
    assert reading.matched


def test_the_reading_names_the_entry_that_decided_it():
    assert read_choice("Agency commission charged", "fees", "category") == ChoiceReading(
        "recruitment_fee", "keyword", "commission")
    assert read_choice("Kept by agent", "documents", "held_by") == ChoiceReading("agency", "synonym", "kept by agent")
    assert read_choice("Wage Deduction", "fees", "method") == ChoiceReading("wage_deduction", "code", "wage_deduction")


REFUSALS = [
    ("fees", "category", "Medical and visa", "could be medical or visa"),
    ("fees", "category", "Visa + ticket", "could be visa or travel"),
    ("fees", "category", "Training and testing", "could be training or skills_test"),
    ("fees", "category", "Medicl and visa", "could be visa or medical (a word looks like a misspelt keyword)"),
    ("fees", "category", "fee", "not an accepted value: 'fee' (use recruitment_fee, placement_fee"),
    ("fees", "category", "Processing fee", "recruitment fee or an administrative cost"),
    ("fees", "category", "Exit permit", "not a work permit"),
    ("fees", "paid_by", "not by worker", "contains a negation ('not')"),
    ("fees", "paid_by", "Worker, not employer", "contains a negation ('not')"),
    ("fees", "paid_by", "employe", "did you mean employer or 'employee' (worker)?"),
    ("fees", "paid_by", "Unknown", "means not known"),
    ("fees", "paid_by", "Employer and worker", "could be employer or worker"),
    ("fees", "method", "Cash (borrowed)", "could be cash or loan"),
    ("fees", "method", "Nagad", "mobile wallet"),
    ("fees", "lender", "Sahu", "not an accepted value"),
    ("documents", "document", "Passport copy", "a copy may be a photocopy"),
    ("documents", "document", "Residence visa", "could be work_permit or visa"),
    ("documents", "document", "Birth certificate", "not one of the document types listed"),
    ("documents", "held_by", "Not with worker", "contains a negation"),
    ("documents", "held_by", "没有", "contains a negation ('没')"),
    ("documents", "tampered", "Yes", "use none, destroyed, concealed or falsified"),
    ("documents", "worker_consent", "No written consent", "may mean no consent, or oral consent only"),
    ("documents", "worker_consent", "No (verbal)", "holds both yes ('verbal') and no ('no')"),
    ("documents", "worker_consent", "Yes, not signed", "may mean no consent"),
    ("documents", "worker_consent", "Yes, it was not given", "starts with 'yes' but goes on with a negation ('not')"),
    ("documents", "worker_consent", "yes/no", "holds both yes ('yes') and no ('no')"),
    ("documents", "worker_consent", "No objection", "not a plain yes or no"),
    ("events", "event", "Resignation refused by the employer", "contains a negation ('refused')"),
    ("events", "event", "Asked to resign", "not the worker's request"),
    ("events", "event", "Contract terminated by worker", "is a resignation"),
    ("events", "event", "Deported after absconding report", "could be repatriated or reported_to_immigration"),
    ("events", "event", "Job available", "not an accepted value"),
    ("complaints", "status", "Closed - withdrawn", "could be resolved or withdrawn"),
    ("agencies", "role", "Recruitment agent", "could be the licensed agency or an agent working for it"),
    ("workers", "sex", "Male/female", "could be male or female"),
    ("workers", "sex", "Fmale", "did you mean female or male?"),
    ("wage_payments", "deduction_reason", "Absence", "may or may not be a fine"),
    ("complaints", "channel", "NA", "N/A may mean not applicable, or no"),
    ("complaints", "channel", "-", "holds no word, number or mark"),
    # "rejected" and 拒 are words of refusal: such a cell is read only as an exact spelling
    ("events", "event", "Transfer request rejected by sponsor", "contains a negation ('rejected')"),
    ("events", "event", "拒绝更换雇主的申请", "contains a negation ('拒')"),
    ("complaints", "status", "Rejected by labour office", "contains a negation ('rejected')"),
    ("agencies", "role", "Partner agency", "not an accepted value"),  # partner at home, or abroad?
    # the destination agency in Hong Kong and Singapore, the recruiter elsewhere
    ("agencies", "role", "Employment agency", "employer's agency at destination"),
    ("contracts", "stage", "Demand letter", "not an accepted value"),
]


@pytest.mark.parametrize(("sheet", "column", "text", "reason"), REFUSALS)
def test_an_ambiguous_or_unknown_value_is_refused_with_a_plain_reason(sheet, column, text, reason):
    message = refused(sheet, column, text)
    assert reason in message
    assert "\n" not in message


def test_the_refusal_lists_the_accepted_codes():
    assert "(use worker, employer, agency or other)" in refused("fees", "paid_by", "not by worker")


def test_a_long_note_is_not_read_by_one_of_its_words():
    note = "the worker said the agent took the money for the ticket at the office in the city"
    assert "too long to be read as one value" in refused("fees", "category", note)


def test_a_blank_cell_is_none():
    assert read_choice(None, "fees", "category") is None
    assert read_choice("  ", "fees", "paid_by") is None
    assert read_yes_no("") is None
    assert read_yes_no(None) is None


# ---------------------------------------------------------------------------------------------- yes/no

YES_NO_EXAMPLES = [
    ("No - refused", False, "keyword"), ("Yes, signed copy", True, "keyword"), ("YES", True, "code"),
    ("no.", False, "code"), ("haina", False, "synonym"), ("hoina", False, "synonym"), ("chaina", False, "synonym"),
    ("ho", True, "synonym"), ("cha", True, "synonym"), ("huncha", True, "synonym"), ("nai", False, "synonym"),
    ("hyan", True, "synonym"), ("ha", True, "synonym"), ("छैन", False, "synonym"), ("होइन", False, "synonym"),
    ("हो", True, "synonym"), ("না", False, "synonym"), ("হ্যাঁ", True, "synonym"), ("✓", True, "synonym"),
    ("✔", True, "synonym"), ("☑", True, "synonym"), ("✅", True, "synonym"), ("✗", False, "synonym"),
    ("✘", False, "synonym"), ("有", True, "synonym"), ("无", False, "synonym"), ("沒有", False, "synonym"),
    ("是，已签字", True, "keyword"), ("ＹＥＳ", True, "code"), (1, True, "synonym"), (0, False, "synonym"),
    (1.0, True, "synonym"), ("true", True, "synonym"), ("n", False, "synonym"), ("Never", False, "synonym"),
]


@pytest.mark.parametrize(("text", "answer", "how"), YES_NO_EXAMPLES)
def test_yes_no_words_of_several_languages_and_marks_are_read(text, answer, how):
    result = read_yes_no(text)
    assert result is not None
    assert (result[0], result[1].how) == (answer, how)


def test_a_boolean_cell_is_read_as_written():
    assert read_yes_no(True) == (True, ChoiceReading("yes", "code", "yes"))
    assert read_yes_no(False) == (False, ChoiceReading("no", "code", "no"))


YES_NO_REFUSALS = [
    ("有/无", "holds both yes ('有') and no ('无')"), ("yes/no", "holds both yes"), ("Y/N", "holds both yes"),
    ("x", "ticked (yes) or crossed out (no)"), ("-", "holds no word"), ("☐", "a box can mean ticked"),
    ("na", "N/A may mean"), ("N/A", "N/A may mean"), ("No idea", "means not known"), ("thaha chaina", "not known"),
    ("不知道", "not known"), ("Maybe yes", "not a plain answer"), ("Yes, not signed", "goes on with a negation"),
    ("Not given", "contains a negation"), ("hindi", "Tagalog"), ("1/2", "not an accepted value"),
    ("有收据", "not an accepted value"), ("No problem", "not a plain yes or no"),
    ("yess", "not an accepted value: 'yess' (use yes or no; did you mean yes?)"),
]


@pytest.mark.parametrize(("text", "reason"), YES_NO_REFUSALS)
def test_an_unclear_yes_no_is_refused(text, reason):
    message = refused_yes_no(text)
    assert reason in message
    assert "\n" not in message


# ---------------------------------------------------------------------------------------------- safety rules

NEGATIONS = sorted(vocabularies()[YES_NO].negations)
KEYWORDS = [(v, " ".join(k)) for v in CHOICE_VOCABS for k in v.keywords]


@given(st.sampled_from(KEYWORDS), st.sampled_from(NEGATIONS), st.booleans())
def test_a_negated_cell_is_never_read_by_keyword_or_fuzzily(entry, negation, before):
    vocab, keyword = entry
    text = f"{negation} {keyword}" if before else f"{keyword} {negation}"
    try:
        reading = read_choice(text, *served(vocab))
    except CellError:
        return
    if vocab.leading_word and reading is not None and reading.code == "no":
        return  # consent-like answers: a leading "no" decides, and a negation after it only agrees with it
    assert reading is not None and reading.how in ("code", "synonym")  # only an exact spelling


def test_a_typo_never_reaches_a_negated_spelling():
    assert "no job available" in vocabulary_for("events", "event").spellings
    assert not any("no" in key.split(" ") for key, _ in vocabulary_for("events", "event").fuzzy_targets)
    refused("events", "event", "Job available")


YES_WORDS = sorted(k for k, c in vocabularies()[YES_NO].spellings.items() if c == "yes")
NO_WORDS = sorted(k for k, c in vocabularies()[YES_NO].spellings.items() if c == "no")


@given(st.sampled_from([*YES_WORDS, "yes"]), st.sampled_from([*NO_WORDS, "no"]), st.sampled_from(["/", " / ", ", "]))
def test_a_cell_with_both_a_yes_and_a_no_word_is_refused(yes, no, sep):
    for vocab_reads in (read_yes_no, lambda t: read_choice(t, "documents", "worker_consent")):
        with pytest.raises(CellError):
            vocab_reads(f"{yes}{sep}{no}")


def test_fuzzy_reading_is_for_typos_only():
    assert (FUZZY_MIN_SCORE, FUZZY_MIN_LENGTH, FUZZY_MARGIN) == (90.0, 5, 10.0)
    assert vocabularies()[YES_NO].fuzzy_targets == ()  # yes/no words are short: a typo is often another word
    assert read_choice("Recrutment fee", "fees", "category").how == "fuzzy"
    refused("fees", "category", "fee")  # three letters are not guessed
    refused("fees", "paid_by", "employe")  # employee (worker) or employer: too close to call


@pytest.mark.parametrize(("sheet", "column", "written"), [
    ("agencies", "role", "Unlicensed enterprise"),  # two letters from "licensed enterprise" (recruiter)
    ("agencies", "role", "Unlicensed company"),
    ("agencies", "role", "Unlicenced enterprise"),
])
def test_a_word_made_its_opposite_by_a_prefix_is_no_typo(sheet, column, written):
    refused(sheet, column, written)


# ---------------------------------------------------------------------------------------------- properties

CODES = [(v, c) for v in CHOICE_VOCABS for c in v.codes]


@st.composite
def typed_like(draw: st.DrawFn, code: str) -> str:
    seps = st.sampled_from([" ", "_", "-", "  ", " - ", "__"])
    text = "".join(draw(seps) if ch == "_" else (ch.upper() if draw(st.booleans()) else ch) for ch in code)
    left, right = draw(st.sampled_from([("", ""), ("(", ")"), ('"', '"'), ("[", "]."), (" ", "  ")]))
    return f"{left}{text}{right}"


@given(st.data())
def test_any_code_is_read_back_as_itself_in_any_case_or_spacing(data):
    vocab, code = data.draw(st.sampled_from(CODES))
    for column in vocab.columns:
        sheet, _, name = column.partition(".")
        assert read_choice(data.draw(typed_like(code)), sheet, name) == ChoiceReading(code, "code", code)


SPELLINGS = [(v, k, c) for v in [*CHOICE_VOCABS, *YES_NO_VOCABS] for k, c in v.spellings.items()]


@pytest.mark.parametrize(("vocab", "spelling", "code"), SPELLINGS, ids=lambda x: getattr(x, "name", str(x)))
def test_every_spelling_reads_to_its_code_within_its_columns_choices(vocab, spelling, code):
    if vocab in YES_NO_VOCABS:
        for sheet, column in [c.split(".") for c in vocab.columns] or [(None, None)]:
            result = read_yes_no(vocab.shown[spelling], sheet, column)
            assert result is not None and result[1] == ChoiceReading(code, "synonym", vocab.shown[spelling])
        return
    for column in vocab.columns:
        sheet, _, name = column.partition(".")
        reading = read_choice(vocab.shown[spelling], sheet, name)
        assert reading == ChoiceReading(code, "synonym", vocab.shown[spelling])
        assert reading.code in SHEETS_BY_NAME[sheet].column(name).choices


@given(st.sampled_from([(v, k, c) for v, k, c in SPELLINGS if v not in YES_NO_VOCABS]), st.data())
def test_no_spelling_of_one_vocabulary_reads_outside_its_columns_choices(entry, data):
    vocab, spelling, code = entry
    written = "".join(ch.upper() if data.draw(st.booleans()) else ch for ch in vocab.shown[spelling])
    for column in vocab.columns:
        sheet, _, name = column.partition(".")
        reading = read_choice(f" {written} ", sheet, name)
        assert reading is not None and reading.code == code
        assert reading.code in SHEETS_BY_NAME[sheet].column(name).choices


@pytest.mark.parametrize(("vocab", "keyword"), KEYWORDS, ids=lambda x: getattr(x, "name", str(x)))
def test_every_keyword_alone_reads_to_its_code(vocab, keyword):
    reading = read_choice(keyword, *served(vocab))
    assert reading is not None and reading.code == vocab.keywords[tuple(keyword.split(" "))]


def test_vocabularies_are_loaded_once():
    assert vocabularies() is vocabularies()
    assert vocabulary_for("fees", "paid_by") is vocabulary_for("events", "paid_by")


def test_vocabulary_files_live_next_to_the_module():
    assert Path(values.__file__).parent / "vocab" / "values" == values.VOCAB_DIR == vocabulary.VOCAB_DIR
    assert sorted(p.name for p in values.VOCAB_DIR.glob("*.yaml"))[0] == "_common.yaml"


# ---------------------------------------------------------------------------------------------- doubt and qualifiers
# A party word is not read out of a cell whose other words change its meaning (a question mark, a deduction, a
# refund, a copy, a return, a qualified yes).

def test_a_stem_refuses_every_word_it_begins_and_an_exact_spelling_still_reads(vocab_dir):
    (vocab_dir / "role.yaml").write_text(role(
        "{recruiter: {spellings: [deducting agency, 'Agent?']}, sub_agent: {}}",
        extra="  refuse: [{phrases: ['deduct*', 'from wage*'], reason: mentions a deduction}]\n"), encoding="utf-8")
    for text in ("Recruiter (deducted)", "recruiter deductions", "Recruiter, from wages", "Recruiter - deduct"):
        assert "mentions a deduction" in refused("agencies", "role", text)
    assert read_choice("Deducting agency", "agencies", "role") == ChoiceReading("recruiter", "synonym",
                                                                              "deducting agency")
    assert read_choice("Recruiter (undeducted)", "agencies", "role").code == "recruiter"  # a stem begins the word
    assert read_choice("agent?", "agencies", "role") == ChoiceReading("recruiter", "synonym", "Agent?")
    assert "question mark" in refused("agencies", "role", "Sub-agent?")


QUESTION_MARKS = ["?", "??", " ?", "？", "(?)", " ¿?", "؟", " ❓"]
CODES_WITH_DOUBT = [(v, c, q) for v in CHOICE_VOCABS for c in v.codes for q in QUESTION_MARKS[:2]]


@pytest.mark.parametrize(("vocab", "code", "mark"), CODES_WITH_DOUBT, ids=lambda x: getattr(x, "name", str(x)))
def test_a_code_followed_by_a_question_mark_is_refused_in_every_vocabulary(vocab, code, mark):
    for column in vocab.columns:
        assert "question mark" in refused(*column.split("."), f"{code}{mark}")


@pytest.mark.parametrize("mark", QUESTION_MARKS)
def test_any_question_mark_is_doubt_whatever_script_it_is_written_in(mark):
    assert "question mark" in refused("fees", "paid_by", f"Employer{mark}")
    assert "question mark" in refused("documents", "held_by", f"Worker{mark}")
    assert "question mark" in refused_yes_no(f"Yes{mark}")


@pytest.mark.parametrize("text", ["Yes?", "No?", "Worker?", "是？", "有？", "Employer? (check)", "?", "???"])
def test_a_doubtful_yes_no_is_refused_not_read_as_certain(text):
    assert "a sign of doubt" in refused_yes_no(text)


PAYER_MISREADS = [
    # the worker bore it through a wage deduction, or paid and awaits a refund, or nobody has paid yet
    ("Employer (deducted from salary)", "wage deduction"), ("Employer - salary cut", "wage deduction"),
    ("Employer, cut from wages", "wage deduction"), ("Company (deduction)", "wage deduction"),
    ("Deducted from salary", "wage deduction"), ("Sponsor, from salary", "wage deduction"),
    ("雇主（从工资扣）", "wage deduction"), ("Employer loan", "a loan or an advance"),
    ("Advance from employer", "a loan or an advance"), ("Agent (borrowed)", "a loan or an advance"),
    ("Paid by agent on behalf of worker", "a loan or an advance"), ("雇主垫付", "a loan or an advance"),
    ("Refunded by agency", "a refund or a repayment"), ("Agency (reimbursed later)", "a refund or a repayment"),
    ("Employer - repaid", "a refund or a repayment"), ("Recovered from worker", "a refund or a repayment"),
    ("Paid to agent", "who received the money"),
    ("Employer will reimburse", "will or should pay"), ("Employer to pay", "will or should pay"),
    ("To be paid by employer", "will or should pay"), ("Employer shall bear", "will or should pay"),
    ("Company going to pay", "will or should pay"), ("Promised by employer", "will or should pay"),
    ("Employer agreed to pay", "will or should pay"), ("Pending - employer", "will or should pay"),
    ("公司会付", "will or should pay"), ("雇主承诺支付", "will or should pay"),
]


@pytest.mark.parametrize(("text", "reason"), PAYER_MISREADS)
def test_a_payer_word_is_not_read_out_of_a_cell_that_says_someone_else_bore_the_cost(text, reason):
    for sheet in ("fees", "events"):
        assert reason in refused(sheet, "paid_by", text)


def test_a_wage_deduction_is_the_method_of_a_fee_not_its_payer():
    assert "wage deduction" in refused("fees", "paid_by", "Deducted from salary")
    assert read_choice("Deducted from salary", "fees", "method") == ChoiceReading(
        "wage_deduction", "synonym", "deducted from salary")


PAYER_EXACT = [
    ("Worker (deducted from salary)", "worker"), ("Worker (salary deduction)", "worker"),
    ("Deducted from worker's salary", "worker"), ("Worker (loan)", "worker"), ("Worker loan", "worker"),
    ("Worker took a loan", "worker"), ("Worker (to be reimbursed)", "worker"), ("Self (to be reimbursed)", "worker"),
    ("Paid by employer", "employer"), ("Employer paid", "employer"), ("Company", "employer"), ("Self", "worker"),
    ("By worker", "worker"), ("At employer's cost", "employer"), ("Employer", "employer"),
]


@pytest.mark.parametrize(("text", "code"), PAYER_EXACT)
def test_exact_payer_spellings_naming_how_the_worker_bore_it_still_read(text, code):
    reading = read_choice(text, "fees", "paid_by")
    assert reading is not None and reading.code == code and reading.how in ("code", "synonym")


def test_a_contract_states_who_will_pay_the_journey_home_so_a_future_form_is_read_there():
    # "To be borne by the employer" is how a contract says it; the fee or the journey already made is refused.
    for text in ("To be paid by employer", "Employer will pay", "Employer shall bear"):
        assert read_choice(text, "contracts", "repatriation_paid_by").code == "employer"
        assert "will or should pay" in refused("events", "paid_by", text)
    assert "wage deduction" in refused("contracts", "repatriation_paid_by", "Employer (deducted from final salary)")


def test_the_fees_payer_extends_the_contract_payer_and_keeps_its_typos():
    payer, base = vocabulary_for("fees", "paid_by"), vocabulary_for("contracts", "repatriation_paid_by")
    assert (payer.name, base.name) == ("payer", "payer_in_contract")
    assert set(base.spellings.items()) <= set(payer.spellings.items())
    assert set(base.fuzzy_targets) <= set(payer.fuzzy_targets)
    assert read_choice("emploer", "fees", "paid_by") == ChoiceReading("employer", "fuzzy", "employer")


@given(st.sampled_from([(v, p) for v in (vocabularies()["payer"], vocabularies()["holder"])
                        for p in v.refusals if v.refusals[p] not in vocabularies()[YES_NO].refusals.values()]),
       st.data())
def test_a_party_word_with_any_refused_phrase_of_its_vocabulary_is_refused(entry, data):
    vocab, pattern = entry
    code = data.draw(st.sampled_from(vocab.codes))
    phrase = " ".join(w.removesuffix("*") + ("ed" if w.endswith("*") else "") for w in pattern)
    text = data.draw(st.sampled_from([f"{code} ({phrase})", f"{phrase} {code}", f"{code} - {phrase}"]))
    with pytest.raises(CellError):
        read_choice(text, *served(vocab))


HOLDER_MISREADS = [
    ("Photocopy with agency", "a copy is not the document"), ("Copy with employer", "a copy is not the document"),
    ("Scanned copy - agent", "a copy is not the document"), ("Xerox with agent", "a copy is not the document"),
    ("Agency (photo copy)", "a copy is not the document"), ("复印件在中介", "a copy is not the document"),
    ("Employer - returned", "was given back"), ("Employer (given back)", "was given back"),
    ("Agency, handed back", "was given back"), ("Released by employer", "was given back"),
    ("Returned", "was given back"), ("雇主已归还", "was given back"), ("已退还", "was given back"),
    ("Lost by agency", "held by no one"), ("Was with agent", "past or future holder"),
    ("Previously employer", "past or future holder"), ("Worker will collect", "past or future holder"),
]


@pytest.mark.parametrize(("text", "reason"), HOLDER_MISREADS)
def test_a_holder_word_is_not_read_out_of_a_cell_about_a_copy_or_a_return(text, reason):
    assert reason in refused("documents", "held_by", text)


@pytest.mark.parametrize(("text", "code"), [
    ("Returned to worker", "worker"), ("Returned to the worker", "worker"), ("Handed back to worker", "worker"),
    ("Given back to the worker", "worker"), ("Released to worker", "worker"), ("已归还工人", "worker"),
    ("Kept by agent", "agency"), ("With employer", "employer"), ("Original with employer", "employer"),
])
def test_exact_holder_spellings_and_an_original_still_read(text, code):
    reading = read_choice(text, "documents", "held_by")
    assert reading is not None and reading.code == code


@pytest.mark.parametrize(("text", "reason"), [
    ("Employer (to be paid)", "will or should receive"), ("Will be paid to worker", "will or should receive"),
    ("Employer (deducted)", "mentions a deduction"), ("Worker?", "question mark"),
])
def test_a_wage_recipient_is_not_read_out_of_a_future_or_a_deduction(text, reason):
    assert reason in refused("wage_payments", "paid_to", text)


@pytest.mark.parametrize("text", ["Worker (after deductions)", "Worker less deductions", "Own bank account",
                                  "Paid to worker"])
def test_a_net_wage_paid_to_the_worker_still_reads(text):
    assert read_choice(text, "wage_payments", "paid_to").code == "worker"


QUALIFIED = ["Yes but late", "Yes, after 3 months", "Yes but only the copy", "Yes, later", "Yes, if asked",
             "Yes (delayed)", "Yes, eventually", "Yes - only after complaint", "Yes, some", "是，但是晚了",
             "是，后来还了", "Ho, tara dhilo", "Haan lekin baad mein", "No, but returned later", "Yes, partly"]


@pytest.mark.parametrize("text", QUALIFIED)
def test_a_qualified_yes_is_refused_since_a_late_return_may_be_a_finding(text):
    message = refused_yes_no(text)
    assert "qualified answer" in message or "not a plain answer" in message
    assert "\n" not in message


@pytest.mark.parametrize(("text", "code"), [
    ("Yes - confirmed", "yes"), ("yes (verified)", "yes"), ("No - refused", "no"), ("No, never", "no"),
    ("Yes, when asked", "yes"), ("Yes, signed copy", "yes")])
def test_a_plain_yes_or_no_with_a_note_still_reads(text, code):
    result = read_yes_no(text)
    assert result is not None and result[1].code == code


@pytest.mark.parametrize("text", ["Yes, oral only", "Yes (verbal only)", "Only verbal", "Verbal only",
                                  "Yes, but verbally"])
def test_an_oral_consent_written_with_only_or_but_still_reads_as_oral(text):
    reading = read_choice(text, "documents", "worker_consent")
    assert reading is not None and (reading.code, reading.how) == ("yes", "synonym")


@pytest.mark.parametrize(("text", "answer"), [
    ("Copy given", True), ("Receipt issued", True), ("Itemised bill", True), ("Itemized receipt", True),
    ("Provided", True), ("已提供", True), ("No copy", False), ("Receipt not given", False), ("Not itemised", False),
    ("Copy not provided", False), ("未提供", False),
])
def test_a_paper_said_to_be_given_or_named_as_missing_is_a_yes_or_a_no(text, answer):
    assert read_yes_no(text)[0] is answer


def test_a_bare_not_given_is_refused_because_it_may_mean_not_stated():
    assert "contains a negation" in refused_yes_no("Not given")


@pytest.mark.parametrize("text", ["Release (NOC) refused", "Release rejected", "Release NOC denied"])
def test_a_refused_release_letter_is_a_refused_employer_change(text):
    assert read_choice(text, "events", "event").code == "employer_change_refused"


@pytest.mark.parametrize(("sheet", "column", "written", "code"), [
    ("fees", "paid_by", "Emigrant", "worker"), ("fees", "paid_by", "FDW", "worker"),
    ("fees", "paid_by", "Establishment", "employer"), ("documents", "held_by", "Applicant", "worker"),
    ("documents", "held_by", "Recruitment Office", "agency"), ("wage_payments", "paid_to", "Applicant", "worker"),
    ("fees", "category", "COC exam fee", "skills_test"), ("fees", "category", "Tea money", "bribe"),
    ("fees", "category", "Under-table payment", "bribe"), ("fees", "category", "Guarantee Deposit", "deposit"),
    ("fees", "category", "Mordida", "bribe"), ("fees", "category", "kaucja", "deposit"),
    ("fees", "paid_by", "Patrón", "employer"), ("fees", "paid_by", "pracownik", "worker"),
    ("documents", "held_by", "angajatorul", "employer"), ("fees", "method", "Descuento vía nómina", "wage_deduction"),
    ("events", "event", "Not allowed to go out", "confined"), ("events", "event", "Resign refused",
                                                                "resignation_refused"),
    ("events", "event", "Cambio de patrón negado", "employer_change_refused"),
])
def test_fifth_holdout_office_words_are_read_in_their_columns(sheet, column, written, code):
    got = values.read_choice(written, sheet, column)
    assert got is not None and got.code == code


@pytest.mark.parametrize(("sheet", "column", "written"), [
    ("fees", "category", "garanție"),  # guarantee: a deposit or a bond
    ("fees", "category", "Broker service fee"),  # a broker's fee or a service fee
    ("events", "event", "zwolniony"),  # Polish dismissed, also released or exempt
    ("events", "event", "Request to leave refused"),  # resignation, or a day's leave?
])
def test_fifth_holdout_words_that_could_mean_two_things_stay_unread(sheet, column, written):
    assert refused(sheet, column, written)
