"""``kravkoll serve`` in a real browser: headless Chromium, driven over the DevTools protocol on
a pipe (no driver to install), against a real server on a free local port.

It uploads a .docx from ``examples/``, sees the findings in the report, downloads the annotated
copy and finds its comments; in the playground it breaks a rule, sees the error with its line
and column, and fixes it; no page writes to the console or breaks its security policy. With
axe-core (``KRAVKOLL_AXE`` names ``axe.min.js``; ``.ci/run`` installs it from npm where it can)
both pages are checked for accessibility: no serious or critical violation.

Skipped when Chromium is not installed (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: .ci/run installs Debian's 'chromium' where apt-get works")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sv-avtal-sla.docx"
AXE = os.environ.get("KRAVKOLL_AXE")


def wait_until(condition: Callable[[], Any], seconds: float = 90, what: str = "the condition") -> Any:
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def _above_4(fd: int) -> int:
    """The same pipe end on a descriptor above 4, so that the redirections to 3 and 4 cannot close it."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return high


class Browser:
    """Headless Chromium and one page, over ``--remote-debugging-pipe`` (JSON messages ended by NUL
    on file descriptors 3 and 4)."""

    def __init__(self, profile: Path) -> None:
        to_browser_read, self._write = os.pipe()
        self._read, from_browser_write = os.pipe()
        to_browser_read, from_browser_write = _above_4(to_browser_read), _above_4(from_browser_write)  # 3 and 4 are taken
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            "--window-size=1280,2000",
            "about:blank",
        ]
        redirect = f'exec "$0" "$@" 3<&{to_browser_read} 4>&{from_browser_write} {to_browser_read}<&- {from_browser_write}>&-'
        self.process = subprocess.Popen(
            ["bash", "-c", redirect, str(CHROMIUM), *flags],
            pass_fds=(to_browser_read, from_browser_write),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": str(profile)},
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)

    def call(self, method: str, params: dict[str, Any] | None = None, session: bool = False) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            answer = self._receive()
            if answer.get("id") == self._next:
                assert "error" not in answer, f"{method}: {answer['error']}"
                return answer["result"]
            self.events.append(answer)

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 16)
            assert chunk, "Chromium closed the pipe"
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def evaluate(self, expression: str, await_promise: bool = False) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": await_promise}, session=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def open(self, url: str) -> None:
        self.call("Page.navigate", {"url": url}, session=True)
        wait_until(lambda: self.evaluate("document.readyState === 'complete' && location.href") == url, what=url)

    def problems(self) -> list[str]:
        """Console messages, uncaught exceptions and logged errors (security policy violations too)."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"])[:300])
            elif method == "Runtime.consoleAPICalled":
                found.append(f"console.{params['type']}: {json.dumps(params['args'])[:300]}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(params["entry"]["text"])
        return found

    def close(self) -> None:
        self.process.kill()
        self.process.wait(30)
        os.close(self._read)
        os.close(self._write)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "serve", "--port", str(port), "--workers", "1"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"

    def up() -> bool:
        try:
            return httpx.get(f"{base}/healthz", timeout=1).status_code == 200
        except httpx.HTTPError:
            assert process.poll() is None, "the server stopped"
            return False

    try:
        wait_until(up, what="the server")
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(60)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    chrome = Browser(tmp_path / "profile")
    try:
        yield chrome
    finally:
        chrome.close()


def test_upload_a_docx_see_findings_and_download_the_annotated_copy(server: str, browser: Browser, tmp_path: Path) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.call("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.open(f"{server}/?lang=sv")
    document = browser.call("DOM.getDocument", session=True)["root"]["nodeId"]
    file_input = browser.call("DOM.querySelector", {"nodeId": document, "selector": "#file"}, session=True)["nodeId"]
    browser.call("DOM.setFileInputFiles", {"nodeId": file_input, "files": [str(EXAMPLE)]}, session=True)
    browser.evaluate("document.getElementById('check').focus(); document.getElementById('check').click()")

    status = wait_until(
        lambda: browser.evaluate("(function(){var s=document.getElementById('status').textContent; return s.indexOf('Klart') === 0 && s;})()"),
        what="the report",
    )
    highlights = wait_until(
        lambda: browser.evaluate(
            "(function(){var d=document.getElementById('report').contentDocument;"
            " return d && d.readyState === 'complete' && d.querySelectorAll('.hl').length;})()"
        ),
        what="highlights in the report, once its frame has loaded (counted while it parsed: 5 of 14 on a slow machine)",
    )
    assert highlights > 0
    listed = browser.evaluate("document.getElementById('report').contentDocument.querySelectorAll('ol.findings > li').length")
    assert f"{listed} anmärkningar" in status
    assert browser.evaluate("document.activeElement.id") == "result-title"  # focus moves to the result

    # A link within the report moves to its target and keeps the report in its frame.
    target = browser.evaluate("""(function(){var d=document.getElementById('report').contentDocument;
      var link=d.querySelector("p .hl a[href^='#f-']"); link.click(); return link.getAttribute('href').slice(1);})()""")
    assert browser.evaluate("document.getElementById('report').contentDocument.activeElement.id") == target
    assert browser.evaluate("document.getElementById('report').contentDocument.querySelectorAll('.hl').length") == highlights

    browser.evaluate("document.querySelector('button[data-kind=annotate]').click()")
    copy = wait_until(lambda: next(iter(downloads.glob("*.kravkoll.docx")), None), what="the annotated copy")
    with zipfile.ZipFile(copy) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") > 0 and 'w:author="kravkoll"' in comments
    assert copy.name == "sv-avtal-sla.kravkoll.docx"

    # Text typed after choosing a file is what is checked next: the file choice is cleared.
    browser.evaluate("""(function(){var t=document.getElementById('text'); t.value='K1. Leverantören ska svara snabbt.';
      t.dispatchEvent(new Event('input', {bubbles: true}));})()""")
    assert browser.evaluate("document.getElementById('file').files.length") == 0
    browser.evaluate("document.getElementById('check').click()")
    wait_until(lambda: browser.evaluate("document.getElementById('status').textContent").startswith("Klart: 1 krav"), what="the text's report")
    assert browser.problems() == []


def test_the_playground_shows_an_error_and_its_fix(server: str, browser: Browser) -> None:
    browser.open(f"{server}/rules?lang=en")
    status = "document.getElementById('status').textContent"
    wait_until(lambda: browser.evaluate(status).startswith("The rule file is valid"), what="the first validation")
    assert browser.evaluate("document.querySelectorAll('#examples li.pass').length") == 2
    assert "our-rules/VAG01" in browser.evaluate("document.getElementById('findings').textContent")

    edit = """(function(from, to){var box=document.getElementById('rules');
      box.value=box.value.replace(from, to); box.dispatchEvent(new Event('input', {bubbles: true}));})(%s, %s)"""
    browser.evaluate(edit % (json.dumps("  severity error"), json.dumps("  severty error")))
    wait_until(lambda: browser.evaluate(status) == "Errors in the rule file: 1.", what="the error")
    problem = browser.evaluate("document.getElementById('problems').textContent")
    assert "9:3 unexpected 'severty'" in problem and "did you mean 'severity'?" in problem
    browser.evaluate("document.querySelector('#problems button').click()")  # goes to the line and column
    assert browser.evaluate("[document.activeElement.id, document.activeElement.selectionStart]") == [
        "rules",
        browser.evaluate("document.getElementById('rules').value.indexOf('severty')"),
    ]

    browser.evaluate(edit % (json.dumps("  severty error"), json.dumps("  severity error")))
    wait_until(lambda: browser.evaluate(status).startswith("The rule file is valid"), what="the fix")
    assert browser.problems() == []


@pytest.mark.skipif(not AXE, reason="axe-core is not installed: set KRAVKOLL_AXE to axe.min.js (.ci/run installs it from npm)")
@pytest.mark.parametrize("path", ["/?lang=sv", "/rules?lang=en", "/docs"])
def test_no_serious_accessibility_violations(server: str, browser: Browser, path: str) -> None:
    browser.open(f"{server}{path}")
    browser.evaluate(Path(str(AXE)).read_text(encoding="utf-8"))
    violations = browser.evaluate(
        "axe.run(document).then(function(r){return r.violations.map(function(v){return [v.id, v.impact, v.nodes.length];});})", await_promise=True
    )
    serious = [v for v in violations if v[1] in ("serious", "critical")]
    assert serious == [], violations
    assert browser.problems() == []
