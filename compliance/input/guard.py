"""Native code contained: every call into calamine (Rust) goes through `native()`, and `read_guarded()` is the one
entry point that can never raise anything but WorkbookError (InputError is its subclass).

A Rust panic reaches Python as pyo3's PanicException, a BaseException that passes every `except Exception`; and
Rust's panic hook prints "thread panicked at ..." (and a backtrace) straight to file descriptor 2, around the
one-line error the user should see. `native()` turns any failure into a WorkbookError naming the sheet, and keeps
what the native code printed off the terminal (in the error's `detail`).

A crash that no handler can catch (an abort on a failed allocation, a segmentation fault) is prevented by the
checks in limits.py, made before calamine reads. Where those checks cannot look (the binary .xls format), the
file is read in a child process: `read_isolated()` reports the child's death by a signal as one line.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import re
import signal
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import python_calamine

if TYPE_CHECKING:
    from compliance.input.workbook import Book


T = TypeVar("T")
CHILD_ENV = "FAIRRECRUIT_READER_CHILD"  # set in read_isolated()'s child: it reads in-process
_CAPTURE_LIMIT = 4096  # bytes of the native code's own message kept for `detail`


def is_panic(exc: BaseException) -> bool:
    """pyo3's PanicException (a BaseException), whatever module the binding puts it in."""
    return type(exc).__name__ == "PanicException"


@contextmanager
def _quiet_stderr() -> Iterator[list[str]]:
    """Send file descriptor 2 to a temporary file while native code runs; yield a list that receives what it
    printed. Anything printed without a failure (a warning) is passed on to the real stderr afterwards."""
    captured: list[str] = []
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no usable fd 2 (embedded, closed): nothing to protect
        yield captured
        return
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield captured
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            text = sink.read(_CAPTURE_LIMIT).decode("utf-8", "replace")
            captured.append(text)


def native(call: Callable[[], T], failure: str) -> T:
    """Run `call` (calamine code); any exception or panic becomes WorkbookError(failure), with the library's
    message as `detail`. KeyboardInterrupt, SystemExit and WorkbookError pass through."""
    from compliance.input.workbook import WorkbookError  # workbook.py imports this module

    error: BaseException | None = None
    with _quiet_stderr() as printed:
        try:
            result = call()
        except (KeyboardInterrupt, SystemExit, WorkbookError):
            raise
        except BaseException as exc:  # a Rust panic is a BaseException; this is its only door
            error = exc
    text = printed[0] if printed else ""
    if error is None:
        if text:  # a warning, not a failure: the user may need it
            sys.stderr.write(text)
        return result
    detail = _one_line(f"{type(error).__name__}: {error}" + (f" | {text}" if text.strip() else ""))
    raise WorkbookError(failure, detail=detail[:500]) from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------- sheets

Loaded = tuple[list[list[object]], tuple[int, int], list[tuple[tuple[int, int], tuple[int, int]]]]


def load_sheet(book: python_calamine.CalamineWorkbook, path: Path, fmt: str, name: str, part: str | None) -> Loaded:
    """The sheet's cells, start and merged ranges; a panic on a date far out of range is retried on a copy of
    the file whose negative numbers are not date-formatted, so that they become bad values, not a refusal."""
    from compliance.input.workbook import WorkbookError

    failure = f"cannot read sheet {name!r} in {path.name}: it is damaged"
    merged = fmt in ("xlsx", "xlsm", "ods")
    try:
        return native(lambda: _cells(book, name, merged), failure)
    except WorkbookError as exc:
        if "PanicException" not in exc.detail:
            raise
        panic = exc
    if part is not None and (copy := _undated_copy(path, part)) is not None:
        patched = native(lambda: python_calamine.CalamineWorkbook.from_filelike(copy), failure)
        with patched:
            try:
                return native(lambda: _cells(patched, name, merged), failure)
            except WorkbookError as again:
                if "PanicException" not in again.detail:
                    raise
    reason = _panic_reason(panic.detail, _panic_row(book, name))
    raise WorkbookError(f"cannot read sheet {name!r} in {path.name}: {reason}", detail=panic.detail) from None


def _cells(book: python_calamine.CalamineWorkbook, name: str, merged: bool) -> Loaded:
    sheet = book.get_sheet_by_name(name)
    cells = sheet.to_python()
    start = sheet.start or (0, 0)
    return cells, (int(start[0]), int(start[1])), list(sheet.merged_cell_ranges or []) if merged else []


def _panic_reason(detail: str, row: int | None) -> str:
    where = f" in row {row}" if row is not None else ""
    if "TimeDelta" in detail or "out of range" in detail:
        return (f"a date-formatted cell{where} holds a number far outside any calendar, which the spreadsheet "
                "library cannot read; correct or clear that cell")
    return f"the spreadsheet library failed{where} (an internal error: the file is probably damaged)"


def _panic_row(book: python_calamine.CalamineWorkbook, name: str) -> int | None:
    """The row (1-based) that makes calamine panic, found by reading the rows one by one."""
    def walk() -> int | None:
        sheet = book.get_sheet_by_name(name)
        first = (sheet.start or (0, 0))[0]
        rows = sheet.iter_rows()
        number = first
        while True:
            try:
                next(rows)
            except StopIteration:
                return None
            except BaseException as exc:
                if not is_panic(exc):
                    raise
                return number + 1
            number += 1

    from compliance.input.workbook import WorkbookError

    try:
        return native(walk, "")
    except WorkbookError:
        return None


# Calamine turns a date-formatted cell holding a negative number into a time of day (-5 -> 00:00:00), or
# panics when it is far out of range. The number as written is what the user must see: the date reader refuses
# it with its own reason.
_TIMES = (dt.time, dt.datetime, dt.timedelta)


def negative_dates(cells: list[list[object]], start: tuple[int, int], negatives: dict[tuple[int, int], float]) -> None:
    row0, col0 = start
    for (r, c), value in negatives.items():
        i, j = r - row0, c - col0
        if 0 <= i < len(cells) and 0 <= j < len(cells[i]) and isinstance(cells[i][j], _TIMES):
            cells[i][j] = value


_NEGATIVE_CELL = re.compile(rb"<c\b([^>]*)>((?:<f[^>]*/>|<f[^>]*>[^<]*</f>)?<v>-)")
_STYLE = re.compile(rb'\ss="\d+"')
_MAX_PATCH = 256 * 1024 * 1024


def _undated_copy(path: Path, part: str) -> io.BytesIO | None:
    """The package in memory with the style removed from every cell holding a negative number of `part`."""
    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(path) as zf, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            if zf.getinfo(part).file_size > _MAX_PATCH:
                return None
            for info in zf.infolist():
                data = zf.read(info)
                if info.filename == part:
                    data = _NEGATIVE_CELL.sub(lambda m: b"<c" + _STYLE.sub(b"", m[1]) + b">" + m[2], data)
                out.writestr(info, data)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, EOFError, zlib.error):
        return None
    buffer.seek(0)
    return buffer


# ---------------------------------------------------------------------------------------------- entry points


def read_guarded(path: Path | str) -> Book:
    """Every sheet of a workbook or CSV folder as cells (workbook.read_book), with this contract: it returns a
    Book or raises WorkbookError (or its subclass InputError) with a one-line message. Any other failure (a bug,
    MemoryError, RecursionError, a Rust panic that escaped) is turned into WorkbookError("cannot read NAME:
    internal error ...") with the original in `detail`; only KeyboardInterrupt and SystemExit pass through."""
    from compliance.input.workbook import WorkbookError, read_book

    path = Path(path)
    try:
        return read_book(path)
    except (KeyboardInterrupt, SystemExit, WorkbookError):
        raise
    except MemoryError:
        raise WorkbookError(f"cannot read {path.name}: not enough memory", detail="MemoryError") from None
    except BaseException as exc:  # the contract: nothing else leaves this function
        raise WorkbookError(f"cannot read {path.name}: internal error in the reader ({type(exc).__name__}); "
                            "please report it", detail=_one_line(f"{type(exc).__name__}: {exc}")[:500]) from None


def read_isolated(path: Path | str, timeout: float | None = None, memory_bytes: int | None = None) -> Book:
    """read_guarded() in a child process: a crash of native code (abort, segmentation fault), running out of
    memory (`memory_bytes`: the child's address-space limit) or taking longer than `timeout` seconds becomes one
    WorkbookError line. Same contract as read_guarded()."""
    from compliance.input.workbook import InputError, WorkbookError

    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="fairrecruit-read-") as tmp:
        out = Path(tmp) / "book.pickle"
        cmd = [sys.executable, "-m", "compliance.input.guard", os.fsencode(path), os.fsencode(out)]
        if memory_bytes:
            cmd.append(str(int(memory_bytes)).encode())
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, timeout=timeout, env=_child_env())
        except subprocess.TimeoutExpired:
            raise WorkbookError(f"cannot read {path.name}: reading took longer than {timeout:g} s; the file is too "
                                "big or damaged") from None
        if proc.returncode < 0:
            raise WorkbookError(f"cannot read {path.name}: the spreadsheet reader crashed ({_signal(-proc.returncode)}"
                                "); the file is damaged or made to crash readers",
                                detail=_one_line(proc.stderr.decode("utf-8", "replace"))[:500])
        if proc.returncode != 0 or not out.exists():
            raise WorkbookError(f"cannot read {path.name}: the reader stopped (exit {proc.returncode})",
                                detail=_one_line(proc.stderr.decode("utf-8", "replace"))[:500])
        kind, payload = pickle.loads(out.read_bytes())  # our own child's output, in our own temporary folder
    if kind == "book":
        return payload
    error_type, message, detail, lines = payload
    if error_type == "InputError":
        raise InputError(message, lines)
    raise WorkbookError(message, detail=detail)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["RUST_BACKTRACE"] = "0"
    env[CHILD_ENV] = "1"
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _signal(number: int) -> str:
    try:
        name = signal.Signals(number).name
    except ValueError:
        name = f"signal {number}"
    return {"SIGABRT": "SIGABRT: it gave up, usually on a request for more memory than exists",
            "SIGKILL": "SIGKILL: killed, usually for using too much memory",
            "SIGSEGV": "SIGSEGV: it accessed memory it must not"}.get(name, name)


def _child(argv: list[bytes]) -> int:
    """`python -m compliance.input.guard PATH OUT [MEMORY]`: read PATH, pickle ("book", Book) or ("error", ...)."""
    from compliance.input.workbook import WorkbookError

    path, out = Path(os.fsdecode(argv[0])), Path(os.fsdecode(argv[1]))
    if len(argv) > 2:
        import resource

        limit = int(argv[2])
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result: tuple[str, object] = ("book", read_guarded(path))
    except WorkbookError as exc:
        result = ("error", (type(exc).__name__, str(exc), exc.detail, getattr(exc, "lines", None)))
    out.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(_child([os.fsencode(a) for a in sys.argv[1:]]))
