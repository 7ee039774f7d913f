"""THIRD BLIND HOLDOUT of the reading layer: the violations sample as ten real systems and offices would write it.

Written without looking at the reader's vocabularies (compliance/input/vocab/, header_names.py, values.py, ...) nor
at the earlier holdouts and spelling tables, so that it measures how the reader generalises. Each system changes
several things at once, as one office does: its own header for EVERY column, its own sheet names, value spellings,
yes/no words, currency names, number and date conventions and layout. Nothing here is ambiguous to a person
reading the file: a numeric date order is proved by a day above 12 in its column or sheet, or said in its header
(checked by `order_proofs`); amounts say their thousands by their locale or grouping; free-text columns (names,
countries, languages) keep the base's words, because they are compared as written.

HEADERS[sheet][column] is a tuple with one header per system, in the order of SYSTEMS, so a reviewer sees every
system's name for one column side by side. For the UK working papers the name is the lower row of a two-row
header on the sheets in _UK_GROUPS (the merged group label above it completes it: "Licence" over "Valid to").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from compliance.input.sheets import SHEETS, SHEETS_BY_NAME, Kind
from tests.metamorphic import transforms as tf
from tests.metamorphic.render import Table, write_csv_folder, write_xlsx
from tests.metamorphic.transforms import Rows
from tests.metamorphic.variants import Rendered, Variant

SYSTEMS = ("lk", "my", "hk", "qa", "bd", "sg", "id", "uk", "tw", "ph")
PAY_MONTH = ""  # the Gulf payroll has one pay-month column: its period_end has no header of its own

# lk: a Sri Lankan foreign-employment agency's English ledger     my: a Malaysian employer's HR export in Malay
# hk: a Hong Kong employment agency's traditional-Chinese records qa: a Qatar employer's Oracle-style HR/payroll
# bd: a Bangladeshi recruiting agency's English ledger (lakhs)    sg: a Singapore MOM-style CSV export
# id: an Indonesian NGO's case log, CSV from Indonesian Excel     uk: a UK auditor's working papers
# tw: a Taiwanese broker's ledger, Big5 CSV                       ph: a Filipino agency's Taglish sheet
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "agencies": {
        "agency_id": ("Agency Code", "Kod Ejen", "代理編號", "Recruitment Agency No.", "RA Code", "EA CODE",
                      "Kode Agensi", "Ref", "仲介編號", "Agency Code"),
        "name": ("Agency Name", "Nama Ejen", "代理名稱", "Recruitment Agency", "Name of RA", "EA NAME", "Nama Agensi",
                 "Name", "仲介名稱", "Pangalan ng Agency"),
        "country": ("Country", "Negara", "國家", "Country of Operation", "Country", "COUNTRY", "Negara", "Country",
                    "所在國家", "Bansa"),
        "licence_number": ("Licence No.", "No. Lesen", "牌照號碼", "License No.", "RL No.", "LICENCE NO",
                           "Nomor Izin", "Number", "許可證字號", "Lisensya No."),
        "licence_valid_from": ("Licence Issued On", "Tarikh Mula Lesen", "牌照生效日期", "License Issue Date",
                               "RL Issue Date", "LICENCE START DATE", "Izin Berlaku Sejak", "Valid from", "許可起日",
                               "Petsa ng Issue ng Lisensya"),
        "licence_valid_to": ("Licence Expiry", "Tarikh Tamat Lesen", "牌照屆滿日期", "License Expiry Date",
                             "RL Valid Till", "LICENCE EXPIRY DATE", "Izin Berlaku Sampai", "Valid to", "許可迄日",
                             "Expiry ng Lisensya"),
        "role": ("Type", "Jenis Ejen", "類別", "Agency Type", "Agent Type", "EA TYPE", "Peran", "Type", "角色",
                 "Tungkulin"),
        "parent_agency_id": ("Principal Agency Code", "Kod Ejen Induk", "所屬代理編號", "Parent Agency No.",
                             "Under RA Code", "MAIN EA CODE", "Kode Agensi Induk", "Principal ref", "上層仲介編號",
                             "Parent Agency Code"),
    },
    "employers": {
        "employer_id": ("Employer Code", "Kod Majikan", "僱主編號", "Company Code", "Foreign Employer Code",
                        "EMPLOYER REF NO", "Kode Pemberi Kerja", "Employer ref", "雇主編號", "Employer No."),
        "name": ("Employer Name", "Nama Majikan", "僱主名稱", "Company Name", "Employer Name", "EMPLOYER NAME",
                 "Nama Pemberi Kerja", "Name", "雇主名稱", "Pangalan ng Employer"),
        "country": ("Country", "Negara", "國家", "Country", "Country", "COUNTRY", "Negara Penempatan", "Country",
                    "國家", "Bansa"),
        "sector": ("Industry", "Sektor", "行業", "Business Activity", "Sector", "SECTOR", "Sektor", "Sector", "行業別",
                   "Industriya"),
        "recruiter_contract_bans_fees": (
            "Zero-fee clause in RA agreement", "Perjanjian Ejen Larang Yuran", "代理合約禁止收費",
            "No-Fee Clause in Agency Agreement", "Zero Cost Clause", "AGENCY CONTRACT PROHIBITS FEES",
            "Kontrak Agensi Melarang Biaya", "Fee ban in recruiter contracts", "合約禁止向移工收費",
            "Bawal ang singil sa kontrata ng agency?"),
        "due_diligence_on": ("Last Audit of Agents (DD/MM/YYYY)", "Tarikh Semakan Ejen Terakhir (DD-MM-YYYY)",
                             "最近盡職審查日期", "Last Due Diligence Date", "Last Compliance Visit (DD.MM.YYYY)",
                             "LAST DUE DILIGENCE DATE (DD/MM/YYYY)", "Tanggal Uji Tuntas Terakhir",
                             "Last due diligence", "最近查核日期", "Huling Due Diligence (MM/DD/YYYY)"),
    },
    "workers": {
        "worker_id": ("Worker Reg. No.", "No. Pekerja", "工人編號", "Employee No.", "Candidate ID", "WORKER REF NO",
                      "ID Pekerja", "Ref", "移工編號", "Applicant No."),
        "name": ("Name in Full", "Nama Penuh", "姓名", "Employee Name", "Candidate Name", "WORKER NAME",
                 "Nama Lengkap", "Name", "姓名", "Pangalan"),
        "sex": ("Gender", "Jantina", "性別", "Gender", "M/F", "SEX", "Jenis Kelamin", "Sex", "性別", "Kasarian"),
        "date_of_birth": ("Date of Birth", "Tarikh Lahir", "出生日期", "Date of Birth", "DOB", "DATE OF BIRTH",
                          "Tanggal Lahir", "DOB", "出生日期", "Petsa ng Kapanganakan"),
        "nationality": ("Nationality", "Warganegara", "國籍", "Nationality", "Nationality", "NATIONALITY",
                        "Kewarganegaraan", "Nationality", "國籍", "Nasyonalidad"),
        "languages": ("Languages Known", "Bahasa Dituturkan", "語言", "Languages", "Language(s)", "LANGUAGES SPOKEN",
                      "Bahasa yang Dikuasai", "Languages", "使用語言", "Wika"),
        "occupation": ("Job Category", "Jawatan", "職業", "Designation", "Trade", "OCCUPATION", "Jabatan",
                       "Occupation", "工作類別", "Trabaho"),
        "origin_country": ("Country of Origin", "Negara Asal", "原居國家", "Home Country", "Origin Country",
                           "COUNTRY OF ORIGIN", "Negara Asal", "From", "來源國", "Bansang Pinagmulan"),
        "destination_country": ("Country of Employment", "Negara Destinasi", "工作國家", "Country of Work",
                                "Destination", "COUNTRY OF EMPLOYMENT", "Negara Tujuan", "To", "目的國",
                                "Bansang Destinasyon"),
        "agency_id": ("Agency Code", "Kod Ejen", "代理編號", "Recruitment Agency No.", "RA Code", "EA CODE",
                      "Kode Agensi", "Agency ref", "仲介編號", "Agency Code"),
        "employer_id": ("Employer Code", "Kod Majikan", "僱主編號", "Company Code", "Foreign Employer Code",
                        "EMPLOYER REF NO", "Kode Pemberi Kerja", "Employer ref", "雇主編號", "Employer No."),
        "recruited_on": ("Date Registered", "Tarikh Pengambilan", "登記日期", "Recruitment Date", "Enrolment Date",
                         "DATE RECRUITED", "Tanggal Rekrut", "Recruited", "招募日期", "Petsa ng Recruitment"),
        "departed_on": ("Date of Departure", "Tarikh Berlepas", "離境日期", "Travel Date", "Flight Date",
                        "DATE DEPARTED", "Tanggal Keberangkatan", "Departed", "出境日期", "Petsa ng Alis"),
        "first_month_earnings": ("1st Month Salary", "Pendapatan Bulan Pertama", "首月收入", "First Month Gross",
                                 "1st Month Income", "FIRST MONTH EARNINGS", "Penghasilan Bulan Pertama", "Month 1",
                                 "首月薪資", "Unang Buwan na Sahod"),
        "earnings_currency": ("Salary Currency", "Mata Wang Pendapatan", "收入貨幣", "Currency", "Income Currency",
                              "EARNINGS CURRENCY", "Mata Uang Penghasilan", "Ccy", "薪資幣別", "Currency ng Sahod"),
        "orientation_on": ("Pre-Departure Training Date", "Tarikh Taklimat Pra-Berlepas", "離境前講解日期",
                           "Orientation Date", "Briefing Date", "ORIENTATION DATE",
                           "Tanggal Orientasi Pra Pemberangkatan", "Info given", "行前說明日期", "Petsa ng PDOS"),
        "complaint_channel_known": ("Aware of Complaint Mechanism", "Tahu Saluran Aduan", "知悉投訴渠道",
                                    "Grievance Procedure Explained", "Knows Complaint Channel",
                                    "INFORMED OF COMPLAINT CHANNELS", "Mengetahui Saluran Pengaduan",
                                    "Told how to complain", "知道申訴管道", "Alam kung saan mag-reklamo"),
    },
    "contracts": {
        "contract_id": ("Contract No.", "No. Kontrak", "合約編號", "Contract Ref", "Contract No.", "CONTRACT REF",
                        "No. Perjanjian Kerja", "Contract ref", "契約編號", "Contract No."),
        "worker_id": ("Worker Reg. No.", "No. Pekerja", "工人編號", "Employee No.", "Candidate ID", "WORKER REF NO",
                      "ID Pekerja", "Worker ref", "移工編號", "Applicant No."),
        "stage": ("Contract Stage", "Peringkat", "合約階段", "Contract Type", "Version", "CONTRACT STAGE", "Tahap",
                  "Version", "階段", "Stage ng Kontrata"),
        "written": ("Written (Y/N)", "Bertulis", "書面", "Written Contract", "Written?", "WRITTEN", "Tertulis",
                    "In writing", "書面", "Nakasulat?"),
        "language": ("Contract Language", "Bahasa Kontrak", "合約語言", "Language", "Language", "LANGUAGE",
                     "Bahasa Kontrak", "Language", "契約語言", "Wika ng Kontrata"),
        "signed_on": ("Date Signed", "Tarikh Tandatangan", "簽署日期", "Signing Date", "Sign Date", "DATE SIGNED",
                      "Tanggal Tanda Tangan", "Signed", "簽約日期", "Petsa ng Pirma"),
        "copy_given_to_worker": ("Copy Issued to Worker", "Salinan Diberi", "已給予副本", "Copy Handed to Employee",
                                 "Copy Given?", "COPY GIVEN TO WORKER", "Salinan Diberikan", "Copy to worker",
                                 "交付副本", "Binigyan ng Kopya"),
        "job_title": ("Position", "Jawatan", "職位", "Job Title", "Position", "JOB TITLE", "Jabatan", "Job", "職稱",
                      "Posisyon"),
        "monthly_wage": ("Basic Salary (Monthly)", "Gaji Bulanan", "月薪", "Basic Salary", "Salary/Month",
                         "BASIC MONTHLY SALARY", "Gaji per Bulan", "Monthly wage", "月薪", "Buwanang Sahod"),
        "currency": ("Currency", "Mata Wang", "貨幣", "Currency", "Currency", "CURRENCY", "Mata Uang", "Ccy", "幣別",
                     "Currency"),
        "hours_per_week": ("Working Hours / Week", "Jam Kerja Seminggu", "每週工時", "Weekly Hours",
                           "Duty Hours/Week", "WORKING HOURS PER WEEK", "Jam Kerja per Minggu", "Hours pw",
                           "每週工時", "Oras ng Trabaho kada Linggo"),
        "rest_days_per_week": ("Weekly Off Days", "Hari Rehat Seminggu", "每週休息日", "Weekly Rest Days",
                               "Weekly Holiday", "REST DAYS PER WEEK", "Hari Libur per Minggu", "Rest days pw",
                               "每週例假日", "Day off kada Linggo"),
        "duration_months": ("Contract Period (Months)", "Tempoh Kontrak (Bulan)", "合約期(月)",
                            "Contract Duration (Months)", "Contract Period (Months)", "CONTRACT DURATION (MONTHS)",
                            "Masa Kontrak (Bulan)", "Term (months)", "契約期間(月)", "Tagal ng Kontrata (buwan)"),
        "annual_leave_days": ("Annual Leave (Days)", "Cuti Tahunan (Hari)", "年假(日)", "Annual Leave Entitlement",
                              "Yearly Leave", "ANNUAL LEAVE (DAYS)", "Cuti Tahunan (Hari)", "Annual leave (days)",
                              "特休天數", "Bakasyon kada Taon (araw)"),
        "accommodation": ("Accommodation", "Penginapan", "住宿", "Accommodation", "Accommodation", "ACCOMMODATION",
                          "Akomodasi", "Accommodation", "住宿", "Tirahan"),
        "repatriation_paid_by": ("Return Ticket Borne By", "Tiket Pulang Ditanggung Oleh", "回程機票由誰支付",
                                 "Repatriation Ticket By", "Return Air Ticket By", "REPATRIATION COST BORNE BY",
                                 "Biaya Pemulangan Ditanggung", "Repatriation paid by", "返國機票負擔者",
                                 "Sino ang sasagot sa pauwi"),
        "employer_name": ("Employer (as per contract)", "Nama Majikan", "僱主名稱", "Employer Name", "Employer Name",
                          "EMPLOYER NAME", "Nama Pemberi Kerja", "Employer named", "雇主名稱",
                          "Pangalan ng Employer"),
        "work_location": ("Work Site", "Lokasi Kerja", "工作地點", "Work Location", "Job Location", "PLACE OF WORK",
                          "Lokasi Kerja", "Location", "工作地點", "Lugar ng Trabaho"),
        "signed_by_worker": ("Signed by Worker", "Ditandatangani Pekerja", "工人親自簽署", "Signed by Employee",
                             "Worker Signature", "SIGNED BY WORKER", "Ditandatangani Pekerja", "Worker signed",
                             "移工本人簽名", "Pinirmahan ng Worker"),
        "waiver_clause": ("Waiver Clause", "Klausa Pelepasan Hak", "放棄權利條款", "Waiver Clause", "Waiver Clause",
                          "WAIVER CLAUSE", "Klausul Pelepasan Hak", "Waiver clause", "拋棄權利條款",
                          "May Waiver Clause"),
        "verified_by_authority": ("Attested by Embassy", "Disahkan oleh Pihak Berkuasa", "經當局核實", "MOL Attested",
                                  "Attested by Labour Wing", "VERIFIED BY AUTHORITY", "Diverifikasi Instansi",
                                  "Verified by authority", "經主管機關驗證", "Verified ng POLO"),
        "advertised": ("Advertised", "Diiklankan", "有刊登廣告", "Advertised", "Advertisement Published",
                       "ADVERTISED", "Diiklankan", "Advertised", "刊登廣告", "Na-advertise"),
        "says_no_fees": ("Advert says Free of Charge", "Iklan Nyatakan Tiada Yuran", "廣告註明免費", "Stated No Fees",
                         "Zero Cost Mentioned in Ad", "STATES NO FEES", "Disebut Tanpa Biaya", "Says no fees",
                         "標示零收費", "Walang bayad ayon sa ad"),
        "licence_number_shown": ("Licence No. Shown in Advert", "No. Lesen Dipaparkan", "顯示牌照號碼",
                                 "License No. Displayed", "RL No. in Ad", "LICENCE NO SHOWN",
                                 "Nomor Izin Dicantumkan", "Licence no. shown", "刊登許可證字號",
                                 "May License No. sa ad"),
    },
    "fees": {
        "fee_id": ("Voucher No.", "No. Rujukan Bayaran", "收費編號", "Cost Ref", "Txn ID", "PAYMENT REF",
                   "No. Transaksi", "Ref", "收費單號", "Ref No."),
        "worker_id": ("Worker Reg. No.", "No. Pekerja", "工人編號", "Employee No.", "Candidate ID", "WORKER REF NO",
                      "ID Pekerja", "Worker ref", "移工編號", "Applicant No."),
        "agency_id": ("Agency Code", "Kod Ejen", "代理編號", "Recruitment Agency No.", "RA Code", "EA CODE",
                      "Kode Agensi", "Agency ref", "仲介編號", "Agency Code"),
        "category": ("Fee Type", "Jenis Bayaran", "費用類別", "Cost Type", "Expense Head", "FEE TYPE",
                     "Jenis Biaya", "Nature of cost", "費用項目", "Para saan ang bayad"),
        "amount": ("Amount", "Jumlah", "金額", "Amount", "Amount", "AMOUNT", "Nominal", "Paid", "金額", "Halaga"),
        "currency": ("Currency", "Mata Wang", "貨幣", "Currency", "Currency", "CURRENCY", "Mata Uang", "Ccy", "幣別",
                     "Currency"),
        "paid_by": ("Paid By", "Dibayar Oleh", "付款人", "Borne By", "Paid By", "PAID BY", "Dibayar Oleh", "Borne by",
                    "支付者", "Sino ang nagbayad"),
        "paid_on": ("Date Paid", "Tarikh Bayar", "付款日期", "Date", "Payment Date", "PAYMENT DATE", "Tanggal Bayar",
                    "Date paid", "付款日期", "Petsa ng Bayad"),
        "method": ("Mode of Payment", "Cara Bayaran", "付款方式", "Payment Mode", "Payment Mode", "PAYMENT MODE",
                   "Cara Pembayaran", "Method", "付款方式", "Paraan ng Bayad"),
        "reimbursed_amount": ("Amount Refunded", "Jumlah Dipulangkan", "已退還金額", "Reimbursed", "Refund",
                              "AMOUNT REFUNDED", "Jumlah Dikembalikan", "Refunded", "已退款金額",
                              "Halagang Ibinalik"),
        "lender": ("Loan From", "Pemberi Pinjaman", "貸款人", "Lender", "Loan Source", "LENDER", "Pemberi Pinjaman",
                   "Lender", "貸款來源", "Nagpautang"),
        "receipt": ("Receipt Issued", "Resit Diberi", "有收據", "Receipt", "Money Receipt", "RECEIPT ISSUED",
                    "Ada Kuitansi", "Receipt?", "開立收據", "May Resibo"),
        "itemised": ("Itemised Receipt", "Resit Terperinci", "收據列明項目", "Itemized", "Itemised", "ITEMISED",
                     "Rincian Tercantum", "Itemised", "收據列明明細", "Naka-itemize"),
        "disclosed_before_acceptance": ("Disclosed Before Offer Accepted", "Dimaklumkan Sebelum Terima Tawaran",
                                        "接受聘用前已告知", "Disclosed Pre-Offer", "Told Before Agreement",
                                        "DISCLOSED BEFORE ACCEPTANCE", "Diinformasikan Sebelum Menerima",
                                        "Disclosed before acceptance", "事前告知", "Sinabi bago tinanggap ang offer"),
    },
    "documents": {
        "worker_id": ("Worker Reg. No.", "No. Pekerja", "工人編號", "Employee No.", "Candidate ID", "WORKER REF NO",
                      "ID Pekerja", "Worker ref", "移工編號", "Applicant No."),
        "document": ("Document", "Dokumen", "證件", "Document Type", "Document", "DOCUMENT TYPE", "Jenis Dokumen",
                     "Document", "證件類別", "Dokumento"),
        "document_number": ("Document No.", "No. Dokumen", "證件號碼", "Document No.", "Number", "DOCUMENT NO",
                            "Nomor Dokumen", "Doc no.", "證件號碼", "Numero ng Dokumento"),
        "held_by": ("Custody", "Dipegang Oleh", "保管人", "Held With", "In Custody Of", "HELD BY", "Dipegang Oleh",
                    "Held by", "保管者", "Nasa kanino"),
        "held_since": ("Held Since", "Dipegang Sejak", "保管起始日", "Held Since", "Since", "HELD SINCE",
                       "Dipegang Sejak", "Held since", "保管起日", "Kailan pa"),
        "worker_consent": ("Worker Consent", "Persetujuan Pekerja", "工人同意", "Employee Consent", "Consent",
                           "WORKER CONSENT", "Persetujuan Pekerja", "Consent", "移工同意", "Pumayag ba ang worker"),
        "returned_on_request": ("Returned on Request", "Dipulangkan Bila Diminta", "要求時有歸還",
                                "Returned When Requested", "Returned When Asked", "RETURNED ON REQUEST",
                                "Dikembalikan Saat Diminta", "Returned on request", "要求時歸還",
                                "Ibinalik nang hiningi"),
        "tampered": ("Tampering", "Diusik", "篡改情況", "Tampered", "Damaged/Destroyed", "TAMPERED",
                     "Dirusak/Dipalsukan", "Tampering", "毀損或偽造", "Sinira/Pineke"),
    },
    "complaints": {
        "complaint_id": ("Complaint No.", "No. Aduan", "投訴編號", "Grievance No.", "Complaint No.", "CASE NO",
                         "No. Pengaduan", "Case ref", "申訴案號", "Reklamo No."),
        "worker_id": ("Worker Reg. No.", "No. Pekerja", "工人編號", "Employee No.", "Candidate ID", "WORKER REF NO",
                      "ID Pekerja", "Worker ref", "移工編號", "Applicant No."),
        "agency_id": ("Agency Code", "Kod Ejen", "代理編號", "Recruitment Agency No.", "RA Code", "EA CODE",
                      "Kode Agensi", "Agency ref", "仲介編號", "Agency Code"),
        "received_on": ("Date Received", "Tarikh Diterima", "接獲日期", "Date Lodged", "Received Date",
                        "DATE RECEIVED", "Tanggal Diterima", "Received", "受理日期", "Petsa ng Reklamo"),
        "allegation": ("Details of Complaint", "Butiran Aduan", "投訴內容", "Grievance Details", "Complaint Details",
                       "ALLEGATION", "Isi Pengaduan", "Allegation", "申訴內容", "Detalye ng Reklamo"),
        "status": ("Status", "Status", "狀態", "Status", "Status", "STATUS", "Status", "Status", "處理狀態", "Status"),
        "subject": ("Complaint Category", "Kategori Aduan", "投訴類別", "Grievance Type", "Complaint Type", "SUBJECT",
                    "Jenis Pengaduan", "Subject", "申訴類別", "Tungkol saan"),
        "channel": ("Complaint Lodged With", "Saluran", "投訴途徑", "Filed With", "Complained To", "CHANNEL",
                    "Diajukan Ke", "Channel", "申訴管道", "Saan nag-reklamo"),
        "in_worker_language": ("In Worker's Language", "Dalam Bahasa Pekerja", "以工人語言處理",
                               "Handled in Employee Language", "Own Language", "IN WORKER LANGUAGE",
                               "Dalam Bahasa Pekerja", "Worker's language", "以母語受理", "Sa sariling wika"),
        "cost_to_worker": ("Cost to Worker", "Kos kepada Pekerja", "工人支付費用", "Cost Borne by Employee",
                           "Complaint Cost", "COST TO WORKER", "Biaya yang Ditanggung Pekerja", "Cost to worker",
                           "移工負擔費用", "Gastos ng Worker"),
        "substantiated": ("Substantiated", "Berasas", "投訴成立", "Upheld", "Proved", "SUBSTANTIATED", "Terbukti",
                          "Upheld", "申訴成立", "Napatunayan"),
        "retaliation_reported": ("Retaliation Reported", "Tindakan Balas Dilaporkan", "曾報告報復",
                                 "Retaliation Alleged", "Retaliation", "RETALIATION REPORTED", "Ada Pembalasan",
                                 "Retaliation reported", "遭報復", "May paghihiganti"),
        "resolved_on": ("Date Settled", "Tarikh Selesai", "解決日期", "Date Closed", "Solved Date", "DATE CLOSED",
                        "Tanggal Selesai", "Closed", "結案日期", "Petsa ng Pagkaayos"),
        "remedy_due": ("Compensation Awarded", "Pampasan Diputuskan", "裁定賠償", "Settlement Amount",
                       "Compensation", "AMOUNT AWARDED", "Ganti Rugi Diputuskan", "Award", "應付賠償",
                       "Halagang dapat ibayad"),
        "remedy_paid": ("Compensation Paid", "Pampasan Dibayar", "已付賠償", "Settlement Paid",
                        "Compensation Received", "AMOUNT PAID", "Ganti Rugi Dibayar", "Paid to date", "已付賠償",
                        "Halagang naibayad"),
        "currency": ("Currency", "Mata Wang", "貨幣", "Currency", "Currency", "CURRENCY", "Mata Uang", "Ccy", "幣別",
                     "Currency"),
    },
    "wage_payments": {
        "worker_id": ("Worker Reg. No.", "No. Pekerja", "工人編號", "Employee No.", "Candidate ID", "WORKER REF NO",
                      "ID Pekerja", "Worker ref", "移工編號", "Applicant No."),
        "period_start": ("Period From", "Tempoh Dari", "糧期開始", "Payroll Month", "Salary Month From",
                         "PERIOD START", "Periode Mulai", "Period from", "計薪起日", "Simula ng Payroll Period"),
        "period_end": ("Period To", "Tempoh Hingga", "糧期結束", PAY_MONTH, "Salary Month To", "PERIOD END",
                       "Periode Sampai", "Period to", "計薪迄日", "Katapusan ng Payroll Period"),
        "due_on": ("Due Date", "Tarikh Patut Bayar", "應付日期", "Due Date", "Due Date", "DUE DATE",
                   "Tanggal Jatuh Tempo", "Due", "應發薪日", "Petsa ng Dapat Bayaran"),
        "paid_on": ("Date Paid", "Tarikh Dibayar", "發薪日期", "Payment Date", "Paid Date", "DATE PAID",
                    "Tanggal Dibayar", "Paid", "實際發薪日", "Petsa ng Sahod"),
        "gross": ("Gross Salary", "Gaji Kasar", "總工資", "Gross Pay", "Gross", "GROSS SALARY", "Gaji Kotor", "Gross",
                  "應發薪資", "Gross na Sahod"),
        "deductions": ("Total Deductions", "Jumlah Potongan", "扣款", "Total Deductions", "Deduction",
                       "TOTAL DEDUCTIONS", "Potongan", "Deductions", "扣款金額", "Kaltas"),
        "deduction_reason": ("Deduction Reason", "Sebab Potongan", "扣款原因", "Deduction Type", "Deduction For",
                             "DEDUCTION REASON", "Alasan Potongan", "Reason", "扣款事由", "Dahilan ng Kaltas"),
        "deduction_consent": ("Worker Agreed", "Persetujuan Pekerja", "工人同意扣款", "Employee Consent", "Consent",
                              "DEDUCTION CONSENT", "Disetujui Pekerja", "Deduction agreed", "移工同意",
                              "Pumayag sa Kaltas"),
        "net": ("Net Salary", "Gaji Bersih", "實收工資", "Net Pay", "Net Paid", "NET SALARY", "Gaji Bersih", "Net",
                "實發薪資", "Net na Sahod"),
        "currency": ("Currency", "Mata Wang", "貨幣", "Currency", "Currency", "CURRENCY", "Mata Uang", "Ccy", "幣別",
                     "Currency"),
        "paid_to": ("Paid To", "Dibayar Kepada", "收款人", "Paid To", "Received By", "PAID TO", "Dibayarkan Kepada",
                    "Paid to", "受款人", "Ibinigay kay"),
        "hours_worked": ("Hours Worked", "Jam Bekerja", "工作時數", "Total Hours", "Duty Hours", "HOURS WORKED",
                         "Jam Kerja", "Hours", "工作時數", "Oras na Trinabaho"),
    },
    "events": {
        "worker_id": ("Worker Reg. No.", "No. Pekerja", "工人編號", "Employee No.", "Candidate ID", "WORKER REF NO",
                      "ID Pekerja", "Worker ref", "移工編號", "Applicant No."),
        "date": ("Date", "Tarikh", "日期", "Date", "Date", "DATE", "Tanggal", "Date", "日期", "Petsa"),
        "event": ("Incident", "Kejadian", "事件", "Action", "Incident", "EVENT", "Kejadian", "Event", "事件",
                  "Nangyari"),
        "amount": ("Amount", "Jumlah", "金額", "Amount", "Amount", "AMOUNT", "Jumlah", "Amount", "金額", "Halaga"),
        "currency": ("Currency", "Mata Wang", "貨幣", "Currency", "Currency", "CURRENCY", "Mata Uang", "Ccy", "幣別",
                     "Currency"),
        "paid_by": ("Paid By", "Dibayar Oleh", "付款人", "Borne By", "Paid By", "PAID BY", "Dibayar Oleh", "Borne by",
                    "支付者", "Sino ang nagbayad"),
        "notes": ("Remarks", "Catatan", "備註", "Comments", "Remarks", "REMARKS", "Keterangan", "Notes", "備註",
                  "Paliwanag"),
    },
}

# Sheet names (or CSV file names) each system gives the contract sheets, in the order of SHEETS.
SHEET_NAMES: dict[str, tuple[str, ...]] = {
    "lk": ("Agencies", "Employers", "Worker Register", "Contracts", "Fee Collection", "Passport Custody",
           "Complaints", "Salary Payments", "Incidents"),
    "my": ("Ejen", "Majikan", "Pekerja", "Kontrak", "Bayaran", "Dokumen", "Aduan", "Gaji", "Kejadian"),
    "hk": ("代理", "僱主", "工人", "合約", "收費", "證件", "投訴", "工資", "事件"),
    "qa": ("Agencies", "Companies", "Employees", "Contracts", "Recruitment Costs", "Passport Register", "Grievances",
           "Payroll", "HR Actions"),
    "bd": ("RA List", "Employer List", "Candidate List", "Contract", "Collection", "Document", "Complaint", "Salary",
           "Incident"),
    "sg": ("EA_LIST", "EMPLOYER_LIST", "WORKER_LIST", "CONTRACT_LIST", "FEE_LIST", "DOCUMENT_LIST", "CASE_LIST",
           "SALARY_LIST", "EVENT_LIST"),
    "id": ("agensi", "pemberi_kerja", "pekerja", "kontrak", "biaya", "dokumen", "pengaduan", "upah", "kejadian"),
    "uk": ("Agencies", "Employers", "Workers", "Contracts", "Fees", "Documents", "Complaints", "Payroll", "Events"),
    "tw": ("仲介", "雇主", "移工", "契約", "費用", "證件", "申訴", "薪資", "事件"),
    "ph": ("Agency", "Employer", "Applicants", "Kontrata", "Bayarin", "Dokumento", "Reklamo", "Sahod", "Pangyayari"),
}


def headers_of(system: str, optional_only: bool = False) -> dict[str, dict[str, str]]:
    """The system's header for every column (optional_only: for the columns the contract does not require)."""
    at = SYSTEMS.index(system)
    return {sheet: {col: names[at] for col, names in columns.items()
                    if not (optional_only and SHEETS_BY_NAME[sheet].column(col).required_column)}
            for sheet, columns in HEADERS.items()}


# ---------------------------------------------------------------------------------------------- values

_Codes = dict[str, str]
# Per system, per contract column (every sheet holding it; "currency" is every currency column): code -> as written.
VALUES: dict[str, dict[str, _Codes]] = {
    "lk": {
        "role": {"recruiter": "Licensed agency", "sub_agent": "Sub agent"},
        "stage": {"offer": "Offer", "destination": "Final (at destination)"},
        "category": {"airfare": "Air Ticket", "bribe": "Unofficial payment (bribe)", "deposit": "Security Deposit",
                     "equipment": "Tools & Equipment", "insurance": "Insurance", "medical": "Medical",
                     "placement_fee": "Placement Fee", "recruitment_fee": "Agency Fee",
                     "service_fee": "Service Charge", "skills_test": "Trade Test", "training": "Training",
                     "visa": "Visa"},
        "method": {"cash": "Cash", "bank": "Bank Deposit", "wage_deduction": "Salary Deduction", "loan": "Loan"},
        "document": {"passport": "Passport", "bank_card": "ATM Card", "certificate": "Certificate"},
        "worker_consent": {"no": "No", "written": "Written consent"},
        "status": {"resolved": "Settled"},
        "subject": {"harassment": "Harassment", "wages": "Salary issue"},
        "channel": {"embassy": "Embassy", "inspectorate": "Labour Inspector"},
        "event": {"confined": "Not allowed to leave the house", "dismissed": "Terminated",
                  "employer_change_refused": "Transfer refused by employer",
                  "employer_change_requested": "Requested transfer",
                  "pregnancy_test_required": "Pregnancy test demanded",
                  "repatriated": "Repatriated", "resignation_refused": "Resignation not accepted"},
        "currency": {"USD": "US$"},
    },
    "my": {
        "role": {"recruiter": "Ejen berlesen", "sub_agent": "Sub-ejen"},
        "sex": {"female": "Perempuan", "male": "Lelaki"},
        "stage": {"offer": "Tawaran", "destination": "Di negara destinasi"},
        "repatriation_paid_by": {"employer": "Majikan"},
        "category": {"airfare": "Tiket Penerbangan", "bribe": "Rasuah", "deposit": "Wang Deposit",
                     "equipment": "Peralatan", "insurance": "Insurans", "medical": "Pemeriksaan Perubatan",
                     "placement_fee": "Yuran Penempatan", "recruitment_fee": "Yuran Pengambilan",
                     "service_fee": "Caj Perkhidmatan", "skills_test": "Ujian Kemahiran", "training": "Latihan",
                     "visa": "Visa"},
        "paid_by": {"worker": "Pekerja", "employer": "Majikan"},
        "method": {"cash": "Tunai", "bank": "Pindahan Bank", "wage_deduction": "Potongan Gaji", "loan": "Pinjaman"},
        "lender": {"agency": "Ejen"},
        "document": {"passport": "Pasport", "bank_card": "Kad ATM", "certificate": "Sijil"},
        "held_by": {"worker": "Pekerja sendiri", "employer": "Majikan", "agency": "Ejen"},
        "worker_consent": {"no": "Tidak", "written": "Bertulis"},
        "tampered": {"none": "Tiada", "destroyed": "Dimusnahkan"},
        "status": {"resolved": "Selesai"},
        "subject": {"harassment": "Gangguan", "wages": "Gaji"},
        "channel": {"embassy": "Kedutaan", "inspectorate": "Jabatan Tenaga Kerja"},
        "deduction_reason": {"fine": "Denda"},
        "deduction_consent": {"no": "Tidak"},
        "paid_to": {"worker": "Pekerja"},
        "event": {"confined": "Dikurung", "dismissed": "Dibuang kerja",
                  "employer_change_refused": "Pertukaran majikan ditolak",
                  "employer_change_requested": "Mohon tukar majikan",
                  "pregnancy_test_required": "Ujian kehamilan diwajibkan", "repatriated": "Dihantar pulang",
                  "resignation_refused": "Peletakan jawatan ditolak"},
    },
    "hk": {
        "role": {"recruiter": "持牌代理", "sub_agent": "分代理"},
        "sex": {"female": "女", "male": "男"},
        "stage": {"offer": "聘書", "destination": "抵埗後合約"},
        "repatriation_paid_by": {"employer": "僱主"},
        "category": {"airfare": "機票", "bribe": "賄賂", "deposit": "按金", "equipment": "裝備", "insurance": "保險",
                     "medical": "體檢", "placement_fee": "職位配對費", "recruitment_fee": "中介費",
                     "service_fee": "服務費", "skills_test": "技能測試", "training": "培訓費", "visa": "簽證費"},
        "paid_by": {"worker": "工人", "employer": "僱主"},
        "method": {"cash": "現金", "bank": "銀行轉賬", "wage_deduction": "扣薪", "loan": "貸款"},
        "lender": {"agency": "代理"},
        "document": {"passport": "護照", "bank_card": "銀行卡", "certificate": "證書"},
        "held_by": {"worker": "工人本人", "employer": "僱主", "agency": "代理"},
        "worker_consent": {"no": "不同意", "written": "書面同意"},
        "tampered": {"none": "沒有", "destroyed": "已銷毀"},
        "status": {"resolved": "已解決"},
        "subject": {"harassment": "騷擾", "wages": "工資"},
        "channel": {"embassy": "領事館", "inspectorate": "勞工處"},
        "deduction_reason": {"fine": "罰款"},
        "deduction_consent": {"no": "否"},
        "paid_to": {"worker": "工人本人"},
        "event": {"confined": "被禁足", "dismissed": "被解僱", "employer_change_refused": "拒絕轉換僱主",
                  "employer_change_requested": "要求轉換僱主", "pregnancy_test_required": "要求驗孕",
                  "repatriated": "遣返", "resignation_refused": "拒絕辭職"},
        "currency": {"NPR": "尼泊爾盧比", "QAR": "卡塔爾里亞爾", "USD": "美元"},
    },
    "qa": {
        "role": {"recruiter": "Recruitment Agency", "sub_agent": "Sub-Agent"},
        "sex": {"female": "F", "male": "M"},
        "stage": {"offer": "Offer Letter", "destination": "Contract signed in Qatar"},
        "repatriation_paid_by": {"employer": "Company"},
        "category": {"airfare": "Air Ticket", "bribe": "Bribe paid to official", "deposit": "Deposit (refundable)",
                     "equipment": "PPE", "insurance": "Insurance Premium", "medical": "Medical Fitness",
                     "placement_fee": "Placement Charges", "recruitment_fee": "Recruitment Cost",
                     "service_fee": "Agency Service Charges", "skills_test": "Skill Test", "training": "Training",
                     "visa": "Visa Cost"},
        "paid_by": {"worker": "Employee", "employer": "Company"},
        "method": {"cash": "Cash", "bank": "Bank Transfer", "wage_deduction": "Payroll Deduction", "loan": "Loan"},
        "lender": {"agency": "Recruitment agency"},
        "document": {"passport": "Passport", "bank_card": "Payroll Card", "certificate": "Certificate"},
        "held_by": {"worker": "Employee", "employer": "Company", "agency": "Recruitment agency"},
        "worker_consent": {"no": "No", "written": "Written"},
        "status": {"resolved": "Closed"},
        "subject": {"harassment": "Harassment", "wages": "Salary"},
        "channel": {"embassy": "Embassy", "inspectorate": "Labour Inspection Dept"},
        "deduction_reason": {"fine": "Penalty"},
        "deduction_consent": {"no": "N"},
        "paid_to": {"worker": "Employee"},
        "event": {"confined": "Restricted to premises", "dismissed": "Terminated",
                  "employer_change_refused": "NOC refused", "employer_change_requested": "Transfer request",
                  "pregnancy_test_required": "Pregnancy test", "repatriated": "Final exit",
                  "resignation_refused": "Resignation rejected"},
        "currency": {"QAR": "QR"},
    },
    "bd": {
        "role": {"recruiter": "Licensed RA", "sub_agent": "Sub-agent (dalal)"},
        "sex": {"female": "F", "male": "M"},
        "category": {"airfare": "Air Fare", "bribe": "Speed Money", "deposit": "Security Money",
                     "equipment": "Equipment", "insurance": "Insurance", "medical": "Medical Test",
                     "placement_fee": "Placement", "recruitment_fee": "Recruiting Fee", "service_fee": "Service Charge",
                     "skills_test": "Trade Test Fee", "training": "Training Fee", "visa": "Visa Fee"},
        "paid_by": {"worker": "Candidate", "employer": "Employer"},
        "method": {"cash": "Cash", "bank": "Bank", "wage_deduction": "Salary Cut", "loan": "Loan"},
        "lender": {"agency": "RA"},
        "document": {"passport": "Passport", "bank_card": "Bank Card", "certificate": "Training Certificate"},
        "held_by": {"worker": "Candidate", "employer": "Employer", "agency": "RA"},
        "worker_consent": {"no": "No", "written": "In writing"},
        "tampered": {"none": "No", "destroyed": "Destroyed"},
        "status": {"resolved": "Solved"},
        "subject": {"harassment": "Harassment", "wages": "Salary"},
        "channel": {"embassy": "Embassy", "inspectorate": "Labour Inspector"},
        "paid_to": {"worker": "Self"},
        "event": {"confined": "Kept confined", "dismissed": "Job terminated",
                  "employer_change_refused": "Release refused",
                  "employer_change_requested": "Asked for release",
                  "pregnancy_test_required": "Pregnancy test required", "repatriated": "Returned to country",
                  "resignation_refused": "Resignation refused"},
        "currency": {"NPR": "NRs", "QAR": "QR", "USD": "US$"},
    },
    "sg": {
        "role": {"recruiter": "LICENSED EA", "sub_agent": "SUB-AGENT"},
        "sex": {"female": "F", "male": "M"},
        "stage": {"offer": "IPA", "destination": "ARRIVAL"},
        "repatriation_paid_by": {"employer": "EMPLOYER"},
        "category": {"airfare": "AIR TICKET", "bribe": "BRIBE", "deposit": "DEPOSIT", "equipment": "EQUIPMENT",
                     "insurance": "INSURANCE", "medical": "MEDICAL", "placement_fee": "PLACEMENT FEE",
                     "recruitment_fee": "AGENCY FEE", "service_fee": "SERVICE FEE",
                     "skills_test": "SKILLS EVALUATION TEST", "training": "TRAINING", "visa": "VISA"},
        "paid_by": {"worker": "WORKER", "employer": "EMPLOYER"},
        "method": {"cash": "CASH", "bank": "GIRO", "wage_deduction": "SALARY DEDUCTION", "loan": "LOAN"},
        "lender": {"agency": "EA"},
        "document": {"passport": "PASSPORT", "bank_card": "ATM CARD", "certificate": "CERTIFICATE"},
        "held_by": {"worker": "WORKER", "employer": "EMPLOYER", "agency": "EA"},
        "worker_consent": {"no": "NO", "written": "WRITTEN"},
        "tampered": {"none": "NIL", "destroyed": "DESTROYED"},
        "status": {"resolved": "CLOSED"},
        "subject": {"harassment": "HARASSMENT", "wages": "SALARY"},
        "channel": {"embassy": "EMBASSY", "inspectorate": "MOM"},
        "deduction_reason": {"fine": "FINE"},
        "deduction_consent": {"no": "NO"},
        "paid_to": {"worker": "WORKER"},
        "event": {"confined": "CONFINED TO HOUSE", "dismissed": "TERMINATED",
                  "employer_change_refused": "TRANSFER NOT ALLOWED", "employer_change_requested": "TRANSFER REQUESTED",
                  "pregnancy_test_required": "PREGNANCY TEST REQUIRED", "repatriated": "REPATRIATED",
                  "resignation_refused": "RESIGNATION REJECTED"},
    },
    "id": {
        "role": {"recruiter": "Perekrut", "sub_agent": "Calo"},
        "sex": {"female": "Perempuan", "male": "Laki-laki"},
        "stage": {"offer": "Penawaran", "destination": "Di Negara Penempatan"},
        "repatriation_paid_by": {"employer": "Pemberi Kerja"},
        "category": {"airfare": "Tiket Pesawat", "bribe": "Uang Pelicin", "deposit": "Deposit",
                     "equipment": "Perlengkapan Kerja", "insurance": "Asuransi", "medical": "Pemeriksaan Kesehatan",
                     "placement_fee": "Biaya Penempatan", "recruitment_fee": "Biaya Rekrutmen",
                     "service_fee": "Biaya Jasa", "skills_test": "Uji Kompetensi", "training": "Pelatihan",
                     "visa": "Visa"},
        "paid_by": {"worker": "Pekerja sendiri", "employer": "Pemberi Kerja"},
        "method": {"cash": "Tunai", "bank": "Transfer Bank", "wage_deduction": "Potong Gaji", "loan": "Pinjaman"},
        "lender": {"agency": "Agensi"},
        "document": {"passport": "Paspor", "bank_card": "Kartu ATM", "certificate": "Sertifikat"},
        "held_by": {"worker": "Pekerja sendiri", "employer": "Majikan", "agency": "Agensi"},
        "worker_consent": {"no": "Tidak", "written": "Tertulis"},
        "tampered": {"none": "Tidak ada", "destroyed": "Dimusnahkan"},
        "status": {"resolved": "Selesai"},
        "subject": {"harassment": "Pelecehan", "wages": "Gaji"},
        "channel": {"embassy": "Kedutaan Besar", "inspectorate": "Pengawas Ketenagakerjaan"},
        "deduction_reason": {"fine": "Denda"},
        "deduction_consent": {"no": "Tidak"},
        "paid_to": {"worker": "Pekerja"},
        "event": {"confined": "Dikurung", "dismissed": "Di-PHK", "employer_change_refused": "Pindah majikan ditolak",
                  "employer_change_requested": "Minta pindah majikan", "pregnancy_test_required": "Wajib tes kehamilan",
                  "repatriated": "Dipulangkan", "resignation_refused": "Pengunduran diri ditolak"},
    },
    "uk": {
        "role": {"recruiter": "Recruiter", "sub_agent": "Sub-agent"},
        "sex": {"female": "F", "male": "M"},
        "stage": {"offer": "Offer", "destination": "Destination"},
        "repatriation_paid_by": {"employer": "Employer"},
        "category": {"airfare": "Flights", "bribe": "Bribe", "deposit": "Deposit", "equipment": "Equipment (boots)",
                     "insurance": "Insurance", "medical": "Medical", "placement_fee": "Placement fee",
                     "recruitment_fee": "Recruitment fee", "service_fee": "Service fee", "skills_test": "Skills test",
                     "training": "Training", "visa": "Visa"},
        "paid_by": {"worker": "Worker", "employer": "Employer"},
        "method": {"cash": "Cash", "bank": "Bank transfer", "wage_deduction": "Deducted from pay", "loan": "Loan"},
        "document": {"passport": "Passport", "bank_card": "Bank card", "certificate": "Qualification certificate"},
        "tampered": {"none": "None noted", "destroyed": "Destroyed"},
        "channel": {"embassy": "Embassy", "inspectorate": "Labour inspectorate"},
        "deduction_reason": {"fine": "Disciplinary fine"},
        "event": {"confined": "Confinement", "dismissed": "Dismissal",
                  "employer_change_refused": "Employer change refused",
                  "employer_change_requested": "Employer change requested",
                  "pregnancy_test_required": "Pregnancy testing required", "repatriated": "Repatriation",
                  "resignation_refused": "Resignation refused"},
    },
    "tw": {
        "role": {"recruiter": "人力仲介公司", "sub_agent": "次仲介"},
        "sex": {"female": "女", "male": "男"},
        "stage": {"offer": "聘僱意向書", "destination": "入境後契約"},
        "repatriation_paid_by": {"employer": "雇主"},
        "category": {"airfare": "機票費", "bribe": "賄款", "deposit": "押金", "equipment": "工作裝備",
                     "insurance": "保險費", "medical": "體檢費", "placement_fee": "媒合費", "recruitment_fee": "仲介費",
                     "service_fee": "服務費", "skills_test": "技能檢定費", "training": "訓練費", "visa": "簽證費"},
        "paid_by": {"worker": "移工", "employer": "雇主"},
        "method": {"cash": "現金", "bank": "匯款", "wage_deduction": "薪資扣款", "loan": "借貸"},
        "lender": {"agency": "仲介"},
        "document": {"passport": "護照", "bank_card": "提款卡", "certificate": "證書"},
        "held_by": {"worker": "移工本人", "employer": "雇主", "agency": "仲介"},
        "worker_consent": {"no": "否", "written": "書面同意"},
        "tampered": {"none": "無", "destroyed": "銷毀"},
        "status": {"resolved": "已結案"},
        "subject": {"harassment": "性騷擾", "wages": "薪資"},
        "channel": {"embassy": "大使館", "inspectorate": "勞動檢查機構"},
        "deduction_reason": {"fine": "罰款"},
        "deduction_consent": {"no": "不同意"},
        "paid_to": {"worker": "移工本人"},
        "event": {"confined": "限制行動", "dismissed": "解僱", "employer_change_refused": "拒絕轉換雇主",
                  "employer_change_requested": "申請轉換雇主", "pregnancy_test_required": "要求驗孕",
                  "repatriated": "遣返", "resignation_refused": "拒絕離職"},
        "currency": {"NPR": "尼泊爾盧比", "QAR": "卡達里亞爾", "USD": "美金"},
    },
    "ph": {
        "role": {"recruiter": "Recruitment Agency", "sub_agent": "Sub-agent"},
        "sex": {"female": "Babae", "male": "Lalaki"},
        "stage": {"offer": "Job Offer", "destination": "Upon arrival"},
        "category": {"airfare": "Plane ticket", "bribe": "Lagay", "deposit": "Deposit", "equipment": "Equipment",
                     "insurance": "Insurance", "medical": "Medical exam", "placement_fee": "Placement fee",
                     "recruitment_fee": "Recruitment fee", "service_fee": "Service fee", "skills_test": "Trade test",
                     "training": "Training (TESDA)", "visa": "Visa"},
        "paid_by": {"worker": "Worker mismo", "employer": "Employer"},
        "method": {"cash": "Cash", "bank": "Bank deposit", "wage_deduction": "Salary deduction", "loan": "Loan"},
        "document": {"passport": "Passport", "bank_card": "ATM card", "certificate": "Certificate"},
        "held_by": {"worker": "Nasa worker", "employer": "Employer", "agency": "Agency"},
        "worker_consent": {"no": "Hindi", "written": "Nakasulat"},
        "tampered": {"none": "Wala", "destroyed": "Sinira"},
        "status": {"resolved": "Naayos na"},
        "subject": {"harassment": "Harassment", "wages": "Sahod"},
        "channel": {"embassy": "Embahada", "inspectorate": "Labor Inspectorate"},
        "deduction_reason": {"fine": "Multa"},
        "deduction_consent": {"no": "Hindi"},
        "paid_to": {"worker": "Worker mismo"},
        "event": {"confined": "Ikinulong", "dismissed": "Tinanggal sa trabaho",
                  "employer_change_refused": "Hindi pinayagang lumipat ng employer",
                  "employer_change_requested": "Humiling lumipat ng employer",
                  "pregnancy_test_required": "Pinag-pregnancy test", "repatriated": "Pinauwi",
                  "resignation_refused": "Hindi pinayagang mag-resign"},
    },
}

# yes, no as each system writes them; per column where the system words that column's answer differently.
YES_NO: dict[str, tuple[str, str]] = {"lk": ("Y", "N"), "my": ("Ya", "Tidak"), "hk": ("是", "否"), "qa": ("Y", "N"),
                                      "bd": ("Yes", "No"), "sg": ("Y", "N"), "id": ("Ya", "Tidak"), "uk": ("✓", "✗"),
                                      "tw": ("是", "否"), "ph": ("Oo", "Hindi")}
YES_NO_OF_COLUMN: dict[str, dict[str, tuple[str, str]]] = {
    "tw": {"receipt": ("有", "無"), "itemised": ("有", "無")},  # "開立收據: 有" (a receipt was issued: there is one)
    "bd": {"receipt": ("Given", "Not given")},
}


# ---------------------------------------------------------------------------------------------- dates and amounts

_MON = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_ID_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember")
DateFn = Callable[[dt.date], object]
DATES: dict[str, DateFn | None] = {
    "lk": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "my": lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    "hk": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "qa": lambda d: f"{d.day:02d}-{_MON[d.month - 1]}-{d.year}",  # Oracle's DD-MON-YYYY
    "bd": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "sg": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "id": lambda d: f"{d.day} {_ID_MONTHS[d.month - 1]} {d.year}",
    "uk": None,  # real date cells, as an auditor's workbook holds them
    "tw": lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    "ph": lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",  # the Philippines writes the month first
}
# Systems whose dates are all-number day/month: each such column must be proved by a day above 12 in it or in
# another date column of its sheet, or by its header (checked by order_proofs).
NUMERIC_DATES = {"lk": "DD/MM/YYYY", "my": "DD-MM-YYYY", "bd": "DD.MM.YYYY", "sg": "DD/MM/YYYY", "ph": "MM/DD/YYYY"}


def _lakh(n: float) -> str:
    """120000 -> '1,20,000' (Indian and Bangladeshi grouping: thousands, then pairs)."""
    head, tail = str(int(n))[:-3], str(int(n))[-3:]
    pairs = []
    while len(head) > 2:
        head, pairs = head[:-2], [head[-2:], *pairs]
    return ",".join([p for p in (head, *pairs) if p] + [tail])


def _id_amount(n: float, column: str) -> str:
    # Indonesian Excel: fees and payroll in "#.##0,00", the rest "#.##0"; 120.000 is a hundred and twenty thousand.
    return tf.decimal_comma(n, 2 if column in ("fees.amount", "fees.reimbursed_amount", "wage_payments.gross",
                                                "wage_payments.deductions", "wage_payments.net") else 0)


# (amount, its row's ISO currency or None, "sheet.column") -> the cell as the system writes it
AmountFn = Callable[[float, "str | None", str], object]
AMOUNTS: dict[str, AmountFn] = {
    "lk": lambda n, _c, _k: f"{n:,.2f}",
    "my": lambda n, _c, _k: float(n),
    "hk": lambda n, _c, _k: n,
    "qa": lambda n, c, _k: f"{c} {n:,.2f}" if c else f"{n:,.2f}",
    "bd": lambda n, _c, k: "Nil" if n == 0 else f"{_lakh(n)}/-" if k.startswith("fees.") else _lakh(n),
    "sg": lambda n, _c, _k: f"{n:.2f}",
    "id": lambda n, _c, k: _id_amount(n, k),
    "uk": lambda n, _c, _k: n,
    "tw": lambda n, _c, _k: f"{n:,.0f}",
    "ph": lambda n, _c, _k: f"{n:,.0f}",
}
_CURRENCY_COLUMN = {"first_month_earnings": "earnings_currency"}


# ---------------------------------------------------------------------------------------------- layouts


def _titled(title: str, *notes: str) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], _rows: Rows) -> None:
        for t in tables:
            t.above = [[title], *([n] for n in notes), []]
            t.merge_above = True
    return change


def _serial_column(header: str) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], _rows: Rows) -> None:
        for t in tables:
            tf.add_column(t, header, lambda j: j + 1, at=0)
    return change


def _totals(label: str, system: str) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], rows: Rows) -> None:
        fees = tf.table(tables, "fees")
        total: list[object] = [None] * len(fees.columns)
        total[fees.position("fee_id")] = label
        for col in ("amount", "reimbursed_amount"):
            total[fees.position(col)] = AMOUNTS[system](sum(r.get(col) or 0 for r in rows["fees"]), None, f"fees.{col}")
        fees.below = [total]
    return change


def _pay_month(tables: list[Table], rows: Rows, header: str) -> None:
    """The Gulf payroll's one 'Payroll Month' column (MAY-2024) instead of period_start and period_end."""
    t = tf.table(tables, "wage_payments")
    start, end = t.position("period_start"), t.position("period_end")
    for index, body_index in t.origins["wage_payments"].items():
        row = t.body[body_index]
        first, last = row[start], row[end]
        nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        assert first.day == 1 and last == nxt - dt.timedelta(days=1), f"row {index} is not a whole month"
        row[start] = f"{_MON[first.month - 1]}-{first.year}"
        t.changed |= {("wage_payments", index, "period_start"), ("wage_payments", index, "period_end")}
    t.columns[start], t.header[start] = "", header
    tf.drop(t, "period_end")


_UK_GROUPS: dict[str, list[tuple[str, list[str]]]] = {
    "agencies": [("Agency", ["agency_id", "name", "country", "role", "parent_agency_id"]),
                 ("Licence", ["licence_number", "licence_valid_from", "licence_valid_to"])],
    "workers": [("Worker", ["worker_id", "name", "sex", "date_of_birth", "nationality", "languages", "occupation"]),
                ("Recruitment", ["origin_country", "destination_country", "agency_id", "employer_id", "recruited_on",
                                 "departed_on"]),
                ("Pre-departure", ["orientation_on", "complaint_channel_known"]),
                ("Earnings", ["first_month_earnings", "earnings_currency"])],
    "fees": [("Payment", ["fee_id", "worker_id", "agency_id", "category", "paid_by", "paid_on", "method", "lender"]),
             ("Amount", ["amount", "currency", "reimbursed_amount"]),
             ("Evidence", ["receipt", "itemised", "disclosed_before_acceptance"])],
}


def _uk_groups(tables: list[Table], _rows: Rows) -> None:
    for sheet, groups in _UK_GROUPS.items():
        tf.group(tf.table(tables, sheet), groups)


_UK_FLAT = {"agencies": {"role": "Agency type"},
            "workers": {"origin_country": "Origin", "destination_country": "Destination",
                        "first_month_earnings": "Month 1 earnings", "orientation_on": "Pre-departure info given"}}


def _uk_flat_headers(tables: list[Table]) -> None:
    """Without the group row, the lower labels that need their group to be clear are written out in full, as the
    auditor would on a one-row header ('From' under 'Recruitment' becomes 'Origin')."""
    for sheet, names in _UK_FLAT.items():
        tf.rename(tables, {sheet: names})


def _encoded(tables: list[Table], _rows: Rows) -> None:
    # Not a "Remarks" column: next to a notes column it could be either, to a person too.
    for t in tables:
        tf.add_column(t, "Batch", lambda j: f"Batch {j // 5 + 1}")
        tf.add_column(t, "Encoded by", lambda _j: "Jhen")


def _blank_rows(every: int) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], _rows: Rows) -> None:
        for t in tables:
            tf.interleave_blank_rows(t, every)
    return change


def _layout(*changes: Callable[[list[Table], Rows], None]) -> Callable[[list[Table], Rows], None]:
    def change(tables: list[Table], rows: Rows) -> None:
        for c in changes:
            c(tables, rows)
    return change


LAYOUTS: dict[str, Callable[[list[Table], Rows], None]] = {
    "lk": _layout(_serial_column("S/No"), _titled("Lanka Overseas Employment (Pvt) Ltd — Licence No. 1187",
                                                   "Printed 15/01/2025 10:42 by admin")),
    "my": _layout(_titled("Syarikat Binaan Maju Sdn Bhd — Eksport Sistem HR")),
    "hk": _layout(_titled("康寧僱傭代理有限公司", "資料由系統匯出，只供內部參考")),
    "qa": _layout(_titled("HR Master Extract", "Run date: 15-JAN-2025   Operating unit: Doha")),
    "bd": _layout(_serial_column("Sl. No."), _totals("Grand Total", "bd"),
                  _titled("M/S Padma Overseas Ltd. (RL-1402)", "Head Office: Purana Paltan, Dhaka")),
    "sg": _layout(),
    "id": _layout(_titled("Log Kasus Pendampingan Pekerja Migran")),
    "uk": _layout(_totals("Total", "uk"),
                  _titled("Client: Doha Build Co — ethical recruitment review, year to 31 December 2024",
                          "Prepared by: JS   Reviewed by: AB   Source: records as provided by management",
                          "Key: ✓ = yes, ✗ = no")),
    "tw": _layout(_blank_rows(10)),
    "ph": _layout(_encoded, _blank_rows(5), _titled("Bagong Pag-asa Manpower Services — Nepal desk",
                                                     "Updated: Jan 10, 2025")),
}
# How each system's file is written: None for a workbook, else a folder of CSV files (Python codec, delimiter).
CSV: dict[str, tuple[str, str] | None] = {"sg": ("utf-8-sig", ","), "id": ("cp1252", ";"), "tw": ("cp950", ",")}


# ---------------------------------------------------------------------------------------------- building


def _spell(tables: list[Table], rows: Rows, system: str) -> None:
    yes, no = YES_NO[system]
    for spec in SHEETS:
        t = tf.table(tables, spec.name)
        for col in spec.template_columns():
            if col.kind is Kind.YESNO:
                y, n = YES_NO_OF_COLUMN.get(system, {}).get(col.name, (yes, no))
                tf.map_cells(t, rows, col.name, tf.yes_no([y], [n]))
            elif col.kind in (Kind.CHOICE, Kind.CURRENCY):
                forms = VALUES[system].get("currency" if col.kind is Kind.CURRENCY else col.name, {})
                if forms:
                    tf.map_cells(t, rows, col.name, lambda v, _r, f=forms: f.get(str(v), v))  # type: ignore[misc]


def _numbers_and_dates(tables: list[Table], rows: Rows, system: str) -> None:
    date, amount = DATES[system], AMOUNTS[system]
    for spec in SHEETS:
        t = tf.table(tables, spec.name)
        for col in spec.template_columns():
            if col.name not in t.columns:
                continue  # period_end of a pay-month payroll
            if col.kind is Kind.DATE and date is not None:
                tf.map_cells(t, rows, col.name, tf.date_text(date))
            elif col.kind is Kind.AMOUNT:
                cur = _CURRENCY_COLUMN.get(col.name, "currency")
                key = f"{spec.name}.{col.name}"
                tf.map_cells(t, rows, col.name,
                             lambda v, r, c=cur, k=key: amount(float(v), r.get(c), k))  # type: ignore[misc]


def build(system: str, contract_names: bool = False) -> Callable[[Rows, Path], Rendered]:
    """The system's file; with contract_names, the same file with the contract's sheet names and required column
    names (and no group row over them), so that a refusal of the whole file does not hide how its values,
    numbers, dates, optional headers and layout are read."""
    def _build(rows: Rows, out: Path) -> Rendered:
        tables = tf.base_tables(rows)
        _spell(tables, rows, system)
        if system == "qa":
            _pay_month(tables, rows, "period" if contract_names else headers_of("qa")["wage_payments"]["period_start"])
        _numbers_and_dates(tables, rows, system)
        tf.rename(tables, headers_of(system, optional_only=contract_names))
        if system == "uk" and contract_names:
            _uk_flat_headers(tables)
        if system == "uk" and not contract_names:
            _uk_groups(tables, rows)
        LAYOUTS[system](tables, rows)
        if not contract_names:
            for t, name in zip(tables, SHEET_NAMES[system], strict=True):
                t.name = name
        if (how := CSV.get(system)) is not None:
            return Rendered(write_csv_folder(tables, out / "records", *how), tables)
        return Rendered(write_xlsx(tables, out / "records.xlsx"), tables)
    return _build


def order_proofs(system: str) -> list[str]:
    """The all-number date columns of a system that nothing proves the order of (must be none): a person reads
    01/11/2023 by a day above 12 in the column or its sheet, or by the header saying DD/MM/YYYY."""
    if system not in NUMERIC_DATES:
        return []
    from samples.build import violations_sample

    rows, headers, out = violations_sample(), headers_of(system), []
    for spec in SHEETS:
        dates = [c.name for c in spec.template_columns() if c.kind is Kind.DATE]
        proved = {c for c in dates if any(r.get(c) and r[c].day > 12 for r in rows[spec.name])}
        for c in dates:
            if any(r.get(c) for r in rows[spec.name]) and not proved and NUMERIC_DATES[system] not in \
                    headers[spec.name][c].upper():
                out.append(f"{system} {spec.name}.{c}")
    return out


_WHAT = {
    "lk": "Sri Lankan agency's English ledger: S/No column, two title rows, Y/N, 120,000.00 as text, US$, "
          "dd/mm/yyyy text dates, its own English headers and fee types",
    "my": "Malaysian employer's HR export in Malay: Kod Ejen, No. Pekerja, Tarikh Lahir, Ya/Tidak, Lelaki/Perempuan, "
          "Malay fee types, dd-mm-yyyy text dates, a title row",
    "hk": "Hong Kong employment agency's traditional-Chinese records: 工人編號, 費用類別, 是/否, 按金, 尼泊爾盧比, "
          "2024年2月10日 dates, two title rows",
    "qa": "Qatar employer's Oracle-style HR/payroll export: Employee No., Basic Salary, 'QAR 1,200.00', QR, "
          "DD-MON-YYYY dates, one 'Payroll Month' (MAY-2024) column, a report header",
    "bd": "Bangladeshi recruiting agency's English ledger: Candidate ID, Expense Head, lakh '1,20,000/-', 'Nil' for "
          "zero, dd.mm.yyyy dates, Sl. No. column, Grand Total row, letterhead rows",
    "sg": "Singapore MOM-style CSV export (UTF-8 with BOM): UPPERCASE headers (EA CODE, WORKER REF NO), Y/N, "
          "GIRO, IPA, MOM, 120000.00, dd/mm/yyyy",
    "id": "Indonesian NGO case log, CSV from Indonesian Excel (cp1252, semicolons): Bahasa headers and values, "
          "Calo, Uang Pelicin, 120.000,00, '10 Februari 2024' dates, a title line",
    "uk": "UK auditor's working papers: three title/notes rows, two-row merged headers (Licence over Valid to), "
          "✓/✗ answers, Total row, short auditor headers (Ccy, Hours pw)",
    "tw": "Taiwanese broker's ledger, Big5 (cp950) CSV: 移工編號, 仲介費, 美金, 有/無 receipts, 2024/02/10 dates, "
          "blank rows between batches",
    "ph": "Filipino agency's Taglish sheet: Pangalan, Kasarian, Oo/Hindi, Worker mismo, Lagay, Petsa ng PDOS, "
          "mm/dd/yyyy dates, Batch and Encoded by columns, blank rows every 5",
}
HOLDOUT3: list[Variant] = [Variant(f"h3-{s}", _WHAT[s], build(s)) for s in SYSTEMS]
# The same files with the contract's sheet names and required column names: a second layer of measure, of what
# a whole-file refusal above hides (values, numbers, dates, optional headers, layout).
HOLDOUT3_VALUES: list[Variant] = [
    Variant(f"h3-{s}-values", f"{_WHAT[s]}; contract sheet names and required column names kept",
            build(s, contract_names=True)) for s in SYSTEMS]
