"""Build the sample workbooks from a compliant template worker plus planted deviations.

    python samples/build.py            # rewrites samples/*.xlsx

The expected findings of each sample are written by hand in samples/expected/*.yaml (not derived from a run),
and tests/test_samples.py checks that `check` reports exactly those.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from compliance.input.sheets import SHEETS

HERE = Path(__file__).resolve().parent
D = dt.date

AGENCIES = [
    {"agency_id": "AG-01", "name": "Himal Overseas", "country": "Nepal", "licence_number": "DoFE-1187",
     "licence_valid_from": D(2020, 1, 1), "licence_valid_to": D(2027, 12, 31), "role": "recruiter"},
    {"agency_id": "AG-02", "name": "Kathmandu Manpower", "country": "Nepal", "licence_number": "DoFE-0420",
     "licence_valid_from": D(2018, 7, 1), "licence_valid_to": D(2023, 6, 30), "role": "recruiter"},
    {"agency_id": "AG-03", "name": "Ram Bahadur (broker)", "country": "Nepal", "role": "sub_agent",
     "parent_agency_id": "AG-02"},
    {"agency_id": "AG-04", "name": "Everest Link", "country": "Nepal", "role": "sub_agent",
     "parent_agency_id": "AG-01"},
]
_DUE_DILIGENCE = {"recruiter_contract_bans_fees": "yes", "due_diligence_on": D(2023, 11, 1)}
EMPLOYERS = [
    {"employer_id": "EM-01", "name": "Doha Build Co", "country": "Qatar", "sector": "construction", **_DUE_DILIGENCE},
    {"employer_id": "EM-02", "name": "Al Noor Household Services", "country": "Qatar", "sector": "domestic work",
     **_DUE_DILIGENCE},
    # recruits through agencies without a fee ban in its contracts and has never checked them
    {"employer_id": "EM-03", "name": "Desert Farms", "country": "Qatar", "sector": "agriculture",
     "recruiter_contract_bans_fees": "no"},
]
EMPLOYER_NAMES = {e["employer_id"]: e["name"] for e in EMPLOYERS}
# What the contracts of a compliant worker say beyond the essential terms.
_CONTRACT_FORM = {"signed_by_worker": "yes", "waiver_clause": "no", "verified_by_authority": "yes",
                  "work_location": "Doha, Qatar"}
_RECEIPTED = {"receipt": "yes", "itemised": "yes", "disclosed_before_acceptance": "yes"}


def wages(wid: str, months: tuple[int, ...] = (5, 6), gross: float = 1200, **extra: Any) -> list[dict[str, Any]]:
    """Full, direct, on-time monthly wages of 2024 for the given months (paid on the 5th of the next month)."""
    out = []
    for m in months:
        end = D(2024, m + 1, 1) - dt.timedelta(days=1)
        out.append({"worker_id": wid, "period_start": D(2024, m, 1), "period_end": end,
                    "due_on": D(2024, m + 1, 7), "paid_on": D(2024, m + 1, 5), "gross": gross, "deductions": 0,
                    "net": gross, "currency": "QAR", "paid_to": "worker", "hours_worked": 208, **extra})
    return out


def worker(wid: str, name: str, sex: str, born: dt.date, agency: str = "AG-01", employer: str = "EM-01",
           occupation: str = "mason") -> dict[str, list[dict[str, Any]]]:
    """A worker whom no rule faults: licensed agency, contracts in her language before departure, no fees."""
    n = wid.split("-")[1]
    return {
        "workers": [{"worker_id": wid, "name": name, "sex": sex, "date_of_birth": born, "nationality": "Nepal",
                     "languages": "Nepali, Hindi", "occupation": occupation, "origin_country": "Nepal",
                     "destination_country": "Qatar", "agency_id": agency, "employer_id": employer,
                     "recruited_on": D(2024, 2, 1), "departed_on": D(2024, 4, 15),
                     "first_month_earnings": 1200, "earnings_currency": "QAR",
                     "orientation_on": D(2024, 4, 2), "complaint_channel_known": "yes"}],
        "contracts": [
            {"contract_id": f"C-{n}-1", "worker_id": wid, "stage": "offer", "written": "yes", "language": "Nepali",
             "signed_on": D(2024, 2, 20), "copy_given_to_worker": "yes", "job_title": occupation,
             "monthly_wage": 1200, "currency": "QAR", "hours_per_week": 48, "rest_days_per_week": 1,
             "duration_months": 24, "annual_leave_days": 21, "accommodation": "free, shared room",
             "repatriation_paid_by": "employer", "employer_name": EMPLOYER_NAMES[employer], **_CONTRACT_FORM},
            {"contract_id": f"C-{n}-2", "worker_id": wid, "stage": "destination", "written": "yes",
             "language": "Nepali", "signed_on": D(2024, 4, 18), "copy_given_to_worker": "yes",
             "job_title": occupation, "monthly_wage": 1200, "currency": "QAR", "hours_per_week": 48,
             "rest_days_per_week": 1, "duration_months": 24, "annual_leave_days": 21,
             "accommodation": "free, shared room", "repatriation_paid_by": "employer",
             "employer_name": EMPLOYER_NAMES[employer], **_CONTRACT_FORM},
        ],
        "fees": [
            {"fee_id": f"F-{n}-0", "worker_id": wid, "agency_id": agency, "category": "recruitment_fee", "amount": 0,
             "currency": "NPR", "paid_by": "worker", "paid_on": D(2024, 2, 5), "method": "cash", **_RECEIPTED},
            {"fee_id": f"F-{n}-V", "worker_id": wid, "agency_id": agency, "category": "visa", "amount": 800,
             "currency": "QAR", "paid_by": "employer", "paid_on": D(2024, 3, 1), "method": "bank", **_RECEIPTED},
        ],
        "documents": [{"worker_id": wid, "document": "passport", "document_number": f"PA{n}7731", "held_by": "worker",
                       "tampered": "none"}],
        "wage_payments": wages(wid),
    }


def fee(wid: str, suffix: str, category: str, amount: float | None, currency: str, paid_on: dt.date,
        paid_by: str = "worker", method: str = "cash", agency: str | None = "AG-01", **extra: Any) -> dict[str, Any]:
    return {"fee_id": f"F-{wid.split('-')[1]}-{suffix}", "worker_id": wid, "agency_id": agency,
            "category": category, "amount": amount, "currency": currency, "paid_by": paid_by, "paid_on": paid_on,
            "method": method, **_RECEIPTED, **extra}


def violations_sample() -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {"agencies": copy.deepcopy(AGENCIES), "employers": EMPLOYERS[:],
                                             "contracts": [], "fees": [], "documents": [], "workers": [],
                                             "complaints": [], "wage_payments": [], "events": []}

    def add(parts: dict[str, list[dict[str, Any]]]) -> None:
        for sheet, items in parts.items():
            rows[sheet].extend(items)

    # W-101: paid a placement fee (never refunded) and a medical that was refunded in full.
    w = worker("W-101", "Sita Tamang", "female", D(1996, 3, 12))
    w["fees"] += [fee("W-101", "P", "placement_fee", 120_000, "NPR", D(2024, 2, 10)),
                  fee("W-101", "M", "medical", 8_000, "NPR", D(2024, 2, 12), reimbursed_amount=8_000)]
    add(w)
    # W-102: expired-licence agency; passport kept by the employer against her will; boots paid after arrival.
    w = worker("W-102", "Ramesh Karki", "male", D(1990, 8, 1), agency="AG-02")
    w["documents"] = [{"worker_id": "W-102", "document": "passport", "document_number": "PA1024409",
                       "held_by": "employer", "held_since": D(2024, 4, 16), "worker_consent": "no",
                       "returned_on_request": "no"}]
    w["fees"] += [fee("W-102", "E", "equipment", 150, "QAR", D(2024, 5, 10), agency=None)]
    add(w)
    # W-103: contract substitution (wage cut at destination); insurance paid by the worker.
    w = worker("W-103", "Maya Gurung", "female", D(1993, 11, 30))
    w["contracts"][1]["monthly_wage"] = 900
    w["fees"] += [fee("W-103", "I", "insurance", 3_700, "NPR", D(2024, 3, 2))]
    add(w)
    # W-104: 16 at recruitment, via a broker whose parent agency's licence had expired; monthly broker fee.
    w = worker("W-104", "Bikash Thapa", "male", D(2007, 9, 5), agency="AG-03")
    w["fees"] += [fee("W-104", "S", "service_fee", 1_500, "QAR", D(2024, 6, 1), agency="AG-03")]
    add(w)
    # W-105: no written contract; the visa the employer paid was recovered from his wages.
    w = worker("W-105", "Anil Rai", "male", D(1988, 1, 20))
    for c in w["contracts"]:
        c["written"] = "no"
    w["fees"][1].update(method="wage_deduction")
    add(w)
    # W-106: contracts only in English and Arabic, first one signed after departure, hours missing; paid a test.
    w = worker("W-106", "Lila Magar", "female", D(1998, 6, 14))
    w["contracts"][0].update(language="English", signed_on=D(2024, 4, 20), hours_per_week=None)
    w["contracts"][1].update(language="Arabic", signed_on=D(2024, 4, 22))
    w["fees"] += [fee("W-106", "T", "skills_test", 2_000, "NPR", D(2024, 2, 25))]
    add(w)
    # W-107: a bribe, a deposit, and a recruitment fee paid with a loan from the agency.
    w = worker("W-107", "Hari Shrestha", "male", D(1985, 12, 2))
    w["fees"] += [fee("W-107", "B", "bribe", 300, "USD", D(2024, 2, 8), agency=None),
                  fee("W-107", "D", "deposit", 1_000, "QAR", D(2024, 4, 20)),
                  fee("W-107", "L", "recruitment_fee", 90_000, "NPR", D(2024, 2, 9), method="loan", lender="agency")]
    # ... and when he asked to leave, the employer refused: the loan now holds him (debt bondage).
    w["events"] = [{"worker_id": "W-107", "date": D(2024, 9, 2), "event": "resignation_refused",
                    "notes": "told to repay the agency loan first"}]
    add(w)
    # W-108: domestic worker via a compliant sub-agent; training fee partly refunded; paid her own airfare.
    w = worker("W-108", "Gita Lama", "female", D(1994, 4, 4), agency="AG-04", employer="EM-02",
               occupation="domestic worker")
    w["fees"] += [fee("W-108", "O", "training", 5_000, "NPR", D(2024, 3, 3), agency="AG-04", reimbursed_amount=2_000),
                  fee("W-108", "A", "airfare", 45_000, "NPR", D(2024, 4, 1), agency="AG-04")]
    add(w)
    # W-109: the control worker: nothing wrong.
    add(worker("W-109", "Kiran Bista", "female", D(1997, 10, 10)))
    # W-110: gaps in the records: no document rows, a fee with no payer.
    w = worker("W-110", "Prem Adhikari", "male", D(1992, 2, 29))
    w["documents"] = []
    w["fees"] += [fee("W-110", "X", "medical", 6_500, "NPR", D(2024, 2, 14), paid_by=None)]
    add(w)
    add(w111_domestic_worker())
    add(w112_wages())
    add(w113_movement_and_complaints())
    add(w114_deceived())
    return rows


def w111_domestic_worker() -> dict[str, list[dict[str, Any]]]:
    """A domestic worker with no weekly rest, tested for pregnancy, confined, harassed (complaint upheld)."""
    w = worker("W-111", "Sunita Rai", "female", D(1996, 8, 8), employer="EM-02", occupation="domestic worker")
    for c in w["contracts"]:
        c["rest_days_per_week"] = 0
    w["events"] = [
        {"worker_id": "W-111", "date": D(2024, 2, 12), "event": "pregnancy_test_required",
         "notes": "agency clinic; a positive test would end the application"},
        {"worker_id": "W-111", "date": D(2024, 7, 1), "event": "confined", "notes": "locked in on days off"},
    ]
    w["complaints"] = [
        {"complaint_id": "CP-111", "worker_id": "W-111", "received_on": D(2024, 7, 20), "status": "resolved",
         "subject": "harassment", "channel": "embassy", "in_worker_language": "yes", "cost_to_worker": 0,
         "substantiated": "yes", "retaliation_reported": "no", "resolved_on": D(2024, 8, 30), "remedy_due": 0,
         "allegation": "sexual harassment by a household member"},
    ]
    return w


def w112_wages() -> dict[str, list[dict[str, Any]]]:
    """Paid under the contract wage, then late, then not at all; fined from wages; 70-hour weeks; paid his medical."""
    w = worker("W-112", "Dipak Shah", "male", D(1989, 3, 3))
    w["fees"] += [fee("W-112", "M", "medical", 7_000, "NPR", D(2024, 2, 14))]  # paid his own medical
    w["wage_payments"] = [
        *wages("W-112", (5,), gross=900),                                         # below the 1,200 QAR contract
        *wages("W-112", (6,), paid_on=D(2024, 7, 20)),                             # due on the 7th, paid on the 20th
        *wages("W-112", (7,), deductions=300, deduction_reason="fine", deduction_consent="no", net=900),
        *wages("W-112", (8,), hours_worked=300),                                  # about 70 hours a week
        *wages("W-112", (9, 10), paid_on=None, net=None),                          # two months never paid
    ]
    return w


def w113_movement_and_complaints() -> dict[str, list[dict[str, Any]]]:
    """Refused a change of employer, dismissed after complaining, sent home at his own cost; a complaint
    that cost him money; an upheld complaint whose award is unpaid."""
    w = worker("W-113", "Bimal KC", "male", D(1993, 10, 10))
    w["complaints"] = [
        {"complaint_id": "CP-113-A", "worker_id": "W-113", "received_on": D(2024, 8, 1), "status": "resolved",
         "subject": "wages", "channel": "inspectorate", "in_worker_language": "yes", "cost_to_worker": 5_000,
         "substantiated": "yes", "retaliation_reported": "no", "resolved_on": D(2024, 9, 15), "remedy_due": 2_400,
         "remedy_paid": 0,
         "currency": "QAR", "allegation": "overtime unpaid"},
    ]
    w["events"] = [
        {"worker_id": "W-113", "date": D(2024, 7, 10), "event": "employer_change_requested"},
        {"worker_id": "W-113", "date": D(2024, 7, 12), "event": "employer_change_refused",
         "notes": "employer refused the no-objection letter"},
        {"worker_id": "W-113", "date": D(2024, 8, 20), "event": "dismissed", "notes": "19 days after complaining"},
        {"worker_id": "W-113", "date": D(2024, 9, 20), "event": "repatriated", "amount": 1_100, "currency": "QAR",
         "paid_by": "worker"},
    ]
    return w


def w114_deceived() -> dict[str, list[dict[str, Any]]]:
    """Promised a hotel job in Doha by a 'no fee' advert; put on a farm by another employer; paid the agency;
    signed a waiver; no information before leaving; bank card kept; certificate destroyed."""
    w = worker("W-114", "Rajesh Yadav", "male", D(1994, 1, 14), employer="EM-03", occupation="farm worker")
    offer, dest = w["contracts"]
    offer.update(job_title="hotel cleaner", employer_name="Pearl Hotels", work_location="Doha, Qatar",
                 advertised="yes", says_no_fees="yes", licence_number_shown="no")
    dest.update(job_title="farm worker", employer_name="Desert Farms", work_location="Al Khor, Qatar",
                waiver_clause="yes", verified_by_authority="no")
    w["workers"][0]["orientation_on"] = None
    w["fees"] += [fee("W-114", "R", "recruitment_fee", 80_000, "NPR", D(2024, 2, 6), receipt="no",
                      itemised=None, disclosed_before_acceptance=None)]
    w["documents"] += [
        {"worker_id": "W-114", "document": "bank_card", "document_number": "4017-2281-0093", "held_by": "employer",
         "worker_consent": "no",
         "tampered": "none"},
        {"worker_id": "W-114", "document": "certificate", "document_number": "CTEVT-77120", "held_by": "agency",
         "worker_consent": "written",
         "returned_on_request": "yes", "tampered": "destroyed"},
    ]
    return w


def compliant_sample() -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {"agencies": [AGENCIES[0], AGENCIES[3]], "employers": EMPLOYERS[:1],
                                             "contracts": [], "fees": [], "documents": [], "workers": [],
                                             "complaints": [], "wage_payments": [], "events": []}
    people = [("W-201", "Sabina Rai", "female", D(1995, 5, 5), "AG-01"),
              ("W-202", "Dipak Limbu", "male", D(1991, 7, 19), "AG-01"),
              ("W-203", "Sunita KC", "female", D(1999, 1, 23), "AG-04"),
              ("W-204", "Rajan Yadav", "male", D(1987, 12, 31), "AG-01"),
              ("W-205", "Anju Sherpa", "female", D(2000, 2, 2), "AG-04")]
    for wid, name, sex, born, agency in people:
        for sheet, items in worker(wid, name, sex, born, agency=agency).items():
            rows[sheet].extend(items)
    # a cost the worker advanced and got back in full before any deadline: compliant after remediation
    rows["fees"].append(fee("W-204", "M", "medical", 6_000, "NPR", D(2024, 2, 12), paid_by="employer"))
    return rows


def messy_sample() -> dict[str, list[dict[str, Any]]]:
    """The compliant sample with the mistakes real spreadsheets have: each must be reported, none lost."""
    rows = compliant_sample()
    rows["workers"][1]["date_of_birth"] = "31/02/1991"  # impossible date
    rows["workers"].append(dict(rows["workers"][0]))  # duplicate worker_id
    rows["fees"].append(fee("W-299", "Z", "medical", 100, "NPR", D(2024, 2, 1)))  # unknown worker
    rows["fees"][0]["amount"] = -50  # negative amount
    rows["contracts"][0]["written"] = "maybe"  # not a yes/no
    rows["documents"].append({"worker_id": "W-203", "document": "passport", "held_by": "the boss"})
    rows["wage_payments"][2].update(period_start=D(2024, 6, 30), period_end=D(2024, 6, 1))  # dates swapped
    rows["events"].append({"worker_id": "W-204", "date": D(2024, 9, 1), "event": "went on holiday"})  # unknown
    return rows


def write(path: Path, rows: dict[str, list[dict[str, Any]]]) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for spec in SHEETS:
        ws = wb.create_sheet(spec.name)
        names = [c.name for c in spec.template_columns()]
        ws.append(names)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows.get(spec.name, []):
            ws.append([row.get(n) for n in names])
        for i, col in enumerate(ws.columns):
            ws.column_dimensions[col[0].column_letter].width = max(12, len(names[i]) + 2)
            for cell in col[1:]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        ws.freeze_panes = "A2"
    # fixed document properties so that rebuilding gives the same content
    wb.properties.creator = "fairrecruit samples/build.py"
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 11, 23)
    wb.save(path)


def main() -> None:
    write(HERE / "agency-with-violations.xlsx", violations_sample())
    write(HERE / "compliant-agency.xlsx", compliant_sample())
    write(HERE / "messy-input.xlsx", messy_sample())
    print("wrote samples/agency-with-violations.xlsx, samples/compliant-agency.xlsx, samples/messy-input.xlsx")


if __name__ == "__main__":
    main()
