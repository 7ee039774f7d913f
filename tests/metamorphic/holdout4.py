"""The FOURTH metamorphic holdout: the violations sample as more offices keep it, written blind to the reader's
vocabularies and to the earlier holdouts' variants.

Eight record systems name the sheets and columns in their own words: a Nepali manpower company's English
(DoFE licence, PDOT, "Candidate"), a Gulf payroll and WPS export ("Establishment", "Salary Month", "Transfer
Date"), an NGO case-management export ("Beneficiary ID", questions as headers), a Vietnamese labour-export
enterprise's English ("Labourer", "Exit Date", DOLAB), a Cambodian private recruitment agency (PRA, MoLVT), a
Japanese TITP supervising organisation in English ("Trainee", "Sending/Implementing Organization"), a Hong Kong
employment agency in traditional Chinese and a mainland ERP in simplified Chinese. Each variant also writes
cells the way that office types them: its own words for choices, amounts with symbols and locale separators,
its date convention (always decidable from the column, its sheet or its header), pay months, title and notes
rows, totals rows, blank rows, CSV folders in other encodings and separators, and one flat case log with the
mapping file a caseworker would write.

Every value keeps the base's meaning (same amounts, dates, categories, holders), so the exact result is the
base's findings and owed totals. Words are the ones such records use, not ones guessed to be known.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from compliance.input.sheets import SHEETS, SHEETS_BY_NAME, Kind
from tests.metamorphic.render import Table, write_csv_folder, write_xlsx
from tests.metamorphic.transforms import Rows, base_tables, drop, interleave_blank_rows

SYSTEMS = ("np", "wps", "ngo", "vn", "kh", "jp", "hk", "cn")
PAY_MONTH = "<pay month>"  # period_end of a system that writes one pay-month cell instead of two dates

# sheet -> contract column -> the header each system writes, in SYSTEMS order.
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "agencies": {
        "agency_id": ("Agency Reg. Code", "Recruiter Code", "Agency ref", "Enterprise Code", "PRA Code",
                      "Sending Org. Code", "代理編號", "中介机构编码"),
        "name": ("Agency Name", "Recruiter Name", "Recruiter / agency name", "Enterprise Name", "PRA Name",
                 "Sending Organization", "代理名稱", "中介机构名称"),
        "country": ("Country", "Recruiter Country", "Based in", "Country", "Country of Operation", "Country",
                    "所在國家", "所在国家"),
        "licence_number": ("DoFE Licence No.", "Licence Ref", "Licence / registration no.", "Licence No. (DOLAB)",
                           "MoLVT Licence No.", "Permit No.", "牌照號碼", "许可证号"),
        "licence_valid_from": ("Licence Issued On", "Licence Start", "Licence valid from", "Date of Issue",
                               "Licence Issue Date", "Permit Date", "牌照生效日期", "许可证起始日期"),
        "licence_valid_to": ("Licence Valid Till", "Licence Expiry", "Licence expires", "Expiry Date",
                             "Licence Expiry Date", "Permit Expiry", "牌照屆滿日期", "许可证到期日期"),
        "role": ("Type", "Recruiter Type", "Role in chain", "Type of Enterprise", "Agent Type", "Category", "類別",
                 "类型"),
        "parent_agency_id": ("Main Agency Code", "Principal Recruiter Code", "Works for (agency ref)",
                             "Parent Enterprise Code", "Parent PRA Code", "Parent Org. Code", "所屬代理編號",
                             "上级中介编码"),
    },
    "employers": {
        "employer_id": ("Company Code", "Establishment No.", "Employer ref", "Receiving Company Code",
                        "Employer Code", "Implementing Org. Code", "僱主編號", "用工单位编码"),
        "name": ("Company Name", "Establishment Name", "Employer name", "Receiving Company", "Employer Name",
                 "Implementing Organization", "僱主名稱", "用工单位名称"),
        "country": ("Country", "Country", "Country of work", "Receiving Country", "Country", "Country", "國家",
                    "国家"),
        "sector": ("Industry", "Activity", "Sector", "Industry", "Business Sector", "Job Category", "行業", "行业"),
        "recruiter_contract_bans_fees": ("No-fee clause in agency agreement", "Zero Recruitment Fee Clause",
                                         "Employer pays principle in recruiter contract?",
                                         "No-Fee Term in Supply Contract", "Fee Ban in Service Agreement",
                                         "Fee prohibition in agreement", "合約禁止向工人收費", "合同禁止向工人收费"),
        "due_diligence_on": ("Agent Audit Done On", "Last Recruiter Audit Date", "Due diligence date",
                             "Last Supplier Audit", "Last Due Diligence", "Last Audit Date", "最近盡職審查日期",
                             "最近尽职调查日期"),
    },
    "workers": {
        "worker_id": ("Candidate ID", "Employee No.", "Beneficiary ID", "Labourer Code", "Worker Code",
                      "Trainee No.", "工人編號", "员工编码"),
        "name": ("Candidate Name", "Employee Name", "Full name", "Full Name", "Name (Latin)", "Name (Passport)",
                 "姓名", "姓名"),
        "sex": ("Gender", "Gender", "Sex", "Gender", "Sex", "Sex", "性別", "性别"),
        "date_of_birth": ("DOB", "Birth Date", "Date of birth", "Date of Birth", "DOB", "Date of Birth", "出生日期",
                          "出生日期"),
        "nationality": ("Nationality", "Nationality", "Nationality", "Nationality", "Nationality", "Nationality",
                        "國籍", "国籍"),
        "languages": ("Languages Known", "Languages", "Languages spoken", "Languages", "Language(s)",
                      "Languages Spoken", "懂得語言", "掌握语言"),
        "occupation": ("Trade", "Designation", "Occupation", "Occupation", "Position", "Job Type", "職業", "工种"),
        "origin_country": ("Country of Origin", "Home Country", "Country of origin", "Sending Country", "Origin",
                           "Home Country", "原居地", "来源国"),
        "destination_country": ("Destination Country", "Work Country", "Country of destination", "Receiving Country",
                                "Destination", "Country of Work", "工作國家", "工作国家"),
        "agency_id": ("Agency Reg. Code", "Recruiter Code", "Agency ref", "Enterprise Code", "PRA Code",
                      "Sending Org. Code", "代理編號", "中介机构编码"),
        "employer_id": ("Company Code", "Establishment No.", "Employer ref", "Receiving Company Code",
                        "Employer Code", "Implementing Org. Code", "僱主編號", "用工单位编码"),
        "recruited_on": ("Registration Date", "Recruitment Date", "Date recruited", "Date of Recruitment",
                         "Recruitment Date", "Recruitment Date", "招聘日期", "招聘日期"),
        "departed_on": ("Flight Date", "Departure from Home Country", "Date left home country", "Exit Date",
                        "Departure Date", "Departure Date", "離境日期", "出境日期"),
        "first_month_earnings": ("First Month Salary", "First Month Gross", "Earnings, first month",
                                 "First Month Income", "1st Month Earnings", "First Month Wage", "首月收入",
                                 "首月收入"),
        "earnings_currency": ("Salary Currency", "Currency", "Earnings currency", "Income Currency", "Currency",
                              "Wage Currency", "收入貨幣", "收入币种"),
        "orientation_on": ("PDOT Date", "Pre-departure Briefing Date", "Date of pre-departure briefing",
                           "Pre-departure Orientation Date", "PDOT Date", "Pre-departure Orientation",
                           "出發前講座日期", "行前说明会日期"),
        "complaint_channel_known": ("Aware of Grievance Channel", "Grievance Procedure Explained",
                                    "Knows how to complain?", "Informed of Complaint Channels",
                                    "Complaint Mechanism Explained", "Consultation Desk Explained", "知悉投訴途徑",
                                    "知晓投诉渠道"),
    },
    "contracts": {
        "contract_id": ("Contract No.", "Contract Ref", "Contract ref", "Contract No.", "Contract Code",
                        "Contract No.", "合約編號", "合同编号"),
        "worker_id": ("Candidate ID", "Employee No.", "Beneficiary ID", "Labourer Code", "Worker Code",
                      "Trainee No.", "工人編號", "员工编码"),
        "stage": ("Contract Stage", "Contract Version", "Version", "Contract Type", "Stage", "Contract Phase",
                  "合約階段", "合同阶段"),
        "written": ("Written Contract", "Written", "In writing?", "Written Form", "Written (Y/N)", "Written",
                    "書面合約", "书面合同"),
        "language": ("Contract Language", "Language", "Language of contract", "Language", "Contract Language",
                     "Language", "合約語言", "合同语言"),
        "signed_on": ("Signing Date", "Date Signed", "Signed on", "Date of Signing", "Signature Date",
                      "Date of Conclusion", "簽署日期", "签订日期"),
        "copy_given_to_worker": ("Copy Handed Over", "Copy to Employee", "Worker has a copy?", "Copy Given",
                                 "Worker Received Copy", "Copy Delivered", "已交副本予工人", "已交工人副本"),
        "job_title": ("Job Position", "Job Title", "Job", "Job Title", "Position", "Job Title", "職位", "岗位"),
        "monthly_wage": ("Monthly Salary", "Monthly Salary", "Wage per month", "Monthly Salary", "Salary/Month",
                         "Monthly Wage", "月薪", "月工资"),
        "currency": ("Currency", "Salary Currency", "Wage currency", "Currency", "Currency", "Currency", "貨幣",
                     "币种"),
        "hours_per_week": ("Working Hours/Week", "Weekly Hours", "Hours a week", "Working Hours per Week",
                           "Hours/Week", "Weekly Working Hours", "每週工時", "每周工时"),
        "rest_days_per_week": ("Weekly Off", "Rest Days", "Days off a week", "Weekly Rest Days", "Day(s) Off/Week",
                               "Days Off per Week", "每週休息日", "每周休息天数"),
        "duration_months": ("Contract Period (Months)", "Contract Duration (Months)", "Length (months)",
                            "Term (months)", "Duration (months)", "Period (months)", "合約期(月)", "合同期限(月)"),
        "annual_leave_days": ("Annual Leave", "Annual Leave Days", "Paid leave (days/yr)", "Annual Leave (days)",
                              "Annual Leave", "Paid Holidays", "年假日數", "年假天数"),
        "accommodation": ("Accommodation", "Housing", "Housing terms", "Accommodation", "Accommodation",
                          "Dormitory", "住宿", "住宿"),
        "repatriation_paid_by": ("Return Ticket By", "Return Air Ticket", "Who pays the flight home",
                                 "Return Airfare Borne By", "Return Ticket Paid By", "Return Travel Cost",
                                 "回程機票由誰支付", "回国机票承担方"),
        "employer_name": ("Employer Name", "Employer", "Employer on contract", "Employer Name", "Employer",
                          "Implementing Organization", "僱主名稱", "用人单位"),
        "work_location": ("Work Site", "Work Location", "Place of work", "Workplace", "Work Location",
                          "Workplace Address", "工作地點", "工作地点"),
        "signed_by_worker": ("Signed by Candidate", "Signed by Employee", "Worker signed it?", "Signed by Labourer",
                             "Worker Signature", "Signed by Trainee", "工人親自簽署", "工人本人签字"),
        "waiver_clause": ("Waiver Clause", "Waiver Clause", "Rights waiver clause?", "Waiver Clause",
                          "Waiver Clause", "Waiver Clause", "放棄權利條款", "弃权条款"),
        "verified_by_authority": ("Embassy Attested", "Contract Registered", "Verified by authority?",
                                  "Registered with DOLAB", "Approved by MoLVT", "OTIT Certified", "經勞工處核實",
                                  "经主管部门备案"),
        "advertised": ("Advertised", "Job Posted", "Seen as advert?", "Advertised", "Public Advertisement",
                       "Publicly Advertised", "曾刊登廣告", "是否发布招聘广告"),
        "says_no_fees": ("Ad Says No Fee", "No Fee Stated", "Advert says no fees?", "Stated Free of Charge",
                         "Zero Fee Stated", "No Fee Statement", "列明免費", "注明不收费"),
        "licence_number_shown": ("Licence No. in Ad", "Licence Shown", "Advert shows licence no.?",
                                 "Licence No. Displayed", "Licence Number Displayed", "Permit No. Shown",
                                 "廣告顯示牌照號碼", "广告显示许可证号"),
    },
    "fees": {
        "fee_id": ("Voucher No.", "Transaction Ref", "Receipt / txn no.", "Receipt No.", "Payment Code", "Slip No.",
                   "收據編號", "单据编号"),
        "worker_id": ("Candidate ID", "Employee No.", "Beneficiary ID", "Labourer Code", "Worker Code",
                      "Trainee No.", "工人編號", "员工编码"),
        "agency_id": ("Collected By (Agency Code)", "Charged By (Recruiter Code)", "Collected by (agency ref)",
                      "Collecting Enterprise Code", "Collected by PRA", "Collecting Org. Code", "收費代理編號",
                      "收费中介编码"),
        "category": ("Fee Head", "Cost Type", "Cost item", "Fee Type", "Payment Purpose", "Cost Item", "費用類別",
                     "费用类别"),
        "amount": ("Amount", "Cost Amount", "Amount", "Amount", "Amount", "Amount", "金額", "金额"),
        "currency": ("Currency", "Cost Currency", "Currency", "Currency", "Currency", "Currency", "貨幣", "币种"),
        "paid_by": ("Paid By", "Borne By", "Who paid", "Payer", "Paid By", "Cost Borne By", "付款人", "付款方"),
        "paid_on": ("Payment Date", "Transaction Date", "Date paid", "Payment Date", "Date of Payment",
                    "Payment Date", "付款日期", "付款日期"),
        "method": ("Payment Mode", "Payment Method", "How paid", "Payment Method", "Mode of Payment",
                   "Payment Method", "付款方式", "结算方式"),
        "reimbursed_amount": ("Refunded Amount", "Amount Refunded", "Amount paid back", "Amount Refunded", "Refund",
                              "Refund Amount", "已退款項", "已退金额"),
        "lender": ("Loan From", "Financed By", "Lender", "Lender", "Loan Provider", "Lender", "貸款人", "借款来源"),
        "receipt": ("Receipt Issued", "Receipt", "Receipt given?", "Receipt Issued", "Receipt Given",
                    "Receipt Issued", "有否收據", "是否开具收据"),
        "itemised": ("Breakdown Shown", "Itemized", "Itemised?", "Itemized Receipt", "Breakdown on Receipt",
                     "Itemized", "列明細項", "列明明细"),
        "disclosed_before_acceptance": ("Told Before Accepting Offer", "Disclosed Before Offer Acceptance",
                                        "Told before accepting the job?", "Informed Before Acceptance",
                                        "Disclosed Before Job Acceptance", "Explained Before Acceptance",
                                        "接受聘用前已告知", "接受录用前已告知"),
    },
    "documents": {
        "worker_id": ("Candidate ID", "Employee No.", "Beneficiary ID", "Labourer Code", "Worker Code",
                      "Trainee No.", "工人編號", "员工编码"),
        "document": ("Document Type", "Document", "Document", "Document Type", "Document", "Document", "證件類別",
                     "证件类型"),
        "document_number": ("Document No.", "Document Number", "Number", "Document No.", "Doc No.", "Document No.",
                            "證件號碼", "证件号码"),
        "held_by": ("Kept By", "Custodian", "Who has it now", "Held By", "Keeper", "Kept By", "保管人", "保管方"),
        "held_since": ("Kept Since", "Custody Since", "Since", "Held Since", "Kept From", "Kept Since",
                       "開始保管日期", "保管起始日期"),
        "worker_consent": ("Worker Consent", "Employee Consent", "Worker agreed?", "Consent of Labourer",
                           "Worker Agreement", "Trainee Consent", "工人同意", "工人同意"),
        "returned_on_request": ("Returned When Asked", "Returned on Request", "Given back when asked?",
                                "Returned upon Request", "Returned When Requested", "Returned on Request",
                                "要求時有否歸還", "要求时是否归还"),
        "tampered": ("Tampering", "Tampering Noted", "Destroyed / hidden / forged?", "Tampered", "Tampering",
                     "Damage/Falsification", "損毀或偽造", "损毁或伪造情况"),
    },
    "complaints": {
        "complaint_id": ("Complaint No.", "Grievance Ref", "Complaint ref", "Complaint No.", "Complaint Code",
                         "Consultation No.", "投訴編號", "投诉编号"),
        "worker_id": ("Candidate ID", "Employee No.", "Beneficiary ID", "Labourer Code", "Worker Code",
                      "Trainee No.", "工人編號", "员工编码"),
        "agency_id": ("Against Agency Code", "Recruiter Complained About", "Agency complained about",
                      "Enterprise Concerned", "PRA Concerned", "Org. Concerned", "被投訴代理編號", "被投诉中介编码"),
        "received_on": ("Lodged On", "Date Raised", "Date received", "Date Received", "Received Date",
                        "Date of Consultation", "接獲日期", "受理日期"),
        "allegation": ("Complaint Details", "Description", "What happened", "Content", "Complaint Summary",
                       "Details", "投訴內容", "投诉内容"),
        "status": ("Status", "Grievance Status", "Case status", "Status", "Status", "Status", "處理狀況", "处理状态"),
        "subject": ("Complaint Type", "Grievance Category", "Issue", "Type", "Complaint Category", "Category",
                    "投訴類別", "投诉类别"),
        "channel": ("Filed With", "Raised Through", "Where filed", "Received Through", "Channel", "Reported To",
                    "投訴途徑", "投诉渠道"),
        "in_worker_language": ("In Own Language", "Own Language Used", "Could use own language?",
                               "In Labourer's Language", "Worker's Language Available", "Native Language Support",
                               "可用母語", "可使用母语"),
        "cost_to_worker": ("Cost to Worker", "Cost to Employee", "Cost to the worker", "Cost Borne by Labourer",
                           "Worker Cost", "Cost to Trainee", "工人支出費用", "工人承担费用"),
        "substantiated": ("Found True", "Substantiated", "Upheld?", "Grounded", "Substantiated", "Confirmed",
                          "投訴成立", "投诉成立"),
        "retaliation_reported": ("Retaliation Reported", "Retaliation", "Reprisal reported?", "Retaliation Reported",
                                 "Retaliation", "Retaliation Reported", "曾報遭報復", "报告遭报复"),
        "resolved_on": ("Settled On", "Closure Date", "Date closed", "Date Resolved", "Resolution Date",
                        "Date Closed", "結案日期", "结案日期"),
        "remedy_due": ("Compensation Awarded", "Award Amount", "Award", "Compensation Due", "Remedy Amount",
                       "Compensation Decided", "判給賠償", "应赔金额"),
        "remedy_paid": ("Compensation Paid", "Award Paid to Employee", "Award paid so far", "Compensation Paid",
                        "Remedy Paid", "Compensation Paid", "已付賠償", "已付赔偿"),
        "currency": ("Currency", "Currency", "Currency", "Currency", "Currency", "Currency", "貨幣", "币种"),
    },
    "wage_payments": {
        "worker_id": ("Candidate ID", "Employee No.", "Beneficiary ID", "Labourer Code", "Worker Code",
                      "Trainee No.", "工人編號", "员工编码"),
        "period_start": ("Salary From", "Salary Month", "Period from", "Pay Period From", "Period Start",
                         "Wage Period Start", "計糧期由", "工资期间起"),
        "period_end": ("Salary To", PAY_MONTH, "Period to", "Pay Period To", "Period End", "Wage Period End",
                       "計糧期至", "工资期间止"),
        "due_on": ("Due Date", "Salary Due Date", "Due on", "Payday", "Due Date", "Scheduled Pay Date", "應付日期",
                   "应发日期"),
        "paid_on": ("Paid Date", "Transfer Date", "Paid on", "Actual Payment Date", "Paid Date", "Payment Date",
                    "實際發薪日期", "实发日期"),
        "gross": ("Gross Salary", "Total Earnings", "Gross pay", "Gross Income", "Gross", "Total Payment (Gross)",
                  "應得工資", "应发工资"),
        "deductions": ("Total Deduction", "Total Deductions", "Deducted", "Deductions", "Deduction",
                       "Total Deductions", "扣款", "扣款合计"),
        "deduction_reason": ("Deduction Reason", "Deduction Code", "Why deducted", "Reason for Deduction",
                             "Deduction Purpose", "Deduction Item", "扣款原因", "扣款原因"),
        "deduction_consent": ("Worker Agreed to Deduction", "Deduction Authorised by Employee",
                              "Worker agreed to deduction?", "Consent to Deduction", "Deduction Consent",
                              "Deduction Agreement", "工人同意扣款", "工人同意扣款"),
        "net": ("Net Salary", "Net Salary", "Net paid", "Net Pay", "Net", "Take-home Pay", "實發工資", "实发工资"),
        "currency": ("Currency", "Currency", "Currency", "Currency", "Currency", "Currency", "貨幣", "币种"),
        "paid_to": ("Paid To", "Credited To", "Paid to", "Recipient", "Received By", "Paid To", "收款人", "收款人"),
        "hours_worked": ("Working Hours", "Total Hours", "Hours worked", "Hours Worked", "Hours",
                         "Actual Working Hours", "工作時數", "出勤工时"),
    },
    "events": {
        "worker_id": ("Candidate ID", "Employee No.", "Beneficiary ID", "Labourer Code", "Worker Code",
                      "Trainee No.", "工人編號", "员工编码"),
        "date": ("Date", "Event Date", "Date", "Date", "Date", "Date", "日期", "日期"),
        "event": ("Incident", "Action", "What happened (type)", "Event", "Incident Type", "Incident", "事件",
                  "事件类型"),
        "amount": ("Amount", "Amount", "Money involved", "Amount", "Amount", "Amount", "金額", "金额"),
        "currency": ("Currency", "Currency", "Currency", "Currency", "Currency", "Currency", "貨幣", "币种"),
        "paid_by": ("Paid By", "Borne By", "Paid by", "Paid By", "Paid By", "Borne By", "付款人", "承担方"),
        "notes": ("Remarks", "Comments", "Notes", "Remarks", "Note", "Remarks", "備註", "备注"),
    },
}

# Each system's nine sheet names, in the contract's sheet order.
SHEET_NAMES: dict[str, tuple[str, ...]] = {
    "np": ("Agent List", "Company List", "Candidates", "Contracts", "Fee Collection", "Passport Register",
           "Complaints", "Salary Record", "Incidents"),
    "wps": ("Recruiters", "Establishments", "Employees", "Contracts", "Recruitment Costs", "Document Custody",
            "Grievances", "WPS Payroll", "Employee Actions"),
    "ngo": ("Agencies", "Employers", "Beneficiaries", "Contracts", "Payments", "Documents", "Complaints", "Wages",
            "Incidents"),
    "vn": ("Enterprises", "Receiving Companies", "Labourers", "Labour Contracts", "Fees Collected",
           "Documents Kept", "Complaints", "Salary", "Events"),
    "kh": ("PRAs", "Employers", "Workers", "Contracts", "Payments", "Documents", "Complaints", "Payroll",
           "Incidents"),
    "jp": ("Sending Organizations", "Implementing Organizations", "Trainees", "Employment Contracts", "Costs",
           "Passport Custody", "Consultations", "Wage Ledger", "Incident Log"),
    "hk": ("代理", "僱主", "工人資料", "合約", "收費記錄", "證件保管", "投訴", "糧單", "事件"),
    "cn": ("中介机构", "用工单位", "员工档案", "合同", "费用明细", "证件保管", "投诉登记", "工资发放", "事件记录"),
}

# Each system's words for the codes of choice columns: "sheet.column" (or a column name for every sheet) ->
# base code -> spellings, used in turn. "airfare" is the base sample's own spelling of travel.
_EVENTS = ("resignation_refused", "pregnancy_test_required", "confined", "employer_change_requested",
           "employer_change_refused", "dismissed", "repatriated")
_CATEGORIES = ("recruitment_fee", "placement_fee", "service_fee", "medical", "insurance", "skills_test",
               "training", "equipment", "visa", "bribe", "deposit", "airfare")


def _codes(codes: tuple[str, ...], words: tuple[str, ...]) -> dict[str, list[str]]:
    assert len(codes) == len(words)
    return {c: [w] for c, w in zip(codes, words, strict=True)}


VALUES: dict[str, dict[str, dict[str, list[str]]]] = {
    "np": {
        "sex": {"female": ["F"], "male": ["M"]},
        "role": {"recruiter": ["Main Agency"], "sub_agent": ["Sub-agent"]},
        "category": _codes(_CATEGORIES, ("Recruitment Fee", "Placement Charge", "Service Charge", "Medical Test",
                                         "Life Insurance", "Skill Test", "Skill Training", "Safety Boots",
                                         "Visa Fee", "Bribe", "Security Deposit", "Air Fare")),
        "paid_by": {"worker": ["Candidate"], "employer": ["Company"]},
        "method": {"cash": ["Cash"], "bank": ["Bank Deposit"], "wage_deduction": ["Salary Cut"], "loan": ["Loan"]},
        "lender": {"agency": ["Agency"]},
        "document": {"passport": ["Passport"], "bank_card": ["ATM Card"], "certificate": ["Skill Certificate"]},
        "held_by": {"worker": ["Self"], "employer": ["Company"], "agency": ["Agency Office"]},
        "worker_consent": {"no": ["No"], "written": ["Written Consent"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Settled"]},
        "subject": {"harassment": ["Sexual Harassment"], "wages": ["Salary Issue"]},
        "channel": {"embassy": ["Nepal Embassy"], "inspectorate": ["Labour Inspection"]},
        "stage": {"offer": ["Offer Letter"], "destination": ["Contract signed on arrival"]},
        "repatriation_paid_by": {"employer": ["Company"]},
        "paid_to": {"worker": ["Self"]},
        "deduction_reason": {"fine": ["Penalty"]},
        "deduction_consent": {"no": ["No"]},
        "event": _codes(_EVENTS, ("Resignation Refused", "Pregnancy Test Required", "Locked In", "Release Requested",
                                  "Release Refused", "Terminated", "Sent Back Home")),
        "events.paid_by": {"worker": ["Candidate"]},
    },
    "wps": {
        "sex": {"female": ["Female"], "male": ["Male"]},
        "role": {"recruiter": ["Licensed Recruiter"], "sub_agent": ["Sub-Agent"]},
        "category": _codes(_CATEGORIES, ("Recruitment Fee", "Placement Fee", "Service Fee", "Medical Fitness",
                                         "Insurance", "Trade Test", "Training", "PPE", "Visa", "Bribe", "Deposit",
                                         "Air Ticket")),
        "paid_by": {"worker": ["Employee"], "employer": ["Employer"]},
        "method": {"cash": ["Cash"], "bank": ["Bank Transfer"], "wage_deduction": ["Payroll Deduction"],
                   "loan": ["Loan"]},
        "lender": {"agency": ["Recruiter"]},
        "document": {"passport": ["Passport"], "bank_card": ["Salary Card"], "certificate": ["Certificate"]},
        "held_by": {"worker": ["Employee"], "employer": ["Employer"], "agency": ["Recruiter"]},
        "worker_consent": {"no": ["No"], "written": ["Written"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Closed - Resolved"]},
        "subject": {"harassment": ["Harassment"], "wages": ["Salary"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Inspection"]},
        "stage": {"offer": ["Offer"], "destination": ["Qatar Contract"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "paid_to": {"worker": ["Employee"]},
        "deduction_reason": {"fine": ["Disciplinary Fine"]},
        "deduction_consent": {"no": ["No"]},
        "event": _codes(_EVENTS, ("Resignation Rejected", "Pregnancy Test Required", "Movement Restricted",
                                  "Transfer Request", "Transfer Rejected", "Terminated", "Final Exit")),
        "events.paid_by": {"worker": ["Employee"]},
    },
    "ngo": {
        "sex": {"female": ["Woman"], "male": ["Man"]},
        "role": {"recruiter": ["Recruitment agency"], "sub_agent": ["Sub-agent (broker)"]},
        "category": _codes(_CATEGORIES, ("Recruitment fee", "Placement fee", "Service fee", "Medical check",
                                         "Insurance", "Skills test", "Training course", "Work boots", "Visa",
                                         "Bribe to official", "Deposit", "Flight")),
        "paid_by": {"worker": ["Worker"], "employer": ["Employer"]},
        "method": {"cash": ["Cash"], "bank": ["Bank transfer"], "wage_deduction": ["Deducted from salary"],
                   "loan": ["Loan"]},
        "lender": {"agency": ["Agency"]},
        "document": {"passport": ["Passport"], "bank_card": ["Bank card"], "certificate": ["Training certificate"]},
        "held_by": {"worker": ["Worker"], "employer": ["Employer"], "agency": ["Agency"]},
        "worker_consent": {"no": ["No"], "written": ["Yes, in writing"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Closed - resolved"]},
        "subject": {"harassment": ["Sexual harassment"], "wages": ["Wage issue"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour inspectorate"]},
        "stage": {"offer": ["Job offer"], "destination": ["Contract signed after arrival"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "paid_to": {"worker": ["Worker"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "event": _codes(_EVENTS, ("Resignation refused", "Pregnancy test demanded", "Locked in",
                                  "Asked to change employer", "Change of employer refused", "Dismissed",
                                  "Sent home")),
    },
    "vn": {
        "sex": {"female": ["Nữ"], "male": ["Nam"]},  # Vietnamese clerks keep these two words in English sheets
        "role": {"recruiter": ["Licensed Enterprise"], "sub_agent": ["Broker"]},
        "category": _codes(_CATEGORIES, ("Recruitment Fee", "Placement Fee", "Service Fee", "Health Check",
                                         "Insurance", "Skill Test", "Training", "Safety Shoes", "Visa", "Bribe",
                                         "Deposit", "Air Ticket")),
        "paid_by": {"worker": ["Labourer"], "employer": ["Employer"]},
        "method": {"cash": ["Cash"], "bank": ["Bank Transfer"], "wage_deduction": ["Salary Deduction"],
                   "loan": ["Loan"]},
        "lender": {"agency": ["Enterprise"]},
        "document": {"passport": ["Passport"], "bank_card": ["ATM Card"], "certificate": ["Certificate"]},
        "held_by": {"worker": ["Labourer"], "employer": ["Employer"], "agency": ["Enterprise"]},
        "worker_consent": {"no": ["No"], "written": ["Written"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Resolved"]},
        "subject": {"harassment": ["Harassment"], "wages": ["Wages"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Inspection"]},
        "stage": {"offer": ["Offer Letter"], "destination": ["Contract at Destination"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "paid_to": {"worker": ["Labourer"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "event": _codes(_EVENTS, ("Resignation Refused", "Pregnancy Test Required", "Confined",
                                  "Requested Change of Employer", "Change of Employer Refused", "Dismissed",
                                  "Repatriated")),
        "events.paid_by": {"worker": ["Labourer"]},
    },
    "kh": {
        "sex": {"female": ["F"], "male": ["M"]},
        "role": {"recruiter": ["PRA"], "sub_agent": ["Sub-agent"]},
        "category": _codes(_CATEGORIES, ("Recruitment Fee", "Placement Fee", "Service Fee", "Medical Check-up",
                                         "Insurance", "Skills Test", "Training", "Safety Boots", "Visa", "Bribe",
                                         "Deposit", "Air Ticket")),
        "paid_by": {"worker": ["Worker"], "employer": ["Employer"]},
        "method": {"cash": ["Cash"], "bank": ["Bank Transfer"], "wage_deduction": ["Salary Deduction"],
                   "loan": ["Loan"]},
        "lender": {"agency": ["PRA"]},
        "document": {"passport": ["Passport"], "bank_card": ["Bank Card"], "certificate": ["Certificate"]},
        "held_by": {"worker": ["Worker"], "employer": ["Employer"], "agency": ["PRA"]},
        "worker_consent": {"no": ["No"], "written": ["Written"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Resolved"]},
        "subject": {"harassment": ["Harassment"], "wages": ["Wages"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Inspectorate"]},
        "stage": {"offer": ["Job Offer"], "destination": ["Contract at Destination"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "paid_to": {"worker": ["Worker"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "event": _codes(_EVENTS, ("Resignation Refused", "Pregnancy Test Required", "Confined",
                                  "Change of Employer Requested", "Change of Employer Refused", "Dismissed",
                                  "Repatriated")),
    },
    "jp": {
        "sex": {"female": ["Female"], "male": ["Male"]},
        "role": {"recruiter": ["Sending Organization"], "sub_agent": ["Broker"]},
        "category": _codes(_CATEGORIES, ("Recruitment Fee", "Placement Fee", "Service Fee", "Health Examination",
                                         "Insurance", "Skills Test", "Training", "Work Equipment",
                                         "Visa Application", "Bribe", "Guarantee Money", "Airfare")),
        "paid_by": {"worker": ["Trainee"], "employer": ["Implementing Org."]},
        "method": {"cash": ["Cash"], "bank": ["Bank Transfer"], "wage_deduction": ["Deducted from Wages"],
                   "loan": ["Loan"]},
        "lender": {"agency": ["Sending Org."]},
        "document": {"passport": ["Passport"], "bank_card": ["Cash Card"], "certificate": ["Certificate"]},
        "held_by": {"worker": ["Trainee"], "employer": ["Implementing Org."], "agency": ["Sending Org."]},
        "worker_consent": {"no": ["No"], "written": ["Written"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Resolved"]},
        "subject": {"harassment": ["Harassment"], "wages": ["Wages"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Standards Inspection Office"]},
        "stage": {"offer": ["Offer"], "destination": ["Contract at Destination"]},
        "repatriation_paid_by": {"employer": ["Implementing Org."]},
        "paid_to": {"worker": ["Trainee"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "event": _codes(_EVENTS, ("Resignation Refused", "Pregnancy Test Required", "Confinement",
                                  "Transfer Requested", "Transfer Refused", "Dismissal", "Returned Home")),
        "events.paid_by": {"worker": ["Trainee"]},
    },
    "hk": {
        "sex": {"female": ["女"], "male": ["男"]},
        "role": {"recruiter": ["主代理"], "sub_agent": ["分代理"]},
        "category": _codes(_CATEGORIES, ("招聘費", "介紹費", "服務費", "體檢費", "保險費", "技能測試費", "培訓費",
                                         "安全鞋", "簽證費", "賄賂", "按金", "機票")),
        "paid_by": {"worker": ["工人"], "employer": ["僱主"]},
        "method": {"cash": ["現金"], "bank": ["銀行轉賬"], "wage_deduction": ["從工資扣除"], "loan": ["貸款"]},
        "lender": {"agency": ["代理"]},
        "document": {"passport": ["護照"], "bank_card": ["銀行卡"], "certificate": ["證書"]},
        "held_by": {"worker": ["工人本人"], "employer": ["僱主"], "agency": ["代理"]},
        "worker_consent": {"no": ["否"], "written": ["書面同意"]},
        "tampered": {"none": ["無"], "destroyed": ["已銷毀"]},
        "status": {"resolved": ["已解決"]},
        "subject": {"harassment": ["性騷擾"], "wages": ["工資"]},
        "channel": {"embassy": ["大使館"], "inspectorate": ["勞工督察"]},
        "stage": {"offer": ["工作要約"], "destination": ["目的地合約"]},
        "repatriation_paid_by": {"employer": ["僱主"]},
        "paid_to": {"worker": ["工人本人"]},
        "deduction_reason": {"fine": ["罰款"]},
        "deduction_consent": {"no": ["否"]},
        "event": _codes(_EVENTS, ("拒絕辭職", "要求驗孕", "禁錮", "要求轉換僱主", "拒絕轉換僱主", "解僱", "遣返")),
        "events.paid_by": {"worker": ["工人"]},
    },
    "cn": {
        "sex": {"female": ["女"], "male": ["男"]},
        "role": {"recruiter": ["招聘中介"], "sub_agent": ["次级代理"]},
        "category": _codes(_CATEGORIES, ("招聘费", "岗位介绍费", "服务费", "体检费", "保险费", "技能考试费", "培训费",
                                         "劳保鞋", "签证费", "贿赂", "押金", "机票费")),
        "paid_by": {"worker": ["员工本人"], "employer": ["用工单位"]},
        "method": {"cash": ["现金"], "bank": ["银行转账"], "wage_deduction": ["工资代扣"], "loan": ["借款"]},
        "lender": {"agency": ["中介"]},
        "document": {"passport": ["护照"], "bank_card": ["银行卡"], "certificate": ["证书"]},
        "held_by": {"worker": ["本人"], "employer": ["用工单位"], "agency": ["中介"]},
        "worker_consent": {"no": ["否"], "written": ["书面同意"]},
        "tampered": {"none": ["无"], "destroyed": ["已销毁"]},
        "status": {"resolved": ["已解决"]},
        "subject": {"harassment": ["性骚扰"], "wages": ["工资"]},
        "channel": {"embassy": ["大使馆"], "inspectorate": ["劳动监察"]},
        "stage": {"offer": ["录用通知"], "destination": ["目的国合同"]},
        "repatriation_paid_by": {"employer": ["用工单位"]},
        "paid_to": {"worker": ["本人"]},
        "deduction_reason": {"fine": ["罚款"]},
        "deduction_consent": {"no": ["否"]},
        "event": _codes(_EVENTS, ("拒绝辞职", "要求妊娠检测", "限制人身自由", "申请更换雇主", "拒绝更换雇主", "解雇",
                                  "遣返回国")),
        "events.paid_by": {"worker": ["员工本人"]},
    },
    # A clerk typing into the template's own columns: notes in the cell, abbreviations, several ways down a column.
    "clerk": {
        "sex": {"female": ["Female", "F", "female"], "male": ["Male", "M", "male"]},
        "role": {"recruiter": ["Licensed agency"], "sub_agent": ["Sub agent"]},
        "category": {"recruitment_fee": ["Recruitment fee", "Agency recruitment fee"],
                     "placement_fee": ["Placement fee"], "service_fee": ["Monthly service charge"],
                     "medical": ["Medical check-up", "Medical"], "insurance": ["Life insurance"],
                     "skills_test": ["Trade test fee"], "training": ["Training fee"], "equipment": ["Work boots"],
                     "visa": ["Visa fee", "Visa stamping"], "bribe": ["Bribe"], "deposit": ["Security deposit"],
                     "airfare": ["Air ticket (one way)"]},
        "paid_by": {"worker": ["Worker", "Self (worker)", "Worker himself"], "employer": ["Employer", "Company"]},
        "method": {"cash": ["Cash", "Cash in hand"], "bank": ["Bank transfer"],
                   "wage_deduction": ["Cut from salary"], "loan": ["Loan"]},
        "lender": {"agency": ["Agency"]},
        "document": {"passport": ["Passport", "PP"], "bank_card": ["ATM card"], "certificate": ["Certificate"]},
        "held_by": {"worker": ["Worker", "With worker", "Self"], "employer": ["Employer"], "agency": ["Agency"]},
        "worker_consent": {"no": ["No"], "written": ["Written consent"]},
        "tampered": {"none": ["None", "No tampering"], "destroyed": ["Destroyed"]},
        "status": {"resolved": ["Resolved"]},
        "subject": {"harassment": ["Sexual harassment"], "wages": ["Wages"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour inspectorate"]},
        "stage": {"offer": ["Offer letter", "Offer"], "destination": ["Final contract (destination)"]},
        "repatriation_paid_by": {"employer": ["Employer", "Company"]},
        "paid_to": {"worker": ["Worker", "Worker (direct)"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "event": _codes(_EVENTS, ("Resignation refused", "Pregnancy test required", "Confined",
                                  "Asked for change of employer", "Change of employer refused", "Dismissed",
                                  "Sent home")),
    },
}

# yes/no cells: each system's yes and no spellings, used in turn.
YES_NO: dict[str, tuple[list[object], list[object]]] = {
    "np": (["Yes"], ["No"]), "wps": (["Y"], ["N"]), "ngo": (["Yes"], ["No"]), "vn": (["Yes"], ["No"]),
    "kh": (["Y"], ["N"]), "jp": (["Yes"], ["No"]), "hk": (["是"], ["否"]), "cn": (["是"], ["否"]),
    "clerk": (["Yes", "Y", "yes", True], ["No", "N", "no", False]),
}

# Currency cells, where a system writes something other than the ISO code.
CURRENCY_WORDS: dict[str, dict[str, list[str]]] = {
    "np": {"NPR": ["NPR", "NRs"], "QAR": ["QAR"], "USD": ["USD"]},
    "clerk": {"NPR": ["NPR", "Nepali Rupees"], "QAR": ["QAR", "Qatari Riyal"], "USD": ["USD", "US Dollar"]},
}

# The amount columns and the column that holds their currency.
AMOUNT_CURRENCY: dict[tuple[str, str], str] = {
    ("workers", "first_month_earnings"): "earnings_currency", ("contracts", "monthly_wage"): "currency",
    ("fees", "amount"): "currency", ("fees", "reimbursed_amount"): "currency",
    ("complaints", "cost_to_worker"): "currency", ("complaints", "remedy_due"): "currency",
    ("complaints", "remedy_paid"): "currency", ("wage_payments", "gross"): "currency",
    ("wage_payments", "deductions"): "currency", ("wage_payments", "net"): "currency",
    ("events", "amount"): "currency",
}


# ---------------------------------------------------------------------------------------------- cell forms

Money = Callable[[float, str | None], object]  # (amount, its currency) -> what is written
DateForm = Callable[[dt.date, str, str], object]  # (date, sheet, column) -> what is written


def indian(n: float) -> str:
    """1,20,000: lakh grouping, as Nepali and Indian ledgers write it."""
    whole = f"{int(n)}"
    head, tail = whole[:-3], whole[-3:]
    groups = [head[max(i - 2, 0):i] for i in range(len(head), 0, -2)][::-1]
    text = ",".join([*groups, tail]) if head else tail
    return text + (f".{round((n - int(n)) * 100):02d}" if n != int(n) else "")


def comma_decimal(n: float, decimals: int = 2) -> str:
    """1.400,00 as Vietnamese, German or Indonesian Excel writes it."""
    return f"{n:,.{decimals}f}".translate(str.maketrans({",": ".", ".": ","}))


def np_money() -> Money:
    """A Nepali ledger: 'Rs 1,20,000', 'NPR 120000/-', 'रु' is left out (not typed on English keyboards)."""
    npr = itertools.cycle([lambda n: f"Rs {indian(n)}", lambda n: f"NPR {int(n)}/-", lambda n: f"{indian(n)}/-"])
    qar = itertools.cycle([lambda n: f"QAR {n:,.2f}", lambda n: f"QR {n:,.0f}"])
    usd = itertools.cycle([lambda n: f"USD {n:,.2f}"])
    turns = {"NPR": npr, "QAR": qar, "USD": usd}
    return lambda n, cur: next(turns[cur])(n) if cur in turns else n


def wps_money(n: float, cur: str | None) -> object:
    """A payroll export: '1,200.00' everywhere, the currency in its own column."""
    return f"{n:,.2f}"


def vn_money(n: float, cur: str | None) -> object:
    """Whole rupees without decimals ('120.000'), riyals and dollars with them ('1.500,00')."""
    return comma_decimal(n, 0) if cur == "NPR" and n == int(n) else comma_decimal(n, 2)


def kh_money() -> Money:
    turns = {"USD": itertools.cycle([lambda n: f"${n:,.2f}"]), "NPR": itertools.cycle([lambda n: f"NPR {n:,.0f}"]),
             "QAR": itertools.cycle([lambda n: f"QAR {n:,.2f}"])}
    return lambda n, cur: next(turns[cur])(n) if cur in turns else f"{n:,.0f}"


def grouped_text(n: float, cur: str | None) -> object:
    """'120,000' as text, as Japanese and Chinese sheets hold amounts pasted from other systems."""
    return f"{n:,.0f}" if n == int(n) else f"{n:,.2f}"


def cn_money(n: float, cur: str | None) -> object:
    return f"{n:,.2f}"


def eu_money(n: float, cur: str | None) -> object:
    return comma_decimal(n, 2)


def clerk_money() -> Money:
    npr = itertools.cycle([lambda n: f"Rs. {indian(n)}", lambda n: f"NRs {int(n)}/-", lambda n: f"{indian(n)}/-",
                           lambda n: n])
    qar = itertools.cycle([lambda n: f"QR {n:,.0f}", lambda n: f"{n:,.2f} QAR", lambda n: n])
    usd = itertools.cycle([lambda n: f"US$ {n:,.0f}", lambda n: f"${n:,.2f}"])
    turns = {"NPR": npr, "QAR": qar, "USD": usd}
    return lambda n, cur: next(turns[cur])(n) if cur in turns else n


def dmy(sep: str = "/") -> DateForm:
    return lambda d, _s, _c: f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def ymd_slash(d: dt.date, _s: str, _c: str) -> object:
    return f"{d.year}/{d.month:02d}/{d.day:02d}"


def cn_date() -> DateForm:
    forms = itertools.cycle([lambda d: f"{d.year}/{d.month}/{d.day}", lambda d: d.isoformat()])
    return lambda d, _s, _c: next(forms)(d)


def hk_date() -> DateForm:
    """A Hong Kong sheet: '2024年4月15日' typed, or a real date cell."""
    forms = itertools.cycle([lambda d: f"{d.year}年{d.month}月{d.day}日", lambda d: d])
    return lambda d, _s, _c: next(forms)(d)


def kh_date() -> DateForm:
    """'15-Apr-2024' mostly; a few typed 15/04/2024 in columns where a day past 12 decides the order."""
    forms = itertools.cycle([lambda d: d.strftime("%d-%b-%Y"), lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}"])
    # the employers file's only date column holds one day (01/11/2023): there the month is always written out
    return lambda d, s, _c: d.strftime("%d-%b-%Y") if s == "employers" else next(forms)(d)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def clerk_date() -> DateForm:
    forms = itertools.cycle([lambda d: d, lambda d: f"{d.day} {d:%b} {d.year}", lambda d: d.isoformat(),
                             lambda d: f"{_ordinal(d.day)} {d:%B} {d.year}", lambda d: f"{d:%b} {d.day}, {d.year}"])
    return lambda d, _s, _c: next(forms)(d)


def vn_date(d: dt.date, sheet: str, column: str) -> object:
    # The employers file has one date column, every cell 01/11/2023: nothing in that file would decide the order,
    # and the clerk wrote the month out there.
    return d.strftime("%d-%b-%Y") if sheet == "employers" else f"{d.day:02d}/{d.month:02d}/{d.year}"


def eu_date(d: dt.date, _s: str, _c: str) -> object:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


# ---------------------------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Style:
    """How one office writes the whole file."""

    system: str | None = None  # headers and sheet names of SYSTEMS; None keeps the contract's names
    values: str | None = None  # key of VALUES / YES_NO; None keeps the codes
    money: Callable[[], Money] | None = None  # a fresh amount writer per file (some turn through forms)
    date: Callable[[], DateForm] | None = None
    pay_month: Callable[[dt.date], str] | None = None  # one 'pay month' cell instead of period_start/_end
    above: dict[str, list[list[object]]] = field(default_factory=dict)  # contract sheet -> title/notes rows
    totals: dict[str, str] = field(default_factory=dict)  # contract sheet -> label of a totals row below
    notes_below: dict[str, list[list[object]]] = field(default_factory=dict)
    blank_every: int = 0
    extra: dict[str, tuple[str, Callable[[int], object]]] = field(default_factory=dict)  # sheet -> remarks column


def _set(t: Table, sheet: str, index: int, column: str, new: object) -> None:
    at = t.position(column)
    row = t.body[t.origins[sheet][index]]
    old = row[at]
    row[at] = new
    if type(new) is not type(old) or new != old:
        t.changed.add((sheet, index, column))


def _word(values: dict[str, dict[str, list[str]]], sheet: str, column: str) -> dict[str, Callable[[], str]] | None:
    table = values.get(f"{sheet}.{column}", values.get(column))
    if table is None:
        return None
    turns = {code: itertools.cycle(forms) for code, forms in table.items()}
    return {code: (lambda it=it: next(it)) for code, it in turns.items()}


def styled(rows: Rows, style: Style) -> list[Table]:
    tables = base_tables(rows)
    money = style.money() if style.money else None
    date = style.date() if style.date else None
    for t in tables:
        sheet = t.name
        spec = SHEETS_BY_NAME[sheet]
        for col in spec.template_columns():
            words = _word(VALUES[style.values], sheet, col.name) if style.values else None
            yes, no = (itertools.cycle(YES_NO[style.values][0]), itertools.cycle(YES_NO[style.values][1])) \
                if style.values else (None, None)
            cur_words = CURRENCY_WORDS.get(style.values or "", {})
            cur_turns = {c: itertools.cycle(f) for c, f in cur_words.items()}
            for index, record in enumerate(rows[sheet]):
                value = record.get(col.name)
                if value is None:
                    continue
                if col.kind is Kind.CHOICE and words and str(value) in words:
                    _set(t, sheet, index, col.name, words[str(value)]())
                elif col.kind is Kind.YESNO and yes is not None and no is not None:
                    _set(t, sheet, index, col.name, next(yes) if value == "yes" else next(no))
                elif col.kind is Kind.CURRENCY and str(value) in cur_turns:
                    _set(t, sheet, index, col.name, next(cur_turns[str(value)]))
                elif col.kind is Kind.AMOUNT and money and (sheet, col.name) in AMOUNT_CURRENCY:
                    _set(t, sheet, index, col.name, money(float(value), record.get(AMOUNT_CURRENCY[sheet, col.name])))
                elif col.kind is Kind.DATE and date and isinstance(value, dt.date) and \
                        not (style.pay_month and col.name in ("period_start", "period_end")):
                    _set(t, sheet, index, col.name, date(value, sheet, col.name))
        if sheet == "wage_payments" and style.pay_month:
            header = HEADERS[sheet]["period_start"][SYSTEMS.index(style.system)] if style.system else "Pay month"
            _pay_month(t, rows, style.pay_month, header)
        if sheet in style.extra:
            header, value = style.extra[sheet]
            t.columns.append("")
            t.header.append(header)
            for j, row in enumerate(t.body):
                row.append(value(j))
        if style.blank_every:
            interleave_blank_rows(t, style.blank_every)
        t.above = [list(r) for r in style.above.get(sheet, [])]
        if sheet in style.totals:
            t.below.append(_totals(t, style.totals[sheet], rows[sheet]))
        t.below += [list(r) for r in style.notes_below.get(sheet, [])]
    if style.system:
        at = SYSTEMS.index(style.system)
        for t, name in zip(tables, SHEET_NAMES[style.system], strict=True):
            named = HEADERS[t.name]
            t.header = [named[c][at] if c in named else h for c, h in zip(t.columns, t.header, strict=True)]
            t.name = name
    return tables


def _pay_month(t: Table, rows: Rows, fmt: Callable[[dt.date], str], header: str) -> None:
    start = t.position("period_start")
    for index, body_index in t.origins["wage_payments"].items():
        first, last = rows["wage_payments"][index]["period_start"], rows["wage_payments"][index]["period_end"]
        nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        assert first.day == 1 and last == nxt - dt.timedelta(days=1), f"row {index} is not a whole month"
        t.body[body_index][start] = fmt(first)
        t.changed |= {("wage_payments", index, "period_start"), ("wage_payments", index, "period_end")}
    t.columns[start] = ""  # the pay month is no template column: it stands for both period dates
    t.header[start] = header
    drop(t, "period_end")


def _totals(t: Table, label: str, records: list[dict[str, Any]]) -> list[object]:
    """A totals row as a ledger has it: the label in the first column, the sum under each amount column
    (whatever the currencies: the clerk's sum, which the checker must skip, not read)."""
    sheet = next(iter(t.origins))
    out: list[object] = [None] * len(t.columns)
    out[0] = label
    for at, column in enumerate(t.columns):
        if column and SHEETS_BY_NAME[sheet].column(column).kind is Kind.AMOUNT:
            total = sum(float(r[column]) for r in records if r.get(column) is not None)
            out[at] = int(total) if total == int(total) else total
    return out


# ---------------------------------------------------------------------------------------------- the flat log

FLAT_NAME = "Case log"
# (header in the case log, contract sheet, contract column): an NGO caseworker's log, one row per payment, the
# worker's facts repeated on every row.
FLAT_WORKER = [("Beneficiary ID", "workers", "worker_id"), ("Full name", "workers", "name"),
               ("Sex", "workers", "sex"), ("Date of birth", "workers", "date_of_birth"),
               ("Nationality", "workers", "nationality"), ("Languages spoken", "workers", "languages"),
               ("Occupation", "workers", "occupation"), ("Country of origin", "workers", "origin_country"),
               ("Country of destination", "workers", "destination_country"),
               ("Recruited by (agency ref)", "workers", "agency_id"), ("Employer ref", "workers", "employer_id"),
               ("Date recruited", "workers", "recruited_on"), ("Date left home country", "workers", "departed_on"),
               ("Earnings, first month", "workers", "first_month_earnings"),
               ("Earnings currency", "workers", "earnings_currency"),
               ("Date of pre-departure briefing", "workers", "orientation_on"),
               ("Knows how to complain?", "workers", "complaint_channel_known")]
FLAT_FEE = [("Receipt / txn no.", "fees", "fee_id"), ("Collected by (agency ref)", "fees", "agency_id"),
            ("Cost item", "fees", "category"), ("Amount", "fees", "amount"), ("Currency", "fees", "currency"),
            ("Who paid", "fees", "paid_by"), ("Date paid", "fees", "paid_on"), ("How paid", "fees", "method"),
            ("Amount paid back", "fees", "reimbursed_amount"), ("Lender", "fees", "lender"),
            ("Receipt given?", "fees", "receipt"), ("Itemised?", "fees", "itemised"),
            ("Told before accepting the job?", "fees", "disclosed_before_acceptance")]
FLAT_ABOVE = [["Migrant worker support programme: case log (payments)"],
              ["Export from the case-management system; one row per payment. Confidential."], []]


def flat_tables(rows: Rows) -> list[Table]:
    """Workers and fees merged into one case log; the other sheets as the template names them (the NGO's
    headers are measured by h4-eu), with the NGO's words in the cells."""
    wide = styled(rows, Style(values="ngo", date=lambda: dmy("/")))
    tables = [t for t in wide if t.name not in ("workers", "fees")]
    workers, fees = (next(t for t in wide if t.name == s) for s in ("workers", "fees"))
    parts = FLAT_WORKER + FLAT_FEE
    columns = ["worker_id" if c == "worker_id" else f"{s}.{c}" for _h, s, c in parts]
    body: list[list[object]] = []
    worker_at: dict[str, int] = {}
    fee_origin: dict[int, int] = {}
    worker_origin: dict[int, int] = {}
    for index, fee_rec in enumerate(rows["fees"]):
        wid = fee_rec["worker_id"]
        w_index = next(i for i, r in enumerate(rows["workers"]) if r["worker_id"] == wid)
        cells = [workers.body[w_index][workers.position(c)] for _h, s, c in FLAT_WORKER]
        cells += [fees.body[index][fees.position(c)] for _h, s, c in FLAT_FEE]
        fee_origin[index] = len(body)
        if wid not in worker_at:
            worker_at[wid] = len(body)
            worker_origin[w_index] = len(body)
        body.append(cells)
    log = Table(name=FLAT_NAME, columns=columns, header=[h for h, _s, _c in parts], body=body,
                origins={"workers": worker_origin, "fees": fee_origin}, above=[list(r) for r in FLAT_ABOVE])
    return [log, *tables]


def flat_mapping(tables: list[Table]) -> dict[str, Any]:
    """The mapping file a caseworker writes for the log after reading README 'The mapping file'."""
    log = next(t for t in tables if t.name == FLAT_NAME)
    columns: dict[str, Any] = {"Beneficiary ID": ["workers.worker_id", "fees.worker_id"]}
    columns |= {h: f"{s}.{c}" for h, s, c in FLAT_WORKER + FLAT_FEE if c != "worker_id"}
    return {"fairrecruit-mapping": 1, "sheets": {
        FLAT_NAME: {"as": ["workers", "fees"], "header_rows": [log.header_row], "columns": columns,
                    "dates": {"order": "dmy"}}}}


# ---------------------------------------------------------------------------------------------- variants


@dataclass(frozen=True)
class Rendered:
    path: Path
    tables: list[Table]
    mapping: Path | None


@dataclass(frozen=True)
class Variant:
    id: str
    what: str
    make: Callable[[Rows], list[Table]]
    form: str = "xlsx"  # or "csv": a folder of CSV files
    encoding: str = "utf-8"
    delimiter: str = ","
    mapping: Callable[[list[Table]], dict[str, Any]] | None = None
    style: Style | None = None  # the style make() writes, when it is one

    def build(self, rows: Rows, tmp_path: Path) -> Rendered:
        tables = self.make(copy.deepcopy(rows))
        if self.form == "xlsx":
            path = write_xlsx(tables, tmp_path / f"{self.id}.xlsx")
        else:
            path = write_csv_folder(tables, tmp_path / self.id, encoding=self.encoding, delimiter=self.delimiter)
        mapping = None
        if self.mapping is not None:
            mapping = tmp_path / "mapping.yaml"
            mapping.write_text(yaml.safe_dump(self.mapping(tables), allow_unicode=True, sort_keys=False),
                               encoding="utf-8")
        return Rendered(path, tables, mapping)


def _make(style: Style) -> Callable[[Rows], list[Table]]:
    return lambda rows: styled(rows, style)


def _styled(vid: str, what: str, style: Style, **form: Any) -> Variant:
    return Variant(vid, what, _make(style), style=style, **form)


def values_twin(v: Variant) -> Variant:
    """The same office's cells and layout under the contract's sheet and column names: what its cells give when
    its headers are not the obstacle."""
    assert v.style is not None and v.style.system is not None
    style = replace(v.style, system=None)
    return Variant(f"{v.id}-values", f"{v.id}'s cells and layout under the contract's sheet and column names",
                   _make(style), form=v.form, encoding=v.encoding, delimiter=v.delimiter, style=style)


def _title(*lines: str) -> list[list[object]]:
    return [[line] for line in lines] + [[]]


_NP_TITLE = _title("HIMAL OVERSEAS PVT. LTD.", "Kathmandu, Nepal - DoFE Licence No. 1187/076/77",
                   "Printed on: 30/11/2024")
_JP_TITLE = _title("Supervising Organization - Monthly Audit Report", "Prepared by: Compliance Section")
_CN_BELOW = [["制表人：王芳", None, "审核人：李强"]]


def _all(rows: list[list[object]]) -> dict[str, list[list[object]]]:
    return {s.name: rows for s in SHEETS}


HOLDOUT4: list[Variant] = [
    _styled("h4-np", "a Nepali manpower company's English register: letterhead rows, 'Rs 1,20,000' and "
            "'NPR 120000/-', dd/mm/yyyy dates, Grand Total rows, its own words for choices",
            Style(system="np", values="np", money=np_money, date=lambda: dmy("/"), above=_all(_NP_TITLE),
                  totals={"fees": "Grand Total", "wage_payments": "Grand Total"})),
    _styled("h4-wps", "a Gulf HR/payroll export with the WPS salary sheet: one 'Salary Month' cell (May-2024, "
            "06/2024), Y/N flags, '1,200.00' amounts, dd/mm/yyyy dates",
            Style(system="wps", values="wps", money=lambda: wps_money, date=lambda: dmy("/"),
                  pay_month=lambda d: d.strftime("%b-%Y") if d.month % 2 else d.strftime("%m/%Y"))),
    Variant("h4-ngo-flat", "an NGO case-management export: workers and payments in one case log (worker facts "
            "repeated on each payment row, title rows) with the caseworker's mapping file; the other sheets under "
            "the contract's names; the NGO's words in the cells, dd/mm/yyyy dates",
            flat_tables, mapping=flat_mapping),
    _styled("h4-vn", "a Vietnamese labour-export enterprise's English, as a semicolon CSV folder (UTF-8 with BOM) "
            "from a vi-VN Excel: '1.200,00' amounts, dd/mm/yyyy dates, Nam/Nữ",
            Style(system="vn", values="vn", money=lambda: vn_money, date=lambda: vn_date),
            form="csv", encoding="utf-8-sig", delimiter=";"),
    _styled("h4-kh", "a Cambodian PRA's records as Excel 'Unicode Text' (UTF-16, tab): '$300.00', 'NPR 120,000', "
            "'15-Apr-2024' and 15/04/2024 dates, blank rows between batches",
            Style(system="kh", values="kh", money=kh_money, date=kh_date, blank_every=4),
            form="csv", encoding="utf-16", delimiter="\t"),
    _styled("h4-jp", "a Japanese TITP supervising organisation's English audit workbook: report title rows, "
            "yyyy/mm/dd dates, '120,000' text amounts, blank rows",
            Style(system="jp", values="jp", money=lambda: grouped_text, date=lambda: ymd_slash,
                  above=_all(_JP_TITLE), blank_every=5)),
    _styled("h4-hk", "a Hong Kong employment agency in traditional Chinese: 2024年4月15日 typed or real date cells, "
            "是/否, its own words for every choice",
            Style(system="hk", values="hk", money=lambda: grouped_text, date=hk_date)),
    _styled("h4-cn", "a mainland ERP export in simplified Chinese as a GBK CSV folder: 2024/4/15 dates, "
            "'120,000.00' amounts, 合计 rows, the preparer's sign-off row below",
            Style(system="cn", values="cn", money=lambda: cn_money, date=cn_date,
                  totals={"fees": "合计", "wage_payments": "合计"}, notes_below={"fees": _CN_BELOW}),
            form="csv", encoding="gbk"),
    _styled("h4-eu", "a European NGO's case-management export as a Windows-1252 semicolon CSV folder: "
            "'1.400,00' amounts, dd.mm.yyyy dates, a caseworker remarks column with accents",
            Style(system="ngo", values="ngo", money=lambda: eu_money, date=lambda: eu_date,
                  extra={"fees": ("Remarques", lambda j: "vérifié – reçu signé" if j % 3 == 0 else None)}),
            form="csv", encoding="cp1252", delimiter=";"),
    _styled("h4-clerk", "the template's own columns as a clerk fills them: notes rows above, free-text choices "
            "('Self (worker)', 'Cut from salary', 'PP'), Y/N/TRUE, '15th April 2024' and 'Apr 15, 2024', "
            "'Rs. 1,20,000', 'NRs 120000/-', currency names, blank rows, TOTAL rows",
            Style(values="clerk", money=clerk_money, date=clerk_date, blank_every=3,
                  above=_all(_title("Entered by: front desk", "Please do not change the column names")),
                  totals={"fees": "TOTAL", "wage_payments": "TOTAL"})),
]

# The system variants' cells under the contract's names: their values, amounts, dates and layout measured alone.
HOLDOUT4_VALUES: list[Variant] = [values_twin(v) for v in HOLDOUT4 if v.style is not None and v.style.system]


# ---------------------------------------------------------------------------------------------- self-checks

_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$")


def order_proofs(variant: Variant, rows: Rows) -> list[str]:
    """Every column of day-month numbers must be decided by its own cells, else by its sheet's other date
    columns, else (in a workbook) by the workbook's: a gap here would make the exact result a guess."""
    tables = variant.make(copy.deepcopy(rows))

    def order(cells: list[str]) -> set[str]:
        seen = set()
        for text in cells:
            m = _NUMERIC_DATE.match(text)
            if m and int(m[1]) > 12:
                seen.add("dmy")
            if m and int(m[2]) > 12:
                seen.add("mdy")
        return seen

    per_table: list[tuple[Table, dict[int, set[str]], list[int]]] = []
    for t in tables:
        proved: dict[int, set[str]] = {}
        numeric = []
        for at in range(len(t.header)):
            cells = [str(r[at]) for r in t.body if at < len(r) and isinstance(r[at], str)]
            if any(_NUMERIC_DATE.match(c) for c in cells):
                numeric.append(at)
                proved[at] = order(cells)
        per_table.append((t, proved, numeric))
    workbook = set().union(*(p for _t, pr, _n in per_table for p in pr.values()))
    gaps = []
    for t, proved, numeric in per_table:
        sheet_wide = set().union(*proved.values()) if proved else set()
        for at in numeric:
            if len(proved[at]) == 1:
                continue
            if not proved[at] and len(sheet_wide) == 1:
                continue
            if not proved[at] and not sheet_wide and variant.form == "xlsx" and len(workbook) == 1:
                continue
            gaps.append(f"{variant.id} {t.name!r} {t.header[at]!r}: order {sorted(proved[at]) or 'undecided'}")
    return gaps
