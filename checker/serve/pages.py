"""The page for writers (``/``) and the rule playground (``/rules``), in Swedish or English.

The HTML is made here with its labels; behaviour lives in ``static/kravkoll.js`` and looks in
``static/kravkoll.css`` (the security policy allows no inline script). Texts the script shows
travel in a JSON data block, which is not run.
"""

from __future__ import annotations

import json
from html import escape

from .. import __version__
from ..rulecompile import shipped_ruleset_language, shipped_ruleset_names

LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "skip": "Till innehållet",
        "tagline": "Granska ett förfrågningsunderlag, en kravspecifikation eller ett avtal: går kraven att mäta, följs de upp och får de en konsekvens?",
        "other_language": "English",
        "playground": "Regellabb",
        "api": "API",
        "document": "Dokument",
        "file": "Välj en fil (.docx, .md, .txt eller .pdf) eller släpp den här",
        "or_text": "… eller klistra in text",
        "text_format": "Textens format",
        "markdown": "Markdown",
        "plain": "Ren text",
        "rules": "Regler",
        "lang": "Dokumentets språk",
        "detect": "Känn av",
        "rulesets_help": "Utan ikryssade regeluppsättningar används de som följer med för dokumentets språk.",
        "swedish_rulesets": "Svenska regeluppsättningar",
        "english_rulesets": "Engelska regeluppsättningar",
        "token": "Åtkomstnyckel (servern kräver den)",
        "check": "Granska",
        "result": "Resultat",
        "downloads": "Ladda ned",
        "annotated": "Word-fil med kommentarer (.docx)",
        "matrix_csv": "Spårbarhetsmatris (CSV)",
        "matrix_html": "Spårbarhetsmatris (HTML)",
        "json": "Rapport (JSON)",
        "sarif": "Rapport (SARIF)",
        "report_frame": "Granskningsrapporten",
        "privacy": "Inget du skickar sparas eller loggas: dokumentet granskas i minnet och glöms när svaret har skickats.",
        "msg_checking": "Granskar …",
        "msg_done": "Klart: {requirements} krav, {findings} anmärkningar.",
        "msg_nothing": "Välj en fil eller klistra in text först.",
        "msg_downloading": "Hämtar …",
        "msg_downloaded": "Nedladdat: {name}",
        "pg_title": "Regellabb",
        "pg_intro": "Skriv en regel i regelspråket (.krav). Den kontrolleras medan du skriver, dess exempel körs, och texten nedanför granskas med den.",
        "pg_rules": "Regelfil (.krav)",
        "pg_sample": "Text att pröva regeln på",
        "pg_problems": "Fel i regelfilen",
        "pg_examples": "Exempel",
        "pg_findings": "Anmärkningar på texten",
        "pg_valid": "Regelfilen är giltig. Egna regler: {rules}; från de regeluppsättningar den bygger på: {extended}.",
        "pg_invalid": "Fel i regelfilen: {count}.",
        "pg_none": "Inga.",
        "pg_pass": "godkänt",
        "pg_fail": "underkänt",
        "pg_back": "Granska ett dokument",
    },
    "en": {
        "skip": "Skip to content",
        "tagline": "Review a tender document, a requirements specification or a contract: can its requirements be measured, are they followed up, and do they have a consequence?",
        "other_language": "Svenska",
        "playground": "Rule playground",
        "api": "API",
        "document": "Document",
        "file": "Choose a file (.docx, .md, .txt or .pdf) or drop it here",
        "or_text": "… or paste text",
        "text_format": "Format of the text",
        "markdown": "Markdown",
        "plain": "Plain text",
        "rules": "Rules",
        "lang": "Language of the document",
        "detect": "Detect",
        "rulesets_help": "Without a ticked ruleset, the shipped rulesets of the document's language are used.",
        "swedish_rulesets": "Swedish rulesets",
        "english_rulesets": "English rulesets",
        "token": "Access token (this server needs one)",
        "check": "Check",
        "result": "Result",
        "downloads": "Download",
        "annotated": "Word file with comments (.docx)",
        "matrix_csv": "Traceability matrix (CSV)",
        "matrix_html": "Traceability matrix (HTML)",
        "json": "Report (JSON)",
        "sarif": "Report (SARIF)",
        "report_frame": "The review report",
        "privacy": "Nothing you send is stored or logged: the document is checked in memory and forgotten once the answer is sent.",
        "msg_checking": "Checking …",
        "msg_done": "Done: {requirements} requirements, {findings} findings.",
        "msg_nothing": "Choose a file or paste text first.",
        "msg_downloading": "Fetching …",
        "msg_downloaded": "Downloaded: {name}",
        "pg_title": "Rule playground",
        "pg_intro": "Write a rule in the rule language (.krav). It is validated as you type, its examples run, and the text below is checked with it.",
        "pg_rules": "Rule file (.krav)",
        "pg_sample": "Text to try the rule on",
        "pg_problems": "Errors in the rule file",
        "pg_examples": "Examples",
        "pg_findings": "Findings on the text",
        "pg_valid": "The rule file is valid. Rules of its own: {rules}; from the rulesets it extends: {extended}.",
        "pg_invalid": "Errors in the rule file: {count}.",
        "pg_none": "None.",
        "pg_pass": "passes",
        "pg_fail": "fails",
        "pg_back": "Check a document",
    },
}

STARTER_RULES = {
    "sv": """ruleset "vara-regler" {
  language sv
  extends  "sv-krav"
}
terms vaga = "snabbt", "skyndsamt", "i rimlig tid", "vid behov"

requirement VAG01 "Vagt om tid" {
  category unmeasurable
  severity error
  when     vaga and not matbar
  message  "\\"{match}\\" går inte att mäta."
  suggest  "Ange en tid, t.ex. \\"inom 4 timmar\\"."
  example flag "Leverantören ska åtgärda fel snabbt."
  example pass "Leverantören ska åtgärda fel inom 4 timmar."
}
""",
    "en": """ruleset "our-rules" {
  language en
  extends  "en-requirements"
}
terms vague = "quickly", "promptly", "in reasonable time", "as needed"

requirement VAG01 "Vague about time" {
  category unmeasurable
  severity error
  when     vague and not measurable
  message  "\\"{match}\\" cannot be measured."
  suggest  "Give a time, e.g. \\"within 4 hours\\"."
  example flag "The supplier shall fix faults quickly."
  example pass "The supplier shall fix faults within 4 hours."
}
""",
}
STARTER_TEXT = {
    "sv": "K1. Leverantören ska åtgärda fel skyndsamt.\n\nK2. Leverantören ska svara på frågor inom 2 arbetsdagar.\n",
    "en": "R1. The supplier shall fix faults promptly.\n\nR2. The supplier shall answer questions within 2 working days.\n",
}


def page_language(chosen: str | None, accept_language: str) -> str:
    """``?lang=`` when given, else the first of sv/en in the browser's Accept-Language, else English."""
    if chosen in LABELS:
        return chosen
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in ("sv", "en") and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else "en"


def _shell(language: str, title: str, body: str, labels: dict[str, str], script_labels: dict[str, str], here: str) -> str:
    other = "en" if language == "sv" else "sv"
    nav = (
        f'<nav aria-label="kravkoll"><ul class="nav">'
        f'<li><a href="{here}?lang={other}" lang="{other}" hreflang="{other}">{escape(labels["other_language"])}</a></li>'
        f'<li><a href="/?lang={language}">{escape(labels["pg_back"])}</a></li>'
        f'<li><a href="/rules?lang={language}">{escape(labels["playground"])}</a></li>'
        f'<li><a href="/docs">{escape(labels["api"])}</a></li></ul></nav>'
    )
    data = json.dumps(script_labels, ensure_ascii=False).replace("<", "\\u003c")
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="icon" href="data:,">\n<link rel="stylesheet" href="/static/kravkoll.css">\n'
        '<script src="/static/kravkoll.js" defer></script>\n</head>\n<body>\n'
        f'<a class="skip" href="#main">{escape(labels["skip"])}</a>\n'
        f'<header class="wrap"><p class="brand">kravkoll <span class="version">{escape(__version__)}</span></p>{nav}</header>\n'
        f'<main id="main" class="wrap">\n{body}</main>\n'
        f'<script type="application/json" id="labels">{data}</script>\n</body>\n</html>\n'
    )


def _script_labels(labels: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in labels.items() if key.startswith(("msg_", "pg_"))}


def _ruleset_boxes(labels: dict[str, str]) -> str:
    groups: list[str] = []
    names = shipped_ruleset_names()
    for language, legend in (("sv", labels["swedish_rulesets"]), ("en", labels["english_rulesets"])):
        boxes = "".join(
            f'<li><input type="checkbox" name="ruleset" value="{escape(name)}" id="rs-{escape(name)}" data-lang="{language}">'
            f' <label for="rs-{escape(name)}">{escape(name)}</label></li>'
            for name in names
            if shipped_ruleset_language(name) == language
        )
        if boxes:
            groups.append(f'<fieldset class="rulesets"><legend>{escape(legend)}</legend><ul class="boxes">{boxes}</ul></fieldset>')
    return "".join(groups)


def _token_field(labels: dict[str, str], auth: bool) -> str:
    if not auth:
        return ""
    return f'<p class="field"><label for="token">{escape(labels["token"])}</label><input type="password" id="token" autocomplete="off" spellcheck="false"></p>'


def index_html(language: str, auth: bool = False) -> str:
    """The page for writers: a document in, the report and its downloads out."""
    t = LABELS[language]
    downloads = "".join(
        f'<li><button type="button" class="download" data-kind="{kind}"{hidden}>{escape(t[key])}</button></li>'
        for kind, key, hidden in (
            ("annotate", "annotated", ' data-docx-only="true"'),
            ("matrix-csv", "matrix_csv", ""),
            ("matrix-html", "matrix_html", ""),
            ("json", "json", ""),
            ("sarif", "sarif", ""),
        )
    )
    body = f"""<h1>kravkoll</h1>
<p class="lead">{escape(t["tagline"])}</p>
<form id="check-form" class="card" novalidate>
<fieldset><legend>{escape(t["document"])}</legend>
<div class="drop" id="drop"><label for="file">{escape(t["file"])}</label>
<input type="file" id="file" name="file" accept=".docx,.md,.markdown,.txt,.text,.pdf"></div>
<p class="field"><label for="text">{escape(t["or_text"])}</label>
<textarea id="text" name="text" rows="8" spellcheck="false"></textarea></p>
<p class="field"><label for="format">{escape(t["text_format"])}</label>
<select id="format" name="format"><option value="md">{escape(t["markdown"])}</option><option value="txt">{escape(t["plain"])}</option></select></p>
</fieldset>
<fieldset><legend>{escape(t["rules"])}</legend>
<p class="field"><label for="lang">{escape(t["lang"])}</label>
<select id="lang" name="lang"><option value="">{escape(t["detect"])}</option><option value="sv" lang="sv">svenska</option><option value="en" lang="en">English</option></select></p>
<p class="help">{escape(t["rulesets_help"])}</p>
{_ruleset_boxes(t)}
</fieldset>
{_token_field(t, auth)}
<p><button type="submit" id="check">{escape(t["check"])}</button></p>
</form>
<p id="status" class="status" role="status" aria-live="polite"></p>
<section id="result" class="result" hidden aria-labelledby="result-title">
<h2 id="result-title" tabindex="-1">{escape(t["result"])}</h2>
<h3>{escape(t["downloads"])}</h3>
<ul class="downloads">{downloads}</ul>
<iframe id="report" title="{escape(t["report_frame"])}"></iframe>
</section>
<p class="help">{escape(t["privacy"])}</p>
"""
    return _shell(language, "kravkoll", body, t, _script_labels(t), "/")


def playground_html(language: str, auth: bool = False) -> str:
    """The rule playground: a .krav editor, its errors and examples, and findings on a text."""
    t = LABELS[language]
    body = f"""<h1>{escape(t["pg_title"])}</h1>
<p class="lead">{escape(t["pg_intro"])}</p>
<form id="playground" class="card playground" novalidate>
<p class="field"><label for="rules">{escape(t["pg_rules"])}</label>
<textarea id="rules" rows="18" spellcheck="false" class="code">{escape(STARTER_RULES[language])}</textarea></p>
<p class="field"><label for="sample">{escape(t["pg_sample"])}</label>
<textarea id="sample" rows="6">{escape(STARTER_TEXT[language])}</textarea></p>
{_token_field(t, auth)}
</form>
<p id="status" class="status" role="status" aria-live="polite"></p>
<section class="card" aria-labelledby="problems-title"><h2 id="problems-title">{escape(t["pg_problems"])}</h2><ul id="problems" class="problems"></ul></section>
<section class="card" aria-labelledby="examples-title"><h2 id="examples-title">{escape(t["pg_examples"])}</h2><ul id="examples" class="examples"></ul></section>
<section class="card" aria-labelledby="findings-title"><h2 id="findings-title">{escape(t["pg_findings"])}</h2><ul id="findings" class="findings"></ul></section>
"""
    return _shell(language, f"kravkoll: {t['pg_title']}", body, t, _script_labels(t), "/rules")
