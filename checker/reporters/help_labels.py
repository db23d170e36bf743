"""The command line's help in Swedish and English (:data:`HELP`, one key per text), and the
language of the command line's own words (:func:`ui_language`).

The commands and options of :mod:`checker.cli` take their English help from here
(:func:`help_text`); ``--help`` shows it in the user's language (:func:`translated`, used by
:mod:`checker.cli.help`). Every key exists in both languages (a test checks). This module imports
nothing of kravkoll's, so that ``--help`` starts fast; :mod:`.labels` holds every other word."""

from __future__ import annotations

import os
from typing import Iterable, Mapping

HELP: dict[str, dict[str, str]] = {
    "sv": {
        # click's own words, as kravkoll's help shows them
        "click.usage": "Användning: ",
        "click.options": "Flaggor",
        "click.commands": "Kommandon",
        "click.options_metavar": "[FLAGGOR]",
        "click.subcommand_metavar": "KOMMANDO [ARGUMENT]...",
        "click.default": "standard: {value}",
        "click.required": "krävs",
        "click.envvar": "miljövariabel: {value}",
        "option.help": "Visa den här hjälpen och avsluta.",
        "option.version": "Visa versionen och avsluta.",
        "option.debug": "Visa Pythons spårning (traceback) vid oväntade fel.",
        "option.no_cache": "Kompilera regelfilerna utan cachen av kompilerade regeluppsättningar och låt den vara "
        "(eller sätt KRAVKOLL_NO_CACHE=1; cachen ligger i ~/.cache/kravkoll eller $KRAVKOLL_CACHE_DIR).",
        "option.ui_lang": "Språket i kravkolls egna ord (den här hjälpen, sammanfattningen, förloppsindikatorn); det som sägs "
        "om ett dokument följer dokumentets språk.  [standard: språkinställningens (LC_ALL, LC_MESSAGES eller LANG): sv_* svenska, annars engelska]",
        "option.ruleset": "Regeluppsättning att köra (kan upprepas). Standard: konfigurationens, annars de medföljande "
        "regeluppsättningarna för varje dokuments språk.",
        "option.select": "Bara dessa regler (kommaseparerade eller upprepade): fullständiga id, korta id, kategorier eller "
        "mönster (sv-avtal/*). Ersätter konfigurationens.",
        "option.ignore": "Inte dessa regler (samma former som --select). Läggs till konfigurationens.",
        "option.severity": "Rapportera dessa regler som LEVEL (error, warning, info; kan upprepas), t.ex. sv-krav/KR002=info. "
        "Går före konfigurationens [severity].",
        "option.party": "Bara anmärkningar på meningar som binder dessa parter (kan upprepas eller kommasepareras): supplier, buyer, mutual, "
        "tenderer. --party supplier lämnar bort beställarens egna skyldigheter och villkor som binder båda parter; anmärkningar på "
        "meningar som ingen part binds av och på hela dokumentet står kvar. Ersätter konfigurationens 'party'.",
        "option.lang": "Dokumentets språk; hoppar över identifieringen.",
        "option.timeout": "Ge upp ett dokument som tar längre tid att läsa och kontrollera (ett fel för den filen; de andra "
        "fortsätter). Standard: konfigurationens, annars 120 s per dokument när de är flera, ingen gräns för ett. "
        "Gäller inte i Windows.",
        "option.config": "Konfigurationsfil.  [standard: kravkoll.toml eller pyproject.toml [tool.kravkoll] uppåt från första PATH]",
        "main": "Granska upphandlingsdokument: är kraven mätbara, uppföljda och sanktionerade?\n"
        "\n"
        "\b\n"
        "kravkoll check förfrågningsunderlag.docx     granska ett dokument\n"
        "kravkoll check --format json underlag/       en mapp, som JSON\n"
        "kravkoll annotate avtal.docx                 anmärkningarna som kommentarer i en kopia för Word\n"
        "kravkoll rules list                          de medföljande reglerna\n"
        "kravkoll rules test mina-regler.krav         kör en regelfils exempel",
        "check": "Granska dokument: filer, mappar (rekursivt: .docx .md .txt .pdf; inte det som .gitignore ignorerar, "
        "node_modules, virtuella miljöer eller licensfiler), mönster, '-' för standard in; utan PATHS den aktuella mappen.\n"
        "\n"
        "\b\n"
        "Slutkoder: 0 ingen anmärkning på eller över --fail-on; 1 några; 2 användningsfel, filer som inte\n"
        "går att läsa, ogiltiga regeluppsättningar eller konfiguration (en rad var på standard error). Ett regel-id\n"
        "i --select, --ignore, --severity, konfigurationen eller en undantagskommentar som inte är en regels\n"
        "är ett fel (med det närmaste id:t), och det är också en körning där ingen regel skulle köras.\n"
        "I ett dokument undantar '<!-- kravkoll: ignore REGEL -- motivering -->' REGEL i nästa block.\n"
        "Utfiler (-o, --output-format, --write-baseline) skrivs hela eller inte alls, aldrig över\n"
        "en indata i körningen och aldrig genom en symbolisk länk (vägras, slutkod 2).",
        "check.format": "Utformat.  [standard: text]",
        "check.output_format": "Samma som --format (som i ruff). Ett värde FORMAT=FILE fungerar som --write.",
        "check.output": "Skriv rapporten till FILE i stället för till standard ut ('-'). Aldrig över en indata, aldrig genom en länk.",
        "check.write": "Skriv också rapporten i FORMAT till FILE (kan upprepas), t.ex. --write sarif=kravkoll.sarif.",
        "check.fail_on": "Slutkod 1 när en anmärkning med denna allvarlighetsgrad eller högre finns kvar.  [standard: error]",
        "check.jobs": "Processer för en omgång filer; 0: en per processor.",
        "check.baseline": "Rapportera bara anmärkningar som inte finns i denna baslinjefil.",
        "check.write_baseline": "Skriv anmärkningarna till en baslinjefil (godtar dem: slutkod 0 om inte en fil är oläsbar).",
        "check.stdin_format": "Formatet på standard in när en PATH är '-'.",
        "check.quiet": "Inga varningar eller notiser på standard error (fel ändå), ingen förloppsindikator; textformatet skriver bara sammanfattningen.",
        "check.statistics": "Skriv hur många anmärkningar varje regel har i stället för anmärkningarna (JSON med --format json).",
        "check.no_ignore": "I mappar, kontrollera också det som .gitignore ignorerar, node_modules, virtuella miljöer och licensfiler.",
        "check.color": "Färglägg textutdata.  [standard: i en terminal, om inte NO_COLOR är satt]",
        "annotate.short": "En kopia av ett Word-dokument med en kommentar per anmärkning.",
        "annotate": "Skriv en kopia av en .docx med en Word-kommentar för varje anmärkning, för skribenter som arbetar i Word, "
        'av författaren "kravkoll", som säger vad som är fel, ett förslag och regeln: på orden en anmärkning gäller, '
        "annars på kravets mening. Anmärkningar om hela dokumentet (ett villkor som saknas) delar en sammanfattande "
        "kommentar i dess början. Undantagna anmärkningar får ingen kommentar; dokumentets egna kommentarer behålls, "
        "och kravkolls kommentarer och spårade ändringar från en tidigare körning ersätts, så en ny granskning av en "
        "granskad kopia ger var och en en gång.\n"
        "\n"
        'Med --suggest läggs regelns omskrivning av de matchade orden ("skyndsamt" → "inom [X] arbetsdagar", '
        '"m.m." → "[ange hela listan]") in som en spårad ändring som du godkänner eller avvisar i Word.\n'
        "\n"
        "Originalet läses bara, ändras aldrig; annotate vägrar skriva över det (eller över någon annan indata), "
        "eller genom en länk, och skriver kopian hel eller inte alls.\n"
        "\n"
        "\b\n"
        "kravkoll annotate avtal.docx                skriver avtal.kravkoll.docx\n"
        "kravkoll annotate avtal.docx -o avtal-granskat.docx\n"
        "kravkoll annotate --suggest avtal.docx      med omskrivningar som spårade ändringar\n"
        "\n"
        "Slutkod 0 när kopian är skriven, vad den än hittade ('kravkoll check' är kommandot som fäller ett bygge "
        "på anmärkningar); 2 när dokumentet inte går att läsa eller kopian inte att skriva.",
        "annotate.output": "Skriv den granskade kopian till FILE ('-': standard ut, inte en terminal). [standard: NAMN.kravkoll.docx i den aktuella mappen]",
        "annotate.suggest": "Lägg också in varje regels omskrivning av de matchade orden i kopian som en spårad ändring "
        "(platshållare inom hakparentes, som [X], för de värden bara du känner till).",
        "matrix.short": "Krav × uppföljning × sanktioner, som md, csv, html eller json.",
        "matrix": "Spårbarhetsmatrisen: varje krav, om det är mätbart, och vilka påståenden som följer upp och "
        "sanktionerar det (och hur de är länkade); med de delar av ett balanserat avtal som varje dokument har.\n"
        "\n"
        "\b\n"
        "kravkoll matrix avtal.docx                  en tabell att läsa\n"
        "kravkoll matrix -f csv -o krav.csv avtal/   för ett kalkylblad\n"
        "\n"
        "Slutkod 0, eller 2 när en indata inte går att läsa.",
        "matrix.format": "md: en tabell att läsa; csv: för kalkylblad; html: en sida; json: för program.",
        "matrix.output": "Skriv matrisen till FILE ('-': standard ut). Aldrig över en indata, aldrig genom en länk.",
        "matrix.no_ignore": "I mappar, läs också det som .gitignore ignorerar, node_modules, virtuella miljöer och licensfiler.",
        "report.short": "En HTML-sida om ett dokument, för dem som skriver det.",
        "report": "En HTML-rapport om ett dokument, för människor: hur många krav som är mätbara, uppföljda och "
        "sanktionerade; vilka delar av ett balanserat avtal det har; dess text med varje anmärkning markerad och "
        "förklarad; och spårbarhetsmatrisen.\n"
        "\n"
        "En fristående fil: öppna den i vilken webbläsare som helst, utan nät, eller skriv ut den.\n"
        "\n"
        "\b\n"
        "kravkoll report avtal.docx                  skriver avtal.report.html\n"
        "kravkoll report avtal.docx -o granskning.html",
        "report.output": "Skriv rapporten till FILE ('-': standard ut); aldrig över en indata, aldrig genom en länk. "
        "[standard: NAMN.report.html i den aktuella mappen]",
        "serve.short": "En webbsida för skribenter och ett HTTP-API för plattformar.",
        "serve": "Servera en sida där skribenter laddar upp ett dokument och läser dess rapport, en lekplats för regler "
        "på /rules, och HTTP-API:t (beskrivet på /openapi.json, läsbart på /docs).\n"
        "\n"
        "Kräver tillägget: pip install 'kravkoll[serve]'. Inget som skickas sparas eller loggas; loggen har metod, "
        "sökväg, status, storlek och tid för varje anrop. Att lyssna på något annat än localhost kräver --token "
        "(klienter skickar 'Authorization: Bearer TOKEN') eller ett uttryckligt --no-auth.\n"
        "\n"
        "\b\n"
        "kravkoll serve                                  http://127.0.0.1:8000/\n"
        'kravkoll serve --host 0.0.0.0 --token "$(openssl rand -hex 16)" --workers 4',
        "serve.host": "Adress att lyssna på.",
        "serve.port": "Port att lyssna på.",
        "serve.workers": "Arbetsprocesser som granskar dokument (var och en ett i taget).",
        "serve.queue": "Anrop som får vänta på en arbetsprocess; utöver dem svarar servern 503.",
        "serve.timeout": "Tidsgräns per dokument, från när en arbetsprocess tar det; sedan avslutas processen och svaret är 504.",
        "serve.max_upload": "Största anropskropp i MiB; en större uppladdning avbryts medan den strömmar (413).",
        "serve.token": "Bearer-token som API:t kräver (eller miljövariabeln KRAVKOLL_TOKEN).",
        "serve.no_auth": "Servera API:t utan token på en annan adress än localhost.",
        "schema": "Skriv ut ett JSON-schema: 'report' (check --format json; medföljer som checker/schemas/report.schema.json) "
        "eller 'ruleset' (en kompilerad regeluppsättning; 'kravkoll rules schema' skriver samma).",
        "rules": "Arbeta med regeluppsättningar: validate, list, test, schema, docs.",
        "rules.validate": "Kontrollera regelfiler (filer, mappar eller namn på medföljande regeluppsättningar). Slutkod 2 om någon har fel.",
        "rules.validate.format": "text: fel med en markör på standard error; json: ett objekt per fil på standard ut; "
        "github: arbetsflödesannoteringar på standard ut.",
        "rules.list": "Lista regler: id, allvarlighetsgrad, kategori och titel, ur regelfiler, mappar eller medföljande "
        "regeluppsättningar (PATHS eller --ruleset; standard: alla medföljande).",
        "rules.list.ruleset": "Regeluppsättning att lista (standard: alla medföljande).",
        "rules.list.format": "text: en rad per regel; json: de kompilerade regeluppsättningarna, för program.",
        "rules.test": "Kör varje 'example flag' och 'example pass' i varje regel; slutkod 1 om något misslyckas.",
        "rules.test.quiet": "Skriv bara misslyckanden och sammanfattningen.",
        "rules.schema": "Skriv ut JSON-schemat för en kompilerad regeluppsättning (så som 'rules list --format json' skriver "
        "den); samma som 'kravkoll schema ruleset'.",
        "rules.docs": "Skriv en Markdown-sida per regel (standard: de medföljande regeluppsättningarna) i docs/rules/.",
        "rules.docs.output": "Mapp för sidorna (README.md och en mapp per regeluppsättning); andra filer i den lämnas orörda.",
        "rules.docs.check": "Skriv inte; slutkod 1 om sidorna inte är aktuella.",
    },
    "en": {
        "click.usage": "Usage: ",
        "click.options": "Options",
        "click.commands": "Commands",
        "click.options_metavar": "[OPTIONS]",
        "click.subcommand_metavar": "COMMAND [ARGS]...",
        "click.default": "default: {value}",
        "click.required": "required",
        "click.envvar": "env var: {value}",
        "option.help": "Show this message and exit.",
        "option.version": "Show the version and exit.",
        "option.debug": "Show Python tracebacks of unexpected errors.",
        "option.no_cache": "Compile the rule files without the cache of compiled rulesets and leave it as it is "
        "(or set KRAVKOLL_NO_CACHE=1; the cache is in ~/.cache/kravkoll or $KRAVKOLL_CACHE_DIR).",
        "option.ui_lang": "Language of kravkoll's own words (this help, the summary, the progress bar); what is said about a "
        "document follows the document's language.  [default: the locale's (LC_ALL, LC_MESSAGES or LANG): sv_* Swedish, else English]",
        "option.ruleset": "Ruleset to run (repeatable). Default: the configuration's, else the shipped rulesets of each document's language.",
        "option.select": "Only these rules (comma-separated or repeated): full ids, short ids, categories or globs (sv-avtal/*). Replaces the configuration's.",
        "option.ignore": "Not these rules (same forms as --select). Adds to the configuration's.",
        "option.severity": "Report these rules at LEVEL (error, warning, info; repeatable), e.g. sv-krav/KR002=info. Over the configuration's [severity].",
        "option.party": "Only findings on statements that bind these parties (repeatable or comma-separated): supplier, buyer, mutual, "
        "tenderer. --party supplier leaves out the buyer's own duties and clauses binding both parties; findings on statements that "
        "bind no party and on the whole document stay. Replaces the configuration's 'party'.",
        "option.lang": "Document language; skips detection.",
        "option.timeout": "Give up on a document that takes longer to read and check (an error for that file; the rest go on). "
        "Default: the configuration's, else 120 s per document when there are several, no limit for one. "
        "Not enforced on Windows.",
        "option.config": "Configuration file.  [default: kravkoll.toml or pyproject.toml [tool.kravkoll] found upward from the first PATH]",
        "main": "Check procurement documents: are requirements measurable, followed up and sanctioned?\n"
        "\n"
        "\b\n"
        "kravkoll check förfrågningsunderlag.docx     check a document\n"
        "kravkoll check --format json underlag/       a folder, as JSON\n"
        "kravkoll annotate avtal.docx                 the findings as comments in a copy for Word\n"
        "kravkoll rules list                          the shipped rules\n"
        "kravkoll rules test mina-regler.krav         run a rule file's examples",
        "check": "Check documents: files, folders (recursively: .docx .md .txt .pdf; not what .gitignore ignores, "
        "node_modules, virtual environments or licence files), globs, '-' for standard input; without PATHS, the current folder.\n"
        "\n"
        "\b\n"
        "Exit codes: 0 no finding at or above --fail-on; 1 some; 2 usage errors, unreadable\n"
        "files, invalid rulesets or configuration (one line each on standard error). A rule id\n"
        "in --select, --ignore, --severity, the configuration or a suppression comment that names\n"
        "no rule is an error (with the closest id), and so is a run in which no rule would run.\n"
        "In a document, '<!-- kravkoll: ignore RULE -- reason -->' suppresses RULE in the next block.\n"
        "Output files (-o, --output-format, --write-baseline) are written whole or not at all, never\n"
        "over an input of the run and never through a symbolic link (refused, exit 2).",
        "check.format": "Output format.  [default: text]",
        "check.output_format": "Same as --format (as in ruff). A FORMAT=FILE value works as --write.",
        "check.output": "Write the report to FILE instead of standard output ('-'). Never over an input, never through a link.",
        "check.write": "Also write the report in FORMAT to FILE (repeatable), e.g. --write sarif=kravkoll.sarif.",
        "check.fail_on": "Exit 1 when a finding of this severity or worse remains.  [default: error]",
        "check.jobs": "Processes for a batch of files; 0: one per CPU.",
        "check.baseline": "Report only findings that are not in this baseline file.",
        "check.write_baseline": "Write the findings to a baseline file (accepting them: exit 0 unless a file cannot be read).",
        "check.stdin_format": "Format of standard input when a PATH is '-'.",
        "check.quiet": "No warnings or notes on standard error (errors still), no progress bar; the text format prints only the summary.",
        "check.statistics": "Print how many findings each rule has instead of the findings (JSON with --format json).",
        "check.no_ignore": "In folders, also check what .gitignore ignores, node_modules, virtual environments and licence files.",
        "check.color": "Colour the text output.  [default: on a terminal, unless NO_COLOR is set]",
        "annotate.short": "A copy of a Word document with a comment on each finding.",
        "annotate": "Write a copy of a .docx with a Word comment on each finding, for writers who work in Word, "
        'by the author "kravkoll", saying what is wrong, a suggestion and the rule: on the words a finding is about, '
        "else on the requirement's sentence. Findings about the whole document (a missing clause) share one summary "
        "comment at its start. Suppressed findings get no comment; the document's own comments are kept, and "
        "kravkoll's comments and tracked changes from an earlier run are replaced, so annotating an annotated copy "
        "gives each once.\n"
        "\n"
        'With --suggest, where a rule rewrites the matched words ("skyndsamt" → "inom [X] arbetsdagar", '
        '"etc." → "[list every item]"), the rewrite goes in as a tracked change that you accept or reject in Word.\n'
        "\n"
        "The original is only read, never changed; annotate refuses to write over it (or over any other input), "
        "or through a link, and writes the copy whole or not at all.\n"
        "\n"
        "\b\n"
        "kravkoll annotate avtal.docx                writes avtal.kravkoll.docx\n"
        "kravkoll annotate avtal.docx -o avtal-granskat.docx\n"
        "kravkoll annotate --suggest avtal.docx      with rewrites as tracked changes\n"
        "\n"
        "Exit code 0 when the copy is written, whatever it found ('kravkoll check' is the one that fails a build "
        "on findings); 2 when the document cannot be read or the copy not written.",
        "annotate.output": "Write the annotated copy to FILE ('-': standard output, not a terminal). [default: NAME.kravkoll.docx in the current folder]",
        "annotate.suggest": "Also put each rule's rewrite of the matched words into the copy as a tracked change "
        "(placeholders in brackets, such as [X], for the values only you know).",
        "matrix.short": "Requirements × follow-up × sanctions, as md, csv, html or json.",
        "matrix": "The traceability matrix: each requirement, whether it is measurable, and which statements follow it "
        "up and sanction it (and how they are linked); with the elements of a balanced contract each document has.\n"
        "\n"
        "\b\n"
        "kravkoll matrix avtal.docx                  a table to read\n"
        "kravkoll matrix -f csv -o krav.csv avtal/   for a spreadsheet\n"
        "\n"
        "Exit code 0, or 2 when an input cannot be read.",
        "matrix.format": "md: a table to read; csv: for spreadsheets; html: a page; json: for programs.",
        "matrix.output": "Write the matrix to FILE ('-': standard output). Never over an input, never through a link.",
        "matrix.no_ignore": "In folders, also read what .gitignore ignores, node_modules, virtual environments and licence files.",
        "report.short": "One HTML page about a document, for the people who write it.",
        "report": "An HTML report of one document, for people: how many requirements are measurable, followed up and "
        "sanctioned; which elements of a balanced contract it has; its text with each finding highlighted and "
        "explained; and the traceability matrix.\n"
        "\n"
        "One self-contained file: open it in any browser, offline, or print it.\n"
        "\n"
        "\b\n"
        "kravkoll report avtal.docx                  writes avtal.report.html\n"
        "kravkoll report avtal.docx -o granskning.html",
        "report.output": "Write the report to FILE ('-': standard output); never over an input, never through a link. "
        "[default: NAME.report.html in the current folder]",
        "serve.short": "A web page for writers and an HTTP API for platforms.",
        "serve": "Serve a page where writers upload a document and read its report, a rule playground at /rules, "
        "and the HTTP API (described at /openapi.json, readable at /docs).\n"
        "\n"
        "Needs the optional extra: pip install 'kravkoll[serve]'. Nothing sent is stored or logged; the log has "
        "method, path, status, size and time of each request. Listening on anything but localhost needs --token "
        "(clients send 'Authorization: Bearer TOKEN') or an explicit --no-auth.\n"
        "\n"
        "\b\n"
        "kravkoll serve                                  http://127.0.0.1:8000/\n"
        'kravkoll serve --host 0.0.0.0 --token "$(openssl rand -hex 16)" --workers 4',
        "serve.host": "Address to listen on.",
        "serve.port": "Port to listen on.",
        "serve.workers": "Worker processes that check documents (each handles one at a time).",
        "serve.queue": "Requests that may wait for a worker; beyond them the server answers 503.",
        "serve.timeout": "Time limit per document, from when a worker takes it; then the worker is killed and the answer is 504.",
        "serve.max_upload": "Largest request body in MiB; a larger upload is cut off while it streams (413).",
        "serve.token": "Bearer token the API requires (or the environment variable KRAVKOLL_TOKEN).",
        "serve.no_auth": "Serve the API without a token on an address other than localhost.",
        "schema": "Print a JSON Schema: 'report' (check --format json; shipped as checker/schemas/report.schema.json) "
        "or 'ruleset' (a compiled ruleset; 'kravkoll rules schema' prints the same).",
        "rules": "Work with rulesets: validate, list, test, schema, docs.",
        "rules.validate": "Check rule files for errors (files, folders or shipped ruleset names). Exit 2 if one has any.",
        "rules.validate.format": "text: errors with a caret on standard error; json: one object per file on standard output; "
        "github: workflow annotations on standard output.",
        "rules.list": "List rules: id, severity, category and title, of rule files, folders or shipped rulesets (PATHS or --ruleset; default: all shipped).",
        "rules.list.ruleset": "Ruleset to list (default: all shipped).",
        "rules.list.format": "text: one line per rule; json: the compiled rulesets, for programs.",
        "rules.test": "Run every 'example flag' and 'example pass' of every rule; exit 1 if one fails.",
        "rules.test.quiet": "Print only failures and the summary.",
        "rules.schema": "Print the JSON Schema of a compiled ruleset (as 'rules list --format json' prints it); the same as 'kravkoll schema ruleset'.",
        "rules.docs": "Write one Markdown page per rule (default: the shipped rulesets) into docs/rules/.",
        "rules.docs.output": "Folder for the pages (README.md and a folder per ruleset); other files in it are left alone.",
        "rules.docs.check": "Do not write; exit 1 if the pages are not current.",
    },
}

_KEY_OF_ENGLISH = {text: key for key, text in HELP["en"].items()}

UI_LANGUAGES = ("sv", "en")
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX: the first one set decides


def help_text(key: str) -> str:
    """The English help text ``key`` (what the command line's decorators are given)."""
    return HELP["en"][key]


def translated(text: str, language: str) -> str:
    """``text`` — an English text of :data:`HELP` — in ``language``; any other text as it is."""
    key = _KEY_OF_ENGLISH.get(text)
    return HELP[language][key] if key is not None and language in HELP else text


def ui_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language of the command line's own words: ``option`` (``--ui-lang``) when given,
    else the locale's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first one set: ``sv_SE.UTF-8``
    is Swedish); English for any other."""
    if option in UI_LANGUAGES:
        return option
    environ = os.environ if environ is None else environ
    locale = next((environ[name] for name in _LOCALE_VARIABLES if environ.get(name)), "")
    return "sv" if locale.lower().startswith("sv") else "en"


def ui_lang_argument(args: Iterable[str]) -> str | None:
    """The value of the last ``--ui-lang`` in a command line (``--ui-lang sv``, ``--ui-lang=sv``),
    wherever it stands, up to a ``--`` (after which every word is an argument); None without one."""
    found: str | None = None
    words = iter(map(str, args))  # click takes paths too, as the tests give them
    for word in words:
        if word == "--":
            break
        if word == "--ui-lang":
            found = next(words, None)
        elif word.startswith("--ui-lang="):
            found = word.partition("=")[2]
    return found if found in UI_LANGUAGES else None
