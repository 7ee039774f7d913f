"""The input workbook contract: every sheet and column the checker reads.

This module is the single place the contract is written down. The loader validates against it, the
`template` command writes it out (with the instructions sheet) and the README documents it from it.
Sheet and column names are public: renaming one breaks users' spreadsheets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """How a cell is parsed. Each kind has one parser in cells.py."""

    ID = "id"  # identifier of the row in its own sheet; unique, never blank
    REF = "ref"  # identifier of a row in another sheet (ColumnSpec.refers_to)
    TEXT = "text"
    DATE = "date"
    AMOUNT = "amount"  # money or a count: a number >= 0, thousands separators allowed
    NUMBER = "number"  # a number >= 0 that is not money (hours, days, months)
    YESNO = "yesno"
    CHOICE = "choice"  # one of ColumnSpec.choices (synonyms allowed)
    LIST = "list"  # several values, comma separated (languages)


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: Kind
    help: str
    # The column must exist in the sheet; otherwise the whole sheet cannot be read.
    required_column: bool = False
    # A blank or unreadable cell here rejects the row (it cannot be evaluated or attached to a worker).
    required_value: bool = False
    choices: tuple[str, ...] = ()
    # Accepted spellings mapped to a choice, after lower-casing and turning spaces/hyphens into underscores.
    synonyms: dict[str, str] = field(default_factory=dict)
    refers_to: str | None = None  # sheet name, for Kind.REF
    example: str = ""


@dataclass(frozen=True)
class SheetSpec:
    name: str
    help: str
    columns: tuple[ColumnSpec, ...]
    required_sheet: bool = True
    # The column whose value identifies a row; None when rows have no identifier of their own.
    key: str | None = None

    def column(self, name: str) -> ColumnSpec:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name}.{name}")


def _c(name: str, kind: Kind, help: str, **kw: object) -> ColumnSpec:
    return ColumnSpec(name=name, kind=kind, help=help, **kw)  # type: ignore[arg-type]


# Fee categories follow the ILO 2019 Definition of recruitment fees and related costs:
# recruitment fees; related costs (i)-(vii); illegitimate costs.
FEE_CATEGORIES: tuple[str, ...] = (
    "recruitment_fee", "placement_fee", "service_fee",
    "medical", "insurance", "skills_test", "training", "orientation", "equipment",
    "travel", "lodging", "visa", "passport", "work_permit", "administrative",
    "bribe", "kickback", "extortion", "illegal_cost_recovery",
    "deposit", "bond", "collateral",
    "other",
)
FEE_SYNONYMS = {
    "recruitment": "recruitment_fee", "placement": "placement_fee", "service": "service_fee",
    "service_charge": "service_fee", "agency_fee": "recruitment_fee", "commission": "recruitment_fee",
    "medical_exam": "medical", "medical_examination": "medical", "health_check": "medical",
    "skills": "skills_test", "skill_test": "skills_test", "trade_test": "skills_test",
    "language_test": "skills_test", "test": "skills_test", "certification": "skills_test",
    "training/orientation": "training", "training_orientation": "training",
    "pre_departure_orientation": "orientation", "airfare": "travel", "air_ticket": "travel",
    "ticket": "travel", "transport": "travel", "accommodation": "lodging",
    "other_administrative": "administrative", "admin": "administrative", "permit": "work_permit",
    "security_deposit": "deposit", "guarantee": "bond", "tribute": "bribe",
    "招聘费": "recruitment_fee", "中介费": "recruitment_fee", "服务费": "service_fee", "体检": "medical",
    "保险": "insurance", "培训": "training", "机票": "travel", "签证": "visa", "护照": "passport",
    "押金": "deposit", "保证金": "bond", "贿赂": "bribe", "回扣": "kickback", "其他": "other",
}

AGENCY_ROLES = ("recruiter", "sub_agent", "employer_agent")
CONTRACT_STAGES = ("offer", "pre_departure", "destination")
PAYERS = ("worker", "employer", "agency", "other")
LENDERS = ("agency", "employer", "bank", "family", "moneylender", "other")
METHODS = ("cash", "bank", "wage_deduction", "loan")
DOCUMENTS = ("passport", "national_id", "work_permit", "visa", "contract", "bank_card")
HOLDERS = ("worker", "employer", "agency", "other")
CONSENT = ("yes", "no", "written")
SEXES = ("female", "male", "other")

_YES_NO_CN = {"是": "yes", "否": "no"}

SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        name="agencies",
        key="agency_id",
        help="Recruitment agencies, sub-agents and brokers, one row each.",
        columns=(
            _c("agency_id", Kind.ID, "Your identifier for the agency.", required_column=True,
               required_value=True, example="AG-01"),
            _c("name", Kind.TEXT, "Agency name.", example="Sunrise Manpower"),
            _c("country", Kind.TEXT, "Country where the agency operates.", example="Nepal"),
            _c("licence_number", Kind.TEXT, "Licence or registration number; blank if none.",
               required_column=True, example="DoFE-1234"),
            _c("licence_valid_from", Kind.DATE, "First day the licence is valid.", required_column=True,
               example="2021-01-01"),
            _c("licence_valid_to", Kind.DATE, "Last day the licence is valid.", required_column=True,
               example="2026-12-31"),
            _c("role", Kind.CHOICE, "recruiter, sub_agent or employer_agent.", choices=AGENCY_ROLES,
               synonyms={"sub-agent": "sub_agent", "subagent": "sub_agent", "broker": "sub_agent",
                         "agent": "sub_agent", "recruitment_agency": "recruiter"},
               example="recruiter"),
            _c("parent_agency_id", Kind.REF, "For a sub-agent: the licensed agency it works for.",
               refers_to="agencies", example=""),
        ),
    ),
    SheetSpec(
        name="employers",
        key="employer_id",
        help="Employers in the country of destination, one row each.",
        columns=(
            _c("employer_id", Kind.ID, "Your identifier for the employer.", required_column=True,
               required_value=True, example="EM-01"),
            _c("name", Kind.TEXT, "Employer name.", example="Gulf Build LLC"),
            _c("country", Kind.TEXT, "Country of employment.", example="Qatar"),
            _c("sector", Kind.TEXT, "Economic sector.", example="construction"),
        ),
    ),
    SheetSpec(
        name="workers",
        key="worker_id",
        help="Migrant workers, one row each.",
        columns=(
            _c("worker_id", Kind.ID, "Your identifier for the worker.", required_column=True,
               required_value=True, example="W-001"),
            _c("name", Kind.TEXT, "Worker name.", example="Asha Rai"),
            _c("sex", Kind.CHOICE, "female, male or other.", choices=SEXES,
               synonyms={"f": "female", "m": "male", "woman": "female", "man": "male", "女": "female",
                         "男": "male"}, example="female"),
            _c("date_of_birth", Kind.DATE, "Date of birth.", required_column=True, example="1996-04-12"),
            _c("nationality", Kind.TEXT, "Nationality.", example="Nepal"),
            _c("languages", Kind.LIST, "Languages the worker understands, comma separated.",
               required_column=True, example="Nepali, Hindi"),
            _c("occupation", Kind.TEXT, "Occupation.", example="mason"),
            _c("origin_country", Kind.TEXT, "Country the worker was recruited from.", example="Nepal"),
            _c("destination_country", Kind.TEXT, "Country of employment.", example="Qatar"),
            _c("agency_id", Kind.REF, "Agency that recruited the worker; blank if recruited directly.",
               required_column=True, refers_to="agencies", example="AG-01"),
            _c("employer_id", Kind.REF, "Employer in the country of destination.", refers_to="employers",
               example="EM-01"),
            _c("recruited_on", Kind.DATE, "Date the agency recruited the worker (first contact or sign-up).",
               required_column=True, example="2024-02-01"),
            _c("departed_on", Kind.DATE, "Date the worker left the country of origin; blank if not yet.",
               required_column=True, example="2024-05-20"),
            _c("first_month_earnings", Kind.AMOUNT, "Gross earnings in the first month of work.",
               example="1200"),
            _c("earnings_currency", Kind.TEXT, "Currency of first_month_earnings (ISO code).", example="QAR"),
        ),
    ),
    SheetSpec(
        name="contracts",
        key="contract_id",
        help="Job offers and employment contracts, one row per version (offer, pre-departure, destination).",
        columns=(
            _c("contract_id", Kind.ID, "Your identifier for this contract version.", required_column=True,
               required_value=True, example="C-001"),
            _c("worker_id", Kind.REF, "Worker the contract is for.", required_column=True,
               required_value=True, refers_to="workers", example="W-001"),
            _c("stage", Kind.CHOICE, "offer, pre_departure or destination.", choices=CONTRACT_STAGES,
               required_column=True,
               synonyms={"job_offer": "offer", "predeparture": "pre_departure", "origin": "pre_departure",
                         "arrival": "destination", "post_arrival": "destination"}, example="pre_departure"),
            _c("written", Kind.YESNO, "Is it a written document?", required_column=True, example="yes"),
            _c("language", Kind.TEXT, "Language the contract is written in.", required_column=True,
               example="Nepali"),
            _c("signed_on", Kind.DATE, "Date the worker signed it.", required_column=True,
               example="2024-04-02"),
            _c("copy_given_to_worker", Kind.YESNO, "Did the worker receive a copy?", example="yes"),
            _c("job_title", Kind.TEXT, "Job title or type of work.", example="mason"),
            _c("monthly_wage", Kind.AMOUNT, "Monthly wage.", example="1200"),
            _c("currency", Kind.TEXT, "Currency of monthly_wage (ISO code).", example="QAR"),
            _c("hours_per_week", Kind.NUMBER, "Normal hours of work per week.", example="48"),
            _c("rest_days_per_week", Kind.NUMBER, "Rest days per week.", example="1"),
            _c("duration_months", Kind.NUMBER, "Contract duration in months.", example="24"),
            _c("annual_leave_days", Kind.NUMBER, "Paid annual leave in days.", example="21"),
            _c("accommodation", Kind.TEXT, "Accommodation terms, and any cost to the worker.",
               example="free, shared room"),
            _c("repatriation_paid_by", Kind.CHOICE, "Who pays the journey home: employer, agency, worker.",
               choices=PAYERS, example="employer"),
        ),
    ),
    SheetSpec(
        name="fees",
        key="fee_id",
        help=("Every fee or cost in the recruitment process, whoever paid it. Record a row with amount 0 "
              "when a worker declares they paid nothing."),
        columns=(
            _c("fee_id", Kind.ID, "Your identifier for this payment.", required_column=True,
               required_value=True, example="F-001"),
            _c("worker_id", Kind.REF, "Worker the cost relates to.", required_column=True,
               required_value=True, refers_to="workers", example="W-001"),
            _c("agency_id", Kind.REF, "Agency that collected or charged it, if any.", refers_to="agencies",
               example="AG-01"),
            _c("category", Kind.CHOICE, "What the payment was for (ILO 2019 Definition categories).",
               choices=FEE_CATEGORIES, synonyms=FEE_SYNONYMS, required_column=True, example="medical"),
            _c("amount", Kind.AMOUNT, "Amount paid.", required_column=True, example="15000"),
            _c("currency", Kind.TEXT, "Currency of the amount (ISO code).", required_column=True,
               example="NPR"),
            _c("paid_by", Kind.CHOICE, "Who bore the cost: worker, employer, agency or other.",
               choices=PAYERS, required_column=True,
               synonyms={"migrant": "worker", "worker_family": "worker", "family": "worker"},
               example="worker"),
            _c("paid_on", Kind.DATE, "Date paid.", example="2024-03-10"),
            _c("method", Kind.CHOICE, "cash, bank, wage_deduction or loan.", choices=METHODS,
               synonyms={"bank_transfer": "bank", "transfer": "bank", "deduction": "wage_deduction",
                         "salary_deduction": "wage_deduction", "deducted_from_wages": "wage_deduction",
                         "borrowed": "loan"}, example="cash"),
            _c("reimbursed_amount", Kind.AMOUNT, "Amount already paid back to the worker; blank means none.",
               example="0"),
            _c("lender", Kind.CHOICE,
               "Optional. When method is loan: who lent the money (agency, employer, bank, family, "
               "moneylender, other).", choices=LENDERS, example=""),
        ),
    ),
    SheetSpec(
        name="documents",
        help=("Who holds each worker's documents. Record passports held by the worker too: "
              "no row means no evidence."),
        columns=(
            _c("worker_id", Kind.REF, "Worker the document belongs to.", required_column=True,
               required_value=True, refers_to="workers", example="W-001"),
            _c("document", Kind.CHOICE, "passport, national_id, work_permit, visa, contract or bank_card.",
               choices=DOCUMENTS, required_column=True, required_value=True,
               synonyms={"id": "national_id", "id_card": "national_id", "permit": "work_permit",
                         "residence_permit": "work_permit", "residence_card": "work_permit",
                         "iqama": "work_permit", "atm_card": "bank_card", "护照": "passport"},
               example="passport"),
            _c("document_number", Kind.TEXT, "The document's number, if you record it: kept in the JSON report's "
               "evidence so the document can be traced; --redact replaces it with a pseudonym.",
               example="PA1234567"),
            _c("held_by", Kind.CHOICE, "worker, employer, agency or other.", choices=HOLDERS,
               required_column=True, example="employer"),
            _c("held_since", Kind.DATE, "Since when the holder has it.", example="2024-05-21"),
            _c("worker_consent", Kind.CHOICE, "Did the worker agree to the holding: yes, no, written.",
               choices=CONSENT, synonyms={**_YES_NO_CN, "y": "yes", "n": "no", "true": "yes",
                                          "false": "no", "1": "yes", "0": "no"}, example="no"),
            _c("returned_on_request", Kind.YESNO, "Was it returned when the worker asked?", example="no"),
        ),
    ),
    SheetSpec(
        name="complaints",
        key="complaint_id",
        required_sheet=False,
        help="Optional. Complaints received from or about workers.",
        columns=(
            _c("complaint_id", Kind.ID, "Your identifier for the complaint.", required_column=True,
               required_value=True, example="CP-01"),
            _c("worker_id", Kind.REF, "Worker concerned.", required_column=True, required_value=True,
               refers_to="workers", example="W-001"),
            _c("agency_id", Kind.REF, "Agency complained about.", refers_to="agencies", example="AG-01"),
            _c("received_on", Kind.DATE, "Date received.", example="2024-07-01"),
            _c("allegation", Kind.TEXT, "What the worker alleges.", example="passport kept by employer"),
            _c("status", Kind.TEXT, "Status of the complaint.", example="open"),
        ),
    ),
)

SHEETS_BY_NAME: dict[str, SheetSpec] = {s.name: s for s in SHEETS}
