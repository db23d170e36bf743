"""Start-up: each command imports what it needs, so ``--help``, ``--version`` and a one-file check
start fast (bench/README.md, "Start-up"). The modules a run loaded are read from ``sys.modules``
of a real ``python -m checker.cli`` process."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = """
import gc, json, os, runpy, sys
sys.argv = ["kravkoll", *sys.argv[1:]]
try:
    runpy.run_module("checker.cli", run_name="__main__")
except SystemExit:
    pass
"""
"""Run the command as ``python -m checker.cli`` does; a probe then writes what it found to stderr."""
PROBE = RUN + """sys.__stderr__.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")\n"""


def loaded(*args: str, cwd: Path = ROOT) -> list[str]:
    """The modules a ``kravkoll`` command run with ``args`` imported."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    process = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=cwd, env=env, check=False)
    assert "MODULES " in process.stderr, process.stderr
    return json.loads(process.stderr.rpartition("MODULES ")[2])


def matching(modules: list[str], *names: str) -> list[str]:
    """The ``modules`` that are one of ``names`` or inside one of them."""
    return [m for m in modules if any(m == name or m.startswith(f"{name}.") for name in names)]


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["check", "--help"], ["rules", "--help"]])
def test_help_and_version_import_no_models_rules_or_reporters(args: list[str]) -> None:
    modules = loaded(*args)
    assert "checker.cli" in modules
    assert (
        matching(
            modules,
            "pydantic",
            "lark",
            "re2",
            "checker.document",
            "checker.report",
            "checker.rulemodel",
            "checker.engine",
            "checker.config",
            "checker.reporters.json_format",
            "checker.reporters.text",
            "checker.readers.docx",
            "checker.serve",
        )
        == []
    )


def test_a_one_file_check_imports_only_the_reader_and_reporter_it_uses(tmp_path: Path) -> None:
    (tmp_path / "krav.md").write_text("# Drift\n\nLeverantören ska åtgärda fel snabbt.\n", encoding="utf-8")
    modules = loaded("check", "krav.md", "--format", "json", cwd=tmp_path)
    assert "checker.readers.markdown" in modules and "checker.reporters.json_format" in modules
    assert (
        matching(
            modules,
            "checker.readers.docx",
            "checker.readers.pdf",
            "docx",
            "lxml",
            "checker.reporters.html",
            "checker.reporters.sarif",
            "checker.reporters.junit",
            "checker.reporters.docx_annotate",
            "checker.reporters.text",
            "checker.matrix",
            "checker.balance",
            "checker.ruledocs",
            "checker.serve",
            "checker.baseline",
            "jsonschema",
        )
        == []
    )


FREEZE_PROBE = RUN + """sys.__stderr__.write(f"\\nPLUGINS {os.environ.get('PYDANTIC_DISABLE_PLUGINS')}\\nFROZEN {gc.get_freeze_count()}\\n")\n"""


def test_the_process_command_line_leaves_out_pydantic_plugins_and_freezes_what_is_left_and_a_caller_is_untouched(tmp_path: Path) -> None:
    """``kravkoll`` run as a process looks for no pydantic plugins and freezes the objects it
    leaves as it exits (Python's collections at exit then pass them by); a caller that passes
    the arguments goes on unfrozen, its environment as it was."""
    from click.testing import CliRunner

    from checker.cli import main

    page = tmp_path / "page.md"
    page.write_text("Leverantören ska leverera snabbt.\n", encoding="utf-8")
    env = {name: value for name, value in os.environ.items() if name != "PYDANTIC_DISABLE_PLUGINS"}
    env |= {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])), "KRAVKOLL_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.run([sys.executable, "-c", FREEZE_PROBE, "check", str(page)], capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    assert int(process.stderr.rpartition("FROZEN ")[2]) > 0, process.stderr
    assert "PLUGINS __all__" in process.stderr
    before, plugins = gc.get_freeze_count(), os.environ.get("PYDANTIC_DISABLE_PLUGINS")
    result = CliRunner().invoke(main, ["check", str(page)], env={"KRAVKOLL_CACHE_DIR": str(tmp_path / "cache")})
    assert result.exit_code in (0, 1), result.output
    assert gc.get_freeze_count() == before
    assert os.environ.get("PYDANTIC_DISABLE_PLUGINS") == plugins


BUILT_PROBE = (
    "import sys\n_tempfile_at_start = 'tempfile' in sys.modules  # imported by site in some environments\n"
    + RUN
    + """
loaded = sorted(name for name in sys.modules if name.partition(".")[0] in ("pydantic", "pydantic_core"))
sys.__stderr__.write("\\nLOADED " + json.dumps([loaded[:3], "importlib.metadata" in sys.modules, "tempfile" in sys.modules and not _tempfile_at_start]) + "\\n")
"""
)


@pytest.mark.parametrize(
    ("output_format", "configuration", "suffix"),
    [
        ("text", None, ".md"),
        ("json", None, ".md"),
        ("json", 'fail-on = "never"\ntimeout = 30\nselect = ["unmeasurable"]\n', ".md"),
        ("json", None, ".docx"),
        ("sarif", None, ".md"),
        ("gitlab", None, ".md"),
    ],
)
def test_a_warm_one_file_check_imports_no_pydantic_and_no_package_metadata(tmp_path: Path, output_format: str, configuration: str | None, suffix: str) -> None:
    """With the rule cache warm, a one-file check imports no pydantic (the models are plain
    classes of ``checker.modelbase``: the rulesets rebuilt from the cache, the document made by
    the readers without validation, the configuration by ``default_config``, or by
    ``read_config`` from a file's plain values, the report by ``model_construct``, its JSON,
    SARIF and GitLab JSON written by ``modelbase.json_text``), nor ``importlib.metadata``, nor
    ``tempfile`` (with what it imports: ``files.write_output`` imports it when it writes)."""
    if configuration is not None:
        (tmp_path / "kravkoll.toml").write_text(configuration, encoding="utf-8")
    page = tmp_path / f"page{suffix}"
    if suffix == ".docx":
        shutil.copyfile(ROOT / "examples" / "en-sow.docx", page)
    else:
        page.write_text("# Delivery\n\nThe supplier shall deliver promptly.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])), "KRAVKOLL_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("KRAVKOLL_NO_CACHE", None)
    command = [sys.executable, "-c", BUILT_PROBE, "check", "--lang", "en", "--format", output_format, str(page)]
    runs = [subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, check=False) for _ in range(2)]
    assert "shall" in runs[1].stdout or "promptly" in runs[1].stdout, runs[1].stdout  # a finding was written
    assert json.loads(runs[0].stderr.rpartition("LOADED ")[2])[0] != []  # cold: the rules were compiled, so validated
    assert json.loads(runs[1].stderr.rpartition("LOADED ")[2]) == [[], False, False]  # tempfile: only a file written needs it


def test_a_warm_one_file_matrix_in_json_imports_no_pydantic(tmp_path: Path) -> None:
    """``matrix --format json`` writes the matrix by ``modelbase.dumped_json`` (its rows' computed
    ``status`` too), not by the twins' serializer: a warm run imports no pydantic."""
    page = tmp_path / "page.md"
    page.write_text("# Delivery\n\nThe supplier shall deliver promptly.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])), "KRAVKOLL_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("KRAVKOLL_NO_CACHE", None)
    command = [sys.executable, "-c", BUILT_PROBE, "matrix", "--lang", "en", "--format", "json", str(page)]
    runs = [subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, check=False) for _ in range(2)]
    assert json.loads(runs[1].stdout)["documents"][0]["requirements"], runs[1].stdout
    assert json.loads(runs[1].stderr.rpartition("LOADED ")[2])[0] == []


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (".md", "# Delivery\n\n<!-- a note -->\n\n<!-- kravkoll: ignore en-requirements/RQ002 -- agreed -->\nThe supplier shall deliver promptly.\n"),
        (".txt", "DELIVERY\n\n# kravkoll: ignore en-requirements/RQ002 -- agreed\nThe supplier shall deliver promptly.\n"),
    ],
)
def test_a_warm_check_of_a_document_with_comments_and_suppressions_imports_no_pydantic(tmp_path: Path, suffix: str, text: str) -> None:
    """The readers make a comment's location and a suppression without validation
    (``segment.source_location``, ``trusted``): validating the first of them imported pydantic and
    built the twins, about 0.1 s of CPU, for any document with an HTML comment."""
    page = tmp_path / f"page{suffix}"
    page.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])), "KRAVKOLL_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("KRAVKOLL_NO_CACHE", None)
    command = [sys.executable, "-c", BUILT_PROBE, "check", "--lang", "en", "--format", "json", str(page)]
    runs = [subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, check=False) for _ in range(2)]
    assert any(finding["suppressed"] for finding in json.loads(runs[1].stdout)["findings"]), runs[1].stdout
    assert json.loads(runs[1].stderr.rpartition("LOADED ")[2])[0] == []
