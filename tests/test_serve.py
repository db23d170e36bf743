"""``kravkoll serve``: every endpoint and every error status through Starlette's test client,
with real worker processes; answers compared with what the command line gives."""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any, Callable, Iterator

import jsonschema
import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
pytest.importorskip("httpx")
with warnings.catch_warnings():  # newer Starlette prefers httpx2 for its test client; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from hostile import BILLION_LAUGHS, GOOD, member, rezip

from checker.cli import main
from checker.paths import report_schema_file
from checker.serve.app import ServeSettings, create_app
from checker.serve.pages import page_language

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SV_DOCX = EXAMPLES / "sv-avtal-sla.docx"
SV_TEXT = "# Drift\n\nK1. Leverantören ska åtgärda fel snabbt.\n\nK2. Leverantören ska svara inom 2 arbetsdagar.\n"
SLOW_TEXT = "".join(f"K{i}. Leverantören ska åtgärda fel snabbt och rapportera utfallet månadsvis.\n\n" for i in range(25000))


def client_for(settings: ServeSettings) -> TestClient:
    return TestClient(create_app(settings), raise_server_exceptions=True)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with client_for(ServeSettings(workers=2, timeout=120)) as test_client:
        yield test_client


def upload(path: Path, name: str | None = None) -> dict[str, Any]:
    return {"file": (name or path.name, path.read_bytes())}


def error_of(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"status", "error"} and body["status"] == status
    assert "\n" not in body["error"] and "Traceback" not in body["error"]
    return body["error"]


def cli(args: list[str], folder: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(folder)
    return CliRunner().invoke(main, args)


# ---- the answers: what the command line gives ----------------------------------------------------


def test_check_answers_what_the_command_line_prints(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    response = client.post("/api/check", files=upload(SV_DOCX))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    expected = cli(["check", "--format", "json", SV_DOCX.name], EXAMPLES, monkeypatch)
    assert response.text == expected.output
    assert response.headers["Kravkoll-Exit-Code"] == str(expected.exit_code)
    jsonschema.validate(response.json(), json.loads(report_schema_file().read_text(encoding="utf-8")))


def test_check_text_as_json_with_options(client: TestClient) -> None:
    response = client.post("/api/check?fail-on=never", json={"text": SV_TEXT, "format": "md", "select": ["sv-krav/*"]})
    assert response.status_code == 200
    report = response.json()
    assert report["files"][0]["path"] == "text.md" and report["files"][0]["language"] == "sv"
    assert report["findings"] and all(f["rule"].startswith("sv-krav/") for f in report["findings"])
    assert response.headers["Kravkoll-Exit-Code"] == "0"
    flagged = client.post("/api/check", json={"text": SV_TEXT, "name": "../../utkast.md", "fail-on": "info"})
    assert flagged.json()["files"][0]["path"] == "utkast.md"  # the base name only
    assert flagged.headers["Kravkoll-Exit-Code"] == "1"


def test_check_with_a_chosen_ruleset_and_ignore(client: TestClient) -> None:
    chosen = client.post("/api/check?ruleset=sv-avtal&ignore=missing-clause", json={"text": SV_TEXT})
    report = chosen.json()
    assert [r["name"] for r in report["tool"]["rulesets"]] == ["sv-avtal"]
    assert report["findings"] and not any(f["category"] == "missing-clause" for f in report["findings"])


def test_check_keeps_only_the_parties_asked_for(client: TestClient) -> None:
    """``party`` as ``kravkoll check --party``: in the query string and in the JSON."""
    text = SV_TEXT + "\nK3. Beställaren ska skyndsamt godkänna leveransen.\n"
    every = client.post("/api/check", json={"text": text}).json()["findings"]
    supplier = client.post("/api/check?party=supplier", json={"text": text}).json()["findings"]
    buyer = client.post("/api/check", json={"text": text, "party": ["buyer"]}).json()["findings"]
    assert "buyer" in {f["party"] for f in every}
    assert supplier and all(f["party"] in ("supplier", None) for f in supplier)
    assert buyer and all(f["party"] in ("buyer", None) for f in buyer)
    assert len(supplier) + len(buyer) == len(every) + sum(f["party"] is None for f in every)  # those of no party stay in both


def test_check_as_sarif_and_junit(client: TestClient) -> None:
    sarif = client.post("/api/check?format=sarif", json={"text": SV_TEXT})
    assert sarif.headers["content-type"] == "application/sarif+json" and sarif.json()["version"] == "2.1.0"
    junit = client.post("/api/check?format=junit", json={"text": SV_TEXT})
    assert junit.text.startswith("<?xml") and "<testsuite" in junit.text


def test_report_is_the_command_line_report(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    response = client.post("/api/report", files=upload(SV_DOCX))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    expected = cli(["report", SV_DOCX.name, "-o", "-"], EXAMPLES, monkeypatch)
    assert response.text == expected.output
    assert int(response.headers["Kravkoll-Findings"]) > 0


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "json"])
def test_matrix_is_the_command_line_matrix(client: TestClient, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    response = client.post(f"/api/matrix?format={fmt}", files=upload(SV_DOCX))
    assert response.status_code == 200
    expected = cli(["matrix", "-f", fmt, SV_DOCX.name], EXAMPLES, monkeypatch)
    assert response.text == expected.output
    assert f'filename="sv-avtal-sla.matrix.{fmt}"' in response.headers["content-disposition"]


def test_annotate_gives_a_docx_with_comments(client: TestClient) -> None:
    response = client.post("/api/annotate", files=upload(SV_DOCX))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    comments = member(response.content, "word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") == int(response.headers["Kravkoll-Comments"]) > 0
    assert 'w:author="kravkoll"' in comments
    assert "filename*=UTF-8''sv-avtal-sla.kravkoll.docx" in response.headers["content-disposition"]


def test_download_names_keep_their_letters(client: TestClient) -> None:
    response = client.post("/api/annotate", files={"file": ("förfrågan v2.docx", SV_DOCX.read_bytes())})
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"forfragan v2.kravkoll.docx\"; filename*=UTF-8''f%C3%B6rfr%C3%A5gan%20v2.kravkoll.docx"
    )


def test_annotate_refuses_what_is_not_word(client: TestClient) -> None:
    message = error_of(client.post("/api/annotate", json={"text": SV_TEXT}), 415)
    assert message == "text.md: annotate writes comments into Word documents: give it a .docx file"


def test_rulesets_and_a_rule(client: TestClient) -> None:
    rulesets = client.get("/api/rulesets").json()["rulesets"]
    by_name = {r["name"]: r for r in rulesets}
    assert {"sv-krav", "sv-avtal", "en-requirements"} <= set(by_name)
    assert any(rule["id"] == "sv-krav/KR001" for rule in by_name["sv-krav"]["rules"])
    rule = client.get("/api/rules/sv-krav/KR001").json()
    assert rule["rule"]["full_id"] == "sv-krav/KR001" and rule["ruleset"] == "sv-krav"
    assert rule["examples"] and all(example["passed"] for example in rule["examples"])
    assert rule["page"].startswith("# sv-krav/KR001: ")
    missing = error_of(client.get("/api/rules/sv-krav/KR0011"), 404)
    assert missing.startswith("sv-krav/KR0011: no shipped rule has this id; did you mean 'sv-krav/KR0")


# ---- the playground ---------------------------------------------------------------------------------

VALID_RULES = """ruleset "vara" {
  language sv
  extends "sv-krav"
}
terms vaga = "snabbt", "skyndsamt"

requirement VAG01 "Vagt om tid" {
  category unmeasurable
  when     vaga and not matbar
  message  "\\"{match}\\" går inte att mäta."
  example flag "Leverantören ska åtgärda fel snabbt."
  example pass "Leverantören ska åtgärda fel inom 4 timmar."
}
"""


def test_playground_validates_tests_and_checks(client: TestClient) -> None:
    answer = client.post("/api/rules/try", json={"rules": VALID_RULES, "text": SV_TEXT}).json()
    assert answer["valid"] and answer["errors"] == []
    assert answer["ruleset"]["rules"] == 1 and answer["ruleset"]["extended_rules"] > 10  # VAG01, and sv-krav's
    assert [(e["rule"], e["expect"], e["passed"]) for e in answer["examples"]] == [("vara/VAG01", "flag", True), ("vara/VAG01", "pass", True)]
    assert any(f["rule"] == "vara/VAG01" and f["match"] == "snabbt" for f in answer["findings"])


def test_playground_shows_the_command_line_errors(client: TestClient) -> None:
    broken = VALID_RULES.replace("category unmeasurable", "categry unmeasurable")
    answer = client.post("/api/rules/try", json={"rules": broken, "text": SV_TEXT}).json()
    assert not answer["valid"] and answer["findings"] == []
    error = answer["errors"][0]
    assert (error["line"], error["column"]) == (8, 3)
    assert "did you mean 'category'?" in error["message"]
    assert error["text"].startswith("rules.krav:8:3: ") and error["text"].endswith("\n      categry unmeasurable\n      ^")


def test_playground_fails_an_example_that_does_not_hold(client: TestClient) -> None:
    wrong = VALID_RULES.replace('example pass "Leverantören ska åtgärda fel inom 4 timmar."', 'example pass "Leverantören ska svara skyndsamt."')
    examples = client.post("/api/rules/try", json={"rules": wrong}).json()["examples"]
    failing = [e for e in examples if not e["passed"]]
    assert len(failing) == 1 and "example pass gave 1 finding(s)" in failing[0]["description"]


def test_playground_extends_shipped_rulesets_only(client: TestClient, tmp_path: Path) -> None:
    (tmp_path / "secret.krav").write_text('ruleset "secret" {\n  language sv\n}\n', encoding="utf-8")
    reference = os.path.relpath(tmp_path / "secret", "/nonexistent/kravkoll-playground")
    for name in (str(tmp_path / "secret"), reference):
        rules = VALID_RULES.replace('extends "sv-krav"', f'extends "{name}"')
        answer = client.post("/api/rules/try", json={"rules": rules}).json()
        assert not answer["valid"] and f"extends unknown ruleset '{name}'" in answer["errors"][0]["message"]


def test_playground_refusals(client: TestClient) -> None:
    assert error_of(client.post("/api/rules/try", content=b"rules", headers={"content-type": "text/plain"}), 415)
    assert error_of(client.post("/api/rules/try", json={"text": "x"}), 422).startswith("rules, text:")
    assert error_of(client.post("/api/rules/try", json={"rules": "x" * (1024 * 1024 + 1)}), 413).startswith("rules.krav: rule file is too large")
    assert error_of(client.post("/api/rules/try", content=b"{", headers={"content-type": "application/json"}), 400).startswith("the body is not valid JSON")


# ---- refused input: the command line's messages, the right status ----------------------------------


def test_hostile_documents_are_refused_as_the_command_line_refuses_them(client: TestClient) -> None:
    paragraphs = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 600_000
    bomb = rezip(GOOD, replace={"word/document.xml": member(GOOD, "word/document.xml").replace(b"</w:body>", paragraphs + b"</w:body>")})
    message = error_of(client.post("/api/check", files={"file": ("bomb.docx", bomb)}), 400)
    assert re.fullmatch(r"bomb\.docx: has word/document\.xml compressed \d+:1 \(the limit is 100:1\); refused as a possible zip bomb", message)
    body = member(GOOD, "word/document.xml").split(b"?>", 1)[1].replace(b"fel snabbt", b"&lol9;")
    laughs = rezip(GOOD, replace={"word/document.xml": BILLION_LAUGHS + body})
    for endpoint in ("/api/check", "/api/annotate", "/api/report"):
        message = error_of(client.post(endpoint, files={"file": ("lol.docx", laughs)}), 400)
        assert message == "lol.docx: has a document type declaration (XML entities) in word/document.xml; refused as unsafe"
    assert client.post("/api/check", files={"file": ("good.docx", GOOD)}).status_code == 200  # the server goes on


def test_unreadable_documents(client: TestClient) -> None:
    assert error_of(client.post("/api/check", files={"file": ("broken.docx", b"PK\x03\x04 not a zip")}), 400).startswith("broken.docx: ")
    for empty in (client.post("/api/check", files={"file": ("empty.md", b"")}), client.post("/api/check", json={"text": "   "})):
        assert empty.status_code == 200 and empty.json()["findings"] == []  # an empty document is checked, as by the CLI
    binary = error_of(client.post("/api/check", files={"file": ("x.txt", b"\x00\x01" * 100)}), 400)
    assert binary == "x.txt: is a binary file, not text"


def test_unsupported_types(client: TestClient) -> None:
    message = error_of(client.post("/api/check", files={"file": ("gammal.doc", b"\xd0\xcf\x11\xe0")}), 415)
    assert message == "gammal.doc: unsupported file type '.doc' (kravkoll reads .docx, .md, .txt and .pdf)"
    assert error_of(client.post("/api/check", content=SV_TEXT.encode(), headers={"content-type": "text/plain"}), 415).startswith("send the document as")


@pytest.mark.parametrize(
    ("query", "body", "start"),
    [
        ("?lang=de", {"text": SV_TEXT}, "lang: 'de' is not one of sv, en"),
        ("?fail-on=sometimes", {"text": SV_TEXT}, "fail-on: 'sometimes' is not one of error, warning, info, never"),
        ("?ruleset=sv-kravv", {"text": SV_TEXT}, "ruleset: sv-kravv: no shipped ruleset of that name; did you mean 'sv-krav'?"),
        ("?ruleset=/etc/passwd", {"text": SV_TEXT}, "ruleset: /etc/passwd: no shipped ruleset of that name"),
        ("?format=yaml", {"text": SV_TEXT}, "format: 'yaml' is not one of text, json, sarif, github, junit, gitlab"),
        ("", {"text": SV_TEXT, "format": "docx"}, "format: 'docx' is not one of md, txt"),
        ("", {"txt": SV_TEXT}, "text: the JSON body needs the document as a string"),
        ("", {"text": SV_TEXT, "select": 3}, "expected a string or a list of strings"),
        ("?lang=sv&lang=en", {"text": SV_TEXT}, "lang: give one value, not sv, en"),
        ("?party=supplier,kommunen", {"text": SV_TEXT}, "party: 'kommunen' is not one of supplier, buyer, mutual, tenderer"),
    ],
)
def test_bad_options(client: TestClient, query: str, body: dict[str, Any], start: str) -> None:
    assert error_of(client.post(f"/api/check{query}", json=body), 422).startswith(start)


@pytest.mark.parametrize(
    ("endpoint", "query", "message"),
    [
        ("check", "?select=KR002,KR0002", "select 'KR0002' matches no rule of sv-avtal, sv-krav, sv-lou; did you mean 'KR002'?"),
        ("check", "?ignore=KR0002&format=sarif", "ignore 'KR0002' matches no rule of sv-avtal, sv-krav, sv-lou; did you mean 'KR002'?"),
        ("matrix", "?select=NOPE", "no rule would run (--select/--ignore leave none); select 'NOPE' matches no rule of sv-avtal, sv-krav, sv-lou"),
        ("report", "?ignore=*", "no rule would run (--select/--ignore leave none)"),
        ("annotate", "?select=NOPE", "no rule would run (--select/--ignore leave none); select 'NOPE' matches no rule of sv-avtal, sv-krav, sv-lou"),
    ],
)
def test_a_rule_choice_the_command_line_refuses_is_a_422(client: TestClient, endpoint: str, query: str, message: str) -> None:
    """A mistyped rule id in ``select`` or ``ignore`` checked the document without it (a select
    that names no rule: no rule at all, "No findings", exit code 0), where ``kravkoll check``
    names the typo and exits 2."""
    document = upload(SV_DOCX) if endpoint == "annotate" else {"file": ("a.md", SV_TEXT.encode())}
    assert error_of(client.post(f"/api/{endpoint}{query}", files=document), 422) == message
    assert client.post(f"/api/{endpoint}?select=KR002", files=document).status_code == 200


def test_malformed_bodies(client: TestClient) -> None:
    deep = client.post("/api/check", content=b"[" * 100_000, headers={"content-type": "application/json"})
    assert error_of(deep, 400) == "the body is not valid JSON: nested too deeply"
    assert error_of(client.post("/api/check", content=b"[1]", headers={"content-type": "application/json"}), 422) == "the JSON body must be an object"
    no_boundary = client.post("/api/check", content=b"abc", headers={"content-type": "multipart/form-data"})
    assert error_of(no_boundary, 400)
    raw = b'--XX\r\nContent-Disposition: form-data; name="file"; filename="a\xff.md"\r\n\r\nK1. Leverant\xc3\xb6ren ska svara snabbt.\r\n--XX--\r\n'
    odd_name = client.post("/api/check", content=raw, headers={"content-type": "multipart/form-data; boundary=XX"})
    assert odd_name.status_code == 200 and odd_name.json()["files"][0]["path"].endswith(".md")


def test_multipart_without_a_file(client: TestClient) -> None:
    assert error_of(client.post("/api/check", data={"text": "x"}, files={"other": ("a.md", b"x")}), 422) == "no document: send it as the multipart field 'file'"


def test_options_as_multipart_fields(client: TestClient) -> None:
    response = client.post("/api/check", data={"ruleset": "sv-krav", "lang": "sv"}, files={"file": ("a.md", SV_TEXT.encode())})
    assert [r["name"] for r in response.json()["tool"]["rulesets"]] == ["sv-krav"]


# ---- limits: size, queue, time, a killed worker ------------------------------------------------------


def test_upload_over_the_limit_is_refused_by_its_length_and_while_streaming() -> None:
    with client_for(ServeSettings(workers=1, max_upload=4096)) as small:
        too_large = "the request is too large (the limit is 0.00390625 MiB)"
        assert error_of(small.post("/api/check", files={"file": ("a.md", b"x" * 5000)}), 413) == too_large

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while the body streams
            yield b'{"text": "'
            for _ in range(100):
                yield b"y" * 1000
            yield b'"}'

        assert error_of(small.post("/api/check", content=chunks(), headers={"content-type": "application/json"}), 413) == too_large
        assert small.post("/api/check", json={"text": SV_TEXT}).status_code == 200


def wait_until(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come true"
        time.sleep(0.02)


def in_background(request: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    answers: list[Any] = []
    thread = threading.Thread(target=lambda: answers.append(request()))
    thread.start()
    return thread, answers


def test_a_killed_worker_gives_500_and_the_server_goes_on() -> None:
    with client_for(ServeSettings(workers=1, timeout=300)) as one:
        pool = one.app.state.pool
        thread, answers = in_background(lambda: one.post("/api/check", json={"text": SLOW_TEXT, "name": "lang.md"}))
        wait_until(lambda: bool(pool.busy_pids()))
        os.kill(pool.busy_pids()[0], signal.SIGKILL)
        thread.join(120)
        message = error_of(answers[0], 500)
        assert message == "lang.md: the worker process checking it stopped unexpectedly (killed, or out of memory); try again"
        assert one.post("/api/check", json={"text": SV_TEXT}).status_code == 200


def test_time_limit_kills_the_worker_and_a_full_queue_answers_503() -> None:
    with client_for(ServeSettings(workers=1, queue=0, timeout=1)) as one:
        pool = one.app.state.pool
        one.get("/healthz")
        thread, answers = in_background(lambda: one.post("/api/check", json={"text": SLOW_TEXT, "name": "lang.md"}))
        wait_until(lambda: pool.pending == 1)
        busy = one.post("/api/check", json={"text": SV_TEXT})
        assert error_of(busy, 503) == "the server is busy: its 1 workers are checking and its queue of 0 is full; try again shortly"
        assert busy.headers["Retry-After"] == "5"
        thread.join(120)
        assert error_of(answers[0], 504) == "lang.md: took longer than 1 s (the server's time limit)"
        assert one.post("/api/check", json={"text": SV_TEXT}).status_code == 200


# ---- safety: token, headers, log, the page --------------------------------------------------------


def test_token_guards_the_api_not_the_page() -> None:
    with client_for(ServeSettings(workers=1, token="s3cret")) as guarded:
        assert error_of(guarded.post("/api/check", json={"text": SV_TEXT}), 401).startswith("this server needs a token")
        wrong = guarded.get("/api/rulesets", headers={"Authorization": "Bearer nope"})
        assert error_of(wrong, 401) and wrong.headers["WWW-Authenticate"] == "Bearer"
        right = guarded.post("/api/check", json={"text": SV_TEXT}, headers={"Authorization": "Bearer s3cret"})
        assert right.status_code == 200
        page = guarded.get("/")
        assert page.status_code == 200 and 'id="token"' in page.text
        assert guarded.get("/healthz").status_code == 200


def test_security_headers(client: TestClient) -> None:
    for response in (
        client.get("/"),
        client.get("/rules"),
        client.post("/api/check", json={"text": SV_TEXT}),
        client.get("/static/kravkoll.js"),
        client.get("/nowhere"),
    ):
        policy = response.headers["Content-Security-Policy"]
        script_src = re.search(r"script-src ([^;]*)", policy).group(1)  # type: ignore[union-attr]
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert client.post("/api/check", json={"text": SV_TEXT}).headers["Cache-Control"] == "no-store"
    assert error_of(client.get("/nowhere"), 404)


def test_the_log_has_no_content(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = "Hemligt-anbud-4711"
    with caplog.at_level(logging.INFO, logger="kravkoll.serve"):
        client.post("/api/check?lang=sv", json={"text": f"K1. {secret} ska levereras snabbt.", "name": f"{secret}.md"})
        client.post("/api/check", files={"file": (f"{secret}.md", f"K1. {secret}.".encode())})
    lines = [record.getMessage() for record in caplog.records if record.name == "kravkoll.serve"]
    assert len(lines) == 2
    assert all(re.fullmatch(r"POST /api/check 200 \d+ \d+ms", line) for line in lines), lines
    assert secret not in caplog.text and "lang=" not in caplog.text


def test_pages_in_the_browsers_language(client: TestClient) -> None:
    assert page_language(None, "sv-SE,sv;q=0.9,en;q=0.8") == "sv"
    assert page_language(None, "de-DE,en;q=0.5,sv;q=0.4") == "en"
    assert page_language(None, "en;q=0.2,sv;q=0.8") == "sv"
    assert page_language(None, "fr") == "en"
    assert page_language("sv", "en") == "sv"
    swedish = client.get("/", headers={"Accept-Language": "sv-SE,sv;q=0.9"}).text
    assert '<html lang="sv">' in swedish and "Granska" in swedish and 'href="/?lang=en"' in swedish
    english = client.get("/rules?lang=en", headers={"Accept-Language": "sv"}).text
    assert '<html lang="en">' in english and "Rule playground" in english


@pytest.mark.parametrize("path", ["/", "/rules"])
def test_pages_label_every_control_and_run_no_inline_script(client: TestClient, path: str) -> None:
    html = client.get(path).text
    for control in re.finditer(r"<(input|select|textarea)\b[^>]*\bid=\"([^\"]+)\"", html):
        assert f'for="{control.group(2)}"' in html, f"no label for #{control.group(2)}"
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert scripts and all('src="/static/' in s or 'type="application/json"' in s for s in scripts)
    assert "http://" not in html and "https://" not in html  # nothing from another host
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert client.get(asset).status_code == 200


def test_openapi_describes_the_routes_and_the_answers(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    routes = {route.path.replace(":path", "") for route in client.app.routes if route.path.startswith(("/api", "/healthz"))}
    assert routes == set(spec["paths"])

    def validate(instance: Any, name: str) -> None:
        jsonschema.validate(instance, {"$ref": f"#/components/schemas/{name}", "components": spec["components"]})

    validate(client.post("/api/check", files=upload(SV_DOCX)).json(), "Report")
    validate(client.post("/api/check?lang=xx", json={"text": "x"}).json(), "Error")
    validate(client.post("/api/rules/try", json={"rules": VALID_RULES, "text": SV_TEXT}).json(), "RuleTryResult")
    docs = client.get("/docs").text
    assert all(path in docs for path in spec["paths"])


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "version": client.get("/openapi.json").json()["info"]["version"], "workers": 2, "pending": 0}


# ---- the command -------------------------------------------------------------------------------------


def test_serve_refuses_an_open_address_without_a_token() -> None:
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "listening on 0.0.0.0 needs --token TOKEN (or KRAVKOLL_TOKEN), or an explicit --no-auth" in result.output


def test_serve_without_the_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if it were not installed
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2
    assert result.output == "kravkoll: serve needs the optional extra 'serve' (uvicorn is missing): pip install 'kravkoll[serve]'\n"


def test_the_command_line_does_not_load_the_server() -> None:
    code = "import sys, checker.cli; print(sorted(m for m in sys.modules if m.startswith(('starlette', 'uvicorn', 'checker.serve'))))"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert shown.stdout.strip() == "[]"


def test_a_real_server_answers(tmp_path: Path) -> None:
    """``kravkoll serve`` on a free port: the page and a check over real HTTP, then Ctrl-C stops it
    and its workers."""
    import socket  # noqa: PLC0415

    import httpx  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "serve", "--port", str(port), "--workers", "1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"

        def up() -> bool:
            try:
                return httpx.get(f"{base}/healthz", timeout=1).status_code == 200
            except httpx.HTTPError:
                return server.poll() is not None

        wait_until(up)
        assert server.poll() is None
        response = httpx.post(f"{base}/api/check", files={"file": ("a.md", SV_TEXT.encode())}, timeout=120)
        assert response.status_code == 200 and response.json()["findings"]
    finally:
        server.send_signal(signal.SIGINT)
        _out, err = server.communicate(timeout=60)
    assert server.returncode == 0
    assert f"serving on http://127.0.0.1:{port}/" in err and "POST /api/check 200" in err
