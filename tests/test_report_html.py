"""The HTML report (``kravkoll report``) and the HTML matrix: self-contained, escaped,
accessible, in the document's language, deterministic."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner
from writer_helpers import EN_DOCUMENT, EN_RULES, SV_DOCUMENT, SV_RULES, checked, checked_text

from checker.cli import main
from checker.matrix import build_matrix, matrix_document
from checker.reporters.html import render_report
from checker.reporters.matrix_html import render_matrix_html
from checker.reporters.page import report_script


class _Page(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def report_of(result) -> str:
    return render_report(result, matrix_document(result), [f"{r.name} {r.version}" for r in result.rulesets])


def test_report_is_self_contained():
    html = report_of(checked(SV_DOCUMENT))
    page = parse(html)
    for tag, attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base")
        for name in ("src", "href", "action", "srcset"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith("#"), (tag, name, value)
    assert "url(" not in html and "@import" not in html
    assert not re.search(r"(?i)https?://", html)
    assert [script.strip() for script in page.scripts] == [report_script().strip()]


def test_hostile_document_text_is_shown_as_text():
    hostile = (
        "# 1 Krav <img src=x onerror=alert(1)>\n\n"
        'K1 Leverantören ska <script>alert("x")</script> åtgärda fel snabbt.\n\n'
        "| Id | Krav |\n|----|------|\n| K2 | Leverantören ska leverera </td></tr></table><script>alert(2)</script> om möjligt. |\n"
    )
    result = checked_text(hostile, name='<b onmouseover="x">avtal</b>.md')
    html = report_of(result)
    page = parse(html)
    assert [tag for tag, _ in page.tags if tag in ("img", "b")] == []
    assert len(page.scripts) == 1 and page.scripts[0].strip() == report_script().strip()
    assert "ska &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; åtgärda fel" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    text = "".join(page.text)
    assert '<script>alert("x")</script>' in text and "<script>alert(2)</script>" in text
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    # the vague word next to the hostile text is still highlighted
    assert re.search(r'<mark><a href="#f-\d+" aria-describedby="t-\d+">snabbt<sup', html)
    matrix_html = render_matrix_html(build_matrix([result]))
    assert [tag for tag, _ in parse(matrix_html).tags if tag in ("img", "b", "script")] == []


def test_findings_are_highlighted_explained_and_listed():
    html = report_of(checked(SV_DOCUMENT))
    match = re.search(
        r'<span class="hl sev-error"><mark><a href="#f-(\d+)" aria-describedby="(t-\d+)">snabbt<sup class="fn">\d+</sup></a></mark>'
        r'<span class="tip" role="tooltip" id="(t-\d+)">(.*?)</span></span>',
        html,
    )
    assert match, "the vague word is a focusable highlight with its explanation"
    number, described_by, tip_id, tip = match.groups()
    assert described_by == tip_id
    assert "&quot;snabbt&quot; går inte att mäta" in tip and "Förslag:" in tip
    item = re.search(rf'<li id="f-{number}" class="sev-error[^"]*">(.*?)</li>', html, re.S)
    assert item and "K2.2 · 2 Tjänstens omfattning, rad 12" in item.group(1) and "Ersätt &quot;snabbt&quot;" in item.group(1)
    assert "Regel: writer-sv/OMATBART" in item.group(1)
    # ids are unique, and every in-page link has a target
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert {target for target in re.findall(r'href="#([^"]+)"', html)} <= set(ids)


def test_statements_stand_under_their_headings_and_requirements_show_their_status():
    html = report_of(checked(SV_DOCUMENT))
    text_section = html[html.index('id="text"') : html.index('id="findings"')]
    order = [text_section.index(s) for s in ("2 Tjänstens omfattning", "K2.1 Tjänsten ska", "3 Support", "S1</td>", "5 Viten")]
    assert order == sorted(order)
    assert re.search(r'<h4 id="s-\d+">2 Tjänstens omfattning</h4>', text_section)
    assert 'class="chip st-complete" href="#m-' in text_section and "K2.1 · Komplett" in text_section
    assert "Sanktion saknas" in text_section


def test_scorecard_tiles_and_matrix():
    html = report_of(checked(SV_DOCUMENT))
    scores = dict(re.findall(r'data-score="(\w+)"><p class="label">[^<]*</p><p class="big">(\d+)&nbsp;%', html))
    assert scores == {"measurable": "71", "followed_up": "71", "sanctioned": "29", "complete": "14"}
    assert "5 av 7 krav" in html
    tiles = dict(re.findall(r'<li class="tile (present|missing)" data-element="(\w+)"', html))
    tiles = {element: state for state, element in re.findall(r'<li class="tile (present|missing)" data-element="(\w+)"', html)}
    assert tiles == {
        "follow_up": "present",
        "sanction": "present",
        "incentive": "missing",
        "governance": "present",
        "improvement": "missing",
        "change": "present",
        "termination": "present",
        "acceptance": "missing",
        "dispute": "missing",
    }
    assert len(re.findall(r'<tr id="m-\d+" data-status=', html)) == 7
    assert "2 fel, 2 varningar, 0 tips" in html  # the table's rows without a sanction: one finding


def test_swedish_and_english_labels():
    swedish = report_of(checked(SV_DOCUMENT))
    english = report_of(checked(EN_DOCUMENT, EN_RULES))
    assert '<html lang="sv">' in swedish and '<html lang="en">' in english
    for word in ("Granskning av avtal-drift.md", "Mätbara krav", "Att åtgärda", "Spårbarhetsmatris", "Saknas", "Finns"):
        assert word in swedish
    for word in ("Review of sla.md", "Measurable requirements", "To fix", "Traceability matrix", "Missing", "Present", "Dispute resolution"):
        assert word in english
    assert "Mätbara" not in english and "Measurable" not in swedish


def test_report_is_deterministic():
    assert report_of(checked(SV_DOCUMENT)) == report_of(checked(SV_DOCUMENT))


def test_a_document_without_requirements_or_findings():
    html = report_of(checked_text("# Inledning\n\nDetta dokument beskriver bakgrunden till upphandlingen.\n"))
    assert "Inga krav hittades i dokumentet." in html and "Inga anmärkningar." in html


def test_report_command_writes_one_file(tmp_path):
    runner = CliRunner()
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = runner.invoke(main, ["report", str(SV_DOCUMENT), "-r", str(SV_RULES)], catch_exceptions=False)
    finally:
        os.chdir(before)
    assert result.exit_code == 0, result.output
    written = tmp_path / "avtal-drift.report.html"
    assert written.is_file() and "Wrote avtal-drift.report.html: 7 requirements, 4 findings." in result.stderr
    assert written.read_text(encoding="utf-8") == report_of(checked(SV_DOCUMENT))
    to_stdout = runner.invoke(main, ["report", str(SV_DOCUMENT), "-r", str(SV_RULES), "-o", "-", "--ignore", "OMATBART"])
    assert to_stdout.stdout.startswith("<!DOCTYPE html>") and "OMATBART" not in to_stdout.stdout


def test_report_command_errors(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["report", str(tmp_path / "saknas.md"), "-o", str(tmp_path / "r.html")])
    assert missing.exit_code == 2 and "saknas.md" in missing.stderr and not (tmp_path / "r.html").exists()
    folder = runner.invoke(main, ["report", str(Path(SV_DOCUMENT).parent)])
    assert folder.exit_code == 2 and "give one document" in folder.stderr
    (tmp_path / "tom").mkdir()  # an empty folder said only "warning: … no documents", and exited 2
    empty = runner.invoke(main, ["report", str(tmp_path / "tom")])
    assert empty.exit_code == 2 and empty.stderr.strip().endswith(f"Error: {tmp_path / 'tom'}: give one document (this folder has none)")


def test_offset_of_inverts_location_at_for_every_character():
    for result in (checked(SV_DOCUMENT), checked(EN_DOCUMENT, EN_RULES)):
        for statement in result.document.statements:
            for offset in range(len(statement.text)):
                if statement.text[offset] != " ":  # a joining space has no place of its own in the source
                    assert statement.offset_of(statement.location_at(offset)) == offset, (statement.text, offset)


def test_standalone_matrix_page_has_unique_ids():
    html = render_matrix_html(build_matrix([checked(SV_DOCUMENT), checked(SV_DOCUMENT)]))
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert len(re.findall(r"<tr data-status=", html)) == 14


def test_report_command_cannot_write(tmp_path):
    target = tmp_path / "finns-inte" / "rapport.html"
    result = CliRunner().invoke(main, ["report", str(SV_DOCUMENT), "-r", str(SV_RULES), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"kravkoll: {target}: cannot write: No such file or directory"


MARKUP_DOCUMENT = """# Avtal

## 3 Felhantering

Leverantören ska **alltid** åtgärda fel *snabbt* enligt `rutin` i [bilaga 2](bilaga2.md), 2 * 3 * 4 gånger.

| Prioritet | Åtgärdstid |
|---|---|
| P1 | Fel ska åtgärdas snabbt. |

## 4 Support

K4.1 Leverantören ska svara snabbt.
"""


def test_markdown_emphasis_code_and_links_show_as_the_document_shows_them():
    html = report_of(checked_text(MARKUP_DOCUMENT))
    paragraph = re.search(r"<p>(<span id=\"s-\d+\">Leverantören ska .*?)</p>", html).group(1)
    assert "<strong>alltid</strong>" in paragraph and "<code>rutin</code>" in paragraph and "bilaga 2," in paragraph
    assert "**" not in paragraph and "`" not in paragraph and "](bilaga2.md)" not in paragraph
    assert "2 * 3 * 4" in paragraph  # a lone asterisk is no markup
    # the highlight of a match inside emphasis keeps both: the italic inside the highlighted link
    assert re.search(r'<mark><a href="#f-\d+" aria-describedby="t-\d+"><em>snabbt</em><sup', paragraph)


def test_a_table_keeps_its_header_row_as_its_head():
    html = report_of(checked_text(MARKUP_DOCUMENT))
    assert '<table class="doc-table"><thead><tr><th scope="col">Prioritet</th><th scope="col">Åtgärdstid</th></tr></thead>' in html


def test_findings_are_grouped_by_clause_and_can_be_filtered():
    result = checked_text(MARKUP_DOCUMENT)
    html = report_of(result)
    findings = html[html.index('id="findings"') : html.index('id="matrix"')]
    groups = re.findall(r'<section class="clause-group"><h3>([^<]*) <span class="count">\((\d+)\)</span></h3>', findings)
    active = [f for f in result.findings if not f.suppressed]
    assert [title for title, _ in groups][-2:] == ["3 Felhantering", "4 Support"]
    assert sum(int(n) for _, n in groups) == len(active)
    if any(f.location is None for f in active):
        assert groups[0][0] == "Gäller hela dokumentet"
    for finding in active:  # each finding under its clause, with classes the filter hides it by
        assert re.search(
            rf'<li id="f-\d+" class="sev-{finding.severity} cat-{finding.category} '
            rf'rule-{re.escape(finding.rule.replace("/", "-"))}">',
            findings,
        )
    for name in ["sev-" + f.severity for f in active] + ["rule-" + f.rule.replace("/", "-") for f in active]:
        assert f'<input type="checkbox" id="show-{name}" checked>' in findings
        assert f"#findings:has(#show-{name}:not(:checked)) ol.findings>li.{name}{{display:none}}" in findings


def test_a_repeated_suggestion_is_named_not_repeated_on_paper():
    html = report_of(checked_text(MARKUP_DOCUMENT))
    repeats = re.findall(r'<p class="finding-fix print-only"><strong>Förslag:</strong> som för nr (\d+)\.</p>', html)
    first = re.findall(r'<li id="f-(\d+)"[^>]*>(?:(?!</li>).)*<p class="finding-fix">', html, re.S)
    assert repeats and set(repeats) <= set(first)


def test_word_numbers_show_as_numbers(tmp_path):
    from numbered_contract import numbered_contract

    from checker.engine import check_document
    from checker.readers import read_bytes
    from checker.rulecompile import load_ruleset

    result = check_document(read_bytes(numbered_contract(), "avtal.docx", "docx"), [load_ruleset(SV_RULES)])
    html = report_of(result)
    assert re.search(r'<li class="numbered( quiet)?"><span class="list-label">3\.3\.1</span> <span id="s-\d+">Leverantören ska åtgärda fel', html)
    assert re.search(r'<h4 id="s-\d+"( class="quiet")?><span class="list-label">3\.3</span> Felhantering', html)
    assert "<ul><li>Leverantören ska åtgärda" not in html  # not a bullet
    assert re.search(r'<a class="chip st-unmeasurable" href="#m-\d+">Inte mätbart</a>', html)  # the number not twice


def test_markup_of_a_hostile_statement_is_found_and_shown_in_linear_time():
    import time

    from checker.reporters.markup import Markup

    text = "`a ` **b** _c_ [d](e) " * 10_000  # 220,000 characters, 50,000 pieces of markup
    started = time.monotonic()
    markup = Markup.of(text)
    shown = markup.render(text, 0, len(text)) + "".join(markup.render(text, k, k + 50) for k in range(0, len(text), 200))
    assert time.monotonic() - started < 60  # a generous bound: pairing every piece with every other took hours
    assert shown.count("<code>a </code>") >= 10_000 and shown.count("<strong>b</strong>") >= 10_000
    assert "`" not in shown and "**" not in shown and "](e)" not in shown


def test_markdown_ordered_list_numbers_show_as_numbers_and_are_no_clause_numbers():
    """ "1." and "2." of a Markdown list are shown as the document shows them; they count items,
    so the items' clause stays their section's ("4"), not "4 › 1"."""
    result = checked_text("# 4 Anbud\n\nAnbudet ska innehålla:\n\n1. en teknisk del;\n2. ett pris.\n\n- en bilaga\n")
    html = report_of(result)
    assert re.search(r'<li class="numbered( quiet)?"><span class="list-label">1\.</span> <span id="s-\d+">en teknisk del;', html)
    assert re.search(r'<span class="list-label">2\.</span> <span id="s-\d+">ett pris\.', html)
    assert '<span class="list-label">' not in html.split("en bilaga")[0].rsplit("<li", 1)[-1]  # a bullet has no number
    assert {s.location.clause for s in result.document.statements if s.kind == "list_item"} == {"4"}


def test_the_statements_a_finding_stands_for_are_flagged_with_it():
    """A finding that names other statements (``also``: the rows of a table, every requirement
    of a ``report once per document`` rule) flags each of them with its number, as it flags its
    own: none of them looks like a statement without findings."""
    from support import md, rules

    from checker.engine import check_document

    ruleset = rules("""
        ruleset "once" {
          language sv
        }
        pattern matt = /\\d+\\s*timmar/
        define requirement = "ska"
        define followup = "följs upp"
        followup UPP "Utan uppföljning" {
          category missing-follow-up
          for requirements where matt
          report once per document
          message "{requirement.id} följs inte upp."
        }
        """)
    result = check_document(md("K1 Supporten ska svara inom 4 timmar.\n\nK2 Supporten ska svara inom 2 timmar.\n"), [ruleset])
    (finding,) = result.findings
    assert finding.also == [1]
    html = report_of(result)
    number = re.search(r'<li id="f-(\d+)"', html).group(1)
    for statement in (0, 1):
        block = re.search(rf'<p[^>]*><span id="s-{statement}">.*?</p>', html, re.S).group(0)
        assert f'href="#f-{number}"' in block and "quiet" not in block.split(">", 1)[0]
