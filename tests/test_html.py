"""The HTML report: one self-contained, escaped, translated page, checked as text and in a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from compliance.check import check
from compliance.i18n import LOCALES, Catalog
from compliance.input.readings import Readings
from compliance.report.model import Report, render
from compliance.report.writers import write_report
from compliance.report.writers.html import CSP, OUTCOMES, write_html
from tests.test_reports import DECIMAL_NOTE, HOSTILE_HEADER, NOTICE, interpretations_report

ROOT = Path(__file__).resolve().parent.parent
VIOLATIONS = ROOT / "samples" / "agency-with-violations.xlsx"
COMPLIANT = ROOT / "samples" / "compliant-agency.xlsx"
HEADLINE_IDS = ("workers-checked", "workers-affected", "violations", "warnings", "insufficient", "remediated", "owed")
XSS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """Every element (tag, attributes) in document order, and the text inside each element with an id."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, str] = {}
        self._open: list[str | None] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in VOID:
            return
        ident = dict(attrs).get("id")
        if ident:
            self.text.setdefault(ident, "")
        self._open.append(ident)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for ident in self._open:
            if ident:
                self.text[ident] += data

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    def value(self, ident: str) -> str:
        return " ".join(self.text[ident].split())


def headline(report: Report) -> dict[str, str]:
    s = report.summary
    fo = s.findings_by_outcome
    return {"workers-checked": str(s.workers_checked), "workers-affected": str(s.workers_affected),
            "violations": str(fo["violation"]), "warnings": str(fo["warning"]),
            "insufficient": str(fo["insufficient_evidence"]), "remediated": str(fo["remediated"])}


@pytest.fixture(scope="module")
def report() -> Report:
    return check(VIOLATIONS)


@pytest.fixture(scope="module")
def page_file(report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    write_html(report, path, Catalog("en"))
    return path


@pytest.fixture(scope="module")
def html(page_file: Path) -> str:
    return page_file.read_text(encoding="utf-8")


# ---- the page as text ----

def test_page_loads_nothing_from_outside_the_file(html: str) -> None:
    remote = r"""(?:https?:)?//"""
    assert not re.search(r"""\b(?:src|href|action|srcset|poster|data|formaction|background)\s*=\s*["']?\s*""" + remote,
                         html, re.I)
    assert not re.search(r"url\(\s*[\"']?\s*" + remote, html, re.I)
    assert "@import" not in html
    page = Page(html)
    assert page.tags("link") == [] and page.tags("img") == [] and page.tags("iframe") == []
    assert all("src" not in s for s in page.tags("script"))
    assert len(page.tags("style")) == 1 and len(page.tags("script")) == 1


def test_content_security_policy_forbids_every_fetch(html: str) -> None:
    metas = [m for m in Page(html).tags("meta") if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    assert [m["content"] for m in metas] == [CSP]
    assert CSP.startswith("default-src 'none';") and "connect-src" not in CSP
    assert html.index("Content-Security-Policy") < html.index("<style>")


def test_headline_ids_hold_the_numbers_of_the_report(html: str, report: Report) -> None:
    page = Page(html)
    for ident, expected in headline(report).items():
        assert page.value(ident) == expected, ident
    owed = page.value("owed")
    assert report.summary.to_reimburse and all(f"{render(v)} {cur}" in owed
                                               for cur, v in report.summary.to_reimburse.items())


def test_page_names_the_run_and_carries_the_disclaimer(html: str, report: Report) -> None:
    page, run = Page(html), report.run
    assert '<html lang="en">' in html
    assert page.value("run-file") == run.input_file
    assert page.value("run-sha256") == run.input_sha256
    assert run.ruleset.name in page.value("run-ruleset") and run.ruleset.version in page.value("run-ruleset")
    assert page.value("run-as-of") == run.ruleset.as_of.isoformat()
    assert page.value("run-generated") == run.generated_at.isoformat()
    assert page.value("disclaimer") == Catalog("en").t("md.disclaimer")


def test_every_finding_is_one_filterable_row_with_its_sources_remedy_and_caveat(html: str, report: Report) -> None:
    page = Page(html)
    rows = [a for a in page.tags("tr") if a.get("class") == "finding"]
    ranked = sorted(report.findings, key=lambda f: (OUTCOMES.index(f.outcome), -f.severity.rank, f.finding_id))
    assert [r["id"] for r in rows] == [f.finding_id for f in ranked]
    by_id = {f.finding_id: f for f in report.findings}
    for r in rows:
        f = by_id[r["id"]]
        assert (r["data-severity"], r["data-outcome"], r["data-rule"]) == (f.severity.value, f.outcome.value, f.rule_id)
        assert r["data-agency"] == (f.agency_id or "-")
        text = page.value(f.finding_id)
        assert f.message in text and f.remedy in text and all(" ".join(s.split()) in text for s in f.sources)
        assert f.caveat is None or " ".join(f.caveat.split()) in text
    assert len(page.tags("details")) == len(report.findings)
    selects = {s["id"] for s in page.tags("select")}
    assert selects == {"f-severity", "f-outcome", "f-agency", "f-rule"}
    assert any(i.get("id") == "f-q" for i in page.tags("input"))


def test_charts_are_accessible_svg_and_currencies_never_share_an_axis(html: str, report: Report) -> None:
    svgs = re.findall(r"<svg\b[^>]*>.*?</svg>", html, re.S)
    assert len(svgs) >= 4
    for svg in svgs:
        assert 'role="img"' in svg and re.search(r'aria-label="[^"]+"', svg) and re.search(r"<title>[^<]+</title>", svg)
    currencies = set(report.summary.to_reimburse)
    for prefix in ("owed", "paid"):
        charts = [s for s in svgs if f'id="chart-{prefix}-' in s]
        assert charts
        for svg in charts:
            amounts = re.findall(r'<text class="value"[^>]*>[\d,.]+ ([^<]+)</text>', svg)
            assert len(set(amounts)) == 1 and amounts[0] in currencies | {"QAR", "NPR", "USD"}
    owed = [s for s in svgs if 'id="chart-owed-' in s]
    assert len(owed) == len(currencies)


def test_agency_scorecard_shows_each_grade_in_colour_with_the_rule_that_set_it(html: str, report: Report) -> None:
    for a in report.summary.by_agency:
        row = re.search(rf'<tr data-agency="{a.agency_id}">(.*?)</tr>', html, re.S)
        assert row, a.agency_id
        assert f'<span class="grade grade-{a.risk_grade}">{a.risk_grade}</span>' in row.group(1)
        assert a.risk_rule is None or a.risk_rule in row.group(1)


def test_input_problems_are_listed_with_their_location(tmp_path: Path) -> None:
    messy = check(ROOT / "samples" / "messy-input.xlsx")
    out = tmp_path / "messy.html"
    write_html(messy, out, Catalog("en"))
    text = " ".join(Page(out.read_text(encoding="utf-8")).value("problems").split())
    assert messy.input_problems
    for p in messy.input_problems:
        assert p.sheet in text and Catalog("en").t(f"action.{p.action.value}") in text
        assert " ".join(p.message.split()) in text


def test_a_report_without_findings_still_renders(tmp_path: Path) -> None:
    clean = check(COMPLIANT)
    out = tmp_path / "clean.html"
    write_report(clean, out, Catalog("en"))
    page = Page(out.read_text(encoding="utf-8"))
    assert page.value("violations") == "0" and page.value("owed") == Catalog("en").t("md.none")
    assert page.tags("select") == []


def test_html_texts_exist_in_english_and_chinese_with_the_same_placeholders() -> None:
    en, zh = (yaml.safe_load((LOCALES / lang / "html.yaml").read_text(encoding="utf-8")) for lang in ("en", "zh"))
    assert set(en) == set(zh) and all(k.startswith("html.") for k in en)
    pattern = re.compile(r"\{([^{}]*)\}")
    assert all(set(pattern.findall(en[k])) == set(pattern.findall(zh[k])) for k in en)


def test_chinese_page_has_lang_zh_and_no_english_interface_text(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "zh.html"
    write_html(report, out, Catalog("zh"))
    text = out.read_text(encoding="utf-8")
    assert '<html lang="zh">' in text
    en = yaml.safe_load((LOCALES / "en" / "html.yaml").read_text(encoding="utf-8"))
    zh = yaml.safe_load((LOCALES / "zh" / "html.yaml").read_text(encoding="utf-8"))
    page = " ".join(text.split())
    leftovers = []
    for value in en.values():
        for part in re.split(r"\{[^{}]*\}", value):
            part = part.strip(" ,.:()")
            if len(part.split()) >= 2 and part in page:
                leftovers.append(part)
    assert leftovers == []
    labels = re.findall(r"<(?:h[1-4]|th|label|button|figcaption|dt|option)\b[^>]*>([^<]*)", text)
    words = {v for v in en.values() if "{" not in v}
    assert not [lab for lab in labels if lab.strip() in words]
    assert zh["html.agencies"] in text and zh["html.filter.reset"] in text and zh["html.charts"] in text


def test_hostile_cell_values_are_shown_as_text_never_as_markup(tmp_path: Path) -> None:
    import samples.build as build

    rows = build.violations_sample()
    rows["workers"][0]["name"] = XSS[0]
    rows["agencies"][0]["name"] = XSS[1]
    fee = next(f for f in rows["fees"] if f["fee_id"] == "F-101-P")
    fee["fee_id"] = XSS[0] + XSS[1]
    source = tmp_path / "hostile.xlsx"
    build.write(source, rows)
    out = tmp_path / "hostile.html"
    write_html(check(source), out, Catalog("en"))
    text = out.read_text(encoding="utf-8")
    for payload in XSS:
        assert payload not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in text
    page = Page(text)
    assert page.tags("img") == [] and len(page.tags("script")) == 1
    assert not [a for _, attrs in page.elements for a in attrs if a.startswith("on")]


# ---- how the input was read ----

def _readings_page(tmp_path: Path, lang: str = "en") -> str:
    out = tmp_path / f"readings-{lang}.html"
    write_html(interpretations_report(lang), out, Catalog(lang))
    return out.read_text(encoding="utf-8")


def _table_rows(html: str, ident: str) -> list[list[str]]:
    """The cells of a table as text, the lines of a cell joined with ' / '."""
    table = re.search(rf'<table class="readings" id="{ident}">(.*?)</table>', html, re.S)
    assert table, ident
    return [[unescape(re.sub(r"<[^>]+>", "", cell.replace("</span><span>", " / ")))
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_shows_how_each_sheet_column_and_value_was_read(tmp_path: Path, lang: str) -> None:
    c = Catalog(lang)
    html = _readings_page(tmp_path, lang)
    page = Page(html)
    section = page.value("interpretations")
    assert section.startswith(c.t("interpret.title"))
    sheets = _table_rows(html, "readings-sheets")
    assert sheets[0][:2] == [c.t("interpret.col.source"), c.t("interpret.col.read_as")]
    assert sheets[1] == ["Fee ledger 2024", "fees", c.t("interpret.how.synonym"), "3, 4",
                         c.t("interpret.skipped_row", row=41, reason="is a totals row"), ""]
    columns = _table_rows(html, "readings-columns")
    amount = next(r for r in columns if r[2] == "amount")
    assert amount[3:] == [HOSTILE_HEADER, "D", c.t("interpret.how.fuzzy"), "87.5", "currency NPR",
                          "decimal comma: proved by D7 '1.234,50'", "30", "9", "1",
                          c.t("interpret.note_count", note=DECIMAL_NOTE, count=9)]
    values = _table_rows(html, "readings-values")
    assert values[1] == ["fees", "category", "Placement fees (agent)", "placement_fee", c.value("placement_fee"),
                         c.t("interpret.how.keyword"), "placement", "20"]
    assert NOTICE in page.value("readings-notices")
    assert page.value("run-mapping") == "ledger.map.yaml"


def test_unread_cells_are_listed_under_the_message_of_an_insufficient_evidence_finding(tmp_path: Path) -> None:
    c = Catalog("en")
    page = Page(_readings_page(tmp_path))
    finding = page.value("F-0001")
    cell = c.t("interpret.unread_cell", sheet="fees", row=12, column="category", value=XSS[0])
    assert c.t("interpret.unread") in finding and cell in finding
    assert c.t("interpret.unread_column", sheet="fees", column="receipt_number") in finding
    assert finding.index("Not judged") < finding.index(cell)


def test_hostile_texts_in_the_readings_stay_text_and_the_page_still_fetches_nothing(tmp_path: Path) -> None:
    html = _readings_page(tmp_path)
    page = Page(html)
    assert page.tags("img") == [] and page.tags("b") == [] and len(page.tags("script")) == 1
    assert not [a for _, attrs in page.elements for a in attrs if a.startswith("on")]
    assert HOSTILE_HEADER in unescape(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;Pivot&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    metas = [m for m in page.tags("meta") if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    assert [m["content"] for m in metas] == [CSP]
    assert not [a for _, attrs in page.elements for a in attrs if a in ("src", "href", "action")]


def test_an_empty_readings_section_says_none(tmp_path: Path) -> None:
    report = interpretations_report().model_copy(update={"interpretations": Readings()})
    out = tmp_path / "empty.html"
    write_html(report, out, Catalog("en"))
    html = out.read_text(encoding="utf-8")
    section = re.search(r'<section id="interpretations">(.*?)</section>', html, re.S)
    assert section and "<table" not in section.group(1)
    assert section.group(1).count(f"<p>{Catalog('en').t('md.none')}</p>") == 4


# ---- the page in a real browser ----

def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed (apt-get install chromium)")
    pytest.skip("chromium is not installed")


def run_chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    args = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
            *extra, url]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


def dump_dom(tmp_path: Path, url: str) -> str:
    result = run_chromium(tmp_path, url, "--dump-dom")
    assert result.returncode == 0 and "<html" in result.stdout, result.stderr[-2000:]
    return result.stdout


def test_browser_renders_the_headline_numbers(page_file: Path, report: Report, tmp_path: Path) -> None:
    page = Page(dump_dom(tmp_path, page_file.as_uri()))
    for ident, expected in headline(report).items():
        assert page.value(ident) == expected, ident
    assert all(cur in page.value("owed") for cur in report.summary.to_reimburse)
    assert page.value("shown").startswith(f"Showing {len(report.findings)} of {len(report.findings)} ")


def test_browser_screenshot_shows_a_page(page_file: Path, tmp_path: Path) -> None:
    png = tmp_path / "page.png"
    result = run_chromium(tmp_path, page_file.as_uri(), f"--screenshot={png}", "--window-size=1280,2000")
    assert result.returncode == 0, result.stderr[-2000:]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_filter_preset_from_the_url_hides_every_other_row(page_file: Path, report: Report, tmp_path: Path) -> None:
    dom = dump_dom(tmp_path, page_file.as_uri() + "#severity=critical&outcome=violation")
    rows = re.findall(r'<tr class="finding"[^>]*>', dom)
    assert len(rows) == len(report.findings)
    visible = [r for r in rows if "display: none" not in r]
    critical = [f for f in report.findings if f.severity.value == "critical" and f.outcome.value == "violation"]
    assert 0 < len(visible) == len(critical) < len(rows)
    assert all('data-severity="critical"' in r for r in visible)
    assert re.search(r'<select id="f-severity"', dom)
    shown = Page(dom).value("shown")
    assert shown.startswith(f"Showing {len(critical)} of {len(report.findings)} ")


def test_filter_by_agency_and_text_search_from_the_url(page_file: Path, report: Report, tmp_path: Path) -> None:
    dom = dump_dom(tmp_path, page_file.as_uri() + "#agency=AG-03&q=f-104-s")
    visible = [r for r in re.findall(r'<tr class="finding"[^>]*>', dom) if "display: none" not in r]
    expected = [f for f in report.findings if f.agency_id == "AG-03" and "F-104-S" in f.message]
    assert len(visible) == len(expected) > 0
    assert all('data-agency="AG-03"' in r for r in visible)


def page_requests(net_log: Path) -> list[str]:
    """http(s) requests that a page started (the browser's own background requests have no origin)."""
    text = net_log.read_text(encoding="utf-8").rstrip().rstrip(",")
    data = json.loads(text if text.endswith("}") else text + "]}")
    start_job = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e.get("params", {}).get("url", "") for e in data["events"]
            if e["type"] == start_job and e.get("params", {}).get("url", "").startswith(("http:", "https:"))
            and e.get("params", {}).get("initiator") != "not an origin"]


def test_browser_makes_no_network_request_for_the_page(page_file: Path, tmp_path: Path) -> None:
    control = tmp_path / "control.html"
    control.write_text('<html><body><img src="http://127.0.0.1:9/x.png"></body></html>', encoding="utf-8")
    logs = []
    for url in (control.as_uri(), page_file.as_uri()):
        log = tmp_path / f"net-{len(logs)}.json"
        result = run_chromium(tmp_path, url, f"--log-net-log={log}", "--dump-dom")
        assert result.returncode == 0, result.stderr[-2000:]
        logs.append(page_requests(log))
    assert logs[0] == ["http://127.0.0.1:9/x.png"], "the net log no longer shows a page's requests"
    assert logs[1] == []
