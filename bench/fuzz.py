"""Fuzz the real command line with mutated workbooks, CSV folders and raw XML, for a set time. Not a test.

    python bench/fuzz.py --minutes 30 [--seed N] [--save tests/fuzz_crashers] [--jobs 1] [--replay I]

Each case is one mutated input run as `python cli.py check INPUT -o out.json -o out.xlsx -o out.md -q` in a child
process (20 s wall clock, 2 GiB address space, no core file). A run is clean when (CONTRACT in `classify`): no
signal, no timeout, exit 0, 1 or 2; exit 2 prints exactly one stderr line "error: ..." (not an internal error or
a stop of the rule engine) and leaves no report behind; exit 0/1 wrote a JSON report that parses, where every
sheet's rows read = evaluated + rejected (= distinct rejected rows) and, when the mutation kept the rows, read +
skipped = the seed's; exit 0 checked at least one worker; the Markdown report holds no raw HTML from the input,
the Excel report no formula; the input's bytes are unchanged; peak RSS under --max-rss-mb. Anything else is a
crasher, classed by its first broken clause. `--save` keeps a few of each class (with a .json sidecar saying how
to run it) for tests/test_fuzz_regressions.py. Mutation mix (weights in LEVELS): cells through openpyxl, XML
inside the xlsx/ods zip, raw bytes, CSV folders, .ods/.xls made once by LibreOffice, and unsafe -o targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 20.0
MEMORY_LIMIT = 2 << 30  # an honest run of the samples needs under 150 MB of address space
MAX_FILE = 100_000  # saved crashers stay small enough for the repository
MARKER = "<img src=x onerror=alert(1)>"  # HTML that must never reach the Markdown report raw
OUTPUTS = ("out.json", "out.xlsx", "out.md")


@dataclass
class Case:
    input: Path  # a file or a CSV folder
    steps: list[str] = field(default_factory=list)  # the mutations applied, e.g. "cell.date-serial"
    outputs: str = "normal"  # normal, self, symlink, dotdot, unwritable
    expect_rows: dict[str, int] | None = None  # sheet -> rows read + skipped, when the mutations kept the rows


@dataclass
class Run:
    code: int
    stderr: str
    seconds: float
    rss_mb: float
    timed_out: bool


@dataclass
class Seed:
    path: Path
    kind: str  # xlsx, csv, ods, xls
    rows: dict[str, int] | None = None  # rows read + skipped by the seed's own run


# ------------------------------------------------------------------------------------------ running one case


def output_args(case: Case, out: Path) -> list[str]:
    """The -o targets for the case's output mode; the unsafe ones must be refused before any work."""
    normal = [str(out / n) for n in OUTPUTS]
    target = case.input / "workers.csv" if case.input.is_dir() else case.input
    if case.outputs == "self":
        return [normal[0], str(target)]
    if case.outputs == "symlink":
        link = out / ("link" if case.input.is_dir() else "link.xlsx")
        link.symlink_to(case.input)
        return [normal[0], str(link / "workers.csv" if case.input.is_dir() else link)]
    if case.outputs == "dotdot":
        return [normal[0], os.path.join(str(out), "..", os.path.relpath(target, out.parent))]
    if case.outputs == "unwritable":
        (out / "blocker").write_text("a file, not a folder")
        return [*normal[:2], str(out / "blocker" / "out.md")]
    return normal


def run_cli(args: list[str], timeout: float = TIMEOUT_S, memory: int = MEMORY_LIMIT) -> Run:
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort must not leave a core file in the tree

    env = {k: v for k, v in os.environ.items() if k != "FAIRRECRUIT_DEBUG"}
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "cli.py", "check", *args], cwd=ROOT, env=env, preexec_fn=limits,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                                start_new_session=True)
        timed_out, peak_kb = False, 0
        while not (waited := os.wait4(proc.pid, os.WNOHANG))[0]:
            peak_kb = max(peak_kb, _high_water_kb(proc.pid))
            if time.monotonic() - start > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                timed_out, waited = True, os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(waited[1])
        seconds = time.monotonic() - start
        err.seek(0)
        stderr = err.read(1 << 16).decode("utf-8", "replace")
    return Run(proc.returncode, stderr, seconds, peak_kb / 1024, timed_out)


def _high_water_kb(pid: int) -> int:
    """The largest peak RSS (VmHWM) so far of the child and its own children (a reader child process). Not
    wait4's ru_maxrss: Linux carries the forking parent's peak into it at exec, so a big fuzzer process would make
    every run look big. Growth within the last poll is missed."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return max([int(found[1]) if found else 0, *(_high_water_kb(int(c)) for c in children)])


def fingerprint(path: Path) -> str:
    """The input's bytes (every file of a folder, symlinks as their target text)."""
    digest = hashlib.sha256()
    for p in sorted([path, *path.rglob("*")] if path.is_dir() else [path]):
        digest.update(os.fsencode(p.name) + b"\0")
        if p.is_symlink():
            digest.update(b"->" + os.fsencode(os.readlink(p)))
        elif p.is_file():
            digest.update(p.read_bytes())
    return digest.hexdigest()


def run_case(case: Case, out: Path, timeout: float = TIMEOUT_S, max_rss_mb: float = 500) -> tuple[str, str, Run]:
    """Run one case; (class or "clean", one-line symptom, the run)."""
    out.mkdir(parents=True, exist_ok=True)
    before = fingerprint(case.input)
    args = [str(case.input), *(a for o in output_args(case, out) for a in ("-o", o)), "-q"]
    run = run_cli(args, timeout)
    verdict, symptom = classify(case, run, out, before, max_rss_mb)
    return verdict, symptom, run


def classify(case: Case, run: Run, out: Path, before: str, max_rss_mb: float) -> tuple[str, str]:
    lines = run.stderr.strip().splitlines()
    telling = [ln for pattern in (r"memory allocation|panicked at", r"Error|Exception|error:")
               for ln in lines if re.search(pattern, ln)]
    last = (telling or lines[-1:] or [""])[0].strip()[:160]
    if run.timed_out:
        return "timeout", f"no answer in {run.seconds:.0f} s"
    if run.code < 0:
        return f"signal-{signal.Signals(-run.code).name}", last or "killed by a signal, no message"
    if fingerprint(case.input) != before:
        return "input-overwritten", f"the input's bytes changed (exit {run.code})"
    if run.code not in (0, 1, 2):
        return f"exit-{run.code}", last
    if "Traceback" in run.stderr:
        return "traceback", f"exit {run.code}: {last}"
    if run.code == 2:
        if len(lines) != 1 or not lines[0].startswith("error:"):
            return "stderr-shape", f"{len(lines)} stderr lines: {last}"
        if "MemoryError" in lines[0]:
            return "memory", lines[0][:160]
        if lines[0].startswith("error: internal error"):
            return "internal-error", lines[0][:160]
        if "rule engine could not evaluate" in lines[0]:
            return "engine-stop", lines[0][:160]
        left = sorted(p.name for p in out.iterdir() if p.name in OUTPUTS)
        if left and (case.outputs != "normal" or len(left) < len(OUTPUTS)):  # a full set may be deliberate
            return "partial-output", f"failed run left {', '.join(left)}: {lines[0][:100]}"
    elif case.outputs != "normal":
        return "output-not-refused", f"-o {case.outputs} target accepted (exit {run.code})"
    elif found := _report_problem(case, out, run.code):
        return found
    if run.rss_mb > max_rss_mb:
        return "memory", f"peak RSS {run.rss_mb:.0f} MB (exit {run.code})"
    return "clean", ""


def _report_problem(case: Case, out: Path, code: int) -> tuple[str, str] | None:
    try:
        report = json.loads((out / "out.json").read_text(encoding="utf-8"))
        counts = report["input_counts"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return "no-json", f"exit 0/1 but the JSON report is missing or broken: {type(exc).__name__}"
    md = (out / "out.md").read_text(encoding="utf-8", errors="replace") if (out / "out.md").exists() else ""
    if "root:x:0:0" in md + json.dumps(report):  # the DOCTYPE mutation's external entity names /etc/passwd
        return "xxe-leak", "a report holds /etc/passwd through an external XML entity"
    for sheet, c in counts.items():
        rejected = {p["row"] for p in report["input_problems"]
                    if p["sheet"] == sheet and p["action"] == "row-rejected"}
        if c["read"] != c["evaluated"] + c["rejected"] or c["rejected"] != len(rejected):
            return "rows-invariant", f"{sheet}: read {c['read']}, evaluated {c['evaluated']}, rejected " \
                                     f"{c['rejected']} ({len(rejected)} rows with a row-rejected problem)"
    got = rows_accounted(report)
    for sheet, want in (case.expect_rows or {}).items():
        if sheet in got and got[sheet] != want:
            return "rows-lost", f"{sheet}: {got[sheet]} rows read or skipped, {want} in the file"
    if code == 0 and report["summary"]["workers_checked"] == 0:
        return "nothing-checked", "exit 0 with 0 workers checked"
    if MARKER in md:
        return "md-raw-html", "the Markdown report holds raw HTML from the input"
    return _xlsx_formula(out / "out.xlsx")


def _xlsx_formula(path: Path) -> tuple[str, str] | None:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception as exc:  # a report the writer could not finish is a crasher too
        return "no-xlsx", f"the Excel report does not open: {type(exc).__name__}"
    try:
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if getattr(cell, "data_type", None) == "f":
                        return "xlsx-formula", f"Excel report cell {ws.title}!{cell.coordinate} is a formula"
    finally:
        book.close()
    return None


def rows_accounted(report: dict) -> dict[str, int]:
    """Contract sheet -> rows read + rows skipped (totals, ...), for the sheets that were read at all."""
    rows = {s: c["read"] for s, c in report["input_counts"].items()}
    read = {s["sheet"] for s in report["interpretations"]["sheets"] if s.get("sheet")}
    for s in report["interpretations"]["sheets"]:
        if s.get("sheet") in rows:
            rows[s["sheet"]] += len(s.get("skipped_rows") or [])
    return {s: n for s, n in rows.items() if s in read}


# ------------------------------------------------------------------------------------------ cell level (openpyxl)

NUMBERS = (1e16, 2e16, 1e-05, 5e-324, -1e14, -1e15, 1e308, -0.0, 2.0**53 + 1, float("nan"), float("inf"), 10**20)
SERIALS = (-1e14, -1e15, -1e16, -1.0, 0.0, 60.0, 2958466.0, 1e14, 5e-324, 1e16, -693594.0)
TEXTS = ("31/02/1991", "2024-13-45", "1/2/3", "٢٠٢٤-٠١-٠٢", "2024年1月2日", "0000-00-00", "99999-01-01", "1e5", "-0",
         "1.000.000,00", "1,000.000", "١٢٣٫٤", "_x0000_", "_x001B_[31m", "\u202eevil", "\ufeffW1", "\u200b", " \t\n",
         "NaN", "Infinity", "null", "--", "$-1e14", "1e+16", "5e-324", "-1e14", "12/31/99", "31.12.1999 25:61", MARKER,
         "=1+1", "@SUM(A1)", "+1-1", "\U0001f600" * 3)
FORMULAS = ("=1/0", "=A1", "=SUM(A:A)", '=HYPERLINK("http://example.invalid","x")', "=NA()", "=NOW()", "=A2+")
ERRORS = ("#N/A", "#VALUE!", "#DIV/0!", "#REF!", "#NAME?", "#NUM!", "#NULL!")
TEMPORAL = (dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59), dt.date(1900, 2, 28), dt.date(1899, 12, 30),
            dt.time(23, 59, 59, 999999), dt.timedelta(days=-5), dt.timedelta(days=10**6))
FAR = ((1048576, 16384), (4000, 16384), (1048576, 1), (2, 16384), (100000, 50))


def _data_cell(rng: random.Random, wb, header: bool = False):  # type: ignore[no-untyped-def]
    ws = rng.choice(wb.worksheets)
    # the cells that exist, never iter_rows: after a far cell (XFD1048576) it would make 17 billion of them
    cells = [c for (r, _), c in ws._cells.items() if (r == 1) == header and c.value is not None
             and type(c).__name__ == "Cell"]
    return ws, (rng.choice(cells) if cells else None)


def _set(rng: random.Random, wb, values, fmt: tuple[str, ...] = ()) -> bool:  # type: ignore[no-untyped-def]
    _, cell = _data_cell(rng, wb)
    if cell is not None:
        cell.value = value = rng.choice(values)
        if isinstance(value, str) and value.startswith("=") and values is TEXTS:
            cell.data_type = "s"  # text that looks like a formula, not a formula
        if fmt:
            cell.number_format = rng.choice(fmt)
    return True


def _long_text(rng: random.Random, wb) -> bool:  # type: ignore[no-untyped-def]
    return _set(rng, wb, ["ab " * (rng.choice((1000, 32767, 100_000, 1_000_000)) // 3)])


def _header(rng: random.Random, wb) -> bool:  # type: ignore[no-untyped-def]
    _, cell = _data_cell(rng, wb, header=True)
    if cell is not None:
        text = str(cell.value)
        cell.value = rng.choice((text.replace("o", "ο"), _fullwidth(text), MARKER, None, text + " ", text.upper()))
    return False


def _sheet_name(rng: random.Random, wb) -> bool:  # type: ignore[no-untyped-def]
    ws = rng.choice(wb.worksheets)
    ws.title = rng.choice((ws.title.replace("o", "ο"), _fullwidth(ws.title)[:31], MARKER, ws.title.upper()))
    return False


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _merge(rng: random.Random, wb) -> bool:  # type: ignore[no-untyped-def]
    ws = rng.choice(wb.worksheets)
    r, c = rng.randint(1, min(ws.max_row, 200) + 2), rng.randint(1, min(ws.max_column, 30) + 2)
    ws.merge_cells(start_row=r, start_column=c, end_row=r + rng.randint(0, 4), end_column=c + rng.randint(0, 3))
    return False


def _far_cell(rng: random.Random, wb) -> bool:  # type: ignore[no-untyped-def]
    row, col = rng.choice(FAR)
    rng.choice(wb.worksheets).cell(row, col).value = rng.choice(("x", 1, MARKER))
    return False


def _dup_rows(rng: random.Random, wb) -> bool:  # type: ignore[no-untyped-def]
    ws = rng.choice(wb.worksheets)
    row = {col: c.value for (r, col), c in ws._cells.items() if r == 2} or {1: "x"}  # not ws[2]: see _data_cell
    for _ in range(rng.choice((50, 500, 3000))):
        ws.append(row)
    return False


def _hide_or_drop(rng: random.Random, wb) -> bool:  # type: ignore[no-untyped-def]
    ws = rng.choice(wb.worksheets)
    if rng.random() < 0.5 and len(wb.worksheets) > 1:
        wb.remove(ws)
    else:
        ws.sheet_state = "hidden"
    return False


CELL_OPS = {  # name -> op(rng, workbook) returning whether the rows of every sheet are kept
    "number": lambda rng, wb: _set(rng, wb, NUMBERS),
    "date-serial": lambda rng, wb: _set(rng, wb, SERIALS, ("yyyy-mm-dd", "dd/mm/yyyy hh:mm", "[h]:mm:ss", "hh:mm")),
    "text": lambda rng, wb: _set(rng, wb, TEXTS), "long-text": _long_text,
    "formula": lambda rng, wb: _set(rng, wb, FORMULAS), "error": lambda rng, wb: _set(rng, wb, ERRORS),
    "temporal": lambda rng, wb: _set(rng, wb, TEMPORAL), "bool": lambda rng, wb: _set(rng, wb, (True, False)),
    "header": _header, "sheet-name": _sheet_name, "merge": _merge, "far-cell": _far_cell, "dup-rows": _dup_rows,
    "hide-or-drop": _hide_or_drop,
}


def mutate_cells(rng: random.Random, seed: Path, dest: Path, n: int) -> tuple[list[str], bool]:
    import openpyxl

    with warnings.catch_warnings():  # openpyxl warns of the out-of-range dates the special seeds hold on purpose
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(seed)
    steps, kept = [], True
    for _ in range(n):
        name = rng.choice(list(CELL_OPS))
        kept = CELL_OPS[name](rng, wb) and kept
        steps.append(f"cell.{name}")
    wb.save(dest)
    return steps, kept


# ------------------------------------------------------------------------------------------ XML level (zip members)

DOCTYPES = (b'<!DOCTYPE x [<!ENTITY e "x">]>',
            b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
DIMENSIONS = (b"XFD1048576", b"A1:XFD1048576", b"A1:XFD4000", b"A1:A1", b"A1:ZZZZ9", b"", b"B2:A1")
ODD_VALUES = (b't="n"><v>1e999', b't="n"><v>NaN', b't="n"><v>-1e14', b't="n"><v>0x1F', b't="n"><v>',
              b't="d"><v>-999999-01-01', b't="d"><v>2024-02-30', b't="b"><v>2', b't="s"><v>999999',
              b't="str"><v>' + MARKER.replace("<", "&lt;").encode())
_CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*?(?:/>|>.*?</c>)', re.S)


def _with_doctype(xml: bytes, doctype: bytes) -> bytes:
    head = xml.find(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    body = xml[head:]
    if b"ENTITY" in doctype:  # use the entity once, in a text node, so it is expanded (or refused)
        body = re.sub(rb"<t>", b"<t>&" + (b"d" if b"ENTITY d" in doctype else b"e") + b";", body, count=1)
    return xml[:head] + doctype + body


def _cells(xml: bytes) -> list[re.Match[bytes]]:
    return [m for m in _CELL.finditer(xml) if m[2] != b"1"]  # data rows only


def _replace_cell(rng: random.Random, xml: bytes, make) -> bytes:  # type: ignore[no-untyped-def]
    cells = _cells(xml)
    if not cells:
        return xml
    m = rng.choice(cells)
    return xml[:m.start()] + make(m) + xml[m.end():]


def _row_bomb(rng: random.Random, xml: bytes) -> bytes:
    start, end = xml.find(b"<sheetData>"), xml.find(b"</sheetData>")
    rows = re.findall(rb"<row[ >].*?</row>", xml[start:end], re.S)
    if start < 0 or len(rows) < 2:
        return xml
    if rng.random() < 0.5:
        filler, n = b'<row><c t="inlineStr"><is><t></t></is></c></row>', rng.choice((100_000, 1_048_000))
    else:
        # honest-sized data, not a bomb: 20,000 rows take the Excel writer over 15 s, which is slow, not a crash
        filler, n = re.sub(rb' r="[A-Z]*[0-9]+"', b"", rows[1]), rng.choice((500, 5000))
    return xml[:start] + b"<sheetData>" + rows[0] + filler * n + xml[end:]


XML_OPS = {  # name -> op(rng, member bytes) and whether rows are kept
    "dimension": (lambda rng, x: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + rng.choice(DIMENSIONS)
                                        + b'"', x), True),
    "doctype": (lambda rng, x: _with_doctype(x, rng.choice(DOCTYPES)), True),
    "far-ref": (lambda rng, x: _replace_cell(rng, x, lambda m: m[0].replace(
        b'r="' + m[1] + m[2] + b'"', b'r="' + rng.choice((b"XFD1048576", b"A1048576", b"XFD" + m[2])) + b'"')), False),
    "no-refs": (lambda rng, x: re.sub(rb' r="[A-Z]*[0-9]+"', b"", x), True),
    "error-cell": (lambda rng, x: _replace_cell(rng, x, lambda m: b'<c r="%s%s" t="e"><v>%s</v></c>' % (
        m[1], m[2], rng.choice(ERRORS).encode())), True),
    "formula-no-value": (lambda rng, x: _replace_cell(rng, x, lambda m: b'<c r="%s%s"><f>%s</f></c>' % (
        m[1], m[2], rng.choice((b"1/0", b"A1", b"SUM(A:A)")))), True),
    "odd-value": (lambda rng, x: _replace_cell(rng, x, lambda m: b'<c r="%s%s" %s</v></c>' % (
        m[1], m[2], rng.choice(ODD_VALUES))), True),
    "truncate": (lambda rng, x: x[:rng.randrange(max(1, len(x)))], False),
    "merge-huge": (lambda rng, x: x.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="'
                                            + rng.choice((b"A1:XFD1048576", b"A2:Q1048576", b"A2:B3")) + b'"/>'
                                            b"</mergeCells>", 1) if b"<mergeCells" not in x else x, False),
    "row-bomb": (_row_bomb, False),
    "pad": (lambda rng, x: x + b"<!--" + b" " * rng.choice((1 << 20, 50 << 20)) + b"-->", True),
}
ODS_OPS = {
    "repeat-rows": (lambda rng, x: _ods_repeat(rng, x, b"<table:table-row", b"table:number-rows-repeated",
                                               (1000, 100_000, 1_048_000)), False),
    "repeat-cols": (lambda rng, x: _ods_repeat(rng, x, b"<table:table-cell", b"table:number-columns-repeated",
                                               (1024, 16384)), False),
    "doctype": XML_OPS["doctype"], "truncate": XML_OPS["truncate"],
    "odd-value": (lambda rng, x: re.sub(rb'office:(value|date-value)="[^"]*"', lambda m: b'office:%s="%s"' % (
        m[1], rng.choice((b"1e16", b"5e-324", b"-1e14", b"NaN", b"inf", b"-99999-01-01", b"2024-02-30", b"")
                         )), x, count=rng.randint(1, 3)), True),
}


def _ods_repeat(rng: random.Random, xml: bytes, tag: bytes, attr: bytes, counts: tuple[int, ...]) -> bytes:
    spots = [m.start() for m in re.finditer(re.escape(tag) + rb"[ >]", xml)][1:]  # not the first (header) row
    if not spots:
        return xml
    at = rng.choice(spots) + len(tag)
    rest = re.sub(re.escape(attr) + rb'="\d+"', b"", xml[at:], count=1)
    return xml[:at] + b' %s="%d"' % (attr, rng.choice(counts)) + rest


def mutate_zip(rng: random.Random, seed: Path, dest: Path, n: int, ods: bool) -> tuple[list[str], bool]:
    with zipfile.ZipFile(seed) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    ops = ODS_OPS if ods else XML_OPS
    targets = ["content.xml"] if ods else [m for m in members if m.startswith("xl/worksheets/sheet")]
    if not ods and "xl/sharedStrings.xml" in members:
        targets.append("xl/sharedStrings.xml")
    steps, kept = [], True
    for _ in range(n):
        name, member = rng.choice(list(ops)), rng.choice(targets)
        op, keeps = ops[name]
        members[member], kept = op(rng, members[member]), kept and keeps
        steps.append(f"{'ods' if ods else 'xml'}.{name}")
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return steps, kept


# ------------------------------------------------------------------------------------------ byte level


def _size_lie(rng: random.Random, data: bytearray) -> None:
    lie = rng.choice((0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 0x40000000)).to_bytes(4, "little")
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        for m in re.finditer(re.escape(sig), bytes(data)):
            if rng.random() < 0.5:
                data[m.start() + offset:m.start() + offset + 4] = lie


def mutate_bytes(rng: random.Random, seed: Path, dest: Path) -> list[str]:
    data = bytearray(seed.read_bytes())
    name = rng.choice(("bitflip", "truncate", "overwrite", "size-lie"))
    if name == "bitflip":
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif name == "truncate":
        del data[rng.randrange(len(data)):]
    elif name == "overwrite":
        at = rng.randrange(len(data))
        data[at:at + 64] = rng.randbytes(rng.randint(1, 64))
    else:
        _size_lie(rng, data)
    dest.write_bytes(bytes(data))
    return [f"bytes.{name}"]


# ------------------------------------------------------------------------------------------ CSV level (folders)

ENCODINGS = ("utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1252", "latin-1", "cp1251", "gb18030", "shift_jis",
             "utf-32")


def _csv_rows(data: bytes) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(data.decode("utf-8", "replace"), newline="")))


def _csv_bytes(rows: list[list[str]], delimiter: str = ",") -> bytes:
    import csv
    import io

    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _csv_value(rng: random.Random, data: bytes) -> bytes:
    rows = _csv_rows(data)
    if len(rows) > 1 and rows[1]:
        row = rng.choice(rows[1:])
        if row:
            row[rng.randrange(len(row))] = rng.choice((*TEXTS, "1e+16", "5e-324", "-1e14", "2e16", "1e-05"))
    return _csv_bytes(rows)


def _insert(rng: random.Random, data: bytes, what: bytes, times: int = 1) -> bytes:
    for _ in range(times):
        at = rng.randrange(len(data) + 1)
        data = data[:at] + what + data[at:]
    return data


def _line(rng: random.Random, data: bytes, add: bytes) -> bytes:
    lines = data.split(b"\r\n")
    if len(lines) > 2:
        i = rng.randrange(1, len(lines) - 1)
        lines[i] += add
    return b"\r\n".join(lines)


CSV_OPS = {  # name -> (op(rng, file bytes) -> bytes | ("dir",) | ("link", target), rows kept)
    "value": (_csv_value, True),
    # an earlier step may have left bytes that are not UTF-8: those are re-encoded as they decode, not skipped
    "encoding": (lambda rng, d: d.decode("utf-8", "replace").encode(rng.choice(ENCODINGS), "replace"), True),
    "delimiter": (lambda rng, d: _csv_bytes(_csv_rows(d), rng.choice(";\t|")), True),
    "bom": (lambda rng, d: b"\xef\xbb\xbf" * rng.randint(1, 2) + d, True),
    "nul": (lambda rng, d: _insert(rng, d, b"\x00", rng.randint(1, 5)), False),
    "extra-fields": (lambda rng, d: _line(rng, d, b",x,y,z"), True),
    "long-line": (lambda rng, d: _line(rng, d, b"," + b"a" * rng.choice((50_000, 2_000_000))), True),
    "quote": (lambda rng, d: _insert(rng, d, b'"'), False),
    "line-endings": (lambda rng, d: d.replace(b"\r\n", rng.choice((b"\r", b"\n\r", b"\r\r\n"))), True),
    "directory": (lambda rng, d: ("dir",), False),
    "symlink-loop": (lambda rng, d: ("link", None), False),
    "dangling-link": (lambda rng, d: ("link", "nowhere.csv"), False),
    "empty": (lambda rng, d: b"", False),
    "header-only": (lambda rng, d: d.split(b"\r\n", 1)[0] + b"\r\n", False),
}


def mutate_csv(rng: random.Random, seed: Path, dest: Path, n: int) -> tuple[list[str], bool]:
    files: dict[str, object] = {p.name: p.read_bytes() for p in sorted(seed.iterdir())}
    steps, kept = [], True
    for _ in range(n):
        name = rng.choice(list(CSV_OPS))
        target = "workers.csv" if rng.random() < 0.4 else rng.choice(list(files))
        op, keeps = CSV_OPS[name]
        current = files[target]
        files[target] = op(rng, current) if isinstance(current, bytes) else current
        kept = kept and keeps
        steps.append(f"csv.{name}")
    if rng.random() < 0.05:
        files["WORKERS.csv"] = files["workers.csv"]
        steps.append("csv.case-duplicate")
        kept = False
    dest.mkdir()
    for name, content in files.items():
        path = dest / name
        if content == ("dir",):
            path.mkdir()
            (path / "note.txt").write_text("a folder named like a sheet")  # git keeps no empty folder
        elif isinstance(content, tuple):
            path.symlink_to(content[1] or name)
        else:
            path.write_bytes(content)  # type: ignore[arg-type]
    return steps, kept


# ------------------------------------------------------------------------------------------ seeds

SPECIALS = {  # deterministic cell values for the .xls/.ods seeds, which cannot be mutated cell by cell
    "neg-date": ("workers", "yyyy-mm-dd", -1e14), "huge-amount": ("fees", None, 1e16), "tiny": ("fees", None, 5e-324),
}


def prepare_seeds(log) -> list[Seed]:  # type: ignore[no-untyped-def]
    """xlsx samples, their openpyxl re-saves (shared strings), CSV folders, and .ods/.xls made once by LibreOffice;
    cached under the temp folder by the samples' content."""
    import openpyxl

    samples = sorted((ROOT / "samples").glob("*.xlsx"))
    key = hashlib.sha256(b"".join(p.read_bytes() for p in samples) + Path(__file__).read_bytes()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / "fairrecruit-fuzz" / key
    if not samples:  # build them into the cache, never over the committed samples
        cache.mkdir(parents=True, exist_ok=True)
        import samples.build as build  # type: ignore[import-not-found]

        build.HERE = cache
        build.main()
        samples = sorted(cache.glob("*.xlsx"))
    seeds = [Seed(p, "xlsx") for p in samples]
    if not (cache / "done").exists():
        (cache / "csv").mkdir(parents=True, exist_ok=True)
        for p in samples:
            wb = openpyxl.load_workbook(p)
            wb.save(cache / f"{p.stem}.resaved.xlsx")
            _csv_folder(wb, cache / "csv" / p.stem)
        for name, (sheet, fmt, value) in SPECIALS.items():
            wb = openpyxl.load_workbook(samples[0])
            cell = wb[sheet].cell(2, wb[sheet].max_column if fmt is None else 4)
            cell.value = value
            if fmt:
                cell.number_format = fmt
            wb.save(cache / f"special-{name}.xlsx")
        _convert(list(samples) + sorted(cache.glob("special-*.xlsx")), cache, log)
        (cache / "done").write_text("")
    seeds += [Seed(p, "xlsx") for p in sorted(cache.glob("*.xlsx"))]
    seeds += [Seed(p, "csv") for p in sorted((cache / "csv").iterdir())]
    seeds += [Seed(p, p.suffix[1:]) for p in sorted(cache.glob("*.ods")) + sorted(cache.glob("*.xls"))]
    return seeds


def _csv_folder(wb, folder: Path) -> None:  # type: ignore[no-untyped-def]
    folder.mkdir(parents=True, exist_ok=True)
    for ws in wb.worksheets:
        rows = [["" if v is None else v.date().isoformat() if isinstance(v, dt.datetime) else str(v) for v in row]
                for row in ws.iter_rows(values_only=True)]
        (folder / f"{ws.title}.csv").write_bytes(_csv_bytes(rows))


def _convert(files: list[Path], cache: Path, log) -> None:  # type: ignore[no-untyped-def]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        log("soffice not found: no .ods/.xls seeds")
        return
    profile = f"-env:UserInstallation=file://{cache}/lo-profile"  # never share another user's profile
    for fmt in ("ods", "xls"):
        try:
            subprocess.run([soffice, profile, "--headless", "--convert-to", fmt, "--outdir", str(cache),
                            *map(str, files)], capture_output=True, timeout=180, check=False)
        except subprocess.TimeoutExpired:
            log(f"soffice timed out converting to .{fmt}")


# ------------------------------------------------------------------------------------------ one case

LEVELS = {"cell": 30, "xml": 25, "csv": 18, "ods": 8, "xls": 4, "bytes": 9, "output": 6}
NAMES = (b"caf\xe9", b"\xff\xfe-input", MARKER.encode(), "ünïcödé input".encode(), b"x" * 200, b"INPUT")


def make_case(rng: random.Random, seeds: list[Seed], work: Path) -> Case:
    level = rng.choices(list(LEVELS), weights=list(LEVELS.values()))[0]
    kinds = {"cell": ("xlsx",), "xml": ("xlsx",), "csv": ("csv",), "ods": ("ods",), "xls": ("xls",),
             "bytes": ("xlsx", "ods", "xls"), "output": ("xlsx", "csv")}[level]
    pool = [s for s in seeds if s.kind in kinds] or seeds
    seed = rng.choice(pool)
    n = 1 + (rng.random() < 0.4) + (rng.random() < 0.15)
    name = os.fsdecode(rng.choice(NAMES)) if rng.random() < 0.05 else seed.path.stem.replace(".resaved", "")
    dest = work / "in" / (name + ("" if seed.kind == "csv" else seed.path.suffix))
    dest.parent.mkdir(parents=True)
    kept, outputs = False, "normal"
    if level == "cell":
        steps, kept = mutate_cells(rng, seed.path, dest, n)
    elif level in ("xml", "ods"):
        steps, kept = mutate_zip(rng, seed.path, dest, n, ods=level == "ods")
    elif level == "csv":
        steps, kept = mutate_csv(rng, seed.path, dest, n)
    elif level in ("xls", "bytes"):
        steps = mutate_bytes(rng, seed.path, dest)
    else:
        outputs = rng.choice(("self", "symlink", "dotdot", "unwritable"))
        _copy(seed.path, dest)
        steps = [f"output.{outputs}"]
    if name != seed.path.stem.replace(".resaved", ""):
        steps.append("name.odd")
    return Case(dest, steps, outputs, seed.rows if kept else None)


def _copy(src: Path, dest: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dest, symlinks=True)
    else:
        shutil.copyfile(src, dest)


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.lstat().st_size for p in path.rglob("*"))
    return path.stat().st_size


# ------------------------------------------------------------------------------------------ saved crashers


def save_crasher(case: Case, verdict: str, symptom: str, dest: Path, origin: dict[str, object]) -> Path | None:
    if _size(case.input) > MAX_FILE:
        return None
    slug = re.sub(r"[^a-z0-9.+-]+", "-", "+".join(dict.fromkeys(case.steps)).lower())[:60]
    digest = fingerprint(case.input)[:8]
    suffix = ".csvdir" if case.input.is_dir() else case.input.suffix
    saved = dest / f"{verdict}--{slug}--{digest}{suffix}"
    dest.mkdir(parents=True, exist_ok=True)
    _copy(case.input, saved)
    sidecar = {"class": verdict, "symptom": symptom, "steps": case.steps, "outputs": case.outputs,
               "name_hex": os.fsencode(case.input.name).hex(), "expect_rows": case.expect_rows, **origin}
    Path(f"{saved}.json").write_text(json.dumps(sidecar, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return saved


def saved_crashers(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name != "README.md" and p.suffix != ".json") \
        if folder.exists() else []


def run_saved(saved: Path, work: Path, timeout: float = TIMEOUT_S) -> tuple[str, str, Run]:
    """Run one saved crasher as it was found (its name, output mode and row expectation): the regression test."""
    info = json.loads(Path(f"{saved}.json").read_text(encoding="utf-8"))
    target = work / "in" / os.fsdecode(bytes.fromhex(info["name_hex"]))
    target.parent.mkdir(parents=True, exist_ok=True)
    _copy(saved, target)
    case = Case(target, info["steps"], info["outputs"], info.get("expect_rows"))
    return run_case(case, work / "out", timeout)


def write_readme(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)  # a clean run saved nothing and made no folder
    lines = ["# Saved fuzz crashers", "",
             "Written by `python bench/fuzz.py --save tests/fuzz_crashers` (this list is regenerated from the "
             "`.json` sidecars; do not edit it by hand). Each input made the checker break its contract "
             "(see bench/fuzz.py); `tests/test_fuzz_regressions.py` runs every one and expects a clean run. "
             "A `.csvdir` is a folder of CSV files given as the input.", "",
             "| file | class | symptom when found | mutations |", "|---|---|---|---|"]
    for p in saved_crashers(folder):
        info = json.loads(Path(f"{p}.json").read_text(encoding="utf-8"))
        symptom = info["symptom"].replace("|", "\\|").replace("<", "&lt;")
        lines.append(f"| `{p.name}` | {info['class']} | {symptom} | {', '.join(info['steps'])} |")
    (folder / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------------------ the run


@dataclass
class Tally:
    runs: int = 0
    levels: Counter[str] = field(default_factory=Counter)
    classes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)  # class -> "name: symptom"
    slowest: list[tuple[float, str]] = field(default_factory=list)
    peak_mb: float = 0.0


class Fuzzer:
    def __init__(self, args: argparse.Namespace, seeds: list[Seed], root: Path) -> None:
        self.args, self.seeds, self.root, self.tally = args, seeds, root, Tally()
        self.save = Path(args.save) if args.save else None
        self.known: set[tuple[str, str]] = set()
        self.per_class: Counter[str] = Counter()
        for p in saved_crashers(self.save) if self.save else []:  # a second run does not re-save known crashers
            info = json.loads(Path(f"{p}.json").read_text(encoding="utf-8"))
            self.known.add((info["class"], _symptom_key(info["symptom"])))
            self.per_class[info["class"]] += 1

    def baseline(self) -> None:
        """Run every seed as it is: their row counts are the expectation of the row-keeping mutations."""
        for seed in self.seeds:
            work = Path(tempfile.mkdtemp(dir=self.root))
            case = Case(work / "in" / seed.path.name, [f"seed.{seed.path.name}"])
            case.input.parent.mkdir()
            _copy(seed.path, case.input)
            verdict, symptom, _ = self.record(case, work, f"seed {seed.path.name}")
            if verdict == "clean" and (work / "out" / "out.json").exists():
                seed.rows = rows_accounted(json.loads((work / "out" / "out.json").read_text(encoding="utf-8")))
            else:
                print(f"seed {seed.path.name} is no seed for row counts: {verdict} {symptom}", file=sys.stderr)
            shutil.rmtree(work, ignore_errors=True)

    def case(self, i: int) -> tuple[str, str]:
        rng = random.Random(f"{self.args.seed}:{i}")
        work = Path(tempfile.mkdtemp(dir=self.root))
        try:
            return self.record(make_case(rng, self.seeds, work), work, f"case {i}")[:2]
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def record(self, case: Case, work: Path, label: str) -> tuple[str, str, Run]:
        verdict, symptom, run = run_case(case, work / "out", self.args.timeout, self.args.max_rss_mb)
        symptom = symptom.replace(str(work), "<tmp>")
        t = self.tally
        t.runs += 1
        t.levels[case.steps[0].split(".")[0]] += 1  # cell, xml, ods, csv, bytes, output or seed
        t.peak_mb = max(t.peak_mb, run.rss_mb)
        t.slowest = sorted([*t.slowest, (run.seconds, f"{label} {'+'.join(case.steps)}")], reverse=True)[:3]
        if verdict != "clean":
            t.classes[verdict] += 1
            t.examples.setdefault(verdict, f"{label} ({'+'.join(case.steps)}): {symptom}")
            if self.args.verbose:
                print(f"  {verdict}: {label} {'+'.join(case.steps)}: {symptom}", flush=True)
            key = (verdict, _symptom_key(symptom))
            if self.save and key not in self.known and self.per_class[verdict] < self.args.per_class \
                    and not MID_EDIT.search(symptom):
                origin = {"seed": self.args.seed, "case": label, "found": dt.date.today().isoformat()}
                if save_crasher(case, verdict, symptom, self.save, origin):
                    self.known.add(key)
                    self.per_class[verdict] += 1
        return verdict, symptom, run


# A NameError or SyntaxError in the product is almost always a module caught half-edited while the fuzzer runs
# (several people work in the tree): counted in the summary, never saved as a regression input.
MID_EDIT = re.compile(r"\b(NameError|SyntaxError|IndentationError|ImportError|ModuleNotFoundError)\b")


def _symptom_key(symptom: str) -> str:
    """Crashers that differ only in numbers, quoted names or paths are one crasher."""
    return re.sub(r"'[^']*'|\"[^\"]*\"|/\S+|\d+", "_", symptom)[:80]


def _commit() -> str:
    def git(*a: str) -> str:
        return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()

    return (git("rev-parse", "--short", "HEAD") or "unknown") + ("+dirty" if git("status", "--porcelain") else "")


def summary(t: Tally, args: argparse.Namespace, wall: float) -> list[str]:
    crashers = sum(t.classes.values())
    lines = [f"runs: {t.runs} in {wall / 60:.1f} min ({t.runs / wall:.2f} inputs/s, {t.runs / wall * 60:.0f}/min, "
             f"{args.jobs} job(s)), seed {args.seed}",
             "levels: " + ", ".join(f"{k} {v}" for k, v in t.levels.most_common()),
             f"crashers: {crashers}" + (" (clean run)" if not crashers else "")]
    lines += [f"  {c}: {n}   e.g. {t.examples[c]}" for c, n in t.classes.most_common()]
    lines.append(f"peak RSS of one run: {t.peak_mb:.0f} MB; slowest: "
                 + "; ".join(f"{s:.1f} s {what}" for s, what in t.slowest))
    return lines


def record_result(t: Tally, args: argparse.Namespace, wall: float) -> None:
    path = ROOT / "bench" / "fuzz-results.md"
    if not path.exists():
        path.write_text("# Fuzz results\n\nAppended by `python bench/fuzz.py`: one line a run.\n\n"
                        "| date | minutes | seed | runs | crashers | classes | commit |\n"
                        "|---|---|---|---|---|---|---|\n",
                        encoding="utf-8")
    classes = ", ".join(f"{c} {n}" for c, n in t.classes.most_common()) or "-"
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"| {dt.datetime.now():%Y-%m-%d %H:%M} | {wall / 60:.1f} | {args.seed} | {t.runs} | "
                 f"{sum(t.classes.values())} | {classes} | {_commit()} |\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--minutes", type=float, default=5.0)
    p.add_argument("--seed", type=int, default=None, help="default: from the clock (printed)")
    p.add_argument("--save", help="folder to save new crashers in (e.g. tests/fuzz_crashers)")
    p.add_argument("--per-class", type=int, default=3, help="crashers saved per class (default 3)")
    p.add_argument("--jobs", type=int, default=1, help="runs at a time (default 1)")
    p.add_argument("--timeout", type=float, default=TIMEOUT_S, help="seconds per run (default 20)")
    p.add_argument("--max-rss-mb", type=float, default=500, help="a run using more is a crasher (default 500)")
    p.add_argument("--replay", type=int, help="build case I of --seed, run it once, keep it and show the run")
    p.add_argument("--no-record", action="store_true", help="do not append to bench/fuzz-results.md")
    p.add_argument("-v", "--verbose", action="store_true", help="print each crasher as it is found")
    args = p.parse_args(argv)
    args.seed = int(time.time()) % 100_000 if args.seed is None else args.seed
    seeds = prepare_seeds(lambda m: print(m, file=sys.stderr))
    root = Path(tempfile.mkdtemp(prefix="fairrecruit-fuzz-"))
    fuzzer = Fuzzer(args, seeds, root)
    if args.replay is not None:
        work = root / "replay"
        case = make_case(random.Random(f"{args.seed}:{args.replay}"), seeds, work)
        verdict, symptom, run = run_case(case, work / "out", args.timeout, args.max_rss_mb)
        print(f"{'+'.join(case.steps)}: {verdict} {symptom}\nexit {run.code}, {run.seconds:.1f} s, "
              f"{run.rss_mb:.0f} MB; input kept at {case.input}\n{run.stderr}")
        return 0 if verdict == "clean" else 1
    start = time.monotonic()
    fuzzer.baseline()
    deadline, counter = start + args.minutes * 60, iter(range(10**9))

    def worker() -> None:
        while time.monotonic() < deadline:
            fuzzer.case(next(counter))

    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for f in [pool.submit(worker) for _ in range(max(1, args.jobs))]:
            f.result()
    wall = time.monotonic() - start
    shutil.rmtree(root, ignore_errors=True)
    if fuzzer.save:
        write_readme(fuzzer.save)
    print("\n".join(summary(fuzzer.tally, args, wall)))
    if not args.no_record:
        record_result(fuzzer.tally, args, wall)
    return 1 if fuzzer.tally.classes else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))  # samples.build, when the samples must be built
    raise SystemExit(main())
