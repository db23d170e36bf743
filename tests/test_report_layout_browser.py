"""The report and the matrix page fit the screen they are read on and print compactly:
headless Chromium lays them out at 1280 px and at 390 px (a phone; in a frame that wide, as
Chromium's windows are at least 500 px) and prints them to PDF. Skipped when Chromium is not
installed (``.ci/run`` installs Debian's ``chromium``)."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import pypdf
import pytest
from test_report_browser import CHROMIUM, chromium, console_problems

from checker.engine import check_each
from checker.matrix import matrix_document
from checker.report import Matrix
from checker.reporters.html import render_report
from checker.reporters.labels import Labels
from checker.reporters.matrix_html import render_matrix_html

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: .ci/run installs Debian's 'chromium'")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
WIDE = ("en-rfp.docx", "sv-avtal-sla.docx")  # the examples with the most requirements and the longest link lists

# Opens the report's filter and writes what the layout looks like into the page's body: the page's own width and how wide it
# is laid out, and for every table whether it fits the box it stands in and every matrix cell
# whether it lies inside the visible page, how it is displayed and the label shown before it.
_PROBE = """<script>
(function(){document.querySelectorAll("details").forEach(function(e){e.open=true;});  // the filter's boxes shown too
var d=document.documentElement,seen={page:[d.clientWidth,d.scrollWidth],tables:[],cells:[]};
document.querySelectorAll("table").forEach(function(t){var box=t.parentElement;
seen.tables.push([t.className,box.scrollWidth,box.clientWidth]);});
document.querySelectorAll(".matrix td").forEach(function(td){var r=td.getBoundingClientRect(),s=getComputedStyle(td);
seen.cells.push([Math.round(r.left),Math.round(r.right),s.display,getComputedStyle(td,"::before").content,td.textContent]);});
document.body.setAttribute("data-layout",JSON.stringify(seen));})();
</script></body>"""
_FRAME = """<!DOCTYPE html><html><body style="margin:0"><iframe id="phone" src="{page}" style="width:390px;height:4000px;border:0"></iframe>
<script>window.addEventListener("load",function(){{
document.body.setAttribute("data-layout",document.getElementById("phone").contentDocument.body.getAttribute("data-layout"));}});</script>
</body></html>"""


def report_of(name: str, path: Path | None = None) -> str:
    result = next(check_each([path or EXAMPLES / name]))
    return render_report(result, matrix_document(result), [f"{r.name} {r.version}" for r in result.rulesets])


def matrix_of(name: str, path: Path | None = None) -> str:
    result = next(check_each([path or EXAMPLES / name]))
    return render_matrix_html(Matrix(documents=[matrix_document(result)]))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("layout")
    deep = folder / ("upphandlingsdokument-" * 4 + "2026") / "granskade-utkast"  # a long path, written out in the pages
    deep.mkdir(parents=True)
    written = {}
    for name in WIDE:
        copy = deep / name
        copy.write_bytes((EXAMPLES / name).read_bytes())
        for kind, html in (("report", report_of(name, copy)), ("matrix", matrix_of(name, copy))):
            page = folder / f"{kind}-{name}.html"
            page.write_text(html.replace("</body>", _PROBE), encoding="utf-8")
            written[f"{kind}-{name}"] = page
    return written


def layout(page: Path, profile: Path, width: int) -> dict:
    """The probe's findings for ``page`` laid out ``width`` pixels wide."""
    if width >= 500:
        run = chromium(page, profile, "--dump-dom", f"--window-size={width},3000")
    else:
        frame = page.with_name(f"phone-{page.name}")
        frame.write_text(_FRAME.format(page=page.name), encoding="utf-8")
        run = chromium(frame, profile, "--dump-dom", "--window-size=800,3000", "--allow-file-access-from-files", "--virtual-time-budget=5000")
    assert console_problems(run.stderr) == []
    found = re.search(r'<body[^>]* data-layout="([^"]*)"', run.stdout)
    assert found, run.stderr[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


@pytest.mark.parametrize("width", [1280, 390])
def test_nothing_is_cut_off_at_a_desktop_and_a_phone_width(pages: dict[str, Path], tmp_path: Path, width: int) -> None:
    for name, page in pages.items():
        seen = layout(page, tmp_path / "profile", width)
        client, scrolled = seen["page"]
        assert client <= width and scrolled <= client, (name, seen["page"])  # the page never scrolls sideways
        assert all(inner <= outer + 1 for _, inner, outer in seen["tables"]), (name, seen["tables"])  # nor does a table
        cells = seen["cells"]
        assert cells and all(0 <= left and right <= client for left, right, *_ in cells), name  # every cell in view
        statuses = [text for *_, text in cells[6::7]]
        assert statuses and all(text.strip() for text in statuses)
        if width < 500:  # a phone: each requirement a card, each value under its column's name
            labels = Labels("sv" if "sv-" in name else "en")
            assert {display for _, _, display, _, _ in cells} == {"block"}
            assert [before for *_, before, _ in cells[:7]] == [
                f'"{labels("column." + c)}"' for c in ("id", "where", "text", "measurable", "follow_up", "sanction", "status")
            ]


@pytest.mark.parametrize("name", WIDE)
def test_printed_report_is_compact_with_each_part_on_new_pages_and_the_whole_matrix(name: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(report_of(name), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    run = chromium(page, tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.is_file(), run.stderr[-2000:]
    texts = [unicodedata.normalize("NFKC", p.extract_text()) for p in pypdf.PdfReader(pdf).pages]  # "ﬁ" → "fi"
    labels = Labels("sv" if name.startswith("sv-") else "en")
    assert len(texts) <= 12  # was 17 (sv-avtal-sla) and 20 (en-rfp) pages before the print stylesheet
    for part in ("section.text", "section.findings", "section.matrix"):  # each part starts a page
        assert any(text.lstrip().startswith(labels(part)) for text in texts), part
    start = next(i for i, text in enumerate(texts) if text.lstrip().startswith(labels("section.matrix")))
    matrix = re.sub(r"-\s+", "-", " ".join(" ".join(texts[start:]).split()))  # "follow-" at a line's end, "up" on the next
    result = next(check_each([EXAMPLES / name]))
    rows = matrix_document(result).requirements
    shown = sum(matrix.count(labels("status." + status)) for status in {row.status for row in rows})
    assert shown >= len(rows)  # every row's status is printed: no column is cut off


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TWENTY_PAGES = ("sv-avtal-sla", "sv-kravspecifikation", "sv-forfragningsunderlag")


def twenty_page_contract(path: Path) -> Path:
    """The three Swedish example documents and their improved versions as one .docx: 21 pages
    in LibreOffice, 110 requirements, with findings and clean text as a real contract has."""
    names = [f"{name}{suffix}.docx" for name in TWENTY_PAGES for suffix in ("", ".improved")]
    combined = docx.Document(str(EXAMPLES / names[0]))
    end = combined.element.body[-1]  # the section properties stay last
    for name in names[1:]:
        for element in docx.Document(str(EXAMPLES / name)).element.body:
            if not element.tag.endswith("}sectPr"):
                end.addprevious(copy.deepcopy(element))
    combined.save(str(path))
    return path


def pdf_pages(pdf: Path) -> list[str]:
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in pypdf.PdfReader(pdf).pages]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (it counts the contract's own pages)")
def test_a_twenty_page_contract_prints_in_fewer_pages_with_every_part_and_every_requirement(tmp_path: Path) -> None:
    contract = twenty_page_contract(tmp_path / "avtal.docx")
    profile = tmp_path / "office"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path), str(contract)],
        capture_output=True,
        timeout=300,
        check=True,
        env={**os.environ, "HOME": str(profile)},
    )
    assert len(pypdf.PdfReader(tmp_path / "avtal.pdf").pages) >= 20  # the contract as Word's format prints it
    page = tmp_path / "report.html"
    page.write_text(report_of("", contract), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    run = chromium(page, tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.is_file(), run.stderr[-2000:]
    texts = pdf_pages(pdf)
    assert len(texts) < 20  # was 41 pages for a 20-page contract before
    labels = Labels("sv")
    for part in ("section.text", "section.findings", "section.matrix"):  # each part starts a page
        assert any(text.lstrip().startswith(labels(part)) for text in texts), part
    start = next(i for i, text in enumerate(texts) if text.lstrip().startswith(labels("section.matrix")))
    matrix = " ".join(" ".join(texts[start:]).split())
    rows = matrix_document(next(check_each([contract]))).requirements
    assert len(rows) > 100
    assert sum(matrix.count(labels("status." + s)) for s in {row.status for row in rows}) >= len(rows)  # no row, no column cut


# Unticks a severity and a rule in the report's filter and counts the findings still shown.
_FILTER_PROBE = """<script>
(function(){var seen={},items=function(){return Array.prototype.filter.call(document.querySelectorAll("ol.findings>li"),
function(li){return getComputedStyle(li).display!=="none";}).map(function(li){return li.id;});};
seen.all=items();document.getElementById("show-sev-warning").checked=false;seen.noWarnings=items();
var rule=document.querySelector(".filter-rule input");rule.checked=false;seen.rule=rule.id;seen.noRule=items();
["error","info"].forEach(function(s){var box=document.getElementById("show-sev-"+s);if(box){box.checked=false;
box.dispatchEvent(new Event("change",{bubbles:true}));}});
seen.groupsShown=Array.prototype.filter.call(document.querySelectorAll(".clause-group"),function(g){return !g.hidden;}).length;
document.body.setAttribute("data-filter",JSON.stringify(seen));})();
</script></body>"""


def test_the_filter_hides_and_shows_findings_by_severity_and_rule(tmp_path: Path) -> None:
    result = next(check_each([EXAMPLES / "sv-avtal-sla.docx"]))
    page = tmp_path / "filter.html"
    html = render_report(result, matrix_document(result), [])
    page.write_text(html.replace("</body>", _FILTER_PROBE), encoding="utf-8")
    run = chromium(page, tmp_path / "profile", "--dump-dom", "--window-size=1280,3000")
    assert console_problems(run.stderr) == []
    found = re.search(r'<body[^>]* data-filter="([^"]*)"', run.stdout)
    assert found, run.stderr[-2000:]
    seen = json.loads(found.group(1).replace("&quot;", '"'))
    active = [f for f in result.findings if not f.suppressed]
    numbered = {f"f-{n}": f for n, f in enumerate(active, start=1)}
    assert sorted(seen["all"]) == sorted(numbered)
    assert sorted(seen["noWarnings"]) == sorted(k for k, f in numbered.items() if f.severity != "warning")
    rule = min(f.rule for f in active)  # the first rule's box
    assert seen["rule"] == "show-rule-" + rule.replace("/", "-")
    assert sorted(seen["noRule"]) == sorted(k for k, f in numbered.items() if f.severity != "warning" and f.rule != rule)
    assert seen["groupsShown"] == 0  # every severity unticked: no clause heading is left standing alone
