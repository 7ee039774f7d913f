"""A progress bar for big inputs on a terminal; nothing extra when the output is piped."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from bench.generate import generate, write_xlsx
from compliance import cli


@pytest.fixture(scope="module")
def big_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.xlsx"
    rows = write_xlsx(generate(workers=1000, seed=3, as_of=date(2025, 6, 1), plant_rate=0.0), path)
    assert rows > cli.PROGRESS_FROM_ROWS
    return path


def _run(monkeypatch: pytest.MonkeyPatch, path: Path, terminal: bool) -> str:
    buffer = io.StringIO()
    monkeypatch.setattr(cli, "out", Console(file=buffer, force_terminal=terminal, width=100))
    assert cli.main(["check", str(path), "--as-of", "2025-06-01", "--max-findings", "0"]) == 0
    return buffer.getvalue()


def test_progress_bar_runs_on_a_terminal_for_a_big_input(monkeypatch: pytest.MonkeyPatch, big_workbook: Path) -> None:
    output = _run(monkeypatch, big_workbook, terminal=True)
    assert "Checking workers" in output
    assert "100%" in output


def test_no_progress_bar_when_output_is_piped(monkeypatch: pytest.MonkeyPatch, big_workbook: Path) -> None:
    output = _run(monkeypatch, big_workbook, terminal=False)
    assert "Checking workers" not in output
    assert "\x1b[" not in output
