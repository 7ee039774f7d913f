"""A SECOND blind holdout: the violations sample written down by four more record-keeping systems.

Written without looking at the reader's vocabularies or at the first holdout's tables, so a pass measures
how far the reader generalises and a failure names what it does not know yet. Each variant changes ONE thing:
every header of one system, that system's optional headers only (the required columns keep the template's
names, so the file is read and its safety is tested), or yes/no and choice values typed as that system does.

Systems (none of them the Nepali ledger, Gulf WPS export, Hong Kong/Taiwan sheet or NGO form of the first):
  ph  a Philippine agency's DMW/POEA-style deployment tracker (English with Filipino terms; OFW, principal)
  id  an Indonesian P3MI agency sheet (Bahasa Indonesia; PMI = pekerja migran Indonesia)
  cn  a mainland China labour-dispatch ledger (Simplified Chinese, 劳务派遣)
  us  a US auditor's working sheet (US spellings and abbreviations: License #, DOB, Exp., Y/N?)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from compliance.input.sheets import SHEETS, SHEETS_BY_NAME, Kind
from tests.metamorphic import transforms as tf
from tests.metamorphic.compare import Observation, misread_fields, record_pairs
from tests.metamorphic.render import Table, write_xlsx
from tests.metamorphic.transforms import Rows
from tests.metamorphic.variants import Rendered, Variant

SYSTEMS = ("ph", "id", "cn", "us")
H = tuple[str, str, str, str]

HEADERS: dict[str, dict[str, H]] = {
    "agencies": {
        "agency_id": ("Agency Code", "Kode P3MI", "机构编号", "Agency No."),
        "name": ("Agency Name", "Nama Perusahaan", "机构名称", "Agency Name"),
        "country": ("Country", "Negara", "所在国家", "Country"),
        "licence_number": ("DMW License No.", "Nomor SIP3MI", "许可证号", "License #"),
        "licence_valid_from": ("License Issued", "Izin Berlaku Sejak", "许可证生效日期", "License Eff. Date"),
        "licence_valid_to": ("License Expiry", "Izin Berlaku Sampai", "许可证到期日期", "License Exp. Date"),
        "role": ("Agency Type", "Jenis Perusahaan", "机构类型", "Agency Role"),
        "parent_agency_id": ("Mother Agency Code", "Kode P3MI Induk", "上级机构编号", "Parent Agency No."),
    },
    "employers": {
        "employer_id": ("Principal Code", "Kode Pemberi Kerja", "用工单位编号", "Employer No."),
        "name": ("Principal Name", "Nama Pemberi Kerja", "用工单位名称", "Employer Name"),
        "country": ("Jobsite Country", "Negara Penempatan", "用工国家", "Country"),
        "sector": ("Industry", "Sektor", "行业", "Industry"),
        "recruiter_contract_bans_fees": ("No Placement Fee Clause in Agency Agreement", "Perjanjian Melarang Biaya",
                                         "合同禁止向劳动者收费", "Contract Prohibits Fees (Y/N)"),
        "due_diligence_on": ("Last Due Diligence Date", "Tanggal Uji Tuntas Terakhir", "最近尽职调查日期",
                             "Last DD Date"),
    },
    "workers": {
        "worker_id": ("OFW No.", "Nomor PMI", "劳动者编号", "Worker No."),
        "name": ("Pangalan ng OFW", "Nama PMI", "姓名", "Worker Name"),
        "sex": ("Kasarian", "Jenis Kelamin", "性别", "Gender"),
        "date_of_birth": ("Petsa ng Kapanganakan", "Tanggal Lahir", "出生日期", "DOB"),
        "nationality": ("Citizenship", "Kewarganegaraan", "国籍", "Nationality"),
        "languages": ("Languages Spoken", "Bahasa yang Dikuasai", "掌握语言", "Languages"),
        "occupation": ("Position", "Jabatan", "工种", "Occupation"),
        "origin_country": ("Country of Origin", "Negara Asal", "来源国", "Origin Country"),
        "destination_country": ("Country of Deployment", "Negara Tujuan", "派遣国家", "Dest. Country"),
        "agency_id": ("Agency Code", "Kode P3MI", "派遣机构编号", "Agency No."),
        "employer_id": ("Principal Code", "Kode Pemberi Kerja", "用工单位编号", "Employer No."),
        "recruited_on": ("Date Recruited", "Tanggal Perekrutan", "招聘日期", "Recruitment Date"),
        "departed_on": ("Deployment Date", "Tanggal Keberangkatan", "出境日期", "Departure Date"),
        "first_month_earnings": ("First Month Salary", "Gaji Bulan Pertama", "首月工资", "1st Month Earnings"),
        "earnings_currency": ("Salary Currency", "Mata Uang Gaji", "工资币种", "Earnings Curr."),
        "orientation_on": ("PDOS Date", "Tanggal OPP", "出境前培训日期", "Pre-Departure Orientation Date"),
        "complaint_channel_known": ("Informed of Grievance Mechanism", "Mengetahui Cara Pengaduan",
                                    "知晓投诉渠道", "Knows How to Complain (Y/N)"),
    },
    "contracts": {
        "contract_id": ("Contract No.", "Nomor Perjanjian Kerja", "合同编号", "Contract No."),
        "worker_id": ("OFW No.", "Nomor PMI", "劳动者编号", "Worker No."),
        "stage": ("Contract Stage", "Tahap Perjanjian", "合同阶段", "Stage"),
        "written": ("Written Contract", "Tertulis", "书面合同", "Written (Y/N)"),
        "language": ("Contract Language", "Bahasa Perjanjian", "合同语言", "Language"),
        "signed_on": ("Date Signed", "Tanggal Penandatanganan", "签订日期", "Date Signed"),
        "copy_given_to_worker": ("Copy Given to OFW", "Salinan Diberikan kepada PMI", "已交付劳动者副本",
                                 "Copy Given to Worker (Y/N)"),
        "job_title": ("Job Position", "Jabatan", "岗位", "Job Title"),
        "monthly_wage": ("Basic Monthly Salary", "Gaji per Bulan", "月工资", "Monthly Wage"),
        "currency": ("Salary Currency", "Mata Uang", "币种", "Curr."),
        "hours_per_week": ("Working Hours per Week", "Jam Kerja per Minggu", "每周工时", "Hrs/Wk"),
        "rest_days_per_week": ("Rest Days per Week", "Hari Libur per Minggu", "每周休息天数", "Rest Days/Wk"),
        "duration_months": ("Contract Duration (months)", "Jangka Waktu (bulan)", "合同期限（月）",
                            "Duration (Mos.)"),
        "annual_leave_days": ("Vacation Leave (days)", "Cuti Tahunan (hari)", "年假天数", "Annual Leave (Days)"),
        "accommodation": ("Housing", "Akomodasi", "住宿", "Housing"),
        "repatriation_paid_by": ("Repatriation Cost Borne By", "Biaya Pemulangan Ditanggung Oleh", "回国费用承担方",
                                 "Repatriation Paid By"),
        "employer_name": ("Principal / Employer", "Nama Pemberi Kerja", "用工单位", "Employer"),
        "work_location": ("Jobsite", "Lokasi Kerja", "工作地点", "Work Location"),
        "signed_by_worker": ("Signed by OFW", "Ditandatangani PMI", "劳动者本人签字", "Signed by Worker (Y/N)"),
        "waiver_clause": ("Has Waiver Clause", "Ada Klausul Pengesampingan Hak", "含放弃权利条款",
                          "Waiver Clause (Y/N)"),
        "verified_by_authority": ("Verified by POLO/MWO", "Diverifikasi Atase Ketenagakerjaan", "经主管部门备案",
                                  "Verified by Authority (Y/N)"),
        "advertised": ("Advertised Job Order", "Diiklankan", "已发布招聘广告", "Advertised (Y/N)"),
        "says_no_fees": ("States No Placement Fee", "Menyatakan Tanpa Biaya", "注明不收费", "States No Fees (Y/N)"),
        "licence_number_shown": ("License No. Shown in Ad", "Nomor Izin Dicantumkan", "广告标明许可证号",
                                 "License # Shown (Y/N)"),
    },
    "fees": {
        "fee_id": ("Payment Ref. No.", "Nomor Pembayaran", "费用编号", "Fee No."),
        "worker_id": ("OFW No.", "Nomor PMI", "劳动者编号", "Worker No."),
        "agency_id": ("Collecting Agency Code", "Kode P3MI Penerima", "收费机构编号", "Agency No."),
        "category": ("Fee Type", "Jenis Biaya", "费用类别", "Fee Category"),
        "amount": ("Amount Paid", "Jumlah Biaya", "金额", "Amt."),
        "currency": ("Currency", "Mata Uang", "币种", "Curr."),
        "paid_by": ("Paid By", "Dibayar Oleh", "付款方", "Paid By"),
        "paid_on": ("Date Paid", "Tanggal Bayar", "付款日期", "Date Paid"),
        "method": ("Mode of Payment", "Cara Pembayaran", "付款方式", "Pmt. Method"),
        "reimbursed_amount": ("Amount Refunded", "Jumlah Dikembalikan", "已退还金额", "Amt. Reimbursed"),
        "lender": ("Lender", "Pemberi Pinjaman", "出借方", "Lender"),
        "receipt": ("Official Receipt Issued", "Kuitansi Diberikan", "已开收据", "Receipt (Y/N)"),
        "itemised": ("Itemized", "Rincian Biaya", "明细列明", "Itemized (Y/N)"),
        "disclosed_before_acceptance": ("Disclosed Before Acceptance", "Diberitahukan Sebelum Setuju",
                                        "接受录用前已告知", "Disclosed Pre-Acceptance (Y/N)"),
    },
    "documents": {
        "worker_id": ("OFW No.", "Nomor PMI", "劳动者编号", "Worker No."),
        "document": ("Document Type", "Jenis Dokumen", "证件类型", "Doc. Type"),
        "document_number": ("Document No.", "Nomor Dokumen", "证件号码", "Doc. No."),
        "held_by": ("In Custody Of", "Dipegang Oleh", "保管方", "Held By"),
        "held_since": ("In Custody Since", "Dipegang Sejak", "保管起始日期", "Held Since"),
        "worker_consent": ("OFW Consent", "Persetujuan PMI", "劳动者同意", "Worker Consent"),
        "returned_on_request": ("Returned Upon Request", "Dikembalikan Saat Diminta", "要求时已归还",
                                "Returned on Request (Y/N)"),
        "tampered": ("Tampering", "Pemalsuan/Perusakan", "证件被篡改", "Tampering"),
    },
    "complaints": {
        "complaint_id": ("Case No.", "Nomor Pengaduan", "投诉编号", "Complaint No."),
        "worker_id": ("OFW No.", "Nomor PMI", "劳动者编号", "Worker No."),
        "agency_id": ("Respondent Agency Code", "Kode P3MI Teradu", "被投诉机构编号", "Agency No."),
        "received_on": ("Date Filed", "Tanggal Diterima", "受理日期", "Date Rec'd"),
        "allegation": ("Complaint Details", "Isi Pengaduan", "投诉内容", "Allegation"),
        "status": ("Case Status", "Status", "处理状态", "Status"),
        "subject": ("Nature of Complaint", "Pokok Pengaduan", "投诉类别", "Subject"),
        "channel": ("Filed With", "Diajukan Ke", "投诉途径", "Channel"),
        "in_worker_language": ("In OFW's Language", "Dalam Bahasa PMI", "使用劳动者语言", "In Worker's Language (Y/N)"),
        "cost_to_worker": ("Cost to OFW", "Biaya bagi PMI", "劳动者承担费用", "Cost to Worker"),
        "substantiated": ("Meritorious", "Terbukti", "投诉成立", "Substantiated (Y/N)"),
        "retaliation_reported": ("Retaliation Reported", "Ada Pembalasan", "报告遭报复", "Retaliation (Y/N)"),
        "resolved_on": ("Date Resolved", "Tanggal Selesai", "结案日期", "Date Resolved"),
        "remedy_due": ("Award Amount", "Ganti Rugi yang Diputuskan", "裁定赔偿金额", "Remedy Due"),
        "remedy_paid": ("Amount Received by OFW", "Ganti Rugi yang Dibayar", "已支付赔偿金额", "Remedy Paid"),
        "currency": ("Currency", "Mata Uang", "币种", "Curr."),
    },
    "wage_payments": {
        "worker_id": ("OFW No.", "Nomor PMI", "劳动者编号", "Worker No."),
        "period_start": ("Pay Period From", "Periode Mulai", "工资期间开始", "Pay Period Begin"),
        "period_end": ("Pay Period To", "Periode Akhir", "工资期间结束", "Pay Period End"),
        "due_on": ("Salary Due Date", "Tanggal Jatuh Tempo Gaji", "应发日期", "Due Date"),
        "paid_on": ("Date Salary Received", "Tanggal Gaji Dibayar", "实发日期", "Date Paid"),
        "gross": ("Gross Pay", "Gaji Kotor", "应发工资", "Gross Pay"),
        "deductions": ("Total Deductions", "Total Potongan", "扣款合计", "Total Deductions"),
        "deduction_reason": ("Reason for Deduction", "Alasan Potongan", "扣款原因", "Deduction Reason"),
        "deduction_consent": ("OFW Agreed to Deduction", "Persetujuan Potongan", "劳动者同意扣款",
                              "Deduction Authorized"),
        "net": ("Net Pay", "Gaji Bersih", "实发工资", "Net Pay"),
        "currency": ("Currency", "Mata Uang", "币种", "Curr."),
        "paid_to": ("Salary Paid To", "Dibayarkan Kepada", "收款人", "Paid To"),
        "hours_worked": ("Hours Worked", "Jam Kerja", "实际工时", "Hrs. Worked"),
    },
    "events": {
        "worker_id": ("OFW No.", "Nomor PMI", "劳动者编号", "Worker No."),
        "date": ("Date of Incident", "Tanggal Kejadian", "发生日期", "Date"),
        "event": ("Incident", "Kejadian", "事件", "Event"),
        "amount": ("Amount Involved", "Jumlah", "涉及金额", "Amt."),
        "currency": ("Currency", "Mata Uang", "币种", "Curr."),
        "paid_by": ("Paid By", "Dibayar Oleh", "付款方", "Paid By"),
        "notes": ("Remarks", "Keterangan", "备注", "Notes"),
    },
}

_NAMES = {"ph": "Philippine DMW-style deployment tracker", "id": "Indonesian P3MI agency sheet (Bahasa Indonesia)",
          "cn": "mainland China labour-dispatch ledger (Simplified Chinese)",
          "us": "US auditor's sheet (US spellings, abbreviations)"}


def headers_of(system: str, optional_only: bool) -> dict[str, dict[str, str]]:
    at = SYSTEMS.index(system)
    return {sheet: {col: named[at] for col, named in columns.items()
                    if not (optional_only and SHEETS_BY_NAME[sheet].column(col).required_column)}
            for sheet, columns in HEADERS.items()}


# ---------------------------------------------------------------------------------------------- values

# Yes/no and choice words as each system's clerks type them. "Principal" is the Philippine word for the foreign
# employer; "Majikan" the Indonesian one; "Hindi" is Filipino for "no" (and also a language: a good trap).
PH_YES, PH_NO = ["Oo", "Yes", "OO"], ["Hindi", "No", "HINDI"]
PH_CHOICES: dict[str, dict[str, list[str]]] = {
    "paid_by": {"worker": ["OFW"], "employer": ["Principal"], "agency": ["Agency"]},
    "held_by": {"worker": ["OFW"], "employer": ["Principal"], "agency": ["Agency"]},
    "method": {"cash": ["Cash"], "bank": ["Bank Transfer"], "loan": ["Loan"]},
}
ID_YES, ID_NO = ["Ya", "Sudah", "YA"], ["Tidak", "Belum", "TIDAK"]
ID_CHOICES: dict[str, dict[str, list[str]]] = {
    "paid_by": {"worker": ["PMI", "Pekerja"], "employer": ["Majikan", "Pemberi Kerja"], "agency": ["P3MI"]},
    "held_by": {"worker": ["PMI", "Pekerja"], "employer": ["Majikan", "Pemberi Kerja"], "agency": ["P3MI"]},
    "method": {"cash": ["Tunai"], "bank": ["Transfer Bank"], "loan": ["Pinjaman"]},
}


def _values(yes: list[str], no: list[str], choices: dict[str, dict[str, list[str]]]
            ) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], rows: Rows) -> None:
        for sheet, column in tf.columns_of(Kind.YESNO):
            tf.map_cells(tf.table(tables, sheet), rows, column, tf.yes_no(yes, no))
        for spec in SHEETS:
            for column, forms in choices.items():
                if column in {c.name for c in spec.template_columns()}:
                    tf.map_cells(tf.table(tables, spec.name), rows, column, tf.spelled(forms))
    return change


# ---------------------------------------------------------------------------------------------- variants


def _xlsx(change: Callable[[list[Table], Rows], None]) -> Callable[[Rows, Path], Rendered]:
    def build(rows: Rows, out: Path) -> Rendered:
        tables = tf.base_tables(rows)
        change(tables, rows)
        return Rendered(write_xlsx(tables, out / "records.xlsx"), tables)
    return build


def _headers(system: str, optional_only: bool) -> Callable[[list[Table], Rows], None]:
    return lambda tables, _rows: tf.rename(tables, headers_of(system, optional_only))


HEADER_VARIANTS = [Variant(f"{s}-headers", f"every header as a {_NAMES[s]} writes it", _xlsx(_headers(s, False)))
                   for s in SYSTEMS]
OPTIONAL_HEADERS = [Variant(f"{s}-optional-headers", f"optional headers only as a {_NAMES[s]} writes them; "
                            "required columns keep the template names", _xlsx(_headers(s, True)))
                    for s in SYSTEMS]
VALUE_VARIANTS = [
    Variant("ph-free-text-values", "yes/no as Oo/Hindi; payer and holder OFW/Principal/Agency; Cash, Bank Transfer",
            _xlsx(_values(PH_YES, PH_NO, PH_CHOICES))),
    Variant("id-free-text-values", "yes/no as Ya/Sudah/Tidak/Belum; payer and holder PMI/Majikan/P3MI; Tunai, "
            "Transfer Bank", _xlsx(_values(ID_YES, ID_NO, ID_CHOICES))),
]
HOLDOUT2 = HEADER_VARIANTS + OPTIONAL_HEADERS + VALUE_VARIANTS


# ---------------------------------------------------------------------------------------------- safety

def _records(dataset: Any, sheet: str) -> list[Any]:
    held = getattr(dataset, sheet, None) or []
    return list(held.values()) if isinstance(held, dict) else list(held)


def silent_misreads(base: Observation, seen: Observation, tables: list[Table]) -> list[str]:
    """Every field of every record read as a value different from the base: a renamed header taken for another
    column, or a word taken for another choice. compare.weak_failures looks only at the cells a transform
    rewrote; a header rename rewrites none, so this looks at every field of every record."""
    # a rejected row (got None): weak_failures and unreported_losses say whether it was reported
    return [line for _, sheet, row, want, got in record_pairs(base, seen, tables) if got is not None
            for line in misread_fields(sheet, row, want, got)]


def unreported_losses(base: Observation, seen: Observation, tables: list[Table]) -> list[str]:
    """Rows not read, and fields the base had but the variant lost, with no problem naming that row or column."""
    if seen.report is None:
        return []
    problems = seen.report.input_problems
    out = []
    for table, sheet, row, want, got in record_pairs(base, seen, tables):
        if got is None:
            if not any(p.sheet in (sheet, table.name) and p.row == row for p in problems):
                out.append(f"{sheet!r} row {row}: no record read and no problem on the row")
            continue
        g = got.model_dump()
        for k, v in want.model_dump().items():
            if k in ("row", "unread") or v is None or g.get(k) is not None:
                continue
            written = {k, *(str(h) for c, h in zip(table.columns, table.header, strict=True) if c == k)}
            if not any(p.sheet in (sheet, table.name) and p.column in written
                       and p.row in (None, row) for p in problems):
                out.append(f"{sheet!r} row {row} {k}: lost (base {v!r}) and not reported")
    return out
