"""The command line (typer): thin functions that delegate to the package.

Every failure a user can cause ends in one plain line on stderr and exit code 2, never a traceback.
Exit codes of `check`:
  0  at least one worker was checked and no open violation is at or above --fail-on;
  1  open violations at or above --fail-on;
  2  nothing was checked (no worker row could be read: the requested reports are still written, and their input
     problems say why), a report could not be written (the others are), or an input, output or usage error.
Outputs (-o) are checked before any work (compliance.report.output): never the input workbook, a file of a CSV-folder
input, the mapping file or the ruleset; writable; each its own file. A report is complete or absent.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from compliance.evaluate.engine import EngineError
from compliance.i18n import Catalog, CatalogError, languages
from compliance.input.limits import LimitsError
from compliance.input.mapping import MappingError
from compliance.input.validate import InputError
from compliance.input.workbook import WorkbookError
from compliance.report.model import Report
from compliance.report.output import OutputError, Protected, plan_outputs, shown, write_all
from compliance.report.writers import WRITERS, write_reports
from compliance.rules.conditions import AnyOf, Test
from compliance.rules.ruleset import CONFIDENCE_WORDS, Rule, RulesetError, Severity, load_ruleset

app = typer.Typer(
    name="fairrecruit", add_completion=False, no_args_is_help=True,
    help="Check recruitment records against the ILO fair recruitment principles and GCM Objective 6.",
)
out = Console(highlight=False)


class UsageProblem(Exception):
    """A bad option value; one line for the user."""


RulesetOpt = Annotated[Path | None, typer.Option("--ruleset", help="Folder of a ruleset (default: the baseline).")]


@app.command()
def template(path: Annotated[Path, typer.Argument(help="Where to write the blank input workbook (.xlsx).")]) -> None:
    """Write a blank input workbook with an instructions sheet."""
    from compliance.template import write_template

    if path.suffix.lower() != ".xlsx":
        raise UsageProblem(f"the template is an Excel workbook: give a name ending in .xlsx, not '{path.name}'")
    write_template(path)
    out.print(f"Wrote {path}: fill in the sheets, then run: fairrecruit check {path}")


@app.command()
def check(
    workbook: Annotated[Path, typer.Argument(help="Input workbook (.xlsx, .ods) or a folder of .csv files.")],
    output: Annotated[list[Path] | None, typer.Option(
        "-o", "--output", help="Write the report here (.json .xlsx .html .csv .md); repeatable.")] = None,
    fail_on: Annotated[Severity, typer.Option(help="Exit 1 only for open violations of at least this severity.")]
    = Severity.LOW,
    as_of: Annotated[str | None, typer.Option(help="Evaluation date, YYYY-MM-DD (default: today). Parameters "
                                                   "in force and 'days since' are computed for it.")] = None,
    ruleset: RulesetOpt = None,
    lang: Annotated[str, typer.Option(help="Language of the reports and the summary: "
                                           f"{', '.join(languages())}.")] = "en",
    redact: Annotated[bool, typer.Option(help="Replace worker names with stable pseudonyms (P-0001...) in "
                                              "every output, for reports that leave the organisation.")] = False,
    evaluator: Annotated[str, typer.Option(help="engine (durable-rules) or reference (pure Python); "
                                                "both give the same findings.")] = "engine",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal summary.")] = False,
    max_findings: Annotated[int, typer.Option(help="Findings listed on the terminal.")] = 40,
    map_file: Annotated[Path | None, typer.Option("--map", help="Read the input exactly as this mapping file "
                                                               "says (see 'fairrecruit map').")] = None,
) -> None:
    """Check a workbook; list findings; exit 1 if there are open violations. Several -o write several formats
    (.json .xlsx .html .csv .md) from one evaluation."""
    from compliance.check import check as run_check
    from compliance.report.redact import redact as redact_report
    from compliance.report.writers.terminal import print_summary

    if evaluator not in ("engine", "reference"):
        raise UsageProblem(f"--evaluator must be engine or reference, not '{evaluator}'")
    if lang not in languages():
        raise UsageProblem(f"--lang must be one of {', '.join(languages())}, not '{lang}'")
    catalog = Catalog(lang)
    given = output or []
    targets = plan_outputs(given, list(WRITERS), _protected(workbook, map_file, ruleset))
    rs = load_ruleset(ruleset, as_of=_date(as_of), lang=lang)
    with _progress(catalog, enabled=not quiet) as progress:
        report = run_check(workbook, rs, fail_on=fail_on, evaluator=evaluator, mapping=map_file,
                           progress=progress)
    if redact:
        report = redact_report(report)
    outcome = write_reports(report, targets, catalog)
    if not quiet:
        print_summary(report, out, catalog, max_findings)
        for path, target in zip(given, targets, strict=True):
            if target in outcome.written:
                out.print(catalog.t("term.written", path=shown(path)), markup=False)
    problems = []
    if report.summary.workers_checked == 0:
        problems.append(_nothing_checked(report, outcome.written, quiet))
    if outcome.failed:
        problems.append("could not write " + ", ".join(f"'{shown(given[targets.index(t)])}' ({why})"
                                                       for t, why in outcome.failed)
                        + ("; the other reports were written" if outcome.written else ""))
    if problems:
        raise RunProblem("; ".join(problems))
    raise typer.Exit(1 if report.open_violations(fail_on) else 0)


class RunProblem(Exception):
    """The run finished but cannot be trusted as a verdict (nothing checked, a report not written): exit 2."""


def _protected(workbook: Path, map_file: Path | None, ruleset: Path | None) -> list[Protected]:
    """What a run reads, and so must never be a report's target."""
    found = [Protected(workbook, "the input folder" if workbook.is_dir() else "the input workbook")]
    if map_file is not None:
        found.append(Protected(map_file, "the mapping file"))
    if ruleset is not None:
        found.append(Protected(ruleset, "the ruleset folder"))
    return found


def _nothing_checked(report: Report, written: list[Path], quiet: bool) -> str:
    name, n = shown(report.run.input_file), len(report.input_problems)
    workers = report.input_counts.get("workers")
    rows = workers.read if workers else 0
    if not rows and not n:
        return f"nothing was checked: '{name}' has no worker rows, so there is no verdict"
    where = ("the reports written" if written else "the list above" if not quiet
             else "a report (-o report.html)")
    what = f"the workers sheet of '{name}' has no rows" if not rows else \
        f"none of the {rows} worker rows of '{name}' could be read"
    problems = f"{n} input problems in {where} say" if n != 1 else f"1 input problem in {where} says"
    return f"nothing was checked: {what}, so there is no verdict; the {problems} why"


@app.command("map")
def map_command(
    workbook: Annotated[Path, typer.Argument(help="Input workbook (.xlsx, .ods) or a folder of .csv files.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the mapping (.yaml).")],
    map_file: Annotated[Path | None, typer.Option("--map", help="Start from this mapping file.")] = None,
) -> None:
    """Write the mapping the checker would apply to this input: which sheet is which, which column is which (and
    how sure), which cell values mean which codes, and the number and date conventions decided. Review it, then
    'fairrecruit check FILE --map mapping.yaml' reads next month's export the same way."""
    from compliance.input.mapping import load_mapping
    from compliance.input.mapwriter import mapping_yaml
    from compliance.input.validate import validate
    from compliance.input.workbook import read_workbook

    if output.suffix.lower() not in (".yaml", ".yml"):
        raise UsageProblem(f"the mapping is a YAML file: give a name ending in .yaml, not '{output.name}'")
    targets = plan_outputs([output], [".yaml", ".yml"], _protected(workbook, map_file, None))
    book = read_workbook(workbook, load_mapping(map_file) if map_file else None)
    text = mapping_yaml(book, validate(book))
    outcome = write_all(targets, lambda temp, _: temp.write_text(text, encoding="utf-8"))
    for _, why in outcome.failed:
        raise OutputError(f"cannot write '{shown(output)}': {why}")
    out.print(f"Wrote {shown(output)}: review it, then run: fairrecruit check {shown(workbook)} "
              f"--map {shown(output)}", markup=False)


PROGRESS_FROM_ROWS = 5_000  # below this a check takes a few seconds: a bar would only flicker


@contextmanager
def _progress(catalog: Catalog, enabled: bool) -> Iterator[Callable[[int, int, int], None] | None]:
    """A progress bar for big inputs on a terminal (never when output is piped or redirected)."""
    if not enabled or not out.is_terminal:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=out, transient=True) as bar:
        task: list[Any] = []

        def advance(done: int, total: int, rows: int) -> None:
            if rows < PROGRESS_FROM_ROWS:
                return
            if not task:
                task.append(bar.add_task(catalog.t("term.progress"), total=total))
            bar.update(task[0], completed=done)

        yield advance


@app.command()
def rules(ruleset: RulesetOpt = None,
          missing: Annotated[bool, typer.Option("--missing", help="List the catalogue rules this ruleset does "
                                                "not check, and why.")] = False) -> None:
    """List every rule: id, severity, title and sources."""
    from rich.table import Table

    rs = load_ruleset(ruleset)
    if missing:
        table = Table(title=f"Not checked by {rs.name} {rs.version}", title_justify="left", show_lines=True)
        for col in ("id", "title", "why not", "planned"):
            table.add_column(col, overflow="fold")
        for n in rs.not_checked:
            table.add_row(n.id, n.title, n.reason.strip(), (n.planned or "").strip())
        out.print(table)
        return
    table = Table(title=f"{rs.title} ({rs.name} {rs.version})", title_justify="left", show_lines=True)
    for col in ("id", "severity", "title", "sources"):
        table.add_column(col, overflow="fold")
    for r in sorted(rs.rules, key=lambda r: r.id):
        table.add_row(r.id, r.spec.severity.value, r.spec.title,
                      "\n".join(f"{s.ref.split(':')[0]} [{s.confidence}]" for s in r.spec.sources))
    out.print(table)


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. FR-FEE-001.")],
            ruleset: RulesetOpt = None) -> None:
    """Explain one rule: what it checks, why, its sources, outcomes and remedy."""
    rs = load_ruleset(ruleset)
    try:
        rule = rs.rule(rule_id.strip().upper())
    except KeyError:
        raise UsageProblem(f"no rule '{rule_id}' in ruleset {rs.name}; 'fairrecruit rules' lists them") from None
    for line in explain_lines(rule):
        out.print(line, markup=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the JSON report."""
    from compliance.report.writers.json import schema_text

    sys.stdout.write(schema_text())


def explain_lines(rule: Rule) -> list[str]:
    s = rule.spec
    lines = [f"{s.id} — {s.title}", f"Severity: {s.severity.value}", "", s.summary.strip()]
    if s.caveat:
        lines += ["", f"Caveat: {s.caveat.strip()}"]
    lines += ["", "Sources (after each, whether the citation was checked against the official text):"]
    lines += [f"  - {src.ref} [{CONFIDENCE_WORDS[src.confidence]}]" + (f" — {src.note}" if src.note else "")
              for src in s.sources]
    if s.parameters:
        lines += ["", "Parameters (value in force on the evaluation date):"]
        for name, p in s.parameters.items():
            ref = max((v for v in p.values if v.from_ <= date.today()), key=lambda v: v.from_, default=p.values[0])
            lines.append(f"  - {name} = {rule.params[name]!r}: {p.description} ({ref.reference})")
    lines += ["", "Outcomes:"]
    for c in rule.clauses:
        lines.append(f"  - {c.outcome.value} ({c.severity.value}) when: {_describe(c.patterns)}")
    lines += ["", f"Remedy: {s.remedy.strip()}", f"Guidance: {s.guidance}", f"Rule file: {rule.file}"]
    return lines


def _describe(patterns: tuple) -> str:  # type: ignore[type-arg]
    parts = []
    for p in patterns:
        tests = []
        for c in p.conditions:
            if isinstance(c, AnyOf):
                tests.append("(" + " or ".join(t.source for t in c.tests) + ")")
            elif isinstance(c, Test) and not c.source.endswith("(compared with)"):
                tests.append(c.source)
        if p.negated:
            parts.append(f"no {p.kind}" + (f" with {' and '.join(tests)}" if tests else ""))
        elif tests:
            parts.append(f"{p.alias} ({p.kind}): {' and '.join(tests)}")
        elif p.kind != "worker":
            parts.append(f"a {p.kind}")
    return "; ".join(parts) or "always"


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageProblem(f"--as-of must be a date like 2026-11-23, not '{text}'") from None


_USER_ERRORS = (WorkbookError, InputError, MappingError, RulesetError, OutputError, UsageProblem, FileExistsError,
                CatalogError, RunProblem, LimitsError)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app and turn every error into one line and exit code 2."""
    try:  # typer >= 0.2x vendors click; older releases depend on click itself
        from typer._click.exceptions import ClickException, UsageError
    except ImportError:  # pragma: no cover
        from click.exceptions import ClickException, UsageError  # type: ignore[no-redef]

    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="fairrecruit", standalone_mode=False)
    except UsageError as e:
        sub = e.ctx.info_name if e.ctx and e.ctx.info_name != "fairrecruit" else ""
        return _fail(f"{e.format_message()} (see 'fairrecruit {sub} --help')".replace("  ", " "))
    except ClickException as e:
        return _fail(e.format_message())
    except (typer.Abort, KeyboardInterrupt):
        return _fail("interrupted")
    except _USER_ERRORS as e:
        return _fail(str(e))
    except EngineError as e:
        # A case the engine fails on is evaluated by the reference evaluator (check.case_matches): what reaches
        # here is an engine that could not be built for the ruleset at all.
        return _fail(f"the rule engine could not be set up for this ruleset: {e}")
    except OSError as e:
        return _fail(f"{e.filename or ''}: {e.strerror or e}".lstrip(": "))
    except Exception as e:  # a bug: still one line for the user, details on request
        if os.environ.get("FAIRRECRUIT_DEBUG"):
            raise
        return _fail(f"internal error ({type(e).__name__}: {e}); please report it; "
                     "set FAIRRECRUIT_DEBUG=1 to see the details")
    return int(code or 0)


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2
