"""Hostile and broken input files: each is refused (exit 2, one line on stderr, no traceback, no signal) or read
with the bad cell as a located input problem, quickly and in bounded memory. Every file is built here, in tmp_path.

Limits asserted for small hostile files are 3x the issue's (2 s, 300 MB): 6 s and 900 MB, measured on the child
process that runs the command (its own rusage, from os.wait4), so that a slow machine does not fail them; the
figures themselves are measured and recorded by bench/hostile.py.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from compliance.input import guard, limits
from compliance.input.problems import MAX_MESSAGE, Action, InputProblem, ProblemType, cap_message, shown
from compliance.input.workbook import WorkbookError, read_book, read_workbook

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "compliant-agency.xlsx"
WORKERS = "xl/worksheets/sheet3.xml"  # the sample's workers sheet
SECONDS, MEGABYTES = 6.0, 900  # 3x the 2 s and 300 MB
SOFFICE = shutil.which("soffice")
FIGURES_LOG = "FAIRRECRUIT_HOSTILE_FIGURES"  # a JSON-lines file each child run appends its figures to


@dataclass
class Run:
    code: int
    stderr: str
    seconds: float
    peak_mb: float
    signal: int | None


def check(path: Path, tmp_path: Path, env: dict[str, str] | None = None) -> Run:
    """`python cli.py check PATH -o report.json` in a child process, with a 4 GiB address-space cap so that a
    regression fails this test instead of the machine."""
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))

    err = tmp_path / "stderr.txt"
    started = time.perf_counter()
    with err.open("wb") as fh:
        proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "check", os.fsencode(path), "-o",
                                 str(tmp_path / "report.json")], stdout=subprocess.DEVNULL, stderr=fh,
                                stdin=subprocess.DEVNULL, cwd=ROOT, preexec_fn=cap,
                                env={**os.environ, "RUST_BACKTRACE": "1", **(env or {})})
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            proc.returncode = 0  # reaped by wait4
    seconds = time.perf_counter() - started
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    code = os.waitstatus_to_exitcode(status)
    if log := os.environ.get(FIGURES_LOG):  # bench/hostile.py collects the figures the asserts bound loosely
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"test": os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0], "code": code,
                                 "seconds": round(seconds, 3), "peak_mb": round(usage.ru_maxrss / 1024, 1),
                                 "bytes": path.stat().st_size if path.is_file() else None}) + "\n")
    return Run(code, err.read_text(encoding="utf-8", errors="replace"), seconds, usage.ru_maxrss / 1024, sig)


def assert_refused(run: Run, *words: str) -> None:
    assert run.signal is None, run
    assert run.code == 2, run
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), run.stderr[:2000]
    assert "Traceback" not in run.stderr and "panicked" not in run.stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert run.seconds < SECONDS, run
    assert run.peak_mb < MEGABYTES, run


def assert_read(run: Run, tmp_path: Path) -> dict:
    assert run.signal is None and run.code in (0, 1), run
    assert "Traceback" not in run.stderr and "panicked" not in run.stderr and "error:" not in run.stderr
    assert run.seconds < SECONDS and run.peak_mb < MEGABYTES, run
    return json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))


def mutate(dst: Path, fn: Callable[[bytes], bytes], member: str = WORKERS, src: Path = SAMPLE,
           add: dict[str, bytes] | None = None) -> Path:
    """A copy of the zip package `src` with one member's bytes changed (and members added)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, fn(data) if info.filename == member else data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def replace(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def fn(data: bytes) -> bytes:
        assert old in data
        return data.replace(old, new, 1)
    return fn


BIRTH_W201 = b'<c r="D2" s="2" t="n"><v>34824</v></c>'  # date_of_birth of W-201, date-formatted
EARNINGS_W201 = b'<c r="N2" t="n"><v>1200</v></c>'  # first_month_earnings of W-201
END_OF_DATA = b"</sheetData>"


def problems_at(report: dict, sheet: str, row: int, column: str) -> list[dict]:
    return [p for p in report["input_problems"] if (p["sheet"], p["row"], p["column"]) == (sheet, row, column)]


# ---------------------------------------------------------------------------------------------- dates


def test_date_far_out_of_range_in_xlsx_is_a_bad_value_at_its_cell_not_a_crash(tmp_path):
    path = mutate(tmp_path / "far.xlsx", replace(BIRTH_W201, b'<c r="D2" s="2" t="n"><v>-1E+14</v></c>'))
    report = assert_read(check(path, tmp_path), tmp_path)
    [problem] = problems_at(report, "workers", 2, "date_of_birth")
    assert problem["type"] == "bad-value"
    assert "-100000000000000" in problem["message"]


def test_negative_date_serial_is_a_bad_value_naming_the_number_not_midnight(tmp_path):
    path = mutate(tmp_path / "neg.xlsx", replace(BIRTH_W201, b'<c r="D2" s="2" t="n"><v>-5</v></c>'))
    report = assert_read(check(path, tmp_path), tmp_path)
    [problem] = problems_at(report, "workers", 2, "date_of_birth")
    assert problem["type"] == "bad-value" and "-5" in problem["message"] and "00:00" not in problem["message"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is needed to write an .xls file")
def test_date_far_out_of_range_in_xls_is_refused_in_one_line_naming_sheet_and_row(tmp_path):
    source = mutate(tmp_path / "far.xlsx", replace(BIRTH_W201, b'<c r="D2" s="2" t="n"><v>-1E+14</v></c>'))
    subprocess.run([SOFFICE, "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    assert_refused(check(tmp_path / "far.xls", tmp_path), "'workers'", "row 2", "far outside any calendar")


def test_rust_panic_is_one_workbook_error_and_prints_nothing(capfd):
    class PanicException(BaseException):  # what pyo3 raises: not an Exception
        pass

    def panics() -> None:
        os.write(2, b"thread '<unnamed>' panicked at chrono/src/lib.rs\n")
        raise PanicException("TimeDelta::milliseconds out of bounds")

    with pytest.raises(WorkbookError, match="cannot read sheet 'workers'") as info:
        guard.native(panics, "cannot read sheet 'workers'")
    assert "TimeDelta" in info.value.detail and "panicked" in info.value.detail
    assert capfd.readouterr().err == ""


def test_native_call_that_succeeds_passes_its_warnings_on(capfd):
    def warns() -> int:
        os.write(2, b"a warning\n")
        return 7

    assert guard.native(warns, "x") == 7
    assert capfd.readouterr().err == "a warning\n"


# ---------------------------------------------------------------------------------------------- extent

FAR_CELLS = {
    "the last cell of Excel": b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>' + END_OF_DATA,
    "a cell at XFD4000": b'<row r="4000"><c r="XFD4000" t="n"><v>1</v></c></row>' + END_OF_DATA,
    "a far cell in lower case": b'<row r="900000"><c r="xfd900000" t="n"><v>1</v></c></row>' + END_OF_DATA,
    "a cell beyond Excel's grid": b'<row r="7"><c r="A99999999" t="n"><v>1</v></c></row>' + END_OF_DATA,
    "a column beyond Excel's grid": b'<row r="7"><c r="ZZZZZ7" t="n"><v>1</v></c></row>' + END_OF_DATA,
}


@pytest.mark.parametrize("case", sorted(FAR_CELLS))
def test_cell_far_beyond_the_data_is_refused_before_reading(tmp_path, case):
    path = mutate(tmp_path / "far.xlsx", replace(END_OF_DATA, FAR_CELLS[case]))
    assert_refused(check(path, tmp_path), "'workers'")


def test_far_cell_written_before_the_data_is_found(tmp_path):
    # Rows out of order: the far cell comes first, the last cell of the sheet is an ordinary one.
    far = b'<sheetData><row r="1048000"><c r="AZ1048000" t="n"><v>1</v></c></row>'
    path = mutate(tmp_path / "first.xlsx", replace(b"<sheetData>", far))
    assert_refused(check(path, tmp_path), "'workers'", "AZ1048000")


def test_far_cell_in_the_middle_of_a_row_is_found(tmp_path):
    row2 = b'<c r="A2" t="inlineStr">'
    path = mutate(tmp_path / "middle.xlsx", replace(row2, b'<c r="XFD2" t="n"><v>1</v></c>' + row2))
    big = mutate(tmp_path / "big.xlsx", replace(END_OF_DATA, b'<row r="60000"><c r="A60000" t="n"><v>1</v></c></row>'
                                                + END_OF_DATA), src=path)
    assert_refused(check(big, tmp_path), "'workers'", "XFD")


def test_cells_without_references_are_measured_as_calamine_places_them(tmp_path):
    wide = b'<row r="5000">' + b'<c t="n"><v>1</v></c>' * 3000 + b"</row>"
    path = mutate(tmp_path / "noref.xlsx", replace(END_OF_DATA, wide + END_OF_DATA))
    assert_refused(check(path, tmp_path), "'workers'")


def test_cell_refs_with_a_namespace_prefix_are_measured(tmp_path):
    def prefixed(data: bytes) -> bytes:
        body = data.replace(b"<worksheet xmlns=", b"<x:worksheet xmlns:x=").replace(b"</worksheet>", b"</x:worksheet>")
        for tag in (b"sheetData", b"row", b"c", b"v", b"is", b"t"):
            body = body.replace(b"<" + tag + b">", b"<x:" + tag + b">").replace(b"<" + tag + b" ", b"<x:" + tag + b" ")
            body = body.replace(b"</" + tag + b">", b"</x:" + tag + b">")
        return body.replace(b"</x:sheetData>", b'<x:row r="9000"><x:c r="XFD9000" t="n"><x:v>1</x:v></x:c></x:row>'
                                               b"</x:sheetData>")
    assert_refused(check(mutate(tmp_path / "ns.xlsx", prefixed), tmp_path), "'workers'", "XFD9000")


def test_limit_names_the_sheet_the_far_cell_and_the_limit(tmp_path):
    path = mutate(tmp_path / "far.xlsx", replace(END_OF_DATA, FAR_CELLS["the last cell of Excel"]))
    run = check(path, tmp_path)
    assert_refused(run, "sheet 'workers'", "XFD1048576", "limit 60,000,000", "FAIRRECRUIT_LIMITS")


def test_reader_crash_in_the_child_process_is_one_line(tmp_path, monkeypatch):
    # With the limits lifted, calamine asks for 512 GiB: the child aborts (SIGABRT); the parent says so.
    path = mutate(tmp_path / "far.xlsx", replace(END_OF_DATA, FAR_CELLS["the last cell of Excel"]))
    monkeypatch.setenv(limits.ENV, "max_sheet_cells=10**15,max_book_cells=10**15,min_density=1e-12".replace(
        "10**15", str(10**15)))
    with pytest.raises(WorkbookError, match=r"reader crashed \(SIGABRT") as info:
        guard.read_isolated(path, timeout=60, memory_bytes=2 << 30)
    assert "\n" not in str(info.value)


def test_honest_sample_reads_the_same_in_a_child_process():
    assert [g.cells for g in guard.read_isolated(SAMPLE).grids] == [g.cells for g in read_book(SAMPLE).grids]


# ---------------------------------------------------------------------------------------------- zip packages


def test_zip_bomb_is_refused_from_its_declared_sizes(tmp_path):
    rows = b'<row><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v></c></row>' * 1000
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(SAMPLE) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            if info.filename != WORKERS:
                zout.writestr(info.filename, zin.read(info))
                continue
            with zout.open(WORKERS, "w", force_zip64=True) as fh:
                fh.write(b"<worksheet><sheetData>")
                for _ in range(64_000_000 // len(rows)):
                    fh.write(rows)
                fh.write(b"</sheetData></worksheet>")
    assert path.stat().st_size < 400_000
    assert_refused(check(path, tmp_path), "zip bomb", WORKERS)


def test_part_whose_declared_size_is_false_is_refused(tmp_path):
    noise = os.urandom(300_000).hex().encode()  # incompressible: the part really holds 600 KB
    path = mutate(tmp_path / "lie.xlsx", replace(END_OF_DATA, b"<!--" + noise + b"-->" + END_OF_DATA))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(WORKERS)
    real = info.file_size.to_bytes(4, "little")
    for at in (i for i in range(len(data)) if data[i:i + 4] == real):  # local header and central directory
        data[at:at + 4] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    assert_refused(check(path, tmp_path), WORKERS, "declares 1,000 bytes")


def test_shared_strings_count_that_would_reserve_terabytes_is_refused(tmp_path):
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           b'2006/main" count="1" uniqueCount="1000000000000"><si><t>Sabina Rai</t></si></sst>')
    rels = b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/' \
           b'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    path = mutate(tmp_path / "sst.xlsx", replace(b"</Relationships>", rels), member="xl/_rels/workbook.xml.rels",
                  add={"xl/sharedStrings.xml": sst})
    assert_refused(check(path, tmp_path), "shared strings", "1,000,000,000,000")


# ---------------------------------------------------------------------------------------------- ods


def ods(path: Path, rows: str) -> Path:
    """A minimal .ods with one table 'workers' whose rows are given as XML."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="workers">{rows}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
                '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def ods_row(*values: str, repeated: int = 1, cell_repeats: int = 1) -> str:
    attr = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    cols = f' table:number-columns-repeated="{cell_repeats}"' if cell_repeats > 1 else ""
    cells = "".join(f'<table:table-cell office:value-type="string"{cols}><text:p>{v}</text:p></table:table-cell>'
                    for v in values)
    return f"<table:table-row{attr}>{cells}</table:table-row>"


def test_ods_row_repeated_a_million_times_is_refused(tmp_path):
    rows = ods_row("worker_id", "name", "sex") + ods_row("W-1", "Asha", "female", repeated=1_048_000)
    path = ods(tmp_path / "repeated.ods", rows)
    assert path.stat().st_size < 2_000
    assert_refused(check(path, tmp_path), "'workers'", "repeated")


def test_ods_cell_repeated_across_every_column_of_many_rows_is_refused(tmp_path):
    rows = ods_row("worker_id") + ods_row("x", cell_repeats=16_000, repeated=5_000)
    assert_refused(check(ods(tmp_path / "wide.ods", rows), tmp_path), "'workers'")


def test_ods_blank_rows_and_cells_repeated_to_the_end_of_the_sheet_cost_nothing(tmp_path):
    blank = ('<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
             'table:number-columns-repeated="16384"/></table:table-row>')
    trailing = '<table:table-cell table:number-columns-repeated="16380"/></table:table-row>'
    rows = (ods_row("worker_id", "name") + ods_row("W-1", "Asha")).replace("</table:table-row>", trailing) + blank
    book = read_book(ods(tmp_path / "libre.ods", rows))
    assert book.grids[0].cells == [["worker_id", "name"], ["W-1", "Asha"]]


@pytest.fixture(scope="module")
def libreoffice_ods(tmp_path_factory) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is needed to save a real .ods file")
    out = tmp_path_factory.mktemp("ods")
    subprocess.run([SOFFICE, "--headless", "--convert-to", "ods", "--outdir", str(out), str(SAMPLE)], check=True,
                   capture_output=True, timeout=180, env={**os.environ, "HOME": str(out)})
    return out / "compliant-agency.ods"


def test_ods_saved_by_libreoffice_still_reads(libreoffice_ods, tmp_path):
    report = assert_read(check(libreoffice_ods, tmp_path), tmp_path)
    assert report["input_counts"]["workers"]["read"] == 5


# ---------------------------------------------------------------------------------------------- error cells


def test_error_cell_is_a_bad_value_at_its_cell_and_its_row_is_counted(tmp_path):
    path = mutate(tmp_path / "na.xlsx", replace(EARNINGS_W201, b'<c r="N2" t="e"><v>#N/A</v></c>'))
    report = assert_read(check(path, tmp_path), tmp_path)
    [problem] = problems_at(report, "workers", 2, "first_month_earnings")
    assert "#N/A" in problem["message"]
    assert report["input_counts"]["workers"]["read"] == 5


def test_formula_without_a_saved_value_is_a_bad_value_at_its_cell(tmp_path):
    path = mutate(tmp_path / "f.xlsx", replace(EARNINGS_W201, b'<c r="N2"><f>N3*1</f></c>'))
    report = assert_read(check(path, tmp_path), tmp_path)
    [problem] = problems_at(report, "workers", 2, "first_month_earnings")
    assert "no saved value" in problem["message"]


@pytest.mark.parametrize("member", [WORKERS, "xl/workbook.xml"])
def test_part_with_a_dtd_is_refused_so_no_error_cell_is_lost(tmp_path, member):
    dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'

    def with_dtd(data: bytes) -> bytes:
        return dtd + data.replace(EARNINGS_W201, b'<c r="N2" t="e"><v>#N/A</v></c>')

    assert_refused(check(mutate(tmp_path / "dtd.xlsx", with_dtd, member=member), tmp_path), "DTD")


# ---------------------------------------------------------------------------------------------- names, csv


def test_valid_file_whose_name_is_not_utf8_is_read(tmp_path):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9 ledger.xlsx"))
    shutil.copyfile(SAMPLE, path)
    book = read_workbook(path)  # the report writers' handling of such a name is theirs: this is the reader
    assert len(book.sheets["workers"].rows) == 5


def csv_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "agencies.csv").write_text("agency_id,name\nAG-01,Himal\n", encoding="utf-8")
    return folder


def _loop(p: Path) -> None:
    p.symlink_to(p.name)


def _dangling(p: Path) -> None:
    p.symlink_to(p.parent / "gone.csv")


def _folder(p: Path) -> None:
    p.mkdir()


def _pipe(p: Path) -> None:
    os.mkfifo(p)


@pytest.mark.parametrize(("make", "words"), [
    (_loop, "loops back on itself"), (_dangling, "does not exist"), (_folder, "is a folder"),
    (_pipe, "not a regular file"),
], ids=["symlink loop", "dangling symlink", "directory", "named pipe"])
def test_broken_workers_csv_is_reported_as_what_it_is_not_as_missing(tmp_path, make, words):
    folder = csv_folder(tmp_path)
    make(folder / "workers.csv")
    run = check(folder, tmp_path)
    assert_refused(run, "workers.csv", words)
    assert "missing" not in run.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_workers_csv_says_permission_denied(tmp_path):
    folder = csv_folder(tmp_path)
    (folder / "workers.csv").write_text("worker_id\nW-1\n", encoding="utf-8")
    (folder / "workers.csv").chmod(0)
    assert_refused(check(folder, tmp_path), "workers.csv", "permission denied")


# ---------------------------------------------------------------------------------------------- messages


def test_problem_quoting_a_ten_megabyte_cell_keeps_a_short_message():
    value = "x" * 10_000_000
    problem = InputProblem(type=ProblemType.BAD_VALUE, action=Action.VALUE_IGNORED, sheet="fees", row=3,
                           column="category", value=value, message=f"not an accepted value: {value!r} (use a, b)")
    assert len(problem.message) < 200
    assert problem.message.endswith("(10,000,000 characters) (use a, b)")
    assert len(problem.value or "") == 80


def test_short_messages_are_kept_as_written():
    message = "column 'Amount' looks like amount but was not recognised: amount is unknown, not none"
    assert cap_message(message) == message


def test_message_without_quotes_is_cut_at_the_maximum():
    assert len(cap_message("y " * 10_000)) == MAX_MESSAGE


def test_shown_value_says_its_length():
    assert shown("z" * 500) == "'" + "z" * 60 + "…' (500 characters)"
    assert shown("Asha") == "'Asha'"


# ---------------------------------------------------------------------------------------------- contract, limits


def test_read_guarded_turns_any_failure_into_a_workbook_error(monkeypatch, tmp_path):
    class PanicException(BaseException):
        pass

    for failure in (RuntimeError("bug"), RecursionError(), PanicException("boom"), MemoryError()):
        def fail(path: Path, failure: BaseException = failure) -> None:
            raise failure

        monkeypatch.setattr("compliance.input.workbook.read_book", fail)
        with pytest.raises(WorkbookError) as info:
            guard.read_guarded(tmp_path / "x.xlsx")
        assert "\n" not in str(info.value) and "x.xlsx" in str(info.value)


def test_read_guarded_lets_interrupts_through(monkeypatch, tmp_path):
    def interrupted(path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("compliance.input.workbook.read_book", interrupted)
    with pytest.raises(KeyboardInterrupt):
        guard.read_guarded(tmp_path / "x.xlsx")


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv(limits.ENV, "max_sheet_cells=1_000, min_density=0.5")
    limits.reset_limits()
    try:
        assert limits.limits().max_sheet_cells == 1000 and limits.limits().min_density == 0.5
    finally:
        monkeypatch.delenv(limits.ENV)
        limits.reset_limits()


@pytest.mark.parametrize("text", ["max_cels=5", "max_sheet_cells=many", "max_ratio=0"])
def test_bad_limits_entry_names_it(monkeypatch, text):
    monkeypatch.setenv(limits.ENV, text)
    limits.reset_limits()
    try:
        with pytest.raises(limits.LimitsError, match=text.split("=")[0]):
            limits.limits()
    finally:
        monkeypatch.delenv(limits.ENV)
        limits.reset_limits()


def test_set_limits_applies_to_the_next_read():
    limits.set_limits(max_sheet_cells=50)
    try:
        with pytest.raises(WorkbookError, match="limit 50"):
            read_book(SAMPLE)
    finally:
        limits.reset_limits()


def test_honest_million_row_workbook_of_forty_columns_is_within_the_limits():
    assert limits.check_cells("fees", 1_000_000, 40, 38_000_000, "AN1000000", 0) == 40_000_000
