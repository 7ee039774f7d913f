"""FIFTH HOLDOUT: the violations sample as twelve more offices keep it, written blind to the reader's vocabularies.

Written without looking at compliance/input/vocab/, the synonym modules or the earlier holdouts' variants: the
headers, sheet names and cell words are the ones such records use (an Indian recruiting agent's ledger, a Gulf HR
system export, a Mexican H-2A recruiter's CSV, a Polish temp agency's CSV, a Romanian agency's workbook, a
Singapore domestic-worker agency, a Korean EPS-style export, a Taiwan broker with ROC dates, a Thai agency with
Buddhist-era years, an Ethiopian agency's "Unicode Text" export, a Myanmar agency's batched lists and a Kenyan
agency's flat case log with a mapping file). Every value keeps the base's meaning: same amounts, dates, codes,
holders; only how they are written changes, so the right reading is exactly the base's findings and owed totals.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.input.sheets import SHEETS_BY_NAME, Kind
from tests.metamorphic.render import Table, write_csv_folder, write_xlsx
from tests.metamorphic.transforms import Rows, base_tables, drop, group, interleave_blank_rows, map_cells, table
from tests.metamorphic.variants import Rendered, Variant  # shared now that the holdout is no longer blind

DateFn = Callable[[dt.date, str, str], object]  # (date, contract sheet, column) -> cell written
MoneyFn = Callable[[float, str | None], object]  # (amount, ISO currency of the row) -> cell written
NBSP = "\u00a0"


@dataclass(frozen=True)
class System:
    """How one office writes the nine sheets: names, headers (template column order, '|' separated), words."""

    key: str
    sheet_names: dict[str, str]
    headers: dict[str, str]
    values: dict[str, dict[str, list[str]]]  # "column" or "sheet.column" -> base code -> spellings in turn
    yes: list[str]
    no: list[str]
    date: DateFn
    money: MoneyFn
    pay_month: tuple[str, list[Callable[[dt.date], object]]] | None = None  # header, forms in turn
    layout: Callable[[list[Table], Rows, System], None] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------- cell forms

_CURRENCY_OF = {"fees": "currency", "contracts": "currency", "wage_payments": "currency", "complaints": "currency",
                "events": "currency", "workers": "earnings_currency"}


def lakh(n: float, decimals: int = 2) -> str:
    """Indian/Nepali digit grouping: 120000 -> '1,20,000.00'."""
    whole, frac = f"{n:.{decimals}f}".split(".") if decimals else (f"{n:.0f}", "")
    head, tail = whole[:-3], whole[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    text = ",".join([*groups, tail]) if groups else tail
    return f"{text}.{frac}" if decimals else text


def thousands(n: float, sep: str, dec: str, decimals: int = 2) -> str:
    text = f"{n:,.{decimals}f}"
    return text.translate(str.maketrans({",": sep, ".": dec}))


def cycle_of(forms: list[Callable[[dt.date], object]]) -> Callable[[dt.date], object]:
    """Forms in turn by the day number, so that every build of a variant writes the same file."""
    return lambda d: forms[d.toordinal() % len(forms)](d)


def roc(d: dt.date) -> str:
    return f"民國{d.year - 1911}年{d.month}月{d.day}日"


def roc_slash(d: dt.date) -> str:
    return f"{d.year - 1911}/{d.month:02d}/{d.day:02d}"


_SPANISH_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                   "noviembre", "diciembre"]


# ---------------------------------------------------------------------------------------------- applying a system


def _spell(system: System, sheet: str, column: str) -> dict[str, list[str]] | None:
    return system.values.get(f"{sheet}.{column}", system.values.get(column))


def apply_cells(tables: list[Table], rows: Rows, system: System) -> None:
    """Values, dates and amounts, while every table still has its contract name and columns."""
    for t in tables:
        sheet = t.name
        for col in SHEETS_BY_NAME[sheet].template_columns():
            name = col.name
            if col.kind is Kind.YESNO:
                yes, no = itertools.cycle(system.yes), itertools.cycle(system.no)
                map_cells(t, rows, name, lambda v, _r, y=yes, n=no: next(y) if v == "yes" else next(n) if v == "no"
                          else v)
            elif col.kind in (Kind.CHOICE, Kind.CURRENCY) and (forms := _spell(system, sheet, name)):
                turns = {code: itertools.cycle(f) for code, f in forms.items()}
                map_cells(t, rows, name, lambda v, _r, tu=turns: next(tu[str(v)]) if str(v) in tu else v)
            elif col.kind is Kind.DATE:
                map_cells(t, rows, name, lambda v, _r, s=sheet, c=name: system.date(v, s, c)
                          if isinstance(v, dt.date) else v)
            elif col.kind is Kind.AMOUNT:
                cur = _CURRENCY_OF.get(sheet)
                map_cells(t, rows, name, lambda v, r, cu=cur: system.money(float(v), r.get(cu) if cu else None))


def apply_headers(tables: list[Table], system: System, keep_required: bool = False) -> None:
    for t in tables:
        names = system.headers[t.name].split("|")
        assert len(names) == len(t.columns), f"{system.key} {t.name}: {len(names)} headers for {len(t.columns)}"
        spec = SHEETS_BY_NAME[t.name]
        t.header = [c if keep_required and spec.column(c).required_column else h
                    for c, h in zip(t.columns, names, strict=True)]


def apply_pay_month(t: Table, rows: Rows, header: str, forms: list[Callable[[dt.date], object]]) -> None:
    """period_start and period_end written as one pay-month cell (every base period is a whole month)."""
    start = t.position("period_start")
    turn = itertools.cycle(forms)
    for index, body_index in t.origins["wage_payments"].items():
        row = t.body[body_index]
        first, last = rows["wage_payments"][index]["period_start"], rows["wage_payments"][index]["period_end"]
        assert isinstance(first, dt.date) and first.day == 1 and (last + dt.timedelta(days=1)).day == 1
        row[start] = next(turn)(first)
        t.changed |= {("wage_payments", index, "period_start"), ("wage_payments", index, "period_end")}
    t.columns[start], t.header[start] = "", header
    drop(t, "period_end")


def totals_row(t: Table, rows: Rows, label: str, columns: list[str], fmt: Callable[[float], object]) -> list[object]:
    """The row a clerk types (or Excel sums) under the amounts: a label in the first column, sums beneath."""
    sheet = next(iter(t.origins))
    out: list[object] = [None] * len(t.columns)
    out[0] = label
    for c in columns:
        out[t.position(c)] = fmt(sum(float(r.get(c) or 0) for r in rows[sheet]))
    return out


def build_system(system: System, rows: Rows, tmp_path: Path, *, csv: tuple[str, str] | None = None,
                 cells_only: bool = False) -> Rendered:
    """The office's file; with cells_only, the same file with the contract's sheet names and required column names
    (so that what the cells say is measured even where the office's sheet or required header is not recognised)."""
    tables = base_tables(rows)
    apply_cells(tables, rows, system)
    apply_headers(tables, system, keep_required=cells_only)
    if system.pay_month:
        header, forms = system.pay_month
        # With the contract's names, the pay month is the contract's alternative column: 'period'.
        apply_pay_month(table(tables, "wage_payments"), rows, "period" if cells_only else header, forms)
    if system.layout:
        system.layout(tables, rows, system)
    if not cells_only:
        for t in tables:
            t.name = system.sheet_names[t.name]
    if csv is None:
        return Rendered(write_xlsx(tables, tmp_path / f"{system.key}.xlsx"), tables)
    encoding, delimiter = csv
    return Rendered(write_csv_folder(tables, tmp_path / system.key, encoding, delimiter), tables)


# ---------------------------------------------------------------------------------------------- 1. India


def _in_money(n: float, cur: str | None) -> object:
    if n == 0:
        return "Nil"  # South Asian ledgers write Nil for a declared zero
    if cur == "NPR":
        return f"NRs. {lakh(n, 0)}/-" if n < 10_000 else lakh(n)
    if cur == "QAR":
        return f"QR {n:,.0f}"
    if cur == "USD":
        return f"US$ {n:,.0f}"
    return lakh(n)


def _in_layout(tables: list[Table], rows: Rows, system: System) -> None:
    for t in tables:
        t.above = [["M/s Shree Ganesh Overseas Pvt. Ltd., Andheri (E), Mumbai"],
                   [f"{system.sheet_names[t.name]} — as on 31/12/2024"],
                   ["Note: all dates DD/MM/YYYY. Amounts in the currency shown against each entry."],
                   []]
        t.merge_above = True


INDIA = System(
    key="in_ra_ledger",
    sheet_names={"agencies": "RA & Sub-agents", "employers": "Foreign Employers", "workers": "Emigrant Register",
                 "contracts": "Employment Contracts", "fees": "Collections Ledger", "documents": "Passport Custody",
                 "complaints": "Grievance Register", "wage_payments": "Salary Follow-up",
                 "events": "Incident Register"},
    headers={
        "agencies": "RA Code|Name of RA|Country|RC No.|RC Issue Date|RC Valid Till|Type of Agent|Main RA Code",
        "employers": "FE Code|Foreign Employer Name|Country|Industry|Zero-Fee Clause in Demand Letter|"
                     "Last Audit of RA on",
        "workers": "Candidate Code|Name of Emigrant (as per passport)|Gender|D.O.B.|Nationality|Languages Known|Trade|"
                   "Country of Origin|Country of Employment|RA Code|FE Code|Date of Registration|Date of Departure|"
                   "Salary for First Month|Salary Currency|PDOT Date|Aware of Grievance Mechanism",
        "contracts": "Contract Ref.|Candidate Code|Stage|Written (Y/N)|Language of Contract|Date of Signing|"
                     "Copy Handed Over|Designation|Basic Salary|Salary Currency|Working Hrs / Week|Weekly Off Days|"
                     "Contract Period (Months)|Annual Leave (Days)|Accommodation|Return Air Ticket Borne By|"
                     "Name of Employer|Place of Work|Signed by Emigrant|Waiver Clause|Attested by Embassy|"
                     "Advertised|Advert Says Free Recruitment|RC No. in Advert",
        "fees": "Voucher No.|Candidate Code|RA Code|Head of Account|Amount|Currency|Borne By|Date of Payment|Mode|"
                "Amount Refunded|Loan Taken From|Receipt Issued|Itemised|Informed Before Offer Acceptance",
        "documents": "Candidate Code|Document|Document No.|In Custody Of|In Custody Since|Consent of Emigrant|"
                     "Returned on Demand|Tampered / Destroyed",
        "complaints": "Grievance No.|Candidate Code|Against RA|Date Received|Grievance Details|Status|"
                      "Nature of Grievance|Lodged With|In Emigrant's Language|Cost Borne by Emigrant|Found Genuine|"
                      "Victimisation Reported|Date of Disposal|Compensation Awarded|Compensation Paid|Currency",
        "wage_payments": "Candidate Code|Salary From|Salary To|Due Date|Credited On|Gross Salary|Deductions|"
                         "Reason for Deduction|Deduction Agreed|Net Salary|Currency|Credited To|"
                         "Hours Worked (incl. OT)",
        "events": "Candidate Code|Date|Incident|Amount|Currency|Borne By|Remarks",
    },
    values={
        "sex": {"female": ["Female", "F"], "male": ["Male", "M"]},
        "role": {"recruiter": ["RA"], "sub_agent": ["Sub-agent"]},
        "stage": {"offer": ["Offer letter"], "destination": ["Contract signed on arrival"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "category": {"recruitment_fee": ["Recruitment charges"], "placement_fee": ["Placement charges"],
                     "service_fee": ["Sub-agent service charges"], "medical": ["GAMCA medical"],
                     "insurance": ["Insurance premium"], "skills_test": ["Trade test fee"],
                     "training": ["Training charges"], "equipment": ["Safety shoes"],
                     "airfare": ["Onward air ticket"], "bribe": ["Speed money"], "deposit": ["Security deposit"],
                     "visa": ["Visa charges"]},
        "fees.paid_by": {"worker": ["Emigrant", "Candidate"], "employer": ["Foreign employer"]},
        "method": {"cash": ["Cash"], "bank": ["NEFT"], "wage_deduction": ["Deducted from salary"], "loan": ["Loan"]},
        "lender": {"agency": ["RA"]},
        "document": {"passport": ["Passport"], "bank_card": ["ATM card"], "certificate": ["Trade certificate"]},
        "held_by": {"worker": ["Emigrant"], "employer": ["Employer"], "agency": ["RA"]},
        "worker_consent": {"no": ["No"], "written": ["Written consent"]},
        "tampered": {"none": ["No"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Settled"]},
        "subject": {"harassment": ["Sexual harassment"], "wages": ["Salary / OT dues"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Department"]},
        "deduction_reason": {"fine": ["Penalty"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["Emigrant"]},
        "event": {"resignation_refused": ["Resignation not accepted"],
                  "pregnancy_test_required": ["Pregnancy test insisted"], "confined": ["Not allowed to go out"],
                  "employer_change_requested": ["Requested change of sponsor"],
                  "employer_change_refused": ["NOC refused"], "dismissed": ["Terminated"],
                  "repatriated": ["Repatriated"]},
        "events.paid_by": {"worker": ["Emigrant"]},
    },
    yes=["Yes", "Y"], no=["No", "N"],
    date=lambda d, _s, _c: f"{d:%d/%m/%Y}" if d.day % 2 else f"{d:%d-%m-%Y}",
    money=_in_money,
    layout=_in_layout,
)


# ---------------------------------------------------------------------------------------------- 2. Gulf HR export

_GULF_DATES = cycle_of([lambda d: f"{d:%d-%b-%Y}", lambda d: d, lambda d: d.isoformat()])


def _gulf_money(n: float, cur: str | None) -> object:
    return f"{cur} {n:,.2f}" if cur else f"{n:,.2f}"


def _gulf_layout(tables: list[Table], rows: Rows, system: System) -> None:
    group(table(tables, "workers"), [
        ("Personal Data", ["worker_id", "name", "sex", "date_of_birth", "nationality", "languages", "occupation"]),
        ("Recruitment", ["origin_country", "destination_country", "agency_id", "employer_id", "recruited_on",
                         "departed_on", "orientation_on", "complaint_channel_known"]),
        ("Salary", ["first_month_earnings", "earnings_currency"])])
    group(table(tables, "contracts"), [
        ("Contract", ["contract_id", "worker_id", "stage", "written", "language", "signed_on", "copy_given_to_worker",
                      "signed_by_worker"]),
        ("Terms", ["job_title", "monthly_wage", "currency", "hours_per_week", "rest_days_per_week", "duration_months",
                   "annual_leave_days", "accommodation", "repatriation_paid_by", "employer_name", "work_location"]),
        ("Compliance", ["waiver_clause", "verified_by_authority", "advertised", "says_no_fees",
                        "licence_number_shown"])])
    group(table(tables, "wage_payments"), [
        ("Employee", ["worker_id"]),
        ("Salary Period", ["", "due_on", "paid_on"]),
        ("Amounts", ["gross", "deductions", "deduction_reason", "deduction_consent", "net", "currency"]),
        ("Payment", ["paid_to", "hours_worked"])])


GULF = System(
    key="gulf_hr",
    sheet_names={"agencies": "Recruitment Offices", "employers": "Establishments", "workers": "Employee Master",
                 "contracts": "Employment Contracts", "fees": "Recruitment Costs", "documents": "Document Custody",
                 "complaints": "Labour Cases", "wage_payments": "Payroll (WPS)", "events": "Employee Actions"},
    headers={
        "agencies": "Office No.|Recruitment Office Name|Office Country|Office Licence No.|Licence Issue Date|"
                    "Licence Expiry Date|Office Type|Parent Office No.",
        "employers": "Establishment No.|Establishment Name|Country|Economic Activity|"
                     "Recruitment Agreement Prohibits Worker Fees|Last Recruiter Audit Date",
        "workers": "Employee No.|Employee Name|Gender|Birth Date|Nationality|Languages|Profession|Source Country|"
                   "Work Country|Recruitment Office No.|Establishment No.|Recruitment Date|Departure Date|"
                   "First Month Salary|First Month Salary Currency|Pre-Departure Orientation Date|"
                   "Informed of Labour Complaint Channels",
        "contracts": "Contract No.|Employee No.|Contract Phase|Written Contract|Contract Language|"
                     "Contract Signing Date|Copy Received by Employee|Job Title|Basic Salary|Salary Currency|"
                     "Weekly Working Hours|Weekly Rest Days|Contract Duration (Months)|Annual Vacation (Days)|Housing|"
                     "Return Ticket Paid By|Employer Name on Contract|Work Location|Signed by Employee|"
                     "Rights Waiver Clause|Authenticated by Ministry|Advertised|Advert States No Fees|"
                     "Advert Shows Licence No.",
        "fees": "Transaction No.|Employee No.|Recruitment Office No.|Cost Type|Amount|Currency|Paid By|Payment Date|"
                "Payment Method|Refunded Amount|Financed By|Receipt|Itemised Invoice|Disclosed Before Offer",
        "documents": "Employee No.|Document Type|Document No.|Custodian|Custody Start Date|Employee Consent|"
                     "Returned on Request|Document Condition",
        "complaints": "Case No.|Employee No.|Recruitment Office No.|Case Date|Claim Details|Case Status|Claim Type|"
                      "Filed With|In Employee's Language|Filing Cost|Claim Upheld|Retaliation Reported|Closure Date|"
                      "Amount Awarded|Amount Paid|Currency",
        "wage_payments": "Employee No.|Salary Month|Period End|Salary Due Date|Salary Transfer Date|Gross Salary|"
                         "Total Deductions|Deduction Reason|Deduction Consent|Net Salary|Currency|Paid To|"
                         "Hours Worked",
        "events": "Employee No.|Action Date|Action Type|Amount|Currency|Paid By|Notes",
    },
    values={
        "sex": {"female": ["Female"], "male": ["Male"]},
        "role": {"recruiter": ["Recruitment Office"], "sub_agent": ["Sub-Agent"]},
        "stage": {"offer": ["Job Offer"], "destination": ["Contract on Arrival"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "category": {"recruitment_fee": ["Recruitment Fees"], "placement_fee": ["Placement Fee"],
                     "service_fee": ["Service Fee"], "medical": ["Medical Examination"],
                     "insurance": ["Medical Insurance"], "skills_test": ["Skills Verification Test"],
                     "training": ["Training"], "equipment": ["PPE"], "airfare": ["Flight Ticket"],
                     "bribe": ["Bribe"], "deposit": ["Guarantee Deposit"], "visa": ["Visa Fee"]},
        "fees.paid_by": {"worker": ["Employee"], "employer": ["Establishment"]},
        "method": {"cash": ["Cash"], "bank": ["Bank Transfer"], "wage_deduction": ["Payroll Deduction"],
                   "loan": ["Loan"]},
        "lender": {"agency": ["Recruitment Office"]},
        "document": {"passport": ["Passport"], "bank_card": ["Payroll Card"],
                     "certificate": ["Qualification Certificate"]},
        "held_by": {"worker": ["Employee"], "employer": ["Establishment"], "agency": ["Recruitment Office"]},
        "worker_consent": {"no": ["No"], "written": ["Written"]},
        "tampered": {"none": ["Intact"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Closed - Settled"]},
        "subject": {"harassment": ["Harassment"], "wages": ["Unpaid Wages"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Inspection"]},
        "deduction_reason": {"fine": ["Penalty"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["Employee"]},
        "event": {"resignation_refused": ["Resignation Rejected"],
                  "pregnancy_test_required": ["Pregnancy Test Required"], "confined": ["Confined to Residence"],
                  "employer_change_requested": ["Transfer Request"], "employer_change_refused": ["Transfer Rejected"],
                  "dismissed": ["Termination"], "repatriated": ["Final Exit"]},
        "events.paid_by": {"worker": ["Employee"]},
    },
    yes=["Yes"], no=["No"],
    date=lambda d, _s, _c: _GULF_DATES(d),
    money=_gulf_money,
    pay_month=("Salary Month", [lambda d: f"{d:%Y/%m}", lambda d: f"{d:%B %Y}", lambda d: f"{d:%m-%Y}"]),
    layout=_gulf_layout,
)


# ---------------------------------------------------------------------------------------------- 3. Mexico (H-2A)


def _mx_date(d: dt.date, sheet: str, _c: str) -> object:
    # The employers file has one date column and no day above 12: the clerk's long form says it plainly.
    if sheet == "employers":
        return f"{d.day} de {_SPANISH_MONTHS[d.month - 1]} de {d.year}"
    return f"{d:%d/%m/%Y}"


MEXICO = System(
    key="mx_h2a",
    sheet_names={"agencies": "agencias", "employers": "patrones", "workers": "trabajadores", "contracts": "contratos",
                 "fees": "cobros", "documents": "documentos", "complaints": "quejas", "wage_payments": "nomina",
                 "events": "incidencias"},
    headers={
        "agencies": "Clave agencia|Razón social|País|Núm. de registro|Registro vigente desde|"
                    "Registro vigente hasta|Tipo de agencia|Agencia principal",
        "employers": "Clave patrón|Empleador|País|Sector|Contrato prohíbe cobros al trabajador|"
                     "Última revisión de debida diligencia",
        "workers": "No. de trabajador|Nombre completo|Sexo|Fecha de nacimiento|Nacionalidad|Idiomas|Ocupación|"
                   "País de origen|País de destino|Agencia|Patrón|Fecha de reclutamiento|Fecha de salida|"
                   "Ingreso primer mes|Moneda del ingreso|Fecha de orientación|Sabe cómo presentar quejas",
        "contracts": "No. de contrato|No. de trabajador|Etapa|Por escrito|Idioma|Fecha de firma|"
                     "Copia entregada al trabajador|Puesto|Salario mensual|Moneda|Horas por semana|"
                     "Días de descanso por semana|Duración (meses)|Días de vacaciones|Alojamiento|Regreso pagado por|"
                     "Nombre del patrón|Lugar de trabajo|Firmado por el trabajador|Cláusula de renuncia de derechos|"
                     "Visado por autoridad|Anunciado|El anuncio dice sin cobro|El anuncio muestra el registro",
        "fees": "Folio|No. de trabajador|Agencia|Concepto|Importe|Moneda|Pagado por|Fecha de pago|Forma de pago|"
                "Importe reembolsado|Prestamista|Recibo|Desglosado|Informado antes de aceptar",
        "documents": "No. de trabajador|Documento|Número de documento|En poder de|En su poder desde|"
                     "Consentimiento del trabajador|Devuelto al pedirlo|Alteración",
        "complaints": "Folio de queja|No. de trabajador|Agencia|Fecha de recepción|Hechos|Estatus|Tema|"
                      "Presentada ante|En el idioma del trabajador|Costo para el trabajador|Procedente|Represalias|"
                      "Fecha de resolución|Reparación acordada|Reparación pagada|Moneda",
        "wage_payments": "No. de trabajador|Inicio del periodo|Fin del periodo|Fecha límite de pago|Fecha de pago|"
                         "Sueldo bruto|Descuentos|Motivo del descuento|Descuento autorizado|Neto pagado|Moneda|"
                         "Pagado a|Horas trabajadas",
        "events": "No. de trabajador|Fecha|Evento|Monto|Moneda|Pagado por|Observaciones",
    },
    values={
        "sex": {"female": ["Mujer", "Femenino"], "male": ["Hombre", "Masculino"]},
        "role": {"recruiter": ["Agencia reclutadora"], "sub_agent": ["Subagente"]},
        "stage": {"offer": ["Oferta de trabajo"], "destination": ["Contrato en destino"]},
        "repatriation_paid_by": {"employer": ["Patrón"]},
        "category": {"recruitment_fee": ["Cuota de reclutamiento"], "placement_fee": ["Cuota de colocación"],
                     "service_fee": ["Comisión por servicio"], "medical": ["Examen médico"], "insurance": ["Seguro"],
                     "skills_test": ["Examen de habilidades"], "training": ["Capacitación"],
                     "equipment": ["Botas de trabajo"], "airfare": ["Boleto de avión"], "bribe": ["Mordida"],
                     "deposit": ["Depósito en garantía"], "visa": ["Visa"]},
        "fees.paid_by": {"worker": ["Trabajador"], "employer": ["Patrón"]},
        "method": {"cash": ["Efectivo"], "bank": ["Transferencia bancaria"], "wage_deduction": ["Descuento vía nómina"],
                   "loan": ["Préstamo"]},
        "lender": {"agency": ["Agencia"]},
        "document": {"passport": ["Pasaporte"], "bank_card": ["Tarjeta bancaria"], "certificate": ["Certificado"]},
        "held_by": {"worker": ["Trabajador"], "employer": ["Patrón"], "agency": ["Agencia"]},
        "worker_consent": {"no": ["No"], "written": ["Por escrito"]},
        "tampered": {"none": ["Ninguna"], "destroyed": ["Destruido"]},
        "status": {"resolved": ["Resuelta"]},
        "subject": {"harassment": ["Acoso sexual"], "wages": ["Salarios"]},
        "channel": {"embassy": ["Embajada"], "inspectorate": ["Inspección del trabajo"]},
        "deduction_reason": {"fine": ["Multa"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["Trabajador"]},
        "event": {"resignation_refused": ["Renuncia negada"], "pregnancy_test_required": ["Prueba de embarazo exigida"],
                  "confined": ["Encierro"], "employer_change_requested": ["Solicitó cambio de patrón"],
                  "employer_change_refused": ["Cambio de patrón negado"], "dismissed": ["Despido"],
                  "repatriated": ["Repatriación"]},
        "events.paid_by": {"worker": ["Trabajador"]},
    },
    yes=["Sí", "SI"], no=["No", "NO"],
    date=_mx_date,
    money=lambda n, _cur: f"{n:,.2f}",
)


# ---------------------------------------------------------------------------------------------- 4. Poland


def _pl_money(n: float, cur: str | None) -> object:
    # Polish Excel: a (non-breaking) space between thousands, a decimal comma; the currency after the amount.
    text = thousands(n, NBSP if len(f"{n:.0f}") % 2 else " ", ",")
    return f"{text} {cur}" if cur == "NPR" else text


POLAND = System(
    key="pl_agencja",
    sheet_names={"agencies": "agencje", "employers": "pracodawcy", "workers": "pracownicy", "contracts": "umowy",
                 "fees": "oplaty", "documents": "dokumenty", "complaints": "skargi", "wage_payments": "wynagrodzenia",
                 "events": "zdarzenia"},
    headers={
        "agencies": "Nr agencji|Nazwa agencji|Kraj|Nr wpisu do rejestru|Wpis ważny od|Wpis ważny do|Rodzaj agencji|"
                    "Agencja nadrzędna",
        "employers": "Nr pracodawcy|Nazwa pracodawcy|Kraj|Branża|Umowa zakazuje pobierania opłat od pracowników|"
                     "Data ostatniej weryfikacji agencji",
        "workers": "Nr pracownika|Imię i nazwisko|Płeć|Data urodzenia|Obywatelstwo|Języki|Zawód|Kraj pochodzenia|"
                   "Kraj zatrudnienia|Agencja|Pracodawca|Data rekrutacji|Data wyjazdu|"
                   "Wynagrodzenie za pierwszy miesiąc|Waluta wynagrodzenia|Data szkolenia przedwyjazdowego|"
                   "Zna kanały skargowe",
        "contracts": "Nr umowy|Nr pracownika|Etap|Forma pisemna|Język umowy|Data podpisania|"
                     "Kopia wydana pracownikowi|Stanowisko|Wynagrodzenie miesięczne|Waluta|Godziny tygodniowo|"
                     "Dni wolne w tygodniu|Okres umowy (mies.)|Urlop (dni)|Zakwaterowanie|Powrót opłaca|"
                     "Pracodawca w umowie|Miejsce pracy|Podpisana przez pracownika|Klauzula zrzeczenia się praw|"
                     "Poświadczona przez urząd|Ogłoszenie|Ogłoszenie: bez opłat|Ogłoszenie: nr wpisu agencji",
        "fees": "Nr dowodu|Nr pracownika|Agencja|Tytuł płatności|Kwota|Waluta|Płacący|Data zapłaty|"
                "Forma płatności|Kwota zwrócona|Pożyczkodawca|Pokwitowanie|Wyszczególnione|"
                "Ujawnione przed przyjęciem oferty",
        "documents": "Nr pracownika|Dokument|Nr dokumentu|Przechowuje|Przechowywany od|Zgoda pracownika|"
                     "Zwrócony na żądanie|Uszkodzenie",
        "complaints": "Nr skargi|Nr pracownika|Agencja|Data wpływu|Treść skargi|Status|Przedmiot|Złożona do|"
                      "W języku pracownika|Koszt dla pracownika|Zasadna|Zgłoszono represje|Data zamknięcia|"
                      "Przyznane odszkodowanie|Wypłacone odszkodowanie|Waluta",
        "wage_payments": "Nr pracownika|Okres od|Okres do|Termin wypłaty|Data wypłaty|Brutto|Potrącenia|"
                         "Powód potrącenia|Zgoda na potrącenie|Netto|Waluta|Wypłacono|Przepracowane godziny",
        "events": "Nr pracownika|Data|Zdarzenie|Kwota|Waluta|Płacący|Uwagi",
    },
    values={
        "sex": {"female": ["kobieta", "K"], "male": ["mężczyzna", "M"]},
        "role": {"recruiter": ["agencja rekrutacyjna"], "sub_agent": ["podagent"]},
        "stage": {"offer": ["oferta pracy"], "destination": ["umowa na miejscu"]},
        "repatriation_paid_by": {"employer": ["pracodawca"]},
        "category": {"recruitment_fee": ["opłata rekrutacyjna"], "placement_fee": ["opłata za pośrednictwo"],
                     "service_fee": ["opłata za obsługę"], "medical": ["badania lekarskie"],
                     "insurance": ["ubezpieczenie"], "skills_test": ["test umiejętności"], "training": ["szkolenie"],
                     "equipment": ["obuwie robocze"], "airfare": ["bilet lotniczy"], "bribe": ["łapówka"],
                     "deposit": ["kaucja"], "visa": ["wiza"]},
        "fees.paid_by": {"worker": ["pracownik"], "employer": ["pracodawca"]},
        "method": {"cash": ["gotówka"], "bank": ["przelew"], "wage_deduction": ["potrącenie z wynagrodzenia"],
                   "loan": ["pożyczka"]},
        "lender": {"agency": ["agencja"]},
        "document": {"passport": ["paszport"], "bank_card": ["karta bankowa"],
                     "certificate": ["świadectwo kwalifikacji"]},
        "held_by": {"worker": ["pracownik"], "employer": ["pracodawca"], "agency": ["agencja"]},
        "worker_consent": {"no": ["nie"], "written": ["pisemna"]},
        "tampered": {"none": ["brak"], "destroyed": ["zniszczony"]},
        "status": {"resolved": ["załatwiona"]},
        "subject": {"harassment": ["molestowanie seksualne"], "wages": ["wynagrodzenie"]},
        "channel": {"embassy": ["ambasada"], "inspectorate": ["inspekcja pracy"]},
        "deduction_reason": {"fine": ["kara"]},
        "deduction_consent": {"no": ["nie"]},
        "paid_to": {"worker": ["pracownik"]},
        "event": {"resignation_refused": ["odmowa przyjęcia wypowiedzenia"],
                  "pregnancy_test_required": ["wymagany test ciążowy"], "confined": ["zamknięty w mieszkaniu"],
                  "employer_change_requested": ["wniosek o zmianę pracodawcy"],
                  "employer_change_refused": ["odmowa zmiany pracodawcy"], "dismissed": ["zwolniony"],
                  "repatriated": ["powrót do kraju"]},
        "events.paid_by": {"worker": ["pracownik"]},
    },
    yes=["tak", "TAK"], no=["nie", "NIE"],
    date=lambda d, _s, _c: f"{d:%d.%m.%Y}",
    money=_pl_money,
)


# ---------------------------------------------------------------------------------------------- 5. Romania


def _ro_layout(tables: list[Table], rows: Rows, system: System) -> None:
    fees, wages = table(tables, "fees"), table(tables, "wage_payments")
    fees.below = [[], totals_row(fees, rows, "TOTAL", ["amount", "reimbursed_amount"],
                                 lambda n: thousands(n, ".", ","))]
    wages.below = [totals_row(wages, rows, "Total general", ["gross", "deductions", "net"],
                              lambda n: thousands(n, ".", ","))]
    for t in (fees, wages, table(tables, "contracts")):
        interleave_blank_rows(t, 6)


ROMANIA = System(
    key="ro_agentie",
    sheet_names={"agencies": "Agenții", "employers": "Angajatori", "workers": "Lucrători", "contracts": "Contracte",
                 "fees": "Taxe și costuri", "documents": "Documente", "complaints": "Reclamații",
                 "wage_payments": "State de plată", "events": "Evenimente"},
    headers={
        "agencies": "Cod agenție|Denumire agenție|Țara|Nr. licență|Licență valabilă de la|Licență valabilă până la|"
                    "Tip agenție|Agenția principală",
        "employers": "Cod angajator|Denumire angajator|Țara|Sector de activitate|"
                     "Contractul interzice taxe pentru lucrători|Data ultimei verificări a agenției",
        "workers": "Marca|Nume și prenume|Sex|Data nașterii|Cetățenie|Limbi cunoscute|Ocupație|Țara de origine|"
                   "Țara de destinație|Agenție|Angajator|Data recrutării|Data plecării|Venit prima lună|"
                   "Moneda venitului|Data instruirii înainte de plecare|Cunoaște căile de reclamație",
        "contracts": "Nr. contract|Marca|Etapă|În scris|Limba contractului|Data semnării|"
                     "Copie înmânată lucrătorului|Funcție|Salariu lunar|Moneda|Ore pe săptămână|"
                     "Zile libere pe săptămână|Durată (luni)|Concediu de odihnă (zile)|Cazare|"
                     "Întoarcerea plătită de|Angajator în contract|Locul de muncă|Semnat de lucrător|"
                     "Clauză de renunțare la drepturi|Vizat de autoritate|Anunț publicat|Anunțul spune fără taxe|"
                     "Anunțul arată nr. licenței",
        "fees": "Nr. chitanță|Marca|Agenție|Explicație|Sumă|Moneda|Plătit de|Data plății|Modalitate de plată|"
                "Sumă restituită|Creditor|Chitanță eliberată|Detaliat|Comunicat înainte de acceptare",
        "documents": "Marca|Document|Nr. document|Deținut de|Deținut din|Acordul lucrătorului|Restituit la cerere|"
                     "Deteriorat / distrus",
        "complaints": "Nr. reclamație|Marca|Agenție|Data primirii|Descriere|Stare|Obiect|Depusă la|"
                      "În limba lucrătorului|Cost pentru lucrător|Întemeiată|Represalii raportate|Data soluționării|"
                      "Despăgubire acordată|Despăgubire plătită|Moneda",
        "wage_payments": "Marca|Perioada de la|Perioada până la|Scadență|Data plății|Brut|Rețineri|"
                         "Motivul reținerii|Acord pentru reținere|Net|Moneda|Plătit către|Ore lucrate",
        "events": "Marca|Data|Eveniment|Sumă|Moneda|Plătit de|Observații",
    },
    values={
        "sex": {"female": ["feminin", "F"], "male": ["masculin", "M"]},
        "role": {"recruiter": ["agenție de recrutare"], "sub_agent": ["subagent"]},
        "stage": {"offer": ["ofertă de muncă"], "destination": ["contract la destinație"]},
        "repatriation_paid_by": {"employer": ["angajatorul"]},
        "category": {"recruitment_fee": ["taxă de recrutare"], "placement_fee": ["taxă de plasare"],
                     "service_fee": ["comision de servicii"], "medical": ["analize medicale"],
                     "insurance": ["asigurare"], "skills_test": ["test de aptitudini"],
                     "training": ["curs de calificare"], "equipment": ["echipament de lucru"],
                     "airfare": ["bilet de avion"], "bribe": ["mită"], "deposit": ["garanție"], "visa": ["viză"]},
        "fees.paid_by": {"worker": ["lucrătorul"], "employer": ["angajatorul"]},
        "method": {"cash": ["numerar"], "bank": ["virament bancar"], "wage_deduction": ["reținere din salariu"],
                   "loan": ["împrumut"]},
        "lender": {"agency": ["agenția"]},
        "document": {"passport": ["pașaport"], "bank_card": ["card bancar"],
                     "certificate": ["certificat de calificare"]},
        "held_by": {"worker": ["lucrătorul"], "employer": ["angajatorul"], "agency": ["agenția"]},
        "worker_consent": {"no": ["nu"], "written": ["în scris"]},
        "tampered": {"none": ["intact"], "destroyed": ["distrus"]},
        "status": {"resolved": ["soluționată"]},
        "subject": {"harassment": ["hărțuire sexuală"], "wages": ["salarii neplătite"]},
        "channel": {"embassy": ["ambasadă"], "inspectorate": ["inspectoratul muncii"]},
        "deduction_reason": {"fine": ["amendă"]},
        "deduction_consent": {"no": ["nu"]},
        "paid_to": {"worker": ["lucrătorul"]},
        "event": {"resignation_refused": ["demisie refuzată"], "pregnancy_test_required": ["test de sarcină cerut"],
                  "confined": ["sechestrat în locuință"], "employer_change_requested": ["cerere schimbare angajator"],
                  "employer_change_refused": ["schimbare angajator refuzată"], "dismissed": ["concediat"],
                  "repatriated": ["repatriat"]},
        "events.paid_by": {"worker": ["lucrătorul"]},
    },
    yes=["da", "DA"], no=["nu", "NU"],
    date=lambda d, _s, _c: f"{d:%d.%m.%Y}",
    money=lambda n, _cur: thousands(n, ".", ","),
    layout=_ro_layout,
)


# ---------------------------------------------------------------------------------------------- 6. Singapore MDW

_SG_DATES = cycle_of([lambda d: f"{d.day} {d:%b %Y}", lambda d: d])


def _sg_money(n: float, cur: str | None) -> object:
    if cur == "NPR":
        return f"NPR {n:,.0f}"
    return f"{cur} {n:,.2f}" if cur else n


def _sg_layout(tables: list[Table], rows: Rows, system: System) -> None:
    fees, wages = table(tables, "fees"), table(tables, "wage_payments")
    fees.below = [totals_row(fees, rows, "Total", ["amount", "reimbursed_amount"], lambda n: n)]
    wages.below = [totals_row(wages, rows, "Total", ["gross", "deductions", "net", "hours_worked"], lambda n: n)]
    for t in tables:
        t.excel_table = True


SINGAPORE = System(
    key="sg_mdw",
    sheet_names={"agencies": "Partner Agencies", "employers": "Employers", "workers": "FDW Particulars",
                 "contracts": "Employment Contracts", "fees": "Fees and Loans", "documents": "Safekeeping",
                 "complaints": "Feedback and Cases", "wage_payments": "Salary Records", "events": "Case Notes"},
    headers={
        "agencies": "Agency Code|Agency|Country|Licence No.|Licence Start|Licence End|Agency Type|Main Agency Code",
        "employers": "Employer Ref|Employer|Country|Sector|Service Agreement Bans Worker Fees|Last Agency Review",
        "workers": "FDW Ref|FDW Name|Sex|Date of Birth|Nationality|Languages|Occupation|Home Country|Work Country|"
                   "Source Agency|Employer Ref|Date Recruited|Date Left Home Country|1st Month Salary|"
                   "Salary Currency|Pre-Departure Briefing Date|Knows Where to Seek Help",
        "contracts": "Contract Ref|FDW Ref|Contract Stage|In Writing|Language|Date Signed|Copy Given to FDW|Job|"
                     "Monthly Salary|Currency|Working Hours per Week|Rest Days per Week|Contract Length (months)|"
                     "Annual Leave (days)|Accommodation|Home Passage Paid By|Employer on Contract|Place of Work|"
                     "Signed by FDW|Waiver Clause|Verified by Embassy|Advertised|Ad Says No Fees|"
                     "Ad Shows Licence No.",
        "fees": "Payment Ref|FDW Ref|Agency Code|Item|Amount|Currency|Paid By|Date Paid|Payment Mode|"
                "Amount Refunded|Loan From|Receipt Given|Itemised|Disclosed Before Accepting Job",
        "documents": "FDW Ref|Item Kept|Document No.|Kept By|Kept Since|FDW Agreed|Returned When Asked|"
                     "Damaged / Destroyed",
        "complaints": "Case Ref|FDW Ref|Agency Code|Date Received|Details|Case Status|Type of Case|Reported To|"
                      "In FDW's Language|Cost to FDW|Substantiated|Reprisal Reported|Date Closed|Award|Award Paid|"
                      "Currency",
        "wage_payments": "FDW Ref|Salary Month|Period End|Pay Due By|Date Paid|Gross Salary|Less: Deductions|"
                         "Deduction For|FDW Agreed to Deduction|Net Salary|Currency|Paid Into|Hours Worked",
        "events": "FDW Ref|Date|What Happened|Amount|Currency|Paid By|Notes",
    },
    values={
        "sex": {"female": ["F"], "male": ["M"]},
        "role": {"recruiter": ["Source agency"], "sub_agent": ["Sub-agent"]},
        "stage": {"offer": ["Job offer"], "destination": ["Signed on arrival"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "category": {"recruitment_fee": ["Agency fee"], "placement_fee": ["Placement fee"],
                     "service_fee": ["Monthly service fee"], "medical": ["Medical check-up"],
                     "insurance": ["Insurance"], "skills_test": ["Entry test"], "training": ["Training centre fee"],
                     "equipment": ["Safety boots"], "airfare": ["Flight"], "bribe": ["Under-table payment"],
                     "deposit": ["Deposit"], "visa": ["Visa"]},
        "fees.paid_by": {"worker": ["FDW"], "employer": ["Employer"]},
        "method": {"cash": ["Cash"], "bank": ["Bank transfer"], "wage_deduction": ["Deduct from salary"],
                   "loan": ["Loan"]},
        "lender": {"agency": ["Agency"]},
        "document": {"passport": ["Passport"], "bank_card": ["ATM card"], "certificate": ["Training certificate"]},
        "held_by": {"worker": ["FDW"], "employer": ["Employer"], "agency": ["Agency"]},
        "worker_consent": {"no": ["No"], "written": ["Signed consent"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Resolved"]},
        "subject": {"harassment": ["Sexual harassment"], "wages": ["Salary"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour inspectorate"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["FDW's own account"]},
        "event": {"resignation_refused": ["Request to leave refused"],
                  "pregnancy_test_required": ["Pregnancy test required"], "confined": ["Locked in"],
                  "employer_change_requested": ["Asked for transfer"], "employer_change_refused": ["Transfer refused"],
                  "dismissed": ["Terminated"], "repatriated": ["Repatriated"]},
        "events.paid_by": {"worker": ["FDW"]},
    },
    yes=["Yes", "Y"], no=["No", "N"],
    date=lambda d, _s, _c: _SG_DATES(d),
    money=_sg_money,
    pay_month=("Salary Month", [lambda d: f"{d:%b %Y}", lambda d: f"{d:%B %Y}"]),
    layout=_sg_layout,
)


# ---------------------------------------------------------------------------------------------- 7. Korea EPS

KOREA = System(
    key="kr_eps",
    sheet_names={"agencies": "SEND_AGENCY", "employers": "EMPLOYER", "workers": "WORKER",
                 "contracts": "LABOR_CONTRACT", "fees": "FEE", "documents": "DOC_KEEP", "complaints": "GRIEVANCE",
                 "wage_payments": "WAGE", "events": "EVENT"},
    headers={
        "agencies": "AGENCY_CD|AGENCY_NM|NATION_NM|LICENSE_NO|LICENSE_START_DT|LICENSE_END_DT|AGENCY_TYPE|"
                    "PARENT_AGENCY_CD",
        "employers": "EMPLR_CD|EMPLR_NM|NATION_NM|INDUSTRY|FEE_BAN_YN|DUE_DILIGENCE_DT",
        "workers": "WORKER_NO|WORKER_NM|GENDER|BIRTH_DT|NATIONALITY|LANGUAGE|JOB_NM|ORIGIN_NATION|WORK_NATION|"
                   "AGENCY_CD|EMPLR_CD|RECRUIT_DT|DEPART_DT|FIRST_MONTH_PAY|PAY_CUR|ORIENT_DT|GRIEVANCE_INFO_YN",
        "contracts": "CONTRACT_NO|WORKER_NO|CONTRACT_STAGE|WRITTEN_YN|CONTRACT_LANG|SIGN_DT|COPY_GIVEN_YN|JOB_NM|"
                     "MONTHLY_PAY|CUR_CD|WEEK_WORK_HR|WEEK_REST_DAY|CONTRACT_MONTHS|ANNUAL_LEAVE_DAYS|HOUSING|"
                     "RETURN_FARE_PAYER|EMPLR_NM|WORK_PLACE|WORKER_SIGN_YN|WAIVER_YN|GOV_VERIFY_YN|AD_YN|"
                     "AD_NO_FEE_YN|AD_LICENSE_YN",
        "fees": "FEE_NO|WORKER_NO|AGENCY_CD|FEE_TYPE|FEE_AMT|CUR_CD|PAYER|PAY_DT|PAY_METHOD|REFUND_AMT|LENDER|"
                "RECEIPT_YN|ITEMIZED_YN|PRIOR_NOTICE_YN",
        "documents": "WORKER_NO|DOC_TYPE|DOC_NO|KEEPER|KEEP_START_DT|CONSENT|RETURN_YN|DAMAGE_TYPE",
        "complaints": "GRIEVANCE_NO|WORKER_NO|AGENCY_CD|RECEIPT_DT|CONTENT|STATUS|GRIEVANCE_TYPE|FILED_TO|"
                      "NATIVE_LANG_YN|COST_AMT|ACCEPTED_YN|RETALIATION_YN|CLOSE_DT|REMEDY_AMT|REMEDY_PAID_AMT|CUR_CD",
        "wage_payments": "WORKER_NO|PAY_YM|PAY_END_DT|PAY_DUE_DT|PAY_DT|GROSS_AMT|DEDUCT_AMT|DEDUCT_REASON|"
                         "DEDUCT_AGREE|NET_AMT|CUR_CD|PAYEE|WORK_HR",
        "events": "WORKER_NO|EVENT_DT|EVENT_TYPE|AMT|CUR_CD|PAYER|REMARK",
    },
    values={
        "sex": {"female": ["F"], "male": ["M"]},
        "role": {"recruiter": ["RECRUITER"], "sub_agent": ["SUB_AGENT"]},
        "stage": {"offer": ["OFFER"], "destination": ["ARRIVAL"]},
        "repatriation_paid_by": {"employer": ["EMPLOYER"]},
        "category": {"recruitment_fee": ["RECRUIT_FEE"], "placement_fee": ["PLACEMENT_FEE"],
                     "service_fee": ["SERVICE_FEE"], "medical": ["MEDICAL_CHK"], "insurance": ["INSURANCE"],
                     "skills_test": ["SKILL_TEST"], "training": ["TRAINING"], "equipment": ["EQUIPMENT"],
                     "airfare": ["AIR_TICKET"], "bribe": ["BRIBE"], "deposit": ["DEPOSIT"], "visa": ["VISA"]},
        "fees.paid_by": {"worker": ["WORKER"], "employer": ["EMPLOYER"]},
        "method": {"cash": ["CASH"], "bank": ["BANK_TRF"], "wage_deduction": ["PAY_DEDUCT"], "loan": ["LOAN"]},
        "lender": {"agency": ["AGENCY"]},
        "document": {"passport": ["PASSPORT"], "bank_card": ["BANK_CARD"], "certificate": ["CERTIFICATE"]},
        "held_by": {"worker": ["WORKER"], "employer": ["EMPLOYER"], "agency": ["AGENCY"]},
        "worker_consent": {"no": ["N"], "written": ["WRITTEN"]},
        "tampered": {"none": ["NONE"], "destroyed": ["DESTROYED"]},
        "status": {"resolved": ["RESOLVED"]},
        "subject": {"harassment": ["HARASSMENT"], "wages": ["WAGE"]},
        "channel": {"embassy": ["EMBASSY"], "inspectorate": ["LABOR_OFFICE"]},
        "deduction_reason": {"fine": ["PENALTY"]},
        "deduction_consent": {"no": ["N"]},
        "paid_to": {"worker": ["WORKER"]},
        "event": {"resignation_refused": ["RESIGN_REJECT"], "pregnancy_test_required": ["PREG_TEST_REQ"],
                  "confined": ["CONFINE"], "employer_change_requested": ["CHG_EMPLR_REQ"],
                  "employer_change_refused": ["CHG_EMPLR_REJECT"], "dismissed": ["DISMISS"],
                  "repatriated": ["REPATRIATE"]},
        "events.paid_by": {"worker": ["WORKER"]},
    },
    yes=["Y"], no=["N"],
    date=lambda d, _s, _c: f"{d:%Y.%m.%d}",
    money=lambda n, _cur: f"{n:.0f}",
    pay_month=("PAY_YM", [lambda d: f"{d:%Y%m}"]),
)


# ---------------------------------------------------------------------------------------------- 8. Taiwan broker

_TW_DATES = cycle_of([roc, roc_slash])

TAIWAN = System(
    key="tw_broker",
    sheet_names={"agencies": "仲介公司", "employers": "雇主", "workers": "移工名冊", "contracts": "勞動契約",
                 "fees": "收費明細", "documents": "證件保管", "complaints": "申訴案件", "wage_payments": "薪資紀錄",
                 "events": "事件紀錄"},
    headers={
        "agencies": "仲介代號|仲介名稱|國別|許可證字號|許可證起日|許可證迄日|類型|上層仲介代號",
        "employers": "雇主代號|雇主名稱|國別|行業別|契約禁止向移工收費|最近一次查核仲介日期",
        "workers": "移工編號|姓名|性別|出生日期|國籍|語言|工作類別|來源國|工作國家|仲介代號|雇主代號|招募日期|"
                   "出境日期|首月薪資|薪資幣別|行前講習日期|知悉申訴管道",
        "contracts": "契約編號|移工編號|契約階段|書面|契約語言|簽約日期|已交付副本|職稱|月薪|幣別|每週工時|每週休息日|"
                     "契約期間(月)|年休假(日)|住宿|返國機票負擔者|契約雇主名稱|工作地點|本人簽名|棄權條款|經主管機關驗證|"
                     "刊登廣告|廣告載明免收費|廣告載明許可證字號",
        "fees": "收據編號|移工編號|仲介代號|收費項目|金額|幣別|付款人|付款日期|付款方式|已退還金額|借款來源|開立收據|"
                "逐項列明|接受前已告知",
        "documents": "移工編號|證件種類|證件號碼|保管人|保管起日|本人同意|要求時返還|毀損情形",
        "complaints": "申訴編號|移工編號|仲介代號|受理日期|申訴內容|處理狀態|申訴類別|申訴管道|以母語申訴|"
                      "申訴費用|查證屬實|遭報復|結案日期|應付補償|已付補償|幣別",
        "wage_payments": "移工編號|計薪起日|計薪迄日|應發薪日|實際發薪日|應發薪資|扣款|扣款原因|同意扣款|實發薪資|幣別|"
                         "領款人|工作時數",
        "events": "移工編號|日期|事件|金額|幣別|付款人|備註",
    },
    values={
        "sex": {"female": ["女"], "male": ["男"]},
        "role": {"recruiter": ["招募仲介"], "sub_agent": ["下游仲介"]},
        "stage": {"offer": ["工作要約"], "destination": ["入境後契約"]},
        "repatriation_paid_by": {"employer": ["雇主"]},
        "category": {"recruitment_fee": ["仲介費"], "placement_fee": ["媒合費"], "service_fee": ["服務費"],
                     "medical": ["體檢費"], "insurance": ["保險費"], "skills_test": ["技能檢定費"],
                     "training": ["訓練費"],
                     "equipment": ["工作鞋"], "airfare": ["機票"], "bribe": ["賄賂"], "deposit": ["保證金"],
                     "visa": ["簽證費"]},
        "fees.paid_by": {"worker": ["移工本人"], "employer": ["雇主"]},
        "method": {"cash": ["現金"], "bank": ["匯款"], "wage_deduction": ["薪資扣款"], "loan": ["借款"]},
        "lender": {"agency": ["仲介"]},
        "document": {"passport": ["護照"], "bank_card": ["提款卡"], "certificate": ["技能證書"]},
        "held_by": {"worker": ["本人"], "employer": ["雇主"], "agency": ["仲介"]},
        "worker_consent": {"no": ["否"], "written": ["書面同意"]},
        "tampered": {"none": ["無"], "destroyed": ["銷毀"]},
        "status": {"resolved": ["已解決"]},
        "subject": {"harassment": ["性騷擾"], "wages": ["積欠工資"]},
        "channel": {"embassy": ["駐外使館"], "inspectorate": ["勞動檢查機構"]},
        "deduction_reason": {"fine": ["罰款"]},
        "deduction_consent": {"no": ["否"]},
        "paid_to": {"worker": ["本人"]},
        "event": {"resignation_refused": ["離職申請遭拒"], "pregnancy_test_required": ["要求驗孕"],
                  "confined": ["限制外出"], "employer_change_requested": ["申請轉換雇主"],
                  "employer_change_refused": ["轉換雇主遭拒"], "dismissed": ["解僱"], "repatriated": ["遣返"]},
        "events.paid_by": {"worker": ["移工本人"]},
    },
    yes=["是"], no=["否"],
    date=lambda d, _s, _c: _TW_DATES(d),
    money=lambda n, _cur: f"{n:,.0f}",
)


# ---------------------------------------------------------------------------------------------- 9. Thailand

# Buddhist-era years in the columns whose header says (B.E.); the others in the Gregorian year, as Thai offices mix.
_TH_BE = {("agencies", "licence_valid_from"), ("agencies", "licence_valid_to"), ("employers", "due_diligence_on"),
          ("workers", "date_of_birth")}


def _th_date(d: dt.date, sheet: str, column: str) -> object:
    return f"{d.day:02d}/{d.month:02d}/{d.year + 543}" if (sheet, column) in _TH_BE else f"{d:%d/%m/%Y}"


THAILAND = System(
    key="th_agency",
    sheet_names={"agencies": "Agency", "employers": "Employer", "workers": "Worker Profile",
                 "contracts": "Contract", "fees": "Expenses", "documents": "Passport Keeping",
                 "complaints": "Complaint", "wage_payments": "Wage", "events": "Incident"},
    headers={
        "agencies": "Agency Code|Company Name|Country|Licence No.|Licence Issue (B.E.)|Licence Expiry (B.E.)|"
                    "Agency Type|Main Agency",
        "employers": "Employer Code|Employer Name|Country|Business Type|MOU Prohibits Fee Collection|"
                     "Last Agency Inspection (B.E.)",
        "workers": "Worker Code|Name-Surname|Gender|Birth Date (B.E.)|Nationality|Language|Position|"
                   "Country of Origin|Country of Work|Agency Code|Employer Code|Recruit Date|Departure Date|"
                   "Salary 1st Month|Currency|Orientation Date|Know Complaint Channel",
        "contracts": "Contract No.|Worker Code|Contract Step|Written|Language|Sign Date|Worker Got Copy|Position|"
                     "Salary per Month|Currency|Working Hours/Week|Holiday/Week|Period (Month)|Annual Holiday (Day)|"
                     "Accommodation|Return Ticket By|Employer Name|Workplace|Worker Signed|Waiver Clause|"
                     "Approved by Labour Office|Advertised|Ad Say No Fee|Ad Show Licence No.",
        "fees": "Expense No.|Worker Code|Agency Code|Expense Item|Amount|Currency|Paid By|Pay Date|Payment Channel|"
                "Refund|Borrow From|Receipt|Detail Listed|Inform Before Accept",
        "documents": "Worker Code|Document|Document No.|Keep By|Keep Since|Worker Allow|Return When Ask|Damage",
        "complaints": "Complaint No.|Worker Code|Agency Code|Receive Date|Detail|Status|Topic|Complain To|"
                      "Worker Language|Cost to Worker|Found True|Retaliation|Finish Date|Compensation|"
                      "Compensation Paid|Currency",
        "wage_payments": "Worker Code|Start Date|End Date|Due Date|Pay Date|Gross|Deduct|Deduct Reason|"
                         "Worker Agree Deduct|Net|Currency|Pay To|Work Hours",
        "events": "Worker Code|Date|Event|Amount|Currency|Paid By|Remark",
    },
    values={
        "sex": {"female": ["Female"], "male": ["Male"]},
        "role": {"recruiter": ["Recruitment Agency"], "sub_agent": ["Sub Agent"]},
        "stage": {"offer": ["Offer"], "destination": ["Arrival"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "category": {"recruitment_fee": ["Recruit fee"], "placement_fee": ["Placement"], "service_fee": ["Service"],
                     "medical": ["Health check"], "insurance": ["Insurance"], "skills_test": ["Skill test"],
                     "training": ["Training"], "equipment": ["Equipment"], "airfare": ["Plane ticket"],
                     "bribe": ["Tea money"], "deposit": ["Guarantee money"], "visa": ["Visa"]},
        "fees.paid_by": {"worker": ["Worker"], "employer": ["Employer"]},
        "method": {"cash": ["Cash"], "bank": ["Transfer"], "wage_deduction": ["Cut from salary"], "loan": ["Borrow"]},
        "lender": {"agency": ["Agency"]},
        "document": {"passport": ["Passport"], "bank_card": ["ATM card"], "certificate": ["Certificate"]},
        "held_by": {"worker": ["Worker"], "employer": ["Employer"], "agency": ["Agency"]},
        "worker_consent": {"no": ["No"], "written": ["Yes, written"]},
        "tampered": {"none": ["Normal"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Finished"]},
        "subject": {"harassment": ["Sexual harassment"], "wages": ["Wage"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Protection Office"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["Worker"]},
        "event": {"resignation_refused": ["Not allow to resign"], "pregnancy_test_required": ["Must test pregnancy"],
                  "confined": ["Locked in room"], "employer_change_requested": ["Ask change employer"],
                  "employer_change_refused": ["Not allow change employer"], "dismissed": ["Fired"],
                  "repatriated": ["Send back home"]},
        "events.paid_by": {"worker": ["Worker"]},
    },
    yes=["Yes"], no=["No"],
    date=_th_date,
    money=lambda n, _cur: f"{n:,.2f}",
)


# ---------------------------------------------------------------------------------------------- 10. Ethiopia


def _et_date(d: dt.date, sheet: str, _c: str) -> object:
    # One CSV file proves nothing to another: the employers file writes its only date with the month's name.
    return f"{d:%d-%b-%Y}" if sheet == "employers" else f"{d:%d/%m/%Y}"


def _et_layout(tables: list[Table], rows: Rows, system: System) -> None:
    workers = table(tables, "workers")
    # The clerk's own remark column, in Amharic ("checked"): outside the contract, to be listed and ignored.
    workers.columns.append("")
    workers.header.append("ማስታወሻ (Remark)")
    for r in workers.body:
        r.append("ተረጋግጧል")


ETHIOPIA = System(
    key="et_agency",
    sheet_names={"agencies": "agencies_list", "employers": "employers_list", "workers": "applicants",
                 "contracts": "contracts_list", "fees": "payments", "documents": "documents_kept",
                 "complaints": "complaints_log", "wage_payments": "salary", "events": "incidents"},
    headers={
        "agencies": "Agency No|Agency Name|Country|MoLS Licence No|Licence Valid From|Licence Valid Until|"
                    "Agency Role|Head Agency No",
        "employers": "Employer No|Employer|Country|Sector|Fee Ban In Agreement|Agency Due Diligence Date",
        "workers": "Applicant No|Full Name|Sex|Date of Birth|Nationality|Languages|Occupation|Origin Country|"
                   "Destination Country|Agency No|Employer No|Registration Date|Travel Date|First Month Salary|"
                   "First Month Salary Currency|Orientation Certificate Date|Told How To Complain",
        "contracts": "Contract No|Applicant No|Contract Stage|Written|Language|Date Signed|Copy Given|Job Title|"
                     "Monthly Salary|Currency|Weekly Hours|Weekly Rest Days|Duration In Months|Annual Leave Days|"
                     "Accommodation|Return Ticket Paid By|Employer Named|Work Location|Signed By Applicant|"
                     "Waiver Clause|Authenticated By MoLS|Advertised|Advert Says Free|Advert Shows Licence",
        "fees": "Payment No|Applicant No|Agency No|Payment For|Amount|Currency|Paid By|Payment Date|Payment Method|"
                "Refunded|Lender|Receipt|Itemised|Told Before Accepting",
        "documents": "Applicant No|Document|Document Number|Kept By|Kept Since|Consent|Returned When Asked|Tampering",
        "complaints": "Complaint No|Applicant No|Agency No|Date Received|Complaint|Status|Subject|Filed At|"
                      "Own Language|Cost To Applicant|Substantiated|Retaliation|Date Resolved|Remedy Due|Remedy Paid|"
                      "Currency",
        "wage_payments": "Applicant No|Period From|Period To|Due Date|Date Paid|Gross Salary|Deductions|"
                         "Deduction Reason|Deduction Consent|Net Salary|Currency|Paid To|Hours Worked",
        "events": "Applicant No|Date|Incident|Amount|Currency|Paid By|Description",
    },
    values={
        "sex": {"female": ["F", "Female"], "male": ["M", "Male"]},
        "role": {"recruiter": ["Recruiting agency"], "sub_agent": ["Sub agent"]},
        "stage": {"offer": ["Offer"], "destination": ["Contract at destination"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "category": {"recruitment_fee": ["Agency fee"], "placement_fee": ["Placement fee"],
                     "service_fee": ["Service fee"], "medical": ["Medical check-up"],
                     "insurance": ["Insurance premium"], "skills_test": ["COC exam fee"], "training": ["Training fee"],
                     "equipment": ["Work equipment"], "airfare": ["Ticket"], "bribe": ["Bribe"],
                     "deposit": ["Deposit"], "visa": ["Visa fee"]},
        "fees.paid_by": {"worker": ["Applicant"], "employer": ["Employer"]},
        "method": {"cash": ["Cash"], "bank": ["Bank"], "wage_deduction": ["Salary deduction"], "loan": ["Loan"]},
        "lender": {"agency": ["Agency"]},
        "document": {"passport": ["Passport"], "bank_card": ["Bank card"], "certificate": ["COC certificate"]},
        "held_by": {"worker": ["Applicant"], "employer": ["Employer"], "agency": ["Agency"]},
        "worker_consent": {"no": ["No"], "written": ["Written"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Resolved"]},
        "subject": {"harassment": ["Sexual harassment"], "wages": ["Wages"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour office"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["Applicant"]},
        "event": {"resignation_refused": ["Resignation refused"],
                  "pregnancy_test_required": ["Pregnancy test required"], "confined": ["Confined"],
                  "employer_change_requested": ["Asked to change employer"],
                  "employer_change_refused": ["Employer change refused"], "dismissed": ["Dismissed"],
                  "repatriated": ["Returned home"]},
        "events.paid_by": {"worker": ["Applicant"]},
    },
    yes=["Yes"], no=["No"],
    date=_et_date,
    money=lambda n, _cur: f"{n:,.2f}",
    layout=_et_layout,
)


# ---------------------------------------------------------------------------------------------- 11. Myanmar

_MM_DATES = cycle_of([lambda d: f"{d.day}.{d.month}.{d.year}", lambda d: f"{d.day}-{d.month}-{d.year}"])


def _mm_layout(tables: list[Table], rows: Rows, system: System) -> None:
    for t in tables:
        interleave_blank_rows(t, 4)
        # "Sr. No." counts the records; it is no id of theirs.
        n = itertools.count(1)
        t.columns.insert(0, "")
        t.header.insert(0, "Sr. No.")
        for r in t.body:
            r.insert(0, next(n) if any(v is not None for v in r) else None)
    fees, wages = table(tables, "fees"), table(tables, "wage_payments")
    for t, label, cols in ((fees, "Total", ["amount", "reimbursed_amount"]),
                           (wages, "Total", ["gross", "deductions", "net"])):
        row = totals_row(t, rows, label, cols, lambda n: f"{n:,.0f}")
        row[0], row[1] = None, label  # the label under the first record column, beside a blank "Sr. No."
        t.below = [[], row]


MYANMAR = System(
    key="mm_agency",
    sheet_names={"agencies": "Agency List", "employers": "Employer List", "workers": "Worker List",
                 "contracts": "Contract List", "fees": "Payment List", "documents": "Document List",
                 "complaints": "Complaint List", "wage_payments": "Salary Sheet", "events": "Event List"},
    headers={
        "agencies": "Agency ID|Agency Name|Country|MOLIP Licence No.|Licence Start Date|Licence End Date|Type|"
                    "Mother Agency",
        "employers": "Employer ID|Employer Name|Country|Business|Contract Forbid Fee|Last Check on Agency",
        "workers": "Worker ID|Name|Gender|Date of Birth|Nationality|Language|Job|From Country|To Country|Agency ID|"
                   "Employer ID|Recruitment Date|Departure Date|First Month Salary|Currency|PDOT Date|"
                   "Know Complaint Way",
        "contracts": "Contract ID|Worker ID|Stage|Written|Language|Signed Date|Copy Given|Job|Salary|Currency|"
                     "Hours/Week|Off Day/Week|Contract Month|Leave Day/Year|Hostel|Return Ticket Payer|"
                     "Employer Name|Work Place|Worker Signed|Waiver|Checked by Labour Attache|Advertised|"
                     "Ad Says No Fee|Ad Shows Licence",
        "fees": "Payment ID|Worker ID|Agency ID|Payment Type|Amount|Currency|Payer|Payment Date|Pay Method|"
                "Refund Amount|Lender|Receipt|Itemised|Told Before",
        "documents": "Worker ID|Document|Document No.|Holder|Hold Since|Consent|Return When Ask|Tamper",
        "complaints": "Complaint ID|Worker ID|Agency ID|Received Date|Complaint|Status|About|Complained At|"
                      "Own Language|Complain Cost|Substantiated|Retaliation|Resolved Date|Remedy Amount|Remedy Paid|"
                      "Currency",
        "wage_payments": "Worker ID|From Date|To Date|Due Date|Paid Date|Gross|Deduction|Deduct Reason|"
                         "Deduct Consent|Net|Currency|Paid To|Working Hours",
        "events": "Worker ID|Date|Event|Amount|Currency|Paid By|Remark",
    },
    values={
        "sex": {"female": ["Female", "F"], "male": ["Male", "M"]},
        "role": {"recruiter": ["Recruiting Agency"], "sub_agent": ["Sub-agent"]},
        "stage": {"offer": ["Offer"], "destination": ["At destination"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "category": {"recruitment_fee": ["Agent fee"], "placement_fee": ["Placement fee"],
                     "service_fee": ["Broker service fee"], "medical": ["Medical checkup"],
                     "insurance": ["Insurance"], "skills_test": ["Skill test"], "training": ["Training"],
                     "equipment": ["Working boots"], "airfare": ["Air ticket"], "bribe": ["Under table money"],
                     "deposit": ["Deposit money"], "visa": ["Visa"]},
        "fees.paid_by": {"worker": ["Worker"], "employer": ["Employer"]},
        "method": {"cash": ["Cash"], "bank": ["Bank"], "wage_deduction": ["Cut from salary"], "loan": ["Loan"]},
        "lender": {"agency": ["Agency"]},
        "document": {"passport": ["Passport"], "bank_card": ["ATM card"], "certificate": ["Certificate"]},
        "held_by": {"worker": ["Worker"], "employer": ["Employer"], "agency": ["Agency"]},
        "worker_consent": {"no": ["No"], "written": ["Written"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Solved"]},
        "subject": {"harassment": ["Sexual harassment"], "wages": ["Salary"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Office"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["Worker"]},
        "event": {"resignation_refused": ["Resign refused"], "pregnancy_test_required": ["Pregnancy test required"],
                  "confined": ["Locked in"], "employer_change_requested": ["Ask to change employer"],
                  "employer_change_refused": ["Change employer refused"], "dismissed": ["Dismissed"],
                  "repatriated": ["Sent back"]},
        "events.paid_by": {"worker": ["Worker"]},
    },
    yes=["Yes"], no=["No"],
    date=lambda d, _s, _c: _MM_DATES(d),
    money=lambda n, _cur: f"{n:,.0f}",
    layout=_mm_layout,
)


# ---------------------------------------------------------------------------------------------- 12. Kenya flat log

_KE_WORKER_HEADERS = ["Candidate No.", "Candidate Name", "Gender", "D.O.B", "Nationality", "Languages Spoken",
                      "Job Category", "Country of Origin", "Destination", "Recruiting Agent", "Employer Code",
                      "Date Registered", "Date of Travel", "1st Month Salary", "Salary Currency", "PDT Date",
                      "Knows Complaint Channels"]
_KE_FEE_HEADERS = ["Payment Ref.", "Candidate No.", "Collected By", "Payment For", "Amount", "Currency", "Paid By",
                   "Date Paid", "Mode of Payment", "Amount Refunded", "Loan From", "Receipt Issued", "Itemised",
                   "Disclosed Before Offer"]
_KE_CATEGORY = {"recruitment_fee": "Agency fee", "placement_fee": "Placement fee", "service_fee": "Sub-agent fee",
                "medical": "Medical", "insurance": "Insurance cover", "skills_test": "Trade test",
                "training": "Pre-departure training", "equipment": "Work boots", "airfare": "Air ticket",
                "bribe": "Kitu kidogo",  # Kenyan slang for a bribe
                "deposit": "Security deposit", "visa": "Visa processing"}
_KE_PAYER = {"worker": "Candidate", "employer": "Employer"}
_KE_METHOD = {"cash": "Cash", "bank": "Bank deposit", "wage_deduction": "Deducted from salary", "loan": "Loan"}
FLAT_SHEET = "Candidates & Payments"


def _ke_money(n: float, cur: str | None) -> object:
    return f"{cur} {n:,.0f}" if cur else f"{n:,.0f}"


KENYA_CELLS = System(
    key="ke_flat", sheet_names={}, headers={},
    values={"sex": {"female": ["F"], "male": ["M"]},
            "category": {k: [v] for k, v in _KE_CATEGORY.items()},
            "fees.paid_by": {k: [v] for k, v in _KE_PAYER.items()},
            "method": {k: [v] for k, v in _KE_METHOD.items()},
            "lender": {"agency": ["Agency"]}},
    yes=["Yes"], no=["No"],
    date=lambda d, _s, _c: f"{d:%d/%m/%Y}",
    money=_ke_money,
)


def _ke_mapping(path: Path) -> Path:
    """The mapping a caseworker writes after a first run: every header of the case log, the agency's own words
    for payment type, payer and mode, and the date order the office uses."""
    lines = ["fairrecruit-mapping: 1", "sheets:", f'  "{FLAT_SHEET}":', "    as: [workers, fees]",
             "    header_rows: [3]", "    columns:"]
    worker_cols = [c.name for c in SHEETS_BY_NAME["workers"].template_columns()]
    fee_cols = [c.name for c in SHEETS_BY_NAME["fees"].template_columns()]
    for header, col in zip(_KE_WORKER_HEADERS, worker_cols, strict=True):
        target = "[workers.worker_id, fees.worker_id]" if col == "worker_id" else f"workers.{col}"
        lines.append(f'      "{header}": {target}')
    for header, col in zip(_KE_FEE_HEADERS, fee_cols, strict=True):
        if col != "worker_id":
            lines.append(f'      "{header}": fees.{col}')
    lines.append("    values:")
    for column, table_of in (("fees.category", _KE_CATEGORY), ("fees.paid_by", _KE_PAYER),
                             ("fees.method", _KE_METHOD)):
        pairs = ", ".join(f'"{v}": {k if k != "airfare" else "travel"}' for k, v in table_of.items())
        lines.append(f"      {column}: {{{pairs}}}")
    lines.append("    dates: {order: dmy}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build_kenya_flat(rows: Rows, tmp_path: Path) -> Rendered:
    """Workers and fees in one case log (each payment row repeats the candidate's details); the other sheets as the
    fairrecruit template names them, because the agency only keeps this log its own way."""
    tables = base_tables(rows)
    apply_cells(tables, rows, KENYA_CELLS)
    workers, fees = table(tables, "workers"), table(tables, "fees")
    by_worker = {r[0]: r for r in workers.body}
    fee_wid = fees.position("worker_id")
    body: list[list[object]] = []
    fee_origin: dict[int, int] = {}
    worker_origin: dict[int, int] = {}
    order = {wid: i for i, wid in enumerate(by_worker)}
    for j in sorted(range(len(fees.body)), key=lambda j: (order[fees.body[j][fee_wid]], j)):
        fee_row = fees.body[j]
        wid = fee_row[fee_wid]
        worker_origin.setdefault(order[wid], len(body))
        fee_origin[j] = len(body)
        body.append(list(by_worker[wid]) + [v for k, v in enumerate(fee_row) if k != fee_wid])
    fee_columns = [c for k, c in enumerate(fees.columns) if k != fee_wid]
    flat = Table(name=FLAT_SHEET, columns=list(workers.columns) + fee_columns,
                 header=_KE_WORKER_HEADERS + [h for k, h in enumerate(_KE_FEE_HEADERS) if k != fee_wid],
                 body=body, origins={"workers": worker_origin, "fees": fee_origin},
                 changed=workers.changed | fees.changed,
                 above=[["Kazi Bora Recruitment Agency Ltd, Nairobi — candidates and payments"], []])
    rest = [t for t in tables if t.name not in ("workers", "fees")]
    path = write_xlsx([flat, *rest], tmp_path / "ke_case_log.xlsx")
    return Rendered(path, [flat, *rest], _ke_mapping(tmp_path / "ke_mapping.yaml"))


# ---------------------------------------------------------------------------------------------- the holdout


def _variant(id_: str, what: str, system: System, csv: tuple[str, str] | None = None) -> Variant:
    return Variant(id_, what, lambda rows, tmp, s=system, c=csv: build_system(s, rows, tmp, csv=c))


def _cells(v: Variant, system: System, csv: tuple[str, str] | None = None) -> Variant:
    return Variant(f"{v.id}-cells", f"{v.what}; but with the contract's sheet names and required column names",
                   lambda rows, tmp, s=system, c=csv: build_system(s, rows, tmp, csv=c, cells_only=True))


HOLDOUT5: list[Variant] = [
    _variant("h5-in-ra-ledger", "an Indian recruiting agent's ledger: firm name, 'as on' and notes rows above every "
             "header, eMigrate-style English (RC No., PDOT, FE Code), 'Nil', 'NRs. 8,000/-' and lakh-grouped "
             "'1,20,000.00' amounts, DD/MM/YYYY and DD-MM-YYYY dates", INDIA),
    _variant("h5-gulf-hr", "a Gulf HR/WPS system export: Establishment/Employee/Recruitment Office headers, merged "
             "group rows over the workers, contracts and payroll headers, 'QAR 1,200.00', dates as 15-Apr-2024, "
             "date cells and ISO, a 'Salary Month' (2024/05, May 2024, 05-2024) instead of the period", GULF),
    _variant("h5-mx-h2a", "a Mexican H-2A recruiter's CSV folder in Spanish, Windows-1252, comma-separated: Spanish "
             "headers and clerk words (Mujer, Patrón, Mordida, Descuento vía nómina), DD/MM/YYYY dates, "
             "'1 de noviembre de 2023' in the employers file", MEXICO, csv=("cp1252", ",")),
    _variant("h5-pl-agencja", "a Polish temp agency's CSV folder, Windows-1250, semicolon-separated: Polish headers "
             "and words, '1 200,00' with a space or no-break space between thousands, '120 000,00 NPR', "
             "DD.MM.YYYY dates", POLAND, csv=("cp1250", ";")),
    _variant("h5-ro-agentie", "a Romanian agency's workbook: Romanian headers and words ('Marca' for the worker "
             "number), text amounts '1.200,00', DD.MM.YYYY dates, blank rows between batches, TOTAL and 'Total "
             "general' rows under fees and payroll", ROMANIA),
    _variant("h5-sg-mdw", "a Singapore domestic-worker agency's workbook: FDW headers, every sheet an Excel table "
             "with a totals row on fees and salaries, '15 Apr 2024' text mixed with date cells, 'Salary Month' "
             "(May 2024, June 2024), 'QAR 1,200.00'", SINGAPORE),
    _variant("h5-kr-eps", "a Korean EPS-style export: CSV UTF-8 with BOM, upper-case column codes (WORKER_NO, "
             "BIRTH_DT, FEE_AMT), Y/N and upper-case codes, YYYY.MM.DD dates, PAY_YM as 202405", KOREA,
             csv=("utf-8-sig", ",")),
    _variant("h5-tw-broker", "a Taiwan broker's workbook in traditional Chinese, ROC-calendar dates (民國113年4月15日 "
             "and 113/04/15), Chinese words for every code", TAIWAN),
    _variant("h5-th-agency", "a Thai agency's workbook in Thai English: Buddhist-era years (DD/MM/2539) in the "
             "columns headed '(B.E.)', Gregorian DD/MM/YYYY elsewhere, 'Tea money', 'Cut from salary'", THAILAND),
    _variant("h5-et-utf16", "an Ethiopian agency's export as Excel 'Unicode Text' (UTF-16, tab-separated): "
             "Applicant/MoLS headers, an Amharic remark column, COC exam and certificate, DD/MM/YYYY dates and "
             "01-Nov-2023 in the employers file", ETHIOPIA, csv=("utf-16", "\t")),
    _variant("h5-mm-agency", "a Myanmar agency's lists: a 'Sr. No.' column, blank rows every four records, Total "
             "rows under payments and salaries, D.M.YYYY and D-M-YYYY dates without leading zeros", MYANMAR),
    Variant("h5-ke-flat", "a Kenyan agency's flat case log (one row per payment, the candidate's details repeated) "
            "under a title row, the other sheets as the template names them, and the mapping file a caseworker "
            "writes for it (every header, the agency's payment words, dmy)", build_kenya_flat),
]

_SYSTEMS: list[tuple[System, tuple[str, str] | None]] = [
    (INDIA, None), (GULF, None), (MEXICO, ("cp1252", ",")), (POLAND, ("cp1250", ";")), (ROMANIA, None),
    (SINGAPORE, None), (KOREA, ("utf-8-sig", ",")), (TAIWAN, None), (THAILAND, None), (ETHIOPIA, ("utf-16", "\t")),
    (MYANMAR, None)]
# The same eleven offices' files with the contract's sheet names and required headers, the optional headers and
# every cell as the office writes them: what the cells say is measured even where a sheet or a required header
# stops the office's own file.
HOLDOUT5_CELLS: list[Variant] = [_cells(v, s, c) for v, (s, c) in zip(HOLDOUT5, _SYSTEMS, strict=False)]
