"""How agencies, payroll systems and NGOs actually write the columns and values of the sample.

Written from how such records look (agency ledgers in Nepal, Gulf payroll exports, NGO case logs), NOT from
the checker's vocabularies: that is the point of the metamorphic test. Every mapping is base code -> a
spelling a person or a system would plausibly write for it.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------- headers

# An agency management system's own English column names.
ENGLISH_HEADERS: dict[str, dict[str, str]] = {
    "agencies": {
        "agency_id": "Agency code", "name": "Agency name", "country": "Country", "licence_number": "License Number",
        "licence_valid_from": "Licence issued on", "licence_valid_to": "Valid until", "role": "Type of agency",
        "parent_agency_id": "Main agency code",
    },
    "employers": {
        "employer_id": "Employer code", "name": "Company name", "country": "Country of employment",
        "sector": "Industry", "recruiter_contract_bans_fees": "Zero-fee clause in agency agreement",
        "due_diligence_on": "Last audit of recruiters",
    },
    "workers": {
        "worker_id": "Worker No.", "name": "Full name", "sex": "Gender", "date_of_birth": "DOB",
        "nationality": "Nationality", "languages": "Languages spoken", "occupation": "Trade",
        "origin_country": "Country of origin", "destination_country": "Destination country",
        "agency_id": "Recruiting agency", "employer_id": "Employer", "recruited_on": "Date registered",
        "departed_on": "Date of departure", "first_month_earnings": "First month salary (QAR)",
        "earnings_currency": "Salary currency", "orientation_on": "Pre-departure orientation date",
        "complaint_channel_known": "Knows how to complain",
    },
    "contracts": {
        "contract_id": "Contract No.", "worker_id": "Worker No.", "stage": "Contract stage",
        "written": "Written contract", "language": "Contract language", "signed_on": "Date signed",
        "copy_given_to_worker": "Copy given to worker", "job_title": "Position",
        "monthly_wage": "Basic salary (QAR)", "currency": "Salary currency", "hours_per_week": "Working hours/week",
        "rest_days_per_week": "Weekly days off", "duration_months": "Contract period (months)",
        "annual_leave_days": "Annual leave (days)", "accommodation": "Accommodation",
        "repatriation_paid_by": "Return ticket paid by", "employer_name": "Employer name on contract",
        "work_location": "Place of work", "signed_by_worker": "Signed by worker", "waiver_clause": "Waiver clause",
        "verified_by_authority": "Attested by authority", "advertised": "Advertised",
        "says_no_fees": "Advert says free of cost", "licence_number_shown": "Licence no. on advert",
    },
    "fees": {
        "fee_id": "Payment ref", "worker_id": "Worker No.", "agency_id": "Collected by (agency)",
        "category": "Fee type", "amount": "Amount paid", "currency": "Currency", "paid_by": "Paid by",
        "paid_on": "Date paid", "method": "Payment method", "reimbursed_amount": "Amount refunded",
        "lender": "Loan from", "receipt": "Receipt issued", "itemised": "Itemised receipt",
        "disclosed_before_acceptance": "Disclosed before offer accepted",
    },
    "documents": {
        "worker_id": "Worker No.", "document": "Document type", "document_number": "Document No.",
        "held_by": "Kept by", "held_since": "Kept since", "worker_consent": "Worker's consent",
        "returned_on_request": "Returned when asked", "tampered": "Condition of document",
    },
    "complaints": {
        "complaint_id": "Case No.", "worker_id": "Worker No.", "agency_id": "Agency complained about",
        "received_on": "Date received", "allegation": "Complaint details", "status": "Case status",
        "subject": "Complaint type", "channel": "Filed with", "in_worker_language": "Service in worker's language",
        "cost_to_worker": "Cost to worker", "substantiated": "Substantiated",
        "retaliation_reported": "Retaliation reported", "resolved_on": "Date closed",
        "remedy_due": "Compensation awarded", "remedy_paid": "Compensation paid", "currency": "Currency",
    },
    "wage_payments": {
        "worker_id": "Employee No.", "period_start": "Period from", "period_end": "Period to",
        "due_on": "Pay due date", "paid_on": "Payment date", "gross": "Gross salary (QAR)",
        "deductions": "Total deductions (QAR)", "deduction_reason": "Deduction reason",
        "deduction_consent": "Deduction agreed", "net": "Net pay (QAR)", "currency": "Currency",
        "paid_to": "Paid to", "hours_worked": "Hours worked",
    },
    "events": {
        "worker_id": "Worker No.", "date": "Date", "event": "Incident", "amount": "Amount", "currency": "Currency",
        "paid_by": "Paid by", "notes": "Remarks",
    },
}

# Columns whose English header names a currency: (sheet, column) -> (currency column, the currency).
# The transform checks every row really is in that currency, so the header never lies.
CURRENCY_IN_HEADER: dict[tuple[str, str], tuple[str, str]] = {
    ("workers", "first_month_earnings"): ("earnings_currency", "QAR"),
    ("contracts", "monthly_wage"): ("currency", "QAR"),
    ("wage_payments", "gross"): ("currency", "QAR"),
    ("wage_payments", "deductions"): ("currency", "QAR"),
    ("wage_payments", "net"): ("currency", "QAR"),
}

CHINESE_HEADERS: dict[str, dict[str, str]] = {
    "agencies": {
        "agency_id": "中介编号", "name": "中介名称", "country": "所在国家", "licence_number": "许可证号",
        "licence_valid_from": "许可证生效日期", "licence_valid_to": "许可证有效期至", "role": "中介类型",
        "parent_agency_id": "上级中介编号",
    },
    "employers": {
        "employer_id": "雇主编号", "name": "雇主名称", "country": "所在国家", "sector": "行业",
        "recruiter_contract_bans_fees": "合同禁止向工人收费", "due_diligence_on": "尽职调查日期",
    },
    "workers": {
        "worker_id": "工人编号", "name": "姓名", "sex": "性别", "date_of_birth": "出生日期", "nationality": "国籍",
        "languages": "语言", "occupation": "工种", "origin_country": "来源国", "destination_country": "目的国",
        "agency_id": "中介编号", "employer_id": "雇主编号", "recruited_on": "招募日期", "departed_on": "出境日期",
        "first_month_earnings": "首月收入", "earnings_currency": "收入币种", "orientation_on": "出国前培训日期",
        "complaint_channel_known": "知道投诉渠道",
    },
    "contracts": {
        "contract_id": "合同编号", "worker_id": "工人编号", "stage": "合同阶段", "written": "书面合同",
        "language": "合同语言", "signed_on": "签订日期", "copy_given_to_worker": "工人持有副本",
        "job_title": "职位", "monthly_wage": "月工资", "currency": "币种", "hours_per_week": "每周工时",
        "rest_days_per_week": "每周休息天数", "duration_months": "合同期限（月）", "annual_leave_days": "年假天数",
        "accommodation": "住宿", "repatriation_paid_by": "回国路费承担方", "employer_name": "合同所列雇主",
        "work_location": "工作地点", "signed_by_worker": "工人本人签字", "waiver_clause": "弃权条款",
        "verified_by_authority": "经主管部门认证", "advertised": "公开招聘广告", "says_no_fees": "注明免费",
        "licence_number_shown": "广告显示许可证号",
    },
    "fees": {
        "fee_id": "费用编号", "worker_id": "工人编号", "agency_id": "收费中介", "category": "费用类型",
        "amount": "金额", "currency": "币种", "paid_by": "支付方", "paid_on": "支付日期", "method": "支付方式",
        "reimbursed_amount": "已退还金额", "lender": "借款来源", "receipt": "有无收据", "itemised": "收据列明细",
        "disclosed_before_acceptance": "接受工作前已告知",
    },
    "documents": {
        "worker_id": "工人编号", "document": "证件类型", "document_number": "证件号码", "held_by": "证件保管人",
        "held_since": "保管起始日期", "worker_consent": "工人是否同意", "returned_on_request": "要求时是否归还",
        "tampered": "证件是否被损毁",
    },
    "complaints": {
        "complaint_id": "投诉编号", "worker_id": "工人编号", "agency_id": "被投诉中介", "received_on": "受理日期",
        "allegation": "投诉内容", "status": "处理状态", "subject": "投诉事项", "channel": "投诉渠道",
        "in_worker_language": "可用工人母语", "cost_to_worker": "投诉费用", "substantiated": "投诉属实",
        "retaliation_reported": "报告遭报复", "resolved_on": "结案日期", "remedy_due": "应付赔偿",
        "remedy_paid": "已付赔偿", "currency": "币种",
    },
    "wage_payments": {
        "worker_id": "工人编号", "period_start": "工资期开始", "period_end": "工资期结束", "due_on": "应发日期",
        "paid_on": "实发日期", "gross": "应发工资", "deductions": "扣款", "deduction_reason": "扣款原因",
        "deduction_consent": "工人同意扣款", "net": "实发工资", "currency": "币种", "paid_to": "收款人",
        "hours_worked": "工作小时数",
    },
    "events": {
        "worker_id": "工人编号", "date": "日期", "event": "事件", "amount": "金额", "currency": "币种",
        "paid_by": "支付方", "notes": "备注",
    },
}

# US spellings and the case, spacing and punctuation noise of hand-made sheets, by column name.
NOISY_HEADERS: dict[str, str] = {
    "agency_id": "Agency  ID", "worker_id": "Worker-ID", "employer_id": "EMPLOYER ID", "fee_id": "Fee ID ",
    "contract_id": "Contract-Id", "complaint_id": "complaint id", "licence_number": "LICENSE NUMBER",
    "licence_valid_from": "License valid from", "licence_valid_to": "License Valid To",
    "parent_agency_id": "Parent Agency ID", "date_of_birth": "Date Of Birth", "itemised": "Itemized",
    "licence_number_shown": "License number shown", "first_month_earnings": "First Month Earnings",
    "earnings_currency": "Earnings  Currency", "recruited_on": "RECRUITED ON", "departed_on": "Departed-On",
    "orientation_on": "Orientation on", "complaint_channel_known": "Complaint Channel Known",
    "reimbursed_amount": "Reimbursed Amount", "disclosed_before_acceptance": "Disclosed Before Acceptance",
    "paid_by": "Paid By", "paid_on": "PAID ON", "copy_given_to_worker": "Copy given to Worker",
    "repatriation_paid_by": "Repatriation Paid By", "monthly_wage": "Monthly  Wage",
    "hours_per_week": "Hours per Week", "document_number": "Document No",
    "returned_on_request": "Returned On Request", "worker_consent": "Worker Consent",
    "deduction_consent": "Deduction Consent", "period_start": "Period Start", "period_end": "Period End",
}

# Group labels of a two-row header, in column order: (label, contract columns under it).
GROUPS: dict[str, list[tuple[str, list[str]]]] = {
    "fees": [
        ("Record", ["fee_id"]), ("Worker", ["worker_id", "agency_id"]),
        ("Payment", ["category", "amount", "currency", "paid_by", "paid_on", "method"]),
        ("Refund and loan", ["reimbursed_amount", "lender"]),
        ("Paperwork", ["receipt", "itemised", "disclosed_before_acceptance"]),
    ],
    "workers": [
        ("Worker", ["worker_id", "name", "sex", "date_of_birth", "nationality", "languages", "occupation"]),
        ("Recruitment", ["origin_country", "destination_country", "agency_id", "employer_id", "recruited_on",
                         "departed_on"]),
        ("Pay", ["first_month_earnings", "earnings_currency"]),
        ("Information", ["orientation_on", "complaint_channel_known"]),
    ],
}

# ---------------------------------------------------------------------------------------------- values

# Free text as people type it in choice columns: (sheet, column) -> base code -> spellings, used in turn.
FREE_TEXT: dict[tuple[str, str], dict[str, list[str]]] = {
    ("agencies", "role"): {"recruiter": ["Licensed agency"], "sub_agent": ["Sub-agent", "Broker"]},
    ("workers", "sex"): {"female": ["F", "Female"], "male": ["M", "Male"]},
    ("contracts", "stage"): {"offer": ["Job offer", "Offer letter"], "destination": ["On arrival",
                                                                                       "Contract at destination"]},
    ("contracts", "repatriation_paid_by"): {"employer": ["Company", "Sponsor"]},
    ("fees", "category"): {
        "recruitment_fee": ["Agent commission", "Recruitment fee", "Agency fee"], "visa": ["Visa stamping", "Visa fee"],
        "placement_fee": ["Placement charge"], "medical": ["Medical check-up", "Medical test", "Medical exam"],
        "equipment": ["Tools & equipment"], "insurance": ["Insurance premium"], "service_fee": ["Service charge"],
        "skills_test": ["Trade test"], "bribe": ["Bribe"], "deposit": ["Security deposit"],
        "training": ["Training fee"], "airfare": ["Air ticket"],
    },
    ("fees", "paid_by"): {"worker": ["Self", "Worker"], "employer": ["Company", "Sponsor"]},
    ("fees", "method"): {"cash": ["Cash payment", "Cash"], "bank": ["Bank transfer", "Bank deposit"],
                         "wage_deduction": ["Salary deduction"], "loan": ["Loan"]},
    ("fees", "lender"): {"agency": ["Recruitment agency"]},
    ("documents", "document"): {"passport": ["Passport"], "bank_card": ["ATM card"],
                                "certificate": ["Skills certificate"]},
    ("documents", "held_by"): {"worker": ["Self", "With worker"], "employer": ["With employer"],
                               "agency": ["Kept by agent"]},
    ("documents", "worker_consent"): {"no": ["Not agreed"], "written": ["Written consent"]},
    ("documents", "tampered"): {"none": ["Intact", "None"], "destroyed": ["Destroyed"]},
    ("complaints", "status"): {"resolved": ["Closed"]},
    ("complaints", "subject"): {"harassment": ["Sexual harassment"], "wages": ["Unpaid wages"]},
    ("complaints", "channel"): {"embassy": ["Embassy"], "inspectorate": ["Labour inspection"]},
    ("wage_payments", "paid_to"): {"worker": ["Worker's bank account", "Self"]},
    ("wage_payments", "deduction_reason"): {"fine": ["Disciplinary fine"]},
    ("wage_payments", "deduction_consent"): {"no": ["Did not agree"]},
    ("events", "event"): {
        "resignation_refused": ["Resignation rejected"], "pregnancy_test_required": ["Pregnancy test"],
        "confined": ["Locked in"], "employer_change_requested": ["Asked for transfer"],
        "employer_change_refused": ["Transfer refused"], "dismissed": ["Terminated"], "repatriated": ["Sent home"],
    },
    ("events", "paid_by"): {"worker": ["Self"]},
}
# Yes/no as typed or ticked; "returned_on_request" gets the answer with its reason, as caseworkers write it.
YES_FORMS = ["Yes", "Y", "✓", "yes"]
NO_FORMS = ["No", "N", "✗", "no"]
YES_NO_WITH_REASON: dict[str, dict[str, str]] = {"returned_on_request": {"no": "No - refused"}}

# Rarer words that no vocabulary should be expected to know (Nepali, Arabic and migrant slang): the weak
# variant. A reader may learn some of them; it must never read one as something else.
RARE_TEXT: dict[tuple[str, str], dict[str, list[str]]] = {
    ("fees", "category"): {"recruitment_fee": ["Dalali"], "bribe": ["Setting money"], "visa": ["Iqama/visa kharcha"],
                           "medical": ["GAMCA"]},
    ("fees", "paid_by"): {"worker": ["Aafai"], "employer": ["Kafeel"]},
    ("documents", "held_by"): {"employer": ["Kafeel"], "worker": ["Aafai sanga"]},
    ("events", "event"): {"dismissed": ["Khatam"], "repatriated": ["Deported home"]},
}
RARE_YES = ["ho", "chha"]  # Nepali
RARE_NO = ["haina", "chhaina"]
