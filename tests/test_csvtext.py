from __future__ import annotations

import codecs

import pytest

from compliance.input.csvtext import CsvError, _reading, folder_legacy_codec, read_csv_bytes

TABLE = "worker_id,name,fee\r\nW1,Asha Rai,45000\r\nW2,Bina Gurung,38000\r\n"
ROWS = [["worker_id", "name", "fee"], ["W1", "Asha Rai", "45000"], ["W2", "Bina Gurung", "38000"]]


# ---------------------------------------------------------------------------------------------- encodings


def test_utf8_without_bom_is_read_without_notice():
    csv = read_csv_bytes("workers.csv", (TABLE + "W3,José Pérez,1\r\n").encode("utf-8"))
    assert csv.encoding == "utf-8"
    assert csv.encoding_notice is None
    assert csv.rows[3] == ["W3", "José Pérez", "1"]


def test_utf8_with_bom_drops_the_mark_from_the_first_header():
    csv = read_csv_bytes("workers.csv", TABLE.encode("utf-8-sig"))
    assert csv.encoding == "utf-8-sig"
    assert csv.encoding_notice is None
    assert csv.rows == ROWS


@pytest.mark.parametrize("data", [
    TABLE.replace(",", "\t").encode("utf-16"),
    codecs.BOM_UTF16_LE + TABLE.replace(",", "\t").encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TABLE.replace(",", "\t").encode("utf-16-be"),
], ids=["native", "little-endian", "big-endian"])
def test_excel_unicode_text_is_utf16_with_bom_and_tabs(data):
    csv = read_csv_bytes("workers.csv", data)
    assert csv.encoding == "utf-16"
    assert csv.delimiter == "\t"
    assert csv.rows == ROWS
    assert "UTF-16" in (csv.encoding_notice or "")


def test_utf16_without_bom_is_recognised_from_its_zero_bytes_and_said_to_be_detected():
    csv = read_csv_bytes("workers.csv", TABLE.encode("utf-16-le"))
    assert csv.encoding == "utf-16-le"
    assert csv.rows == ROWS
    assert "detected" in (csv.encoding_notice or "")


def test_windows_1252_file_keeps_accents_dash_and_pound_and_says_it_was_detected():
    text = "worker_id,name,fee\r\nW1,José Pérez – agent,£450\r\nW2,Hélène Côté,£1200\r\n"
    csv = read_csv_bytes("fees.csv", text.encode("cp1252"))
    assert csv.encoding == "cp1252"
    assert csv.rows[1] == ["W1", "José Pérez – agent", "£450"]
    assert csv.rows[2] == ["W2", "Hélène Côté", "£1200"]
    notice = csv.encoding_notice or ""
    assert "Windows-1252" in notice and "detected" in notice and "CSV UTF-8" in notice


def test_short_western_file_prefers_windows_1252_and_names_the_alternative():
    csv = read_csv_bytes("workers.csv", "id;nom\r\n1;Hélène\r\n".encode("cp1252"))
    assert csv.encoding == "cp1252"
    assert csv.rows[1] == ["1", "Hélène"]
    assert "could also be Windows-1250" in (csv.encoding_notice or "")


def test_gb18030_chinese_file_is_read_as_chinese():
    text = "工号,姓名,费用\r\nW1,张伟,4500\r\nW2,李娜,3000\r\nW3,王芳,合计\r\n"
    csv = read_csv_bytes("fees.csv", text.encode("gb18030"))
    assert csv.encoding == "gb18030"
    assert csv.rows[0] == ["工号", "姓名", "费用"]
    assert csv.rows[2] == ["W2", "李娜", "3000"]
    assert "GB18030" in (csv.encoding_notice or "")


def test_thai_windows_874_is_not_mistaken_for_japanese():
    csv = read_csv_bytes("workers.csv", "id,ชื่อ\r\n1,สมชาย\r\n".encode("cp874"))
    assert csv.encoding == "cp874"
    assert csv.rows[1] == ["1", "สมชาย"]


def test_multibyte_reading_that_swallows_a_digit_is_rejected():
    # In GB18030 "\xe91\xe91" is one four-byte character: the digits would vanish.
    assert _reading(b"id,code\n1,\xe91\xe91\n", "gb18030", 0, {}) is None
    assert _reading(b"id,code\n1,\xe91\xe91\n", "cp1252", 0, {}) is not None


def test_undecodable_file_names_the_file_and_the_byte_offset():
    with pytest.raises(CsvError, match=r"^workers\.csv: byte 10 \(0x81\) is not valid UTF-8"):
        read_csv_bytes("workers.csv", b"id,name\n1,\x81\x01\n")


def test_nul_byte_in_utf8_file_is_refused_as_probably_utf16_or_binary():
    with pytest.raises(CsvError, match=r"^workers\.csv: byte 9 is a NUL byte: the file is probably UTF-16"):
        read_csv_bytes("workers.csv", b"id,name\n1\x00,Asha\n")


def test_nul_byte_after_a_utf8_mark_is_refused_the_same_way():
    with pytest.raises(CsvError, match=r"^workers\.csv: byte 12 is a NUL byte"):
        read_csv_bytes("workers.csv", codecs.BOM_UTF8 + b"id,name\n1\x00,Asha\n")


def test_broken_utf16_after_its_mark_is_refused_as_damaged():
    with pytest.raises(CsvError, match=r"^workers\.csv: byte \d+ .*damaged"):
        read_csv_bytes("workers.csv", codecs.BOM_UTF16_LE + "a\tb\n".encode("utf-16-le") + b"\x00\xd8")


# ---------------------------------------------------------------------------------------------- delimiters


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_each_delimiter_is_recognised(delimiter):
    csv = read_csv_bytes("workers.csv", TABLE.replace(",", delimiter).encode())
    assert csv.delimiter == delimiter
    assert csv.rows == ROWS


def test_semicolon_file_hints_at_decimal_commas_and_comma_file_does_not():
    assert read_csv_bytes("fees.csv", b"id;fee\n1;1,5\n2;2,5\n").decimal_comma_hint is True
    assert read_csv_bytes("fees.csv", b"id,fee\n1,1.5\n2,2.5\n").decimal_comma_hint is False


def test_title_line_with_a_comma_above_a_semicolon_table_does_not_make_it_comma_separated():
    text = ("Fee ledger, Himal Overseas\r\nworker_id;fee;paid_on\r\nW1;12500,50;2024-01-05\r\n"
            "W2;9800,00;2024-01-06\r\nW3;7000,25;2024-02-01\r\n")
    csv = read_csv_bytes("fees.csv", text.encode())
    assert csv.delimiter == ";"
    assert csv.rows[0] == ["Fee ledger, Himal Overseas"]
    assert csv.rows[2] == ["W1", "12500,50", "2024-01-05"]


def test_quoted_fields_keep_delimiters_doubled_quotes_and_newlines():
    text = 'id,address,note\r\n1,"Ward 4, Kathmandu","said ""no""\nthen left"\r\n2,"a;b",x\r\n'
    csv = read_csv_bytes("workers.csv", text.encode())
    assert csv.delimiter == ","
    assert csv.rows[1] == ["1", "Ward 4, Kathmandu", 'said "no"\nthen left']
    assert csv.rows[2] == ["2", "a;b", "x"]


def test_tab_file_with_commas_in_free_text_stays_tab_separated():
    text = "id\tname\tnote\n1\tAsha\tpaid, then refunded\n2\tBina\tlate, unpaid, angry\n3\tChandra\tnone\n"
    csv = read_csv_bytes("workers.csv", text.encode())
    assert csv.delimiter == "\t"
    assert csv.rows[2] == ["2", "Bina", "late, unpaid, angry"]


def test_single_column_file_is_one_cell_per_row():
    csv = read_csv_bytes("workers.csv", b"worker_id\nW1\nW2\n")
    assert csv.rows == [["worker_id"], ["W1"], ["W2"]]


def test_trailing_delimiter_on_every_row_is_stripped():
    csv = read_csv_bytes("workers.csv", b"id;name;\r\n1;Asha;\r\n;;\r\n\r\n2;Bina;\r\n")
    assert csv.rows == [["id", "name"], ["1", "Asha"], ["", ""], [], ["2", "Bina"]]


def test_last_column_is_kept_when_one_row_fills_it():
    csv = read_csv_bytes("workers.csv", b"id;name;\r\n1;Asha;\r\n2;Bina;late\r\n")
    assert csv.rows == [["id", "name", ""], ["1", "Asha", ""], ["2", "Bina", "late"]]


def test_unclosed_quote_is_refused_with_the_line_it_starts_on():
    with pytest.raises(CsvError, match=r"^workers\.csv, line 3: a quoted cell that starts here is never closed"):
        read_csv_bytes("workers.csv", b'id,name\n1,Asha\n2,"Bina\n3,Chandra\n')


def test_text_after_a_closing_quote_is_refused():
    with pytest.raises(CsvError, match=r"^workers\.csv, line 2: text follows the closing quote"):
        read_csv_bytes("workers.csv", b'id,name\n"1"x,Asha\n')


def test_ten_megabyte_file_is_read_whole():
    row = 'W{0:06d};"Rai, Asha {0}";{0},50;2024-03-{1:02d};Kathmandu\r\n'
    body = "".join(row.format(i, i % 28 + 1) for i in range(200_000))
    data = ("Fee ledger, Himal Overseas\r\nworker_id;name;fee;paid_on;city\r\n" + body).encode()
    assert len(data) > 10_000_000
    csv = read_csv_bytes("fees.csv", data)
    assert csv.delimiter == ";"
    assert len(csv.rows) == 200_002
    assert csv.rows[-1] == ["W199999", "Rai, Asha 199999", "199999,50", "2024-03-24", "Kathmandu"]


_GBK_SHORT = {  # each alone is too short to tell GBK from Central European: 中介费 came out as 'ÖĐ˝é·Ń'
    "fees": "fee_id,worker_id,category,amount\nF-1,W-1,中介费,1200\n",
    "complaints": "complaint_id,worker_id,allegation\nK-1,W-1,扣押护照\n",
}
_GBK_LONG = "worker_id,name,nationality\n" + "\n".join(f"W-{i},张伟{i},中国" for i in range(30)) + "\n"


def test_the_files_of_one_folder_that_are_not_utf8_are_read_in_the_one_code_page_they_share() -> None:
    files = [("workers", _GBK_LONG.encode("gbk")), *((n, t.encode("gbk")) for n, t in _GBK_SHORT.items())]
    codec = folder_legacy_codec(files)
    assert codec == "gb18030"
    for name, text in _GBK_SHORT.items():
        read = read_csv_bytes(name, text.encode("gbk"), codec)
        assert read.rows == [line.split(",") for line in text.splitlines()]
        assert "all the folder's files" in (read.encoding_notice or "")


def test_a_folder_whose_files_need_different_code_pages_decides_each_file_alone() -> None:
    western = "worker_id,name\nW-1,Hélène Müller\nW-2,José Peña\nW-3,François Gâteau\n".encode("cp1252")
    files = [("workers", western), ("complaints", _GBK_LONG.encode("gbk"))]
    assert folder_legacy_codec(files) is None
    assert read_csv_bytes("workers", western).rows[1] == ["W-1", "Hélène Müller"]


def test_one_file_that_is_not_utf8_is_decided_alone() -> None:
    assert folder_legacy_codec([("workers", _GBK_LONG.encode("gbk")), ("fees", b"fee_id\nF-1\n")]) is None


@pytest.mark.parametrize(("text", "codec", "expected"), [
    ("worker_id,sex,known\nW-1,女,是\nW-2,男,否\n", "gbk", "gb18030"),  # read alone, these were 'Å®', 'ÊÇ'
    ("姓名,國籍\n陳大文,香港\n李小明,台灣\n", "big5", "big5"),
    ("이름,국적\n김민수,한국\n박지영,한국\n", "cp949", "cp949"),
    ("worker_id,name\nW-1,Hélène Müller\nW-2,José Peña\n", "cp1252", "cp1252"),
])
def test_a_short_east_asian_file_is_not_read_in_a_western_code_page(text: str, codec: str, expected: str) -> None:
    read = read_csv_bytes("workers", text.encode(codec))
    assert read.encoding == expected
    assert read.rows == [line.split(",") for line in text.splitlines()]
