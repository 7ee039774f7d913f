"""Generate a realistic, fully compliant input workbook and plant known violations in it.

Every planted worker gets exactly one problem, drawn from PLANTS; each plant returns the findings
(rule_id, outcome) the baseline ruleset must report for that worker, reasoned from rulesets/baseline/*.yaml.
Unplanted workers must produce no finding at all.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from compliance.input.sheets import SHEETS_BY_NAME

Row = dict[str, Any]
Expected = list[tuple[str, str]]  # (rule_id, outcome) for one worker

SHEET_ORDER = ("agencies", "employers", "workers", "contracts", "fees", "documents", "complaints", "wage_payments",
               "events")
RECEIPTED = {"receipt": "yes", "itemised": "yes", "disclosed_before_acceptance": "yes"}
FEE_DEADLINE_DAYS = 90  # FR-FEE-014 remediation_deadline_days

# origin country: (languages, currency, given names, family names)
ORIGINS: dict[str, tuple[list[str], str, list[str], list[str]]] = {
    "Nepal": (["Nepali", "Hindi"], "NPR", ["Asha", "Bikash", "Sita", "Ram"], ["Rai", "Gurung", "Tamang"]),
    "Bangladesh": (["Bengali"], "BDT", ["Rahim", "Karim", "Nasrin", "Fatema"], ["Hossain", "Rahman", "Akter"]),
    "Philippines": (["Filipino", "English"], "PHP", ["Maria", "Jose", "Ana", "Mark"], ["Santos", "Reyes", "Cruz"]),
    "Indonesia": (["Indonesian"], "IDR", ["Siti", "Budi", "Dewi", "Agus"], ["Wijaya", "Susanto", "Lestari"]),
    "India": (["Hindi", "English"], "INR", ["Amit", "Priya", "Ravi", "Sunita"], ["Kumar", "Singh", "Nair"]),
    "Sri Lanka": (["Sinhala", "Tamil"], "LKR", ["Nimal", "Kumari", "Suresh"], ["Perera", "Silva", "Fernando"]),
}
# destination country: (currency, base monthly wage)
DESTINATIONS: dict[str, tuple[str, int]] = {
    "Qatar": ("QAR", 1300), "United Arab Emirates": ("AED", 1500), "Saudi Arabia": ("SAR", 1400),
    "Malaysia": ("MYR", 1700), "Kuwait": ("KWD", 110),
}
SECTORS = {"construction": ["mason", "carpenter", "steel fixer", "electrician"],
           "hospitality": ["cook", "waiter", "room attendant"], "manufacturing": ["machine operator", "packer"],
           "domestic work": ["domestic worker"], "security": ["security guard"]}
FOREIGN_LANGUAGE = "Arabic"  # no origin above lists it


@dataclass
class Case:
    """One worker's rows, before writing."""

    worker: Row
    contracts: list[Row]
    fees: list[Row]
    documents: list[Row]
    complaints: list[Row] = field(default_factory=list)
    wage_payments: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    agencies: list[Row] = field(default_factory=list)  # extra agencies created for this worker by a plant


@dataclass
class Dataset:
    agencies: list[Row]
    employers: list[Row]
    cases: list[Case]
    expected: Counter[tuple[str, str, str]]  # (worker_id, rule_id, outcome) -> count
    plants: dict[str, str]  # worker_id -> plant kind
    plant_expected: dict[str, list[Expected]]  # plant kind -> the expected findings of each use

    def rows(self, sheet: str) -> list[Row]:
        if sheet == "agencies":
            return self.agencies + [a for c in self.cases for a in c.agencies]
        if sheet == "employers":
            return self.employers
        if sheet == "workers":
            return [c.worker for c in self.cases]
        return [r for c in self.cases for r in getattr(c, sheet)]


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _agencies(rng: random.Random, n: int, as_of: date) -> list[Row]:
    out: list[Row] = []
    countries = list(ORIGINS)
    for i in range(1, n + 1):
        country = countries[(i - 1) % len(countries)]
        sub = i > len(countries) and rng.random() < 0.2
        parents = [a for a in out if a["country"] == country and a["role"] == "recruiter"]
        brand = rng.choice(["Sunrise", "Everest", "Global", "Pacific", "Star"])
        row: Row = {"agency_id": f"AG{i:04d}", "name": f"{brand} {'Brokers' if sub else 'Manpower'} {i}",
                    "country": country, "role": "recruiter"}
        if sub and parents:
            row.update(role="sub_agent", parent_agency_id=rng.choice(parents)["agency_id"])
        else:
            row.update(licence_number=f"LIC-{country[:2].upper()}-{1000 + i}",
                       licence_valid_from=as_of - timedelta(days=rng.randint(1000, 3000)),
                       licence_valid_to=as_of + timedelta(days=rng.randint(400, 2000)))
        out.append(row)
    return out


def _employers(rng: random.Random, n: int) -> list[Row]:
    countries = list(DESTINATIONS)
    return [{"employer_id": f"EM{i:04d}", "name": f"{rng.choice(['Gulf', 'Desert', 'Harbour', 'Crescent'])} "
             f"{rng.choice(['Build', 'Services', 'Foods', 'Industries'])} {i}",
             "country": countries[(i - 1) % len(countries)], "sector": rng.choice(list(SECTORS)),
             "recruiter_contract_bans_fees": "yes", "due_diligence_on": date(2021, 1, 15)}
            for i in range(1, n + 1)]


def _case(rng: random.Random, i: int, agency: Row, employer: Row, as_of: date) -> Case:
    """One fully compliant worker: licensed chain, adult, two written contracts, no fee borne, own passport."""
    wid = f"W{i:06d}"
    origin = agency["country"]
    langs, home_ccy, given, family = ORIGINS[origin]
    dest_ccy, base_wage = DESTINATIONS[employer["country"]]
    job = rng.choice(SECTORS[employer["sector"]])
    recruited = _day(rng, as_of - timedelta(days=880), as_of - timedelta(days=160))
    departed = recruited + timedelta(days=rng.randint(60, 120))
    born = recruited - timedelta(days=rng.randint(20 * 366, 45 * 365))  # aged 20 to 44
    wage = base_wage + rng.randint(0, 10) * (base_wage // 20)
    worker: Row = {
        "worker_id": wid, "name": f"{rng.choice(given)} {rng.choice(family)}", "sex": rng.choice(["female", "male"]),
        "date_of_birth": born, "nationality": origin, "languages": ", ".join(langs), "occupation": job,
        "origin_country": origin, "destination_country": employer["country"], "agency_id": agency["agency_id"],
        "employer_id": employer["employer_id"], "recruited_on": recruited, "departed_on": departed,
        "first_month_earnings": wage, "earnings_currency": dest_ccy,
        "orientation_on": departed - timedelta(days=rng.randint(3, 20)), "complaint_channel_known": "yes",
    }
    terms: Row = {"worker_id": wid, "written": "yes", "copy_given_to_worker": "yes", "job_title": job,
                  "monthly_wage": wage, "currency": dest_ccy, "hours_per_week": 48, "rest_days_per_week": 1,
                  "duration_months": rng.choice([12, 24, 36]), "annual_leave_days": rng.choice([21, 30]),
                  "accommodation": "free, shared room", "repatriation_paid_by": "employer",
                  "employer_name": employer["name"], "work_location": employer["country"], "signed_by_worker": "yes",
                  "waiver_clause": "no", "verified_by_authority": "yes"}
    offer = {**terms, "contract_id": f"C{i:06d}-1", "stage": "offer", "language": langs[0],
             "signed_on": recruited + timedelta(days=rng.randint(5, 30))}
    dest_lang = "English" if "English" in langs else langs[0]
    destination = {**terms, "contract_id": f"C{i:06d}-2", "stage": "destination", "language": dest_lang,
                   "signed_on": departed + timedelta(days=rng.randint(1, 7)),
                   "monthly_wage": wage + rng.choice([0, 0, 0, base_wage // 20])}
    declared_zero = {"fee_id": f"F{i:06d}-1", "worker_id": wid, "agency_id": agency["agency_id"],
                     "category": "recruitment_fee", "amount": 0, "currency": home_ccy, "paid_by": "worker",
                     "paid_on": recruited + timedelta(days=rng.randint(1, 20)), "method": "cash", **RECEIPTED}
    category, payer, amount, ccy = rng.choice([("visa", "employer", 600, dest_ccy),
                                               ("travel", "employer", 900, dest_ccy),
                                               ("medical", "agency", 8000, home_ccy)])
    cost = {"fee_id": f"F{i:06d}-2", "worker_id": wid, "category": category, "amount": amount, "currency": ccy,
            "paid_by": payer, "paid_on": departed - timedelta(days=rng.randint(5, 25)), "method": "bank",
            "agency_id": agency["agency_id"] if payer == "agency" else None, **RECEIPTED}
    passport = {"worker_id": wid, "document": "passport", "held_by": "worker", "tampered": "none",
                "held_since": recruited - timedelta(days=rng.randint(100, 2000))}
    return Case(worker, [offer, destination], [declared_zero, cost], [passport],
                wage_payments=_wages(wid, departed, destination["monthly_wage"], dest_ccy, as_of, rng))


def _wages(wid: str, departed: date, wage: int, ccy: str, as_of: date, rng: random.Random) -> list[Row]:
    """Monthly wages, in full and on time, for up to three months after arrival that are already due."""
    out: list[Row] = []
    start = date(departed.year + departed.month // 12, departed.month % 12 + 1, 1)
    for _ in range(3):
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        due = nxt + timedelta(days=6)
        if due >= as_of:
            break
        out.append({"worker_id": wid, "period_start": start, "period_end": nxt - timedelta(days=1), "due_on": due,
                    "paid_on": due - timedelta(days=rng.randint(0, 4)), "gross": wage, "deductions": 0, "net": wage,
                    "currency": ccy, "paid_to": "worker", "hours_worked": rng.choice([200, 208, 216])})
        start = nxt
    return out


# ---- plants: each mutates one case and returns the findings it must cause ----

def _late(paid_on: date, as_of: date) -> bool:
    """FR-FEE-014 violation: worker-borne, outstanding and paid more than the deadline before as_of."""
    return (as_of - paid_on).days > FEE_DEADLINE_DAYS


def _fee(c: Case, n: int, **kw: Any) -> Row:
    w = c.worker
    row: Row = {"fee_id": f"F{w['worker_id'][1:]}-{n}", "worker_id": w["worker_id"], "agency_id": w["agency_id"],
                "paid_on": w["recruited_on"] + timedelta(days=15), "method": "cash", **RECEIPTED, **kw}
    c.fees.append(row)
    return row


def _owed(c: Case, rule: str, row: Row, as_of: date) -> Expected:
    out = [(rule, "violation")]
    return [*out, ("FR-FEE-014", "violation")] if _late(row["paid_on"], as_of) else out


def p_recruitment_fee(c: Case, as_of: date) -> Expected:
    f = c.fees[0]
    f.update(amount=45000, paid_on=c.worker["departed_on"] - timedelta(days=30))
    return _owed(c, "FR-FEE-001", f, as_of)


def p_partial_reimbursement(c: Case, as_of: date) -> Expected:
    f = c.fees[0]
    f.update(amount=60000, reimbursed_amount=20000)
    return [*_owed(c, "FR-FEE-001", f, as_of), ("FR-FEE-014", "warning")]


def p_deferred_service_fee(c: Case, as_of: date) -> Expected:
    f = _fee(c, 3, category="service_fee", amount=150, currency=c.contracts[1]["currency"], paid_by="worker",
             paid_on=c.worker["departed_on"] + timedelta(days=40))
    return [*_owed(c, "FR-FEE-001", f, as_of), ("FR-FEE-011", "violation")]


def p_medical_reimbursed(c: Case, as_of: date) -> Expected:
    _fee(c, 3, category="medical", amount=8000, currency=c.fees[0]["currency"], paid_by="worker",
         reimbursed_amount=8000)
    return [("FR-FEE-002", "remediated")]


def p_bribe(c: Case, as_of: date) -> Expected:
    _fee(c, 3, category="bribe", amount=20000, currency=c.fees[0]["currency"], paid_by="agency")
    return [("FR-FEE-009", "violation")]


def p_deposit(c: Case, as_of: date) -> Expected:
    f = _fee(c, 3, category="deposit", amount=30000, currency=c.fees[0]["currency"], paid_by="worker")
    return _owed(c, "FR-FEE-010", f, as_of)


def p_wage_deduction(c: Case, as_of: date) -> Expected:
    f = _fee(c, 3, category="visa", amount=600, currency=c.contracts[1]["currency"], paid_by="employer",
             method="wage_deduction", agency_id=None, paid_on=c.worker["departed_on"] + timedelta(days=35))
    return [*_owed(c, "FR-FEE-008", f, as_of), ("FR-DEBT-002", "violation")]


def p_agency_loan(c: Case, as_of: date) -> Expected:
    f = _fee(c, 3, category="travel", amount=70000, currency=c.fees[0]["currency"], paid_by="worker",
             method="loan", lender="agency")
    return [*_owed(c, "FR-FEE-007", f, as_of), ("FR-DEBT-001", "violation")]


def p_no_fee_records(c: Case, as_of: date) -> Expected:
    c.fees.clear()
    return [("FR-FEE-001", "insufficient_evidence")]


def p_no_written_contract(c: Case, as_of: date) -> Expected:
    for k in c.contracts:
        k.update(written="no", copy_given_to_worker="no")
    return [("FR-CON-001", "violation"), *_domestic(c)]


def p_no_copy(c: Case, as_of: date) -> Expected:
    for k in c.contracts:
        k["copy_given_to_worker"] = "no"
    return [("FR-CON-001", "violation")]


def p_foreign_language(c: Case, as_of: date) -> Expected:
    for k in c.contracts:
        k["language"] = FOREIGN_LANGUAGE
    return [("FR-CON-002", "violation")]


def p_signed_after_departure(c: Case, as_of: date) -> Expected:
    c.contracts[0].update(written="no", copy_given_to_worker="no")  # a verbal offer only
    return [("FR-CON-003", "violation"), *_domestic(c)]  # the destination contract is signed 1-7 days after departure


def _domestic(c: Case) -> Expected:
    """A domestic worker without a written contract before crossing the border: FR-GEN-001 (C189 Art. 8)."""
    return [("FR-GEN-001", "violation")] if c.worker["occupation"] == "domestic worker" else []


def p_wage_cut(c: Case, as_of: date) -> Expected:
    c.contracts[1]["monthly_wage"] = round(c.contracts[0]["monthly_wage"] * 0.75)
    return [("FR-CON-006", "violation")]


def _passport(c: Case, **kw: Any) -> None:
    c.documents[0].update(held_by="employer", held_since=c.worker["departed_on"] + timedelta(days=1), **kw)


def p_passport_no_consent(c: Case, as_of: date) -> Expected:
    _passport(c, worker_consent="no")
    return [("FR-DOC-001", "violation")]


def p_passport_not_returned(c: Case, as_of: date) -> Expected:
    _passport(c, worker_consent="no", returned_on_request="no")
    return [("FR-DOC-001", "violation"), ("FR-DOC-002", "violation")]


def p_passport_consent_not_returned(c: Case, as_of: date) -> Expected:
    _passport(c, worker_consent="written", returned_on_request="no")
    return [("FR-DOC-002", "violation")]


def p_no_passport_record(c: Case, as_of: date) -> Expected:
    c.documents.clear()
    return [("FR-DOC-001", "insufficient_evidence")]


def _own_agency(c: Case, suffix: str, **kw: Any) -> Row:
    row: Row = {"agency_id": f"AGX{c.worker['worker_id'][1:]}{suffix}", "name": f"Shadow Agency {suffix}",
                "country": c.worker["origin_country"], **kw}
    c.agencies.append(row)
    return row


def _move_to(c: Case, agency: Row) -> None:
    c.worker["agency_id"] = agency["agency_id"]
    for f in c.fees:
        if f.get("agency_id"):
            f["agency_id"] = agency["agency_id"]


def p_licence_expired(c: Case, as_of: date) -> Expected:
    r = c.worker["recruited_on"]
    _move_to(c, _own_agency(c, "A", role="recruiter", licence_number="LIC-OLD-1",
                            licence_valid_from=r - timedelta(days=5 * 365), licence_valid_to=r - timedelta(days=30)))
    return [("FR-AGY-001", "violation")]


def p_unlicensed_sub_agent(c: Case, as_of: date) -> Expected:
    _move_to(c, _own_agency(c, "B", role="sub_agent"))
    return [("FR-AGY-002", "violation")]


def p_sub_agent_of_expired(c: Case, as_of: date) -> Expected:
    r = c.worker["recruited_on"]
    parent = _own_agency(c, "P", role="recruiter", licence_number="LIC-OLD-2",
                         licence_valid_from=r - timedelta(days=6 * 365), licence_valid_to=r - timedelta(days=1))
    _move_to(c, _own_agency(c, "S", role="sub_agent", parent_agency_id=parent["agency_id"]))
    return [("FR-AGY-002", "violation")]


def p_under_18(c: Case, as_of: date) -> Expected:
    r = c.worker["recruited_on"]
    c.worker["date_of_birth"] = date(r.year - 17, r.month, min(r.day, 28)) + timedelta(days=60)  # aged 16
    return [("FR-CHD-001", "violation")]


def p_unpaid_month(c: Case, as_of: date) -> Expected:
    if not c.wage_payments:
        return p_confined(c, as_of)
    c.wage_payments[-1].update(paid_on=None, net=None)
    return [("FR-WAGE-003", "violation")]


def p_paid_to_agency(c: Case, as_of: date) -> Expected:
    if not c.wage_payments:
        return p_confined(c, as_of)
    c.wage_payments[0]["paid_to"] = "agency"
    return [("FR-WAGE-002", "violation")]


def p_confined(c: Case, as_of: date) -> Expected:
    c.events.append({"worker_id": c.worker["worker_id"], "date": c.worker["departed_on"] + timedelta(days=30),
                     "event": "confined"})
    return [("FR-MOB-003", "violation")]


def p_resignation_refused(c: Case, as_of: date) -> Expected:
    c.events.append({"worker_id": c.worker["worker_id"], "date": c.worker["departed_on"] + timedelta(days=60),
                     "event": "resignation_refused"})
    return [("FR-MOB-001", "violation")]


def p_no_orientation(c: Case, as_of: date) -> Expected:
    c.worker["orientation_on"] = None
    return [("FR-CON-008", "warning")]


PLANTS: dict[str, Callable[[Case, date], Expected]] = {
    name[2:]: fn for name, fn in globals().items() if name.startswith("p_") and callable(fn)
}


def generate(workers: int, seed: int, as_of: date, plant_rate: float = 0.05) -> Dataset:
    rng = random.Random(seed)
    agencies = _agencies(rng, max(len(ORIGINS), workers // 200), as_of)
    employers = _employers(rng, max(len(DESTINATIONS), workers // 100))
    cases = [_case(rng, i, rng.choice(agencies), rng.choice(employers), as_of) for i in range(1, workers + 1)]
    planted = rng.sample(range(workers), round(workers * plant_rate))
    kinds = list(PLANTS)
    expected: Counter[tuple[str, str, str]] = Counter()
    plants: dict[str, str] = {}
    plant_expected: dict[str, list[Expected]] = {}
    for n, idx in enumerate(planted):
        kind = kinds[n % len(kinds)]  # every kind is used once before any is used twice
        case = cases[idx]
        found = PLANTS[kind](case, as_of)
        wid = case.worker["worker_id"]
        plants[wid] = kind
        plant_expected.setdefault(kind, []).append(found)
        expected.update((wid, rule, outcome) for rule, outcome in found)
    return Dataset(agencies, employers, cases, expected, plants, plant_expected)


def write_xlsx(data: Dataset, path: Path) -> int:
    """Write the workbook (openpyxl write-only); return the number of data rows."""
    book = Workbook(write_only=True)
    total = 0
    for sheet in SHEET_ORDER:
        names = [c.name for c in SHEETS_BY_NAME[sheet].template_columns()]
        ws = book.create_sheet(sheet)
        ws.append(names)
        for row in data.rows(sheet):
            ws.append([row.get(n) for n in names])
            total += 1
    book.save(path)
    return total
