"""The input workbook contract: every sheet and column the checker reads.

This module is the single place the contract is written down. The loader validates against it, the
`template` command writes it out (with the instructions sheet) and the README documents it from it.
Sheet and column names are public: renaming one breaks users' spreadsheets.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    CHOICE = "choice"  # one of ColumnSpec.choices; free text is read through vocab/values/ (values.py)
    LIST = "list"  # several values, comma separated (languages)
    PERIOD = "period"  # a pay month in one cell ("2024-05", "May 2024"): read as its first and last day
    CURRENCY = "currency"  # an ISO 4217 code; "Rs", "Nepali rupees", "QR", "৳" are read through vocab/currencies.yaml


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
    refers_to: str | None = None  # sheet name, for Kind.REF
    # A sheet without this column reads as if every cell were blank, because a blank here has a documented
    # meaning ("blank means none"). Any other missing column is unknown: the rules needing it cannot judge.
    absent_is_blank: bool = False
    # With required_value: a blank cell rejects the row, but an unreadable one keeps it with the value unknown
    # ("Passport + visa" held by the agency is still a document held: the rules say they cannot judge, not nothing).
    unreadable_kept: bool = False
    # Written by the template and the samples; False for an alternative layout (a pay month instead of a period).
    in_template: bool = True
    example: str = ""

    def described(self) -> str:
        """The help text, with the accepted values appended when the help does not already name them all."""
        if self.kind is Kind.CHOICE and self.choices and not all(c in self.help for c in self.choices):
            return f"{self.help} One of: {', '.join(self.choices)}."
        return self.help


@dataclass(frozen=True)
class SheetSpec:
    name: str
    help: str
    columns: tuple[ColumnSpec, ...]
    required_sheet: bool = True
    # The column whose value identifies a row; None when rows have no identifier of their own.
    key: str | None = None

    def template_columns(self) -> tuple[ColumnSpec, ...]:
        return tuple(c for c in self.columns if c.in_template)

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

AGENCY_ROLES = ("recruiter", "sub_agent", "employer_agent")
CONTRACT_STAGES = ("offer", "pre_departure", "destination")
PAYERS = ("worker", "employer", "agency", "other")
LENDERS = ("agency", "employer", "bank", "family", "moneylender", "other")
METHODS = ("cash", "bank", "wage_deduction", "loan")
DOCUMENTS = ("passport", "national_id", "work_permit", "visa", "contract", "bank_card", "certificate")
TAMPERING = ("none", "destroyed", "concealed", "falsified")
COMPLAINT_STATUSES = ("open", "resolved", "dismissed", "withdrawn")
COMPLAINT_SUBJECTS = ("fees", "wages", "documents", "contract", "movement", "violence", "harassment",
                      "discrimination", "other")
CHANNELS = ("employer", "agency", "inspectorate", "embassy", "ngo", "union", "hotline", "court", "other")
WAGE_RECIPIENTS = ("worker", "employer", "agency", "family", "other")
DEDUCTION_REASONS = ("accommodation", "food", "recruitment_cost", "advance", "tax", "social_security", "fine",
                     "other")
# Events of the optional events sheet: the list, plus the adverse actions and recruitment conditions
# that the retaliation, discrimination and deception rules look for.
EVENTS = ("resignation_requested", "resignation_refused", "employer_change_requested", "employer_change_refused",
          "confined", "repatriated", "penalty_charged", "dismissed", "reported_to_immigration",
          "pregnancy_test_required", "hiv_test_required", "job_did_not_exist")
HOLDERS = ("worker", "employer", "agency", "other")
CONSENT = ("yes", "no", "written")
SEXES = ("female", "male", "other")

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
            _c("recruiter_contract_bans_fees", Kind.YESNO, "Do the employer's contracts with its recruiters forbid "
               "charging workers any fee or cost?", example="yes"),
            _c("due_diligence_on", Kind.DATE, "Date of the employer's latest due-diligence check of its "
               "recruiters; blank if there is no record.", example="2024-01-15"),
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
            _c("sex", Kind.CHOICE, "female, male or other.", choices=SEXES, example="female"),
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
            _c("earnings_currency", Kind.CURRENCY, "Currency of first_month_earnings (ISO code).", example="QAR"),
            _c("orientation_on", Kind.DATE, "Date the worker was given written pre-departure information (rights, "
               "working and living conditions, how to complain) in a language they understand; blank if there is "
               "no record.", example="2024-05-10"),
            _c("complaint_channel_known", Kind.YESNO, "Was the worker told, in a language they understand, how to "
               "complain, including to bodies outside the employer and the agency?", example="yes"),
        ),
    ),
    SheetSpec(
        name="contracts",
        key="contract_id",
        help="Job offers and employment contracts, one row per version (offer, pre-departure, destination).",
        columns=(
            _c("contract_id", Kind.ID,
               "Your identifier for this contract version (without the column, each row is named by its row number).",
               required_column=True,
               required_value=True, example="C-001"),
            _c("worker_id", Kind.REF, "Worker the contract is for.", required_column=True,
               required_value=True, refers_to="workers", example="W-001"),
            _c("stage", Kind.CHOICE, "offer, pre_departure or destination.", choices=CONTRACT_STAGES,
               required_column=True, example="pre_departure"),
            _c("written", Kind.YESNO, "Is it a written document?", required_column=True, example="yes"),
            _c("language", Kind.TEXT, "Language the contract is written in.", required_column=True,
               example="Nepali"),
            _c("signed_on", Kind.DATE, "Date the worker signed it.", required_column=True,
               example="2024-04-02"),
            _c("copy_given_to_worker", Kind.YESNO, "Did the worker receive a copy?", example="yes"),
            _c("job_title", Kind.TEXT, "Job title or type of work.", example="mason"),
            _c("monthly_wage", Kind.AMOUNT, "Monthly wage.", example="1200"),
            _c("currency", Kind.CURRENCY, "Currency of monthly_wage (ISO code).", example="QAR"),
            _c("hours_per_week", Kind.NUMBER, "Normal hours of work per week.", example="48"),
            _c("rest_days_per_week", Kind.NUMBER, "Rest days per week.", example="1"),
            _c("duration_months", Kind.NUMBER, "Contract duration in months.", example="24"),
            _c("annual_leave_days", Kind.NUMBER, "Paid annual leave in days.", example="21"),
            _c("accommodation", Kind.TEXT, "Accommodation terms, and any cost to the worker.",
               example="free, shared room"),
            _c("repatriation_paid_by", Kind.CHOICE, "Who pays the journey home: employer, agency, worker.",
               choices=PAYERS, example="employer"),
            _c("employer_name", Kind.TEXT, "Employer named in this version.", example="Gulf Build LLC"),
            _c("work_location", Kind.TEXT, "Place of work named in this version (city, country).",
               example="Doha, Qatar"),
            _c("signed_by_worker", Kind.YESNO, "Did the worker sign this version personally, after reading it?",
               example="yes"),
            _c("waiver_clause", Kind.YESNO, "Does it contain a clause waiving the worker's legal rights or making "
               "the worker bear recruitment costs?", example="no"),
            _c("verified_by_authority", Kind.YESNO, "Was this version verified or registered by a public "
               "authority (labour attaché, ministry)?", example="yes"),
            _c("advertised", Kind.YESNO, "For an offer: was it published as an advert (newspaper, social media, "
               "poster)?", example="no"),
            _c("says_no_fees", Kind.YESNO, "For an offer or advert: does it say the job is free of fees?",
               example="yes"),
            _c("licence_number_shown", Kind.YESNO, "For an advert: does it show the recruiter's licence number?",
               example="yes"),
        ),
    ),
    SheetSpec(
        name="fees",
        key="fee_id",
        help=("Every fee or cost in the recruitment process, whoever paid it. Record a row with amount 0 "
              "when a worker declares they paid nothing."),
        columns=(
            _c("fee_id", Kind.ID, ("Your identifier for this payment (without the column, each row is named by its row "
                "number)."), required_column=True,
               required_value=True, example="F-001"),
            _c("worker_id", Kind.REF, "Worker the cost relates to.", required_column=True,
               required_value=True, refers_to="workers", example="W-001"),
            _c("agency_id", Kind.REF, "Agency that collected or charged it, if any.", refers_to="agencies",
               example="AG-01"),
            _c("category", Kind.CHOICE, "What the payment was for (ILO 2019 Definition categories).",
               choices=FEE_CATEGORIES, required_column=True, example="medical"),
            _c("amount", Kind.AMOUNT, "Amount paid.", required_column=True, example="15000"),
            _c("currency", Kind.CURRENCY, "Currency of the amount (ISO code).", required_column=True,
               example="NPR"),
            _c("paid_by", Kind.CHOICE, "Who bore the cost: worker, employer, agency or other.",
               choices=PAYERS, required_column=True,
               example="worker"),
            _c("paid_on", Kind.DATE, "Date paid.", example="2024-03-10"),
            _c("method", Kind.CHOICE, "cash, bank, wage_deduction or loan.", choices=METHODS, example="cash"),
            _c("reimbursed_amount", Kind.AMOUNT, "Amount already paid back to the worker; blank means none.",
               absent_is_blank=True,
               example="0"),
            _c("lender", Kind.CHOICE,
               "Optional. When method is loan: who lent the money (agency, employer, bank, family, "
               "moneylender, other).", choices=LENDERS, example=""),
            _c("receipt", Kind.YESNO, "Was the worker given a receipt for this payment?", example="yes"),
            _c("itemised", Kind.YESNO, "Does the receipt or invoice list what each amount is for?", example="yes"),
            _c("disclosed_before_acceptance", Kind.YESNO, "Was the worker told of this cost before accepting the "
               "job offer?", example="yes"),
        ),
    ),
    SheetSpec(
        name="documents",
        help=("Who holds each worker's documents. Record passports held by the worker too: "
              "no row means no evidence."),
        columns=(
            _c("worker_id", Kind.REF, "Worker the document belongs to.", required_column=True,
               required_value=True, refers_to="workers", example="W-001"),
            _c("document", Kind.CHOICE, "passport, national_id, work_permit, visa, contract, bank_card or "
               "certificate (diplomas, skills certificates).",
               choices=DOCUMENTS, required_column=True, required_value=True, unreadable_kept=True,
               example="passport"),
            _c("document_number", Kind.TEXT, "The document's number, if you record it: kept in the JSON report's "
               "evidence so the document can be traced; --redact replaces it with a pseudonym.",
               example="PA1234567"),
            _c("held_by", Kind.CHOICE, "worker, employer, agency or other.", choices=HOLDERS,
               required_column=True, example="employer"),
            _c("held_since", Kind.DATE, "Since when the holder has it.", example="2024-05-21"),
            _c("worker_consent", Kind.CHOICE, "Did the worker agree to the holding: written, yes (orally only), or no.",
               choices=CONSENT, example="no"),
            _c("returned_on_request", Kind.YESNO, "Was it returned when the worker asked?", example="no"),
            _c("tampered", Kind.CHOICE, "Was the document destroyed, concealed or falsified by whoever held it: "
               "none, destroyed, concealed or falsified.", choices=TAMPERING,
               example="none"),
        ),
    ),
    SheetSpec(
        name="complaints",
        key="complaint_id",
        required_sheet=False,
        help="Optional. Complaints received from or about workers.",
        columns=(
            _c("complaint_id", Kind.ID,
               "Your identifier for the complaint (without the column, each row is named by its row number).",
               required_column=True,
               required_value=True, example="CP-01"),
            _c("worker_id", Kind.REF, "Worker concerned.", required_column=True, required_value=True,
               refers_to="workers", example="W-001"),
            _c("agency_id", Kind.REF, "Agency complained about.", refers_to="agencies", example="AG-01"),
            _c("received_on", Kind.DATE, "Date received.", example="2024-07-01"),
            _c("allegation", Kind.TEXT, "What the worker alleges.", example="passport kept by employer"),
            _c("status", Kind.CHOICE, "open, resolved, dismissed or withdrawn.", choices=COMPLAINT_STATUSES,
               example="open"),
            _c("subject", Kind.CHOICE, "What it is about: fees, wages, documents, contract, movement, violence, "
               "harassment, discrimination or other.", choices=COMPLAINT_SUBJECTS,
               example="documents"),
            _c("channel", Kind.CHOICE, "Where it was filed: employer, agency, inspectorate, embassy, ngo, union, "
               "hotline, court or other.", choices=CHANNELS,
               example="ngo"),
            _c("in_worker_language", Kind.YESNO, "Could the worker use the channel in a language they "
               "understand?", example="yes"),
            _c("cost_to_worker", Kind.AMOUNT, "What the worker had to pay to file or pursue it.", example="0"),
            _c("substantiated", Kind.YESNO, "Was the complaint found to be well founded?", example="yes"),
            _c("retaliation_reported", Kind.YESNO, "Did the worker report retaliation after complaining?",
               example="no"),
            _c("resolved_on", Kind.DATE, "Date it was resolved or closed.", example="2024-08-15"),
            _c("remedy_due", Kind.AMOUNT, "Money the resolution awards the worker.", example="15000"),
            _c("remedy_paid", Kind.AMOUNT, "Money actually paid to the worker so far; blank means none.",
               absent_is_blank=True,
               example="15000"),
            _c("currency", Kind.CURRENCY, "Currency of cost_to_worker, remedy_due and remedy_paid (ISO code).",
               example="NPR"),
        ),
    ),
    SheetSpec(
        name="wage_payments",
        required_sheet=False,
        help="Optional. One row per pay period per worker: what was due, what was paid, when and to whom.",
        columns=(
            _c("worker_id", Kind.REF, "Worker paid.", required_column=True, required_value=True,
               refers_to="workers", example="W-001"),
            _c("period_start", Kind.DATE, "First day of the pay period (or give the period column).",
               required_column=True,
               example="2024-06-01"),
            _c("period_end", Kind.DATE, "Last day of the pay period.", required_column=True, example="2024-06-30"),
            _c("period", Kind.PERIOD, "Instead of period_start and period_end: the pay month (2024-05, May 2024, "
               "05/2024) or the period as a range (2024-05-01 to 2024-05-31).", example="", in_template=False),
            _c("due_on", Kind.DATE, "Date the wage was due (by law or contract).", example="2024-07-07"),
            _c("paid_on", Kind.DATE, "Date it was paid; blank if not paid.", required_column=True,
               example="2024-07-05"),
            _c("gross", Kind.AMOUNT, "Gross wage for the period.", required_column=True, example="1200"),
            _c("deductions", Kind.AMOUNT, "Total deducted from the gross wage; blank means none.", absent_is_blank=True,
               example="100"),
            _c("deduction_reason", Kind.CHOICE, "Main reason for the deductions: accommodation, food, "
               "recruitment_cost, advance, tax, social_security, fine or other.", choices=DEDUCTION_REASONS,
               example="tax"),
            _c("deduction_consent", Kind.CHOICE, "Did the worker agree to the deductions: yes (orally), no, "
               "written.", choices=CONSENT, example="written"),
            _c("net", Kind.AMOUNT, "Amount actually paid out.", example="1100"),
            _c("currency", Kind.CURRENCY, "Currency of the amounts (ISO code).", required_column=True, example="QAR"),
            _c("paid_to", Kind.CHOICE, "Who received the money: worker, employer, agency, family or other.",
               choices=WAGE_RECIPIENTS, example="worker"),
            _c("hours_worked", Kind.NUMBER, "Hours worked in the period, overtime included.", example="208"),
        ),
    ),
    SheetSpec(
        name="events",
        required_sheet=False,
        help=("Optional. Things that happened to a worker after recruitment: resignations and employer changes "
              "asked for and refused, confinement, penalties, dismissals, repatriation, tests required."),
        columns=(
            _c("worker_id", Kind.REF, "Worker concerned.", required_column=True, required_value=True,
               refers_to="workers", example="W-001"),
            _c("date", Kind.DATE, "When it happened.", required_column=True, example="2024-09-01"),
            _c("event", Kind.CHOICE, "What happened: " + ", ".join(EVENTS) + ".", choices=EVENTS,
               required_column=True,
               example="resignation_refused"),
            _c("amount", Kind.AMOUNT, "Money involved: the penalty charged, or the cost of the journey home.",
               example="500"),
            _c("currency", Kind.CURRENCY, "Currency of amount (ISO code).", example="QAR"),
            _c("paid_by", Kind.CHOICE, "For repatriated: who paid the journey home (worker, employer, agency, "
               "other).", choices=PAYERS, example="employer"),
            _c("notes", Kind.TEXT, "What happened, in a few words.", example="asked to leave; refused"),
        ),
    ),
)

SHEETS_BY_NAME: dict[str, SheetSpec] = {s.name: s for s in SHEETS}
