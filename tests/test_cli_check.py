"""``kravkoll check`` end to end: through click's runner and as a real process."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from check_helpers import (
    CLEAN,
    DRAFT,
    RULESET,
    invoke,
    run,
    sarif_schema,
    work,  # noqa: F401 - a pytest fixture
    write,
)

from checker.paths import report_schema_file
from checker.report import report_schema

R = str(RULESET)


def findings_of(output: str) -> list[tuple[str, int | None]]:
    """(rule, line) of each finding in JSON output."""
    data = json.loads(output)
    return [(f["rule"], f["location"]["line"] if f["location"] else None) for f in data["findings"]]


# ---- text ------------------------------------------------------------------------------------


def test_text_output_shows_position_statement_underline_suggestion_and_summary(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    result = invoke("check", "utkast.md", "--ruleset", R)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    first = lines.index('utkast.md:7:30: error [sv-avtal/OMATBART] "snabbt" går inte att mäta. Ange nivå, enhet och mätmetod.')
    assert lines[first + 1] == "    | Leverantören ska åtgärda fel snabbt."
    assert lines[first + 2] == "    |                              ^^^^^^"
    assert lines[first + 3] == "    Var: 4 Drift, rad 7"  # the clause and heading, then the line
    assert lines[first + 4].startswith('    = Ersätt "snabbt"')
    assert "utkast.md:9:36: warning [sv-avtal/UTAN-UPPFOLJNING]" in result.stdout
    assert lines[-2:] == [
        "Found 1 error, 2 warnings, 0 info in 1 file.",  # the summary, and what exit code 1 means
        "Exit code 1: the documents have findings of severity error or worse (--fail-on). "
        "That is the result, not a failure of kravkoll; 2 means a file could not be read.",
    ]
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    assert result.stderr == ""


def test_quiet_prints_only_the_summary(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    result = invoke("check", "utkast.md", "-r", R, "--quiet")
    assert result.stdout == "Found 1 error, 2 warnings, 0 info in 1 file.\n"


def test_colour_is_forced_by_color_and_never_used_for_files(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    coloured = invoke("check", "utkast.md", "-r", R, "--color", "--output-format", "text=plain.txt")
    assert "\x1b[1;31merror\x1b[0m" in coloured.stdout
    assert "\x1b[" not in (work / "plain.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in invoke("check", "utkast.md", "-r", R, "--no-color").stdout


def test_no_color_environment_turns_colour_off(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.cli import check as cli

    monkeypatch.setattr(cli.sys, "stdout", _Tty())
    assert cli.use_color(None) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli.use_color(None) is False
    assert cli.use_color(True) is True


class _Tty:
    def isatty(self) -> bool:
        return True


def test_long_statement_is_shown_as_a_window_around_the_match(work: Path) -> None:
    filler = "och dessutom gäller att samtliga delar av tjänsten omfattas " * 4
    write(work / "lang.md", f"Avtalstid: två år.\n\nLeverantören ska {filler}och åtgärda fel snabbt i alla lägen.\n")
    result = invoke("check", "lang.md", "-r", R)
    excerpt = next(line for line in result.stdout.splitlines() if line.startswith("    | …"))
    underline = result.stdout.splitlines()[result.stdout.splitlines().index(excerpt) + 1]
    start = underline.index("^") - len("    | ")
    assert excerpt[len("    | ") :][start : start + len("snabbt")] == "snabbt"
    assert len(excerpt) < 120


# ---- exit codes ------------------------------------------------------------------------------


def test_exit_codes_follow_fail_on(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / "ren.md", CLEAN)
    assert invoke("check", "ren.md", "-r", R).exit_code == 0
    assert invoke("check", "utkast.md", "-r", R).exit_code == 1
    assert invoke("check", "utkast.md", "-r", R, "--ignore", "OMATBART").exit_code == 0
    assert invoke("check", "utkast.md", "-r", R, "--ignore", "OMATBART", "--fail-on", "warning").exit_code == 1
    assert invoke("check", "utkast.md", "-r", R, "--fail-on", "never").exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["saknas.md"], "kravkoll: saknas.md: no such file or folder"),
        (["*.docxx"], "kravkoll: *.docxx: no files match"),
        (["utkast.md", "--ruleset", "finns-inte.krav"], "finns-inte.krav: no such rule file"),
        (["utkast.md", "--ruleset", "trasig.krav"], "trasig.krav:"),
        (["utkast.md", "--baseline", "ingen.json"], "ingen.json: no such baseline file"),
        (["utkast.md", "--config", "fel.toml"], "fel.toml: unknown key 'regler'"),
    ],
)
def test_bad_inputs_give_one_line_on_stderr_and_exit_2(work: Path, args: list[str], message: str) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / "trasig.krav", 'ruleset "x" {\n  language sv\n}\nrequirement A "t" {\n  category nonsense\n  when "ska"\n  message "m"\n}\n')
    write(work / "fel.toml", 'regler = ["x"]\n')
    if "--ruleset" not in args:
        args = [*args, "--ruleset", R]
    result = invoke("check", *args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--format", "pdf"], ["--output-format", "pdf"], ["--output-format", "xml=a.xml"], ["--write", "sarif"], ["--jobs", "-1"]])
def test_usage_errors_exit_2(work: Path, args: list[str]) -> None:
    write(work / "utkast.md", DRAFT)
    result = invoke("check", "utkast.md", "-r", R, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_exit_codes_of_a_real_process(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / "ren.md", CLEAN)
    assert run("check", "ren.md", "-r", R, cwd=work).returncode == 0
    found = run("check", "utkast.md", "-r", R, cwd=work)
    assert found.returncode == 1
    assert b"utkast.md:7:30: error [sv-avtal/OMATBART]" in found.stdout
    missing = run("check", "saknas.md", "-r", R, cwd=work)
    assert missing.returncode == 2
    assert missing.stderr.decode() == "kravkoll: saknas.md: no such file or folder\n"
    usage = run("check", "utkast.md", "--fail-on", "sometimes", cwd=work)
    assert usage.returncode == 2
    assert b"Traceback" not in usage.stderr


def test_batch_with_a_broken_file_reports_the_others_and_exits_2(work: Path) -> None:
    write(work / "docs" / "a.md", DRAFT)
    (work / "docs" / "b.md").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    write(work / "docs" / "c.md", DRAFT)
    for runner in ("runner", "process"):
        if runner == "runner":
            result = invoke("check", "docs", "-r", R, "--format", "json")
            code, stdout, stderr = result.exit_code, result.stdout, result.stderr
        else:
            process = run("check", "docs", "-r", R, "--format", "json", cwd=work)
            code, stdout, stderr = process.returncode, process.stdout.decode(), process.stderr.decode()
        assert code == 2
        assert stderr.splitlines() == [f"kravkoll: {Path('docs/b.md')}: is a binary file, not text"]
        data = json.loads(stdout)
        assert {f["file"] for f in data["findings"]} == {str(Path("docs/a.md")), str(Path("docs/c.md"))}
        assert data["summary"]["unreadable"] == 1


def test_unexpected_error_in_one_file_does_not_stop_the_batch(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.engine import Linter

    real_check = Linter.check

    def failing(linter, items):  # noqa: ANN001, ANN202
        if str(items[0]).endswith("b.md"):
            raise ValueError("reader bug")
        return real_check(linter, items)

    monkeypatch.setattr(Linter, "check", failing)
    write(work / "a.md", DRAFT)
    write(work / "b.md", DRAFT)
    result = invoke("check", "a.md", "b.md", "-r", R, "--quiet")
    assert result.exit_code == 2
    assert result.stderr == "kravkoll: b.md: internal error: ValueError: reader bug\n"
    assert result.stdout.startswith("Found 1 error, 2 warnings, 0 info in 1 file")


# ---- inputs ----------------------------------------------------------------------------------


def test_folders_are_searched_recursively_for_known_extensions(work: Path) -> None:
    write(work / "docs" / "a.md", DRAFT)
    write(work / "docs" / "sub" / "b.txt", DRAFT)
    write(work / "docs" / "notes.csv", DRAFT)
    write(work / "docs" / ".hidden" / "c.md", DRAFT)
    data = json.loads(invoke("check", "docs", "-r", R, "-f", "json").stdout)
    assert [f["path"] for f in data["files"]] == [str(Path("docs/a.md")), str(Path("docs/sub/b.txt"))]


def test_globs_and_empty_folders(work: Path) -> None:
    write(work / "a.md", DRAFT)
    write(work / "b.md", CLEAN)
    (work / "tom").mkdir()
    result = invoke("check", "*.md", "tom", "-r", R, "-f", "json")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["a.md", "b.md"]
    assert "kravkoll: warning: tom: no documents to check in this folder" in result.stderr
    assert result.exit_code == 1


def test_standard_input(work: Path) -> None:
    result = invoke("check", "-", "-r", R, "-f", "json", input=DRAFT.encode("utf-8"))
    assert result.exit_code == 1
    assert findings_of(result.stdout) == [("sv-avtal/OMATBART", 7), ("sv-avtal/UTAN-SANKTION", 9), ("sv-avtal/UTAN-UPPFOLJNING", 9)]
    assert json.loads(result.stdout)["files"][0]["path"] == "<stdin>"
    process = run("check", "-", "--stdin-format", "txt", "-r", R, cwd=work, input=DRAFT.encode("utf-8"))
    assert process.returncode == 1
    assert b"<stdin>:7:30: error [sv-avtal/OMATBART]" in process.stdout
    empty = invoke("check", "-", "-r", R, "-f", "json", input=b"")  # an empty document: checked, nothing to find
    assert (empty.exit_code, empty.stderr, json.loads(empty.stdout)["findings"]) == (0, "", [])


# ---- formats ---------------------------------------------------------------------------------


def test_json_output_validates_against_the_shipped_schema(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / "sup.md", DRAFT.replace("Leverantören", "<!-- kravkoll: ignore OMATBART -- beslutat -->\nLeverantören"))
    (work / "trasig.md").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    schema = json.loads(report_schema_file().read_text(encoding="utf-8"))
    result = invoke("check", "utkast.md", "sup.md", "trasig.md", "-r", R, "-f", "json")
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["tool"]["rulesets"] == [
        {"name": "sv-avtal", "version": "1.0.0", "path": str(RULESET.relative_to(Path.cwd())) if RULESET.is_relative_to(Path.cwd()) else str(RULESET)}
    ]
    assert data["summary"] == {"error": 1, "warning": 4, "info": 0, "suppressed": 1, "baselined": 0, "files": 3, "unreadable": 1}
    broken = {**data, "summary": {**data["summary"], "error": "many"}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_shipped_report_schema_is_current_and_printed() -> None:
    shipped = report_schema_file().read_text(encoding="utf-8")
    assert shipped == report_schema(), "regenerate with: python -m checker.report"
    assert invoke("schema", "report").stdout == shipped


def _sarif(work: Path, *args: str) -> dict:
    write(work / "utkast.md", DRAFT)
    suppressed = DRAFT.replace("Leverantören", "<!-- kravkoll: ignore OMATBART -- beslutat i styrgruppen -->\nLeverantören")
    write(work / "sup.md", suppressed.replace("Avtalstid: två år från tecknande.", "Två år."))
    result = invoke("check", "utkast.md", "sup.md", "-r", R, "-f", "sarif", *args)
    return json.loads(result.stdout)


def test_sarif_validates_against_the_official_schema(work: Path) -> None:
    log = _sarif(work)
    validator = jsonschema.Draft7Validator(sarif_schema(), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(log)) == []
    assert list(validator.iter_errors({**log, "version": "2.0"}))


def test_sarif_describes_every_rule_and_points_results_at_them(work: Path) -> None:
    log = _sarif(work, "--ignore", "INCITAMENT")
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [
        "sv-avtal/OMATBART",
        "sv-avtal/UTAN-UPPFOLJNING",
        "sv-avtal/UTAN-SANKTION",
        "sv-avtal/VITE-UTAN-BELOPP",
        "sv-avtal/AVTALSTID",
        "sv-avtal/INCITAMENT",
    ]
    omatbart = rules[0]
    assert omatbart["name"] == "OMATBART"
    assert omatbart["shortDescription"]["text"] == "Kravet går inte att följa upp"
    assert omatbart["defaultConfiguration"] == {"level": "error", "enabled": True}
    assert "Upphandlingsmyndigheten" in omatbart["help"]["text"]
    assert omatbart["help"]["text"].startswith('"…" går inte att mäta.') and "{" not in omatbart["help"]["text"]
    assert "helpUri" not in omatbart  # a rule file of the user's own: its pages are wherever 'rules docs' wrote them
    assert omatbart["properties"]["documentation"] == "docs/rules/sv-avtal/OMATBART.md"
    assert rules[5]["defaultConfiguration"] == {"level": "note", "enabled": False}
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"]["kravkoll/v2"]
    first = run_["results"][0]
    assert first["ruleId"] == "sv-avtal/AVTALSTID"  # sup.md sorts first; it lacks the clause
    assert first["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "sup.md", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 1}}}
    ]  # the whole document: its first line
    located = next(r for r in run_["results"] if r["ruleId"] == "sv-avtal/OMATBART" and "suppressions" not in r)
    assert located["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "utkast.md"
    assert located["level"] == "error"
    assert located["locations"][0]["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 30, "endColumn": 36, "snippet": {"text": "snabbt"}}
    suppressed = [r for r in run_["results"] if "suppressions" in r]
    assert [r["suppressions"] for r in suppressed] == [[{"kind": "inSource", "justification": "beslutat i styrgruppen"}]]
    assert run_["columnKind"] == "unicodeCodePoints"


def code_scanning_problems(log: dict) -> list[str]:
    """What GitHub code scanning would reject or show badly in a SARIF log (its documented
    requirements: docs.github.com, "SARIF support for code scanning")."""
    problems: list[str] = []
    for run_ in log["runs"]:
        rules = run_["tool"]["driver"]["rules"]
        if not run_.get("invocations"):
            problems.append("no invocations")
        for rule in rules:
            if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_./-]{0,254}", rule["id"]):
                problems.append(f"rule id {rule['id']!r}")
            if not rule["shortDescription"]["text"] or not rule["help"]["text"] or re.search(r"\{[\w.]+\}", rule["help"]["text"]):
                problems.append(f"{rule['id']}: help {rule['help']['text'][:40]!r}")
            if "helpUri" in rule and not re.fullmatch(r"https://[^\s{}]+\.md", rule["helpUri"]):
                problems.append(f"{rule['id']}: helpUri {rule['helpUri']!r}")
        for result in run_["results"]:
            if rules[result["ruleIndex"]]["id"] != result["ruleId"] or result["level"] not in ("error", "warning", "note", "none"):
                problems.append(f"{result['ruleId']}: rule index or level")
            prints = result.get("partialFingerprints", {})
            if not prints or not all(isinstance(v, str) and v for v in prints.values()):
                problems.append(f"{result['ruleId']}: partialFingerprints")
            for location in result["locations"]:
                physical = location["physicalLocation"]
                if physical["artifactLocation"]["uri"].startswith("/") or physical.get("region", {}).get("startLine", 0) < 1:
                    problems.append(f"{result['ruleId']}: location {physical}")
    return problems


def test_sarif_of_the_shipped_rules_suits_github_code_scanning(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / "draft.md", "The supplier shall respond promptly.\n\nThe service shall be user-friendly.\n")
    log = json.loads(invoke("check", "utkast.md", "draft.md", "-f", "sarif").stdout)
    validator = jsonschema.Draft7Validator(sarif_schema(), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(log)) == []
    assert code_scanning_problems(log) == []
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    version = log["runs"][0]["tool"]["driver"]["version"]
    assert rules["sv-avtal/AV001"]["helpUri"] == f"https://github.com/kravkoll/kravkoll/blob/v{version}/docs/rules/sv-avtal/AV001.md"
    repository = Path(__file__).resolve().parents[1]
    for rule in rules.values():  # every link names a page the repository has
        assert (repository / rule["helpUri"].split(f"/blob/v{version}/", 1)[1]).is_file()
    assert all(r["locations"][0]["physicalLocation"].get("region") for r in log["runs"][0]["results"])
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_sarif_uris_are_relative_and_encoded(work: Path) -> None:
    write(work / "förfrågan med mellanslag.md", DRAFT)
    result = invoke("check", str(work / "förfrågan med mellanslag.md"), "-r", R, "-f", "sarif")
    location = json.loads(result.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "f%C3%B6rfr%C3%A5gan%20med%20mellanslag.md", "uriBaseId": "%SRCROOT%"}


def test_github_annotations(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    result = invoke("check", "utkast.md", "-r", R, "-f", "github", "--select", "OMATBART,UTAN-SANKTION")
    assert result.stdout.splitlines() == [
        '::error file=utkast.md,line=7,col=30,title=[sv-avtal/OMATBART] Kravet går inte att följa upp::"snabbt" går inte att mäta.'
        ' Ange nivå, enhet och mätmetod.%0AVar: 4 Drift, rad 7%0AErsätt "snabbt" med en mätbar nivå, till exempel "inom 4 timmar".',
        "::warning file=utkast.md,line=9,col=36,title=[sv-avtal/UTAN-SANKTION] Uppföljt krav utan konsekvens::"
        "Kravet K4.1 saknar konsekvens om det inte uppfylls.%0AVar: 4 Drift, rad 9",
    ]


def test_github_info_is_a_notice_and_missing_clause_has_no_line(work: Path) -> None:
    write(work / "vite.md", "Vid försening utgår vite.\n")
    lines = invoke("check", "vite.md", "-r", R, "-f", "github").stdout.splitlines()
    assert "::error file=vite.md,title=[sv-avtal/AVTALSTID] Avtalstid saknas::Dokumentet anger ingen avtalstid.%0AVar: hela dokumentet" in lines
    assert any(line.startswith("::notice file=vite.md,title=[sv-avtal/INCITAMENT]") for line in lines)


def test_junit_has_a_suite_per_file_and_a_case_per_rule(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / "ren.md", CLEAN)
    (work / "tom.md").write_bytes(b"")
    result = invoke("check", "utkast.md", "ren.md", "tom.md", "-r", R, "-f", "junit", "--ignore", "VITE-UTAN-BELOPP")
    root = ET.fromstring(result.stdout)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["utkast.md", "ren.md", "tom.md"]
    draft, clean, empty = suites
    assert (draft.get("tests"), draft.get("failures")) == ("5", "1")
    failed = [c for c in draft.findall("testcase") if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["sv-avtal/OMATBART: Kravet går inte att följa upp"]
    assert "utkast.md:7:30: error [sv-avtal/OMATBART]" in failed[0].find("failure").text
    warned = next(c for c in draft.findall("testcase") if c.get("name").startswith("sv-avtal/UTAN-SANKTION"))
    assert warned.find("failure") is None and "utkast.md:9:36: warning" in warned.find("system-out").text
    assert (clean.get("tests"), clean.get("failures")) == ("5", "0")
    assert empty.get("errors") == "0" and empty.get("failures") == "0"  # an empty document is checked: nothing to find
    assert (root.get("failures"), root.get("errors")) == ("1", "0")
    stricter = ET.fromstring(invoke("check", "utkast.md", "-r", R, "-f", "junit", "--fail-on", "warning").stdout)
    assert stricter.get("failures") == "3"


def test_output_files_for_several_formats_at_once(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    result = invoke(
        "check", "utkast.md", "-r", R, "-f", "github", "--output-format", "sarif=ut/k.sarif", "--output-format", "json=k.json", "--output-format", "junit=k.xml"
    )
    assert result.stdout.startswith("::error file=utkast.md")
    assert result.exit_code == 2  # ut/ does not exist
    assert result.stderr.splitlines() == ["kravkoll: ut/k.sarif: cannot write: No such file or directory"]
    (work / "ut").mkdir()
    result = invoke(
        "check", "utkast.md", "-r", R, "-o", "k.txt", "--output-format", "sarif=ut/k.sarif", "--output-format", "json=k.json", "--output-format", "junit=k.xml"
    )
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((work / "ut" / "k.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert len(json.loads((work / "k.json").read_text(encoding="utf-8"))["findings"]) == 3
    assert ET.parse(work / "k.xml").getroot().tag == "testsuites"
    assert "\nFound 1 error, 2 warnings, 0 info in 1 file.\nExit code 1: " in (work / "k.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("check", "utkast.md", "-r", R, "-o", ""),
        ("check", "utkast.md", "-r", R, "--write-baseline", ""),
        ("matrix", "utkast.md", "-r", R, "-o", ""),
        ("report", "utkast.md", "-r", R, "-o", ""),
        ("annotate", "utkast.docx", "-r", R, "-o", ""),
    ],
)
def test_an_empty_output_name_is_a_usage_error(work: Path, args: tuple[str, ...]) -> None:
    """``-o "$OUT"`` with OUT unset: check failed after its work ("cannot write: Device or
    resource busy"), matrix printed to standard output, report and annotate wrote their default
    file, and --write-baseline wrote no baseline and said nothing."""
    write(work / "utkast.md", DRAFT)
    (work / "utkast.docx").write_bytes((Path(__file__).resolve().parents[1] / "examples" / "sv-avtal-sla.docx").read_bytes())
    result = invoke(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().endswith("': an empty file name")
    assert sorted(p.name for p in work.iterdir()) == ["utkast.docx", "utkast.md"]


# ---- selection and configuration -------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "rules"),
    [
        ("--select", "sv-avtal/OMATBART", {"sv-avtal/OMATBART"}),
        ("--select", "OMATBART", {"sv-avtal/OMATBART"}),
        ("--select", "missing-sanction", {"sv-avtal/UTAN-SANKTION"}),
        ("--select", "sv-avtal/UTAN-*", {"sv-avtal/UTAN-SANKTION", "sv-avtal/UTAN-UPPFOLJNING"}),
        ("--ignore", "sv-avtal/OMATBART", {"sv-avtal/UTAN-SANKTION", "sv-avtal/UTAN-UPPFOLJNING"}),
        ("--ignore", "UTAN-SANKTION,unmeasurable", {"sv-avtal/UTAN-UPPFOLJNING"}),
        ("--ignore", "sv-avtal/*", set()),
    ],
)
def test_select_and_ignore(work: Path, option: str, value: str, rules: set[str]) -> None:
    write(work / "utkast.md", DRAFT)
    result = invoke("check", "utkast.md", "-r", R, "-f", "json", option, value)
    if not rules:  # a run where no rule runs is a mistake, not a clean result
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == "kravkoll: no rule would run (--select/--ignore leave none)\n"
        return
    assert {rule for rule, _ in findings_of(result.stdout)} == rules
    assert result.stderr == ""


def test_selectors_that_match_no_rule_are_errors_with_the_closest_id(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / "kravkoll.toml", '[severity]\n"sv-avtal/UTAN-SANKTON" = "info"\n')
    result = invoke("check", "utkast.md", "-r", R, "--ignore", "OMATBAR", "--select", "sv-krav/*,OMATBART,sv-avtl/OMATBART", "--quiet")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [  # sv-krav/* names a shipped ruleset that is not in use: allowed
        "kravkoll: select 'sv-avtl/OMATBART' matches no rule of sv-avtal; did you mean 'sv-avtal/OMATBART'?",
        "kravkoll: ignore 'OMATBAR' matches no rule of sv-avtal; did you mean 'OMATBART'?",
        "kravkoll: severity 'sv-avtal/UTAN-SANKTON' matches no rule of sv-avtal; did you mean 'sv-avtal/UTAN-SANKTION'?",
    ]
    (work / "kravkoll.toml").unlink()
    (work / "trasig.md").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    shipped = invoke("check", "utkast.md", "trasig.md", "--ignore", "AV01", "--quiet")  # no shipped rule of any language: before reading
    assert (shipped.exit_code, shipped.stderr) == (
        2,
        "kravkoll: ignore 'AV01' matches no rule of en-contract, en-requirements, en-rfp, sv-avtal, sv-krav, sv-lou; did you mean 'AV101'?\n",
    )
    english = invoke("check", "utkast.md", "--ignore", "CT001", "--lang", "sv", "--quiet")  # a rule of the other language only
    assert english.exit_code == 2 and "ignore 'CT001' matches no rule of sv-avtal, sv-krav, sv-lou" in english.stderr
    forms = invoke("check", "utkast.md", "--ignore", "AV001,sv-krav/KR001,missing-clause,en-contract/*", "--quiet")
    assert forms.exit_code in (0, 1) and forms.stderr == ""


def test_timeout_and_every_documented_key_are_accepted_in_the_configuration(work: Path) -> None:
    from checker.config import config_keys

    assert config_keys() == ["rulesets", "select", "ignore", "severity", "party", "fail-on", "lang", "exclude", "timeout"]
    write(work / "utkast.md", DRAFT)
    write(work / "kravkoll.toml", "timeout = 30\n")
    assert invoke("check", "utkast.md", "-r", R, "--quiet").exit_code == 1
    write(work / "kravkoll.toml", "timeout = -1\n")
    assert "kravkoll.toml: timeout: Input should be greater than 0" in invoke("check", "utkast.md", "-r", R).stderr
    readme = (Path(__file__).resolve().parents[1] / "docs" / "ci.md").read_text(encoding="utf-8")
    for key in config_keys():
        assert f"\n{key} " in readme or f"\n[{key}]" in readme, f"docs/ci.md does not document the key '{key}'"


@pytest.mark.parametrize("name", ["kravkoll.toml", "pyproject.toml"])
def test_deeply_nested_configuration_is_a_clear_error(work: Path, name: str) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / name, "[tool.kravkoll]\n" * (name == "pyproject.toml") + "select = " + "[" * 50_000 + "\n")
    result = invoke("check", "utkast.md", "-r", R)
    assert (result.exit_code, result.stderr) == (2, f"kravkoll: {work / name}: invalid TOML: nested too deeply\n")


def test_config_in_a_parent_folder_with_ruleset_relative_to_it(work: Path) -> None:
    project = work / "projekt"
    write(project / "regler" / "avtal.krav", RULESET.read_text(encoding="utf-8"))
    write(
        project / "kravkoll.toml",
        'rulesets = ["regler/avtal.krav"]\nignore = ["UTAN-SANKTION"]\nexclude = ["arkiv/**"]\n[severity]\n"sv-avtal/OMATBART" = "info"\n',
    )
    write(project / "underlag" / "utkast.md", DRAFT)
    write(project / "arkiv" / "gammal.md", DRAFT)
    result = invoke("check", "projekt", "-f", "json")
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == [str(Path("projekt/underlag/utkast.md"))]
    assert {(f["rule"], f["severity"]) for f in data["findings"]} == {("sv-avtal/OMATBART", "info"), ("sv-avtal/UTAN-UPPFOLJNING", "warning")}
    assert result.exit_code == 0  # OMATBART is only info now
    nested = invoke("check", str(project / "underlag" / "utkast.md"), "--fail-on", "info")
    assert nested.exit_code == 1


def test_pyproject_tool_section_is_found(work: Path) -> None:
    write(
        work / "pyproject.toml",
        f'[project]\nname = "x"\n\n[tool.kravkoll]\nrulesets = [{json.dumps(R)}]\nfail-on = "warning"\nselect = ["missing-follow-up"]\n',
    )
    write(work / "docs" / "utkast.md", DRAFT)
    result = invoke("check", "docs", "-f", "json")
    assert findings_of(result.stdout) == [("sv-avtal/UTAN-UPPFOLJNING", 9)]
    assert result.exit_code == 1  # fail-on warning from the configuration
    assert invoke("check", "docs", "--fail-on", "error").exit_code == 0


def test_config_errors_name_the_file(work: Path) -> None:
    write(work / "kravkoll.toml", 'fail-on = "ibland"\n')
    write(work / "utkast.md", DRAFT)
    result = invoke("check", "utkast.md", "-r", R)
    assert result.exit_code == 2
    assert result.stderr.startswith("kravkoll: ") and "kravkoll.toml: fail-on: Input should be" in result.stderr
    write(work / "kravkoll.toml", "base_dir = '/'\n")
    assert "kravkoll.toml: unknown key 'base_dir'" in invoke("check", "utkast.md", "-r", R).stderr


def test_command_line_ruleset_overrides_the_configuration(work: Path) -> None:
    write(work / "kravkoll.toml", 'rulesets = ["finns-inte.krav"]\n')
    write(work / "utkast.md", DRAFT)
    assert invoke("check", "utkast.md").exit_code == 2
    assert invoke("check", "utkast.md", "-r", R).exit_code == 1


# ---- suppression -----------------------------------------------------------------------------


def test_suppression_comment_in_markdown(work: Path) -> None:
    text = DRAFT.replace(
        "Leverantören ska åtgärda fel snabbt.", "<!-- kravkoll: ignore OMATBART -- nivån anges i bilaga 3 -->\nLeverantören ska åtgärda fel snabbt."
    )
    write(work / "utkast.md", text)
    result = invoke("check", "utkast.md", "-r", R)
    assert "OMATBART" not in result.stdout
    assert result.stdout.splitlines()[-1] == "Found 0 errors, 2 warnings, 0 info in 1 file (1 suppressed)."
    assert "no reason" not in result.stdout
    assert result.exit_code == 0
    data = json.loads(invoke("check", "utkast.md", "-r", R, "-f", "json").stdout)
    suppressed = [f for f in data["findings"] if f["suppressed"]]
    assert [(f["rule"], f["suppression_reason"]) for f in suppressed] == [("sv-avtal/OMATBART", "nivån anges i bilaga 3")]


def test_suppression_without_reason_works_and_is_noted_once(work: Path) -> None:
    text = DRAFT.replace("K4.1", "<!-- kravkoll: ignore UTAN-SANKTION, UTAN-UPPFOLJNING -->\nK4.1")
    write(work / "utkast.md", text)
    result = invoke("check", "utkast.md", "-r", R)
    assert "(2 suppressed)" in result.stdout
    notes = [line for line in result.stdout.splitlines() if line.startswith("note:")]
    assert notes == ["note: 2 suppressed findings have no reason; write one after '--': <!-- kravkoll: ignore RULE -- why -->"]


def test_suppression_that_names_no_rule_is_an_error_for_its_file(work: Path) -> None:
    write(work / "utkast.md", DRAFT.replace("Leverantören ska", "<!-- kravkoll: ignore OMATBAR -- godtaget -->\nLeverantören ska"))
    write(work / "ren.md", CLEAN)
    result = invoke("check", "utkast.md", "ren.md", "-r", R, "--quiet")
    assert result.exit_code == 2
    assert result.stderr == "kravkoll: utkast.md: line 7: suppression 'OMATBAR' matches no rule of sv-avtal; did you mean 'OMATBART'?\n"
    assert result.stdout.endswith("in 1 file; 1 file could not be read.\n")  # the other file is still checked
    write(work / "utkast.md", DRAFT.replace("Leverantören ska", "<!-- kravkoll: ignore unmeasurable -->\nLeverantören ska"))
    assert "suppression 'unmeasurable' matches no rule" in invoke("check", "utkast.md", "-r", R).stderr  # ids only
    write(work / "utkast.md", DRAFT.replace("Leverantören ska", "<!-- kravkoll: ignore sv-krav/KR001, * -->\nLeverantören ska"))
    assert invoke("check", "utkast.md", "-r", R).stderr == ""  # a shipped ruleset not in use, and every rule


def test_suppression_in_plain_text(work: Path) -> None:
    text = DRAFT.replace("Leverantören ska", "# kravkoll: ignore sv-avtal/OMATBART -- godtaget\nLeverantören ska")
    write(work / "utkast.txt", text)
    result = invoke("check", "utkast.txt", "-r", R, "-f", "json")
    assert [(f["rule"], f["suppressed"]) for f in json.loads(result.stdout)["findings"] if f["rule"].endswith("OMATBART")] == [("sv-avtal/OMATBART", True)]


# ---- baselines -------------------------------------------------------------------------------


def test_baseline_reports_only_findings_new_in_the_next_revision(work: Path) -> None:
    write(work / "anbud.md", DRAFT)
    written = invoke("check", "anbud.md", "-r", R, "--write-baseline", "baslinje.json")
    assert written.exit_code == 0  # writing a baseline accepts the findings
    assert written.stderr == "kravkoll: wrote 3 findings to the baseline baslinje.json\n"
    revision = (
        DRAFT.replace("# Avtal om drift\n", "# Avtal om drift\n\nEn inledning flyttar allt tre rader.\n\n") + "\nLeverantören ska svara på frågor skyndsamt.\n"
    )
    write(work / "anbud.md", revision)
    result = invoke("check", "anbud.md", "-r", R, "--baseline", "baslinje.json", "-f", "json")
    data = json.loads(result.stdout)
    assert findings_of(result.stdout) == [("sv-avtal/OMATBART", 14)]
    assert data["summary"]["baselined"] == 3
    assert result.exit_code == 1
    text = invoke("check", "anbud.md", "-r", R, "--baseline", "baslinje.json").stdout
    assert text.splitlines()[-2] == "Found 1 error, 0 warnings, 0 info in 1 file (3 in the baseline)."


def test_baseline_follows_a_revision_saved_under_a_new_name(work: Path) -> None:
    write(work / "anbud-v1.md", DRAFT)
    invoke("check", "anbud-v1.md", "-r", R, "--write-baseline", "b.json")
    write(work / "anbud-v2.md", DRAFT + "\nLeverantören ska svara skyndsamt.\n")
    result = invoke("check", "anbud-v2.md", "-r", R, "--baseline", "b.json", "-f", "json")
    assert findings_of(result.stdout) == [("sv-avtal/OMATBART", 11)]


def test_invalid_baseline_file(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / "b.json", '{"findings": "alla"}')
    result = invoke("check", "utkast.md", "-r", R, "--baseline", "b.json")
    assert result.exit_code == 2
    assert result.stderr.startswith("kravkoll: b.json: not a kravkoll baseline")


# ---- determinism and jobs --------------------------------------------------------------------


def _batch(folder: Path, count: int) -> None:
    for i in range(count):
        extra = "\n".join(f"K{i}.{j} Leverantören ska leverera rapport {j} snabbt." for j in range(i % 4))
        write(folder / f"dok{i:02}.md", DRAFT + "\n" + extra + "\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "trasig.md").write_bytes(b"\x00\x01\x02binary\x00" * 50)


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "text"])
def test_output_is_byte_identical_across_runs_and_jobs(work: Path, fmt: str) -> None:
    _batch(work / "docs", 12)
    outputs = [run("check", "docs", "-r", R, "-f", fmt, "--jobs", jobs, cwd=work) for jobs in ("1", "1", "2", "3")]
    assert {o.returncode for o in outputs} == {2}
    assert len({o.stdout for o in outputs}) == 1
    assert len({o.stderr for o in outputs}) == 1
    assert outputs[0].stdout.count(b"OMATBART") > 12


def test_reports_name_no_installation_path(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    local = work / "regler.krav"
    write(local, RULESET.read_text(encoding="utf-8"))
    for fmt in ("json", "sarif"):
        out = run("check", "utkast.md", "-r", "regler.krav", "-f", fmt, cwd=work).stdout.decode()
        assert str(work) not in out and str(Path(__file__).parent.parent) not in out


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from checker.cli import check as cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, shown in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(cli.sys, "stderr", stream)
        with cli.progress(3, enabled=True) as tick:
            assert (tick is not None) is shown
            for _ in range(3 if tick else 0):
                tick()
        assert ("Checking" in stream.getvalue()) is shown
    with cli.progress(3, enabled=False) as tick:
        assert tick is None


def test_no_paths_checks_the_current_folder(work: Path) -> None:
    write(work / "a" / "utkast.md", DRAFT)
    result = invoke("check", "-r", R, "-f", "json")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(Path("a/utkast.md"))]


def test_a_run_where_no_rule_runs_says_so(work: Path) -> None:
    write(work / "utkast.md", DRAFT)
    write(work / "tom.krav", 'ruleset "tom" {\n  language sv\n}\n')
    empty = invoke("check", "utkast.md", "-r", "tom.krav")
    assert (empty.exit_code, empty.stderr) == (2, "kravkoll: no rule would run (tom has no rules)\n")
    result = invoke("check", "utkast.md", "-r", R, "--ignore", "sv-avtal/*")
    assert (result.exit_code, result.stderr) == (2, "kravkoll: no rule would run (--select/--ignore leave none)\n")


def test_a_language_option_that_contradicts_the_text_is_said_and_the_document_still_checked(tmp_path: Path) -> None:
    document = write(tmp_path / "avtal.md", "Leverantören ska åtgärda fel snabbt.\n\nKonsulten ska rapportera löpande.\n")
    result = invoke("check", "--lang", "en", "--format", "json", str(document))
    report = json.loads(result.stdout)
    assert report["files"][0]["language"] == "en" and report["files"][0]["language_conflict"] == "sv"
    assert "reads as Swedish, but it was checked as English" in result.stderr
    agreeing = invoke("check", "--lang", "sv", "--format", "json", str(document))
    assert json.loads(agreeing.stdout)["files"][0]["language_conflict"] is None
    assert "reads as" not in agreeing.stderr
