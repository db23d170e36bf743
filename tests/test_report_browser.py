"""The HTML report in a real browser: headless Chromium renders it, runs its script without
console errors, shows an explanation when a highlight gets keyboard focus, and takes a
screenshot. Skipped when Chromium is not installed (``.ci/run`` installs Debian's
``chromium``). The screenshot in the README is made by this test:

    KRAVKOLL_SCREENSHOTS=docs/img python -m pytest tests/test_report_browser.py
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from writer_helpers import SV_DOCUMENT, checked

from checker.matrix import matrix_document
from checker.reporters.html import render_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: .ci/run installs Debian's 'chromium' where apt-get works")

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
)


def chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on a local page, with its log (console messages too) on stderr."""
    command = [CHROMIUM, *_FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False, env={**os.environ, "HOME": str(profile)})


def console_problems(log: str) -> list[str]:
    """Lines where the page wrote to the console or threw: our pages do neither."""
    return [line for line in log.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = checked(SV_DOCUMENT)
    page = tmp_path_factory.mktemp("report") / "avtal-drift.report.html"
    page.write_text(render_report(result, matrix_document(result), ["writer-sv 1.0.0"]), encoding="utf-8")
    return page


def test_console_errors_are_seen(tmp_path: Path) -> None:
    """The check below would notice a script error: a page that throws is caught."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html lang="en"><body><p>x</p><script>throw new Error("boom")</script></body></html>')
    run = chromium(page, tmp_path / "profile", "--dump-dom")
    assert any("Uncaught Error: boom" in line for line in console_problems(run.stderr))


def test_report_renders_in_chromium_without_console_errors(report_page: Path, tmp_path: Path) -> None:
    run = chromium(report_page, tmp_path / "profile", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert console_problems(run.stderr) == []
    scores = dict(re.findall(r'data-score="(\w+)"><p class="label">[^<]*</p><p class="big">(\d+)(?:&nbsp;|\xa0)%', dom))
    assert scores == {"measurable": "71", "followed_up": "71", "sanctioned": "29", "complete": "14"}
    assert re.search(r'<mark><a href="#f-\d+" aria-describedby="t-\d+">snabbt<sup', dom)
    assert len(re.findall(r'<tr id="m-\d+" data-status="', dom)) == 7
    assert re.search(r'<tr id="m-\d+" data-status="complete"><td data-label="Krav-id" class="id">K2.1</td>', dom)
    assert len(re.findall(r'<li class="tile missing"', dom)) == 4


_PROBE = """<script>
function probe(link){
  var tip=document.getElementById(link.getAttribute("aria-describedby"));
  link.focus();
  var shown=getComputedStyle(tip).display, box=tip.getBoundingClientRect();
  var seen=document.elementFromPoint(box.left+box.width/2, box.bottom-3);
  return (document.activeElement===link)+"/"+shown+"/"+(seen!==null&&tip.contains(seen));
}
var body=document.body.dataset;
body.text=probe(document.querySelector("p .hl a"));
var cells=document.querySelectorAll(".doc-table .hl a");
body.table=probe(cells[cells.length-1]);
document.dispatchEvent(new KeyboardEvent("keydown",{key:"Escape"}));
body.escaped=getComputedStyle(document.getElementById(document.activeElement.getAttribute("aria-describedby"))).display;
</script></body>"""


def test_keyboard_focus_shows_the_explanation_and_escape_closes_it(report_page: Path, tmp_path: Path) -> None:
    """Tab to a highlight (in a paragraph and in a table cell): its explanation shows, in
    full view (not clipped), and Escape closes it."""
    page = tmp_path / "probe.html"
    page.write_text(report_page.read_text(encoding="utf-8").replace("</body>", _PROBE), encoding="utf-8")
    run = chromium(page, tmp_path / "profile", "--dump-dom", "--window-size=1280,4000")
    assert console_problems(run.stderr) == []
    assert 'data-text="true/block/true"' in run.stdout
    assert 'data-table="true/block/true"' in run.stdout
    assert 'data-escaped="none"' in run.stdout


def test_screenshot(report_page: Path, tmp_path: Path) -> None:
    """A screenshot of the report with the first highlight focused, its explanation open."""
    page = tmp_path / "focused.html"
    focus = '<script>document.querySelector("p .hl a").focus({preventScroll:true});</script></body>'
    page.write_text(report_page.read_text(encoding="utf-8").replace("</body>", focus), encoding="utf-8")
    shot = tmp_path / "report.png"
    run = chromium(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars")
    assert run.returncode == 0 and shot.is_file(), run.stderr[-2000:]
    assert console_problems(run.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    keep = os.environ.get("KRAVKOLL_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "report.png")
