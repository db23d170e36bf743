"""The shipped Swedish rulesets: complete, self-testing, and the shared "matbar" vocabulary."""

from __future__ import annotations

import pytest

from checker import check_document, compile_text, load_ruleset
from checker.readers.markdown import read_markdown
from checker.rulecompile import shipped_ruleset_language, shipped_ruleset_names
from checker.ruletest import rules_without_examples, run_examples

SWEDISH = [name for name in shipped_ruleset_names() if shipped_ruleset_language(name) == "sv"]
PREFIX = {"sv-krav": "KR", "sv-avtal": "AV", "sv-lou": "LOU"}


def test_the_swedish_rulesets_are_shipped() -> None:
    assert {"sv-grund", "sv-krav", "sv-avtal", "sv-lou"} <= set(SWEDISH)


@pytest.mark.parametrize("name", SWEDISH)
def test_every_example_of_every_rule_passes(name: str) -> None:
    ruleset = load_ruleset(name)
    assert rules_without_examples(ruleset) == []
    failures = [outcome.describe() for outcome in run_examples(ruleset) if not outcome.passed]
    assert failures == []


@pytest.mark.parametrize("name", sorted(PREFIX))
def test_rules_are_numbered_documented_and_run_once(name: str) -> None:
    ruleset = load_ruleset(name)
    assert ruleset.extends == ["sv-grund"]  # no Swedish ruleset pulls in another one's rules
    assert ruleset.version == "1.0.0" and ruleset.description
    for rule in ruleset.rules:
        assert rule.ruleset == name
        assert rule.id.startswith(PREFIX[name]) and rule.id[len(PREFIX[name]) :].isdigit(), rule.id
        assert rule.suggest and rule.reference and rule.rationale, rule.id


MEASURABLE = [
    "Tjänsten ska vara tillgänglig 99,5 % per kalendermånad.",
    "Leverantören ska åtgärda fel inom 4 timmar.",
    "Leverantören ska åtgärda fel inom fyra timmar.",
    "Konsulten ska påbörja uppdraget senast fem (5) dagar efter kontraktstecknande.",
    "Svarstiden ska vara högst 2 sekunder.",
    "Anbudsgivaren ska ha minst 200 anställda.",
    "Leverantören ska leverera senast den 1 mars 2026.",
    "Leverantören ska leverera senast 2026-03-31.",
    "Leverantören ska rapportera månadsvis.",
    "Leverantören ska lämna rabatt med 5 000 kr per påbörjad vecka.",
    "Systemet ska klara 1 000 samtidiga användare.",
    "Supporten ska vara bemannad 07.00–17.00 helgfria vardagar.",
    "Leverantören ska lämna sex månaders garanti.",
    "Städresultatet ska uppnå kvalitetsnivå 2.",
    "Leverantören ska meddela avbrott senast nästa arbetsdag.",
]
NOT_MEASURABLE = [
    "Leverantören ska åtgärda fel snabbt.",
    "Leverantören ska hantera 5 krav.",
    "Leverantören ska vara certifierad enligt ISO 9001.",
    "Leverantören ska efter en dialog med beställaren ta fram en plan.",
    "Leverantören ska uppfylla 13 kap. 1 § LOU.",
    "Leverantören ska följa offentlighets- och sekretesslagen (2009:400).",
]


@pytest.fixture(scope="module")
def measurable_probe():
    return compile_text(
        'ruleset "probe" { language sv extends "sv-grund" }\nrequirement M "mätbar" { category structure when matbar message "{match}" }\n',
        "probe.krav",
    )


def _measured(probe, sentence: str) -> list[str | None]:
    document = read_markdown(sentence, "probe.md", language="sv")
    return [finding.match for finding in check_document(document, [probe]).findings]


@pytest.mark.parametrize("sentence", MEASURABLE)
def test_measurable_levels_are_recognised(measurable_probe, sentence: str) -> None:
    assert _measured(measurable_probe, sentence), sentence


@pytest.mark.parametrize("sentence", NOT_MEASURABLE)
def test_numbers_without_a_level_are_not_measurable(measurable_probe, sentence: str) -> None:
    assert _measured(measurable_probe, sentence) == []


def test_bor_sentences_are_not_requirements(measurable_probe) -> None:
    assert _measured(measurable_probe, "Leverantören bör svara inom 4 timmar.") == []


def test_liability_for_damages_is_no_requirement_but_a_duty_about_damages_is(measurable_probe) -> None:
    """Labelling.md: liability is a remedy, not a duty to perform; the probe flags requirements with a level."""
    assert _measured(measurable_probe, "Leverantören ansvarar för samtliga skador som uppstår inom 12 månader.") == []
    assert _measured(measurable_probe, "Leverantören ska inom 5 dagar hålla Beställaren skadeslös.") == []
    assert _measured(measurable_probe, "Leverantören ansvarar för att skador anmäls inom 24 timmar.") == ["24 timmar"]


def test_betalning_forst_efter_godkand_leverans_ar_en_samlad_sanktion() -> None:
    from checker.engine import check_document as _check
    from checker.readers.markdown import read_markdown as _read
    from checker.rulecompile import load_ruleset as _load

    text = "Fakturering får ske först när leveransen har godkänts.\n\nBetalning sker 30 dagar efter godkänd faktura.\n"
    document = _read(text, "test.md", language="sv")
    classification = _check(document, [_load("sv-avtal")]).classifications[0]
    texts = lambda name: [document.statements[i].text for i in sorted(classification.statements_of_class(name))]  # noqa: E731
    assert texts("sanction") == texts("blanket") == ["Fakturering får ske först när leveransen har godkänts."]


def _requirements(text: str, language: str) -> list[str]:
    base = load_ruleset("sv-grund" if language == "sv" else "en-base")
    document = read_markdown(text, "test.md", language=language)
    classification = check_document(document, [base]).classifications[0]
    return [document.statements[i].text for i in sorted(classification.statements_of_class("requirement"))]


@pytest.mark.parametrize(
    ("language", "term", "duty"),
    [
        ("sv", "Avtalet ska gälla i två år från undertecknandet.", "Leverantören ska leverera inom 5 dagar."),
        ("sv", "Tvist ska avgöras av allmän domstol.", "Leveransen ska ske senast den 1 maj."),
        ("sv", "Leverantörens ansvar ska vara begränsat till avtalets värde.", "Tjänsten ska vara tillgänglig 99,5 %."),
        ("sv", "Ändringar och tillägg till Avtalet ska vara skriftliga.", "Leverantören ska rapportera avvikelser inom två dagar."),
        ("sv", "Vardera part svarar för sina egna kostnader för revisionen.", "Leverantören tillhandahåller tjänsten enligt bilaga 2."),
        (
            "sv",
            "Om arbete utförs på kvällstid ska leverantörens ersättning vara enligt prislistan.",
            "Om arbete utförs på kvällstid ska leverantören meddela beställaren inom en dag.",
        ),
        (
            "sv",
            "Tvist med anledning av tolkning och tillämpning av kontraktet och därmed sammanhängande rättsfrågor ska i första hand lösas mellan parterna.",
            "Parterna ska mötas varje månad.",
        ),
        # när faktureringen och betalningen sker, medel som betalas tillbaka, uppsägningstiden
        ("sv", "Fakturering ska ske månadsvis i efterskott.", "Fakturering ska ske elektroniskt enligt Peppol BIS Billing 3."),
        ("sv", "Medel som inte har använts ska återbetalas senast den 31 december 2025.", "Myndigheten ska redovisa uppdraget senast den 1 mars."),
        ("sv", "Uppsägning skall ske med en (1) månads varsel.", "Uppsägningen ska ske skriftligen."),
        # tvisten efter en relativsats, lagvalet med två verb, skiljeinstitutets beslut (tvistlosning)
        ("sv", "Eventuella tvister som uppstår i anledning av detta Avtal ska avgöras av svensk domstol.", "Parterna ska mötas varje månad."),
        ("sv", "Detta Avtal ska styras av och tolkas i enlighet med svensk rätt.", "Leverantören ska leverera inom 5 dagar."),
        (
            "sv",
            "I sistnämnda fall ska Institutet också bestämma om skiljenämnden ska bestå av en eller tre skiljemän.",
            "Skiljenämnden, Parterna och deras ombud ska iaktta sekretess avseende förfarandet.",
        ),
        ("sv", "Leverantören ansvarar för kostnaderna för resor och logi.", "Leverantören ansvarar för att resor bokas i tid."),
        ("sv", "Leverantören svarar för sina resekostnader.", "Leverantören ansvarar för kostnadsuppföljningen varje månad."),
        # "är ansvarig för" binder som "ansvarar för" (modal_binding), och ett skadeansvar skrivet så är lika lite en plikt
        ("sv", "Leverantören är ansvarig för skada som orsakas av vårdslöshet.", "Leverantören är ansvarig för driften av tjänsten."),
        ("sv", "Leverantören är ansvarig för sina resekostnader.", "Leverantören är ansvarig för att resor bokas i tid."),
        # a fronted adverbial is no subject: the party after "ska" is ("Enligt avtalet ska leverantören …")
        ("sv", "Avtalet ska gälla i två år från undertecknandet.", "Enligt avtalet ska leverantören tillhandahålla support."),
        ("sv", "Under avtalstiden ska leverantörens ersättning vara fast.", "Under avtalstiden ska leverantören rapportera fel inom en dag."),
        ("sv", "I avtalet ska anges hur fel rapporteras.", "Vid avtalets upphörande ska leverantören återlämna allt material."),
        ("en", "This Agreement shall remain in force for two years.", "The Contractor shall submit a monthly report."),
        ("en", "Payment shall be made within 30 days of receipt of a proper invoice.", "The contract deliverables shall be submitted within 5 days."),
        ("en", "Any dispute arising out of this Agreement shall be settled by arbitration.", "Notice shall be given to the COR within 24 hours."),
        ("en", "Disapproval of a proposed individual shall not provide grounds for non-performance.", "The Contractor shall submit a monthly report."),
    ],
)
def test_a_clause_about_the_contract_itself_is_no_requirement(language: str, term: str, duty: str) -> None:
    """labelling.md: choice of law, liability caps and pure payment terms are no requirements."""
    assert _requirements(f"{term}\n\n{duty}\n", language) == [duty]


def test_checks_and_logs_are_follow_up_only_when_the_buyer_makes_or_gets_them() -> None:
    ruleset = load_ruleset("sv-grund")
    text = (
        "Systemet ska logga alla inloggningar.\n\n"
        "Slutanvändare kan verifiera komponenterna.\n\n"
        "Beställaren har rätt att kontrollera att kraven uppfylls.\n\n"
        "Leverantören ska redovisa tillgängligheten varje månad.\n"
    )
    document = read_markdown(text, "test.md", language="sv")
    classification = check_document(document, [ruleset]).classifications[0]
    followup = [document.statements[i].text for i in sorted(classification.statements_of_class("followup"))]
    assert followup == ["Beställaren har rätt att kontrollera att kraven uppfylls.", "Leverantören ska redovisa tillgängligheten varje månad."]


@pytest.mark.parametrize(
    ("duty", "description"),
    [
        # presens passiv om leveransen (presens_passiv_plikt)
        ("Tjänsten tillhandahålls vardagar kl. 08.00–17.00.", "Upphandlingen sker enligt lagen om offentlig upphandling."),
        ("Säkerhetskopiering sker dagligen till en separat plats.", "Avrop sker genom förnyad konkurrensutsättning."),
        ("Leverans sker enligt den tidplan som parterna fastställt.", "Systemet används i dag av 300 handläggare."),
        # förbud och begränsningar med inskott (forbud_med_inskott)
        ("Leverantören har inte utan skriftligt samtycke rätt att använda Kundens varumärke.", "Leverantören har rätt att fakturera månadsvis."),
        ("Leverantören får anlita underleverantör för uppdraget endast efter medgivande från Kunden.", "Leverantören får anlita underleverantörer."),
        (
            "Arbete på annan tid får utföras endast på begäran av Kunden.",
            "Kunden får använda tjänsten endast för eget bruk.",
        ),  # no party read: the buyer's left out
        # en kravtabells rad med Ska i en egen cell (kravcell)
        ("| K1 | Lösningen stödjer SAML 2.0. | Ska |", "| K2 | Lösningen stödjer OpenID Connect. | Bör |"),
    ],
)
def test_swedish_duties_without_ska_are_requirements_and_descriptions_are_not(duty: str, description: str) -> None:
    """labelling.md: a property required of the deliverable, a duty to refrain, a row marked Ska."""
    if duty.startswith("|"):
        text = f"| Id | Beskrivning | Typ |\n|---|---|---|\n{duty}\n{description}\n"
        assert [t.split("|")[0].strip() for t in _requirements(text, "sv")] == ["K1"]
    else:
        assert _requirements(f"{description}\n\n{duty}\n", "sv") == [duty]


# Forms left out on purpose: "säkert" is also the adverb "certainly" ("på ett säkert sätt" is
# listed); "viktigt" stands in the soft modal "det är viktigt att" (modal_soft), a wish, not a
# quality; irregular words, whose right forms are listed: "förstådd" → "förstått", "skyndsam" →
# "skyndsamma".
_FORMS_LEFT_OUT = {"säkert", "viktigt", "förstådt", "införstådt", "skyndsama"}


@pytest.mark.parametrize(("ruleset", "name"), [("sv-grund", "vaga_kvalitet"), ("sv-krav", "tidsvaga")])
def test_a_listed_swedish_adjective_is_listed_in_every_form(ruleset: str, name: str) -> None:
    """A word of a vague list that the list shows inflecting (one of its other forms is listed) is
    listed in all of them (checker.matching.inflection): "nödvändig", "nödvändigt" and "nödvändiga"."""
    from checker.matching.inflection import swedish_adjective_forms

    terms = set(load_ruleset(ruleset).lists[name].terms)
    missing = {}
    for term in sorted(terms):
        forms = swedish_adjective_forms(term)
        if " " in term or len(forms) < 3 or not terms & set(forms[1:]):
            continue
        left_out = [form for form in forms[1:] if form not in terms and form not in _FORMS_LEFT_OUT]
        if left_out:
            missing[term] = left_out
    assert missing == {}


def _classes(text: str, name: str) -> list[str]:
    document = read_markdown(text, "test.md", language="sv")
    classification = check_document(document, [load_ruleset("sv-avtal")]).classifications[0]
    return [document.statements[i].text for i in sorted(classification.statements_of_class(name))]


def test_sanctions_written_with_verbs_are_sanctions_and_general_damages_are_not() -> None:
    """labelling.md section 2: price reduction, withheld payment, a credit and damages for the
    delay are consequences for the supplier; a general duty to pay damages is not."""
    sanctions = [
        "Om åtgärdstiden överskrids sätts ersättningen för månaden ned med 5 %.",
        "Ersättningen reduceras med 10 % för varje månad då nivån inte nås.",
        "Beställaren får hålla inne betalningen till dess att en ersättare har börjat.",
        "Leverantören ska kreditera Beställaren 10 % av månadsavgiften om tillgängligheten understiger 99,5 %.",
        "Leverantören ska ersätta Beställaren för den skada som en försenad leverans orsakar.",
    ]
    others = [
        "Leverantören ska ersätta Beställaren för skada som Leverantören orsakar genom vårdslöshet.",
        "Leverantören ska kreditera upplupen ersättning på nästa faktura.",
        "Leverantören ska leverera en förstudierapport senast 2025-05-31.",
        "Med indirekt skada avses inte följdskada som skadeståndsrättsligt utgör en del av en personskada.",
    ]
    assert _classes("\n\n".join(sanctions + others) + "\n", "sanction") == sanctions


def test_follow_up_is_read_in_its_swedish_forms() -> None:
    """Every report counts as follow-up, also one that is the deliverable itself: narrowed to
    reports on how the contract is performed, the held-out Swedish follow-up agreement fell."""
    followups = [
        "Leverantören ska på Beställarens begäran lämna underlag som visar att kraven i K1–K4 är uppfyllda.",
        "Beställaren ska inom 10 arbetsdagar pröva om förstudierapporten uppfyller kraven.",
        "Godkänns inte leveransen ska Leverantören avhjälpa bristerna inom 10 arbetsdagar.",
        "Leverantören lämnar en driftrapport senast den tionde arbetsdagen varje månad.",
        "Parterna håller uppföljningsmöte varje kvartal.",
        "Konsulten ska rapportera till PMO.",
        "Leverantören ska rapportera tillgängligheten till Beställaren varje månad.",
        "Tillgängligheten gås igenom vid kvartalsuppföljningen med beställaren.",
        "Antagen anbudsgivare ska redovisa tillgängligheten i en månadsrapport.",  # the winner is the supplier
        "Leverantören ska lämna felrapport till Beställaren inom 24 timmar.",  # an incident report to the buyer
        "Beställaren följer löpande upp leveransen.",
    ]
    others = [
        "I det första steget prövas om anbuden uppfyller samtliga krav.",
        "Anbudsgivaren ska redovisa hur tillgängligheten mäts.",
        "Hur ofta genomför ni säkerhetsgranskning?",
        "Systemet ska stödja tid- och insatsuppföljning.",
        # what the delivery itself does, and the consumer price index
        "Systemet ska kunna ta fram rapporter och statistik över ärenden.",
        "Leverantören ska hantera felrapporter inom 5 arbetsdagar.",
        "All kod ska genomgå kodgranskning innan driftsättning.",
        "Priserna får justeras en gång per år enligt förändringen i KPI.",
    ]
    text = "\n\n".join(followups + others) + "\n"
    assert _classes(text, "followup") == followups
    # a recurring meeting and a bare reporting line cover all the work; a report of availability is specific
    assert [t for t in _classes(text, "blanket") if t in followups] == [
        "Parterna håller uppföljningsmöte varje kvartal.",
        "Konsulten ska rapportera till PMO.",
        "Beställaren följer löpande upp leveransen.",
    ]
    # what is reported, as the subject of a passive, is a requirement of its own, not a reporting line for all the work
    assert _classes("K6.1 Säkerhetsincidenter ska inom 30 minuter rapporteras till Beställarens driftansvarige.\n", "blanket") == []


def test_follow_up_denied_or_only_pointed_to_is_no_follow_up() -> None:
    """A sentence saying a review is not to be had, and a pointer to where to read more, say
    nothing of how a requirement is followed up (labelling.md section 2: the same document says how)."""
    others = [
        "Notera att det inte finns möjlighet att begära granskning av en proxy-tjänst.",
        "Ingen uppföljning av svarstiderna sker.",
        "Se [Bli godkänd leverantör](https://www.digg.se/bli-godkand) för mer information angående ansökan om granskning.",
        "För närmare information om uppföljningen, se bilaga 4.",
        # the supplier's own handling of incidents is the security work, not the follow-up of the contract
        "Leverantören ska informera Personalen om hur och till vem rapportering av säkerhetsincidenter ska ske.",
        "Leverantören ska säkerställa uppföljning av säkerhetsincidenter.",
    ]
    followups = [
        "Leverantören ska rapportera säkerhetsincidenter till Beställaren inom 24 timmar.",
        # a report of incidents, in a report, with a rhythm or to the buyer by its own name, is the SLA's follow-up
        "Leverantören ska lämna en månadsrapport med uppföljning av incidenter och tillgänglighet.",
        "Leverantören ska månadsvis rapportera incidenter och avbrott i tjänsten.",
        "Leverantören ska rapportera incidenter till Regionen inom 24 timmar.",
        "Se till att leverantören redovisar tillgängligheten varje månad.",
        "Se över behörigheterna kvartalsvis och rapportera avvikelser till Beställaren.",
        "Leverantören ska lämna en månadsrapport till Beställaren, för mer information se bilaga 5.",
        "Om ingen granskning har skett inom 10 dagar anses leveransen godkänd.",
        "Leverantören ska åtgärda påpekade brister så att inga revisionsanmärkningar kvarstår vid nästa uppföljningsmöte.",
        "Beställaren har rätt att granska att leverantören uppfyller kraven.",
        "Om granskningen inte godkänns ska leverantören rätta bristerna inom 10 dagar.",
    ]
    text = "\n\n".join(others + followups) + "\n"
    assert _classes(text, "followup") == followups


def test_the_report_of_the_whole_assignment_and_the_follow_up_meeting_follow_up_all_the_work() -> None:
    """labelling.md section 2, blanket: a clause whose object is all work. A recurring report of a
    government assignment, information on how it proceeds, a report of how the contract was
    performed and taking part in the follow-up meeting cover every requirement; a report or a review
    of one thing follows up that thing. (The assignment's report at a date is its deliverable:
    test_the_report_of_an_assignment_at_a_date_is_its_deliverable.)"""
    blanket = [
        "Uppdraget ska redovisas till Regeringskansliet (Finansdepartementet) årligen.",
        "Myndigheten ska fortlöpande informera Regeringskansliet (Finansdepartementet) om uppdragets genomförande.",
        "Leverantören ska hålla Beställaren informerad om hur arbetet fortskrider.",
        "Genomförandet av uppdraget ska redovisas till Socialdepartementet.",
        "Leverantören ska årligen rapportera hur avtalet har fullgjorts.",
        "Leverantören ska delta i uppföljningsmöte med Beställaren.",
        # progress reports on the assignment, as lagesrapport
        "Leverantören ska kvartalsvis rapportera hur uppdraget fortskrider.",
        "Konsulten ska veckovis rapportera status i uppdraget till projektledaren.",
        "Leverantören ska rapportera uppdragets framdrift varje månad.",
        "Konsulten ska avrapportera arbetet till Beställarens kontaktperson.",
        # the requirements of the whole procurement, as a follow-up plan states them
        "Krav som ställts i upphandlingen kommer att följas upp under avtalstiden.",
        "De krav som ställs i detta förfrågningsunderlag kommer att följas upp.",
        "Kraven i avropsförfrågan kommer att följas upp.",
        "Beställaren kommer att följa upp att leverantören uppfyller kraven under avtalstiden.",
        "Efterlevnaden av kraven kontrolleras genom stickprov.",
        "Efterlevnad av krav följs upp genom stickprov.",
    ]
    specific = [
        "Beställaren kontrollerar årligen efterlevnaden av kraven på informationssäkerhet.",
        "Leverantören ska rapportera tillgängligheten månadsvis.",
        "Beställaren har rätt att granska tillgängligheten.",
        "Vid uppföljningsmötet redovisar Leverantören tillgängligheten.",
        "Leverantören ska redovisa kostnaderna för arbetet till och med den 31 december.",
    ]
    text = "\n\n".join(blanket + specific) + "\n"
    assert _classes(text, "followup") == blanket + specific
    assert _classes(text, "blanket") == blanket


def test_the_report_of_an_assignment_at_a_date_is_its_deliverable() -> None:
    """A government assignment's report at a date, in whole or in parts, is what the agency
    delivers, not a follow-up of it: nothing says who reviews it (the development labels of a
    Government assignment: "the reports are the deliverables"; en-contract reads "submit the final
    report within 30 days" so too). Reported again and again, it follows up the work; informing
    someone of anything else follows up nothing."""
    deliverables = [
        "Uppdraget ska redovisas till Regeringskansliet (Finansdepartementet) senast den 1 mars 2027.",
        "Uppdraget ska delredovisas senast den 1 oktober 2026 och slutredovisas senast den 1 mars 2027.",
        "Myndigheten ska redovisa uppdraget till Regeringskansliet senast den 31 mars 2026.",
        "Resultatet av uppdraget ska rapporteras till Socialdepartementet.",
        "En delredovisning ska lämnas senast den 1 oktober 2026.",
        "MFD ska senast den 1 september 2025 redovisa den del av uppdraget som avser inrättandet av funktionen.",
        "Myndigheten ska lämna en rapport till Regeringskansliet (Justitiedepartementet) senast den 15 april 2026.",
        "Leverantören ska informera Personalen om rutinerna.",
    ]
    # reported every year by a date, the report is still the deliverable (the development labels of
    # the Digg/PTS and Statskontoret assignments: "the yearly reports are the deliverables")
    yearly = [
        "Statskontoret ska årligen 2025–2027, senast den 5 juni, lämna en redovisning för det föregående året till Regeringskansliet.",
        "Digg och PTS ska årligen senast den 28 februari 2026–2030 lämna en gemensam skriftlig redovisning till Regeringskansliet.",
        "Statskontoret ska senast den 15 februari varje år redovisa genomförda insatser och deras resultat.",
    ]
    recurring = [
        "Uppdraget ska redovisas kvartalsvis till Regeringskansliet.",
        "Statskontoret ska årligen, i samband med årsredovisningen, redovisa hur arbetet med uppdraget fortskrider.",
    ]
    text = "\n\n".join(deliverables + recurring) + "\n"
    assert _classes(text, "followup") == recurring
    assert _classes(text, "blanket") == recurring
    title = "# Uppdrag till Statskontoret att redovisa statsbidrag till kommuner och regioner\n\n"
    assert _classes(title + "\n\n".join(yearly + recurring) + "\n", "followup") == recurring


def test_a_government_assignment_is_followed_up_only_by_what_the_agency_reports_on_its_progress() -> None:
    """A Government assignment ("Uppdrag till … att …", the title of the decision) is followed up
    by the Government only through what the agency reports on the work: progress information, a
    recurring report, a report of how the assignment is carried out, or a follow-up of the
    assignment itself. The follow-up, evaluation and follow-up criteria the assignment is about
    are the agency's tasks (the development labels: "the function's follow-up of interpreting
    services, not of the assignment"); the same sentences in a contract still follow it up."""
    followups = [
        "Statskontoret ska fortlöpande informera Regeringskansliet (Finansdepartementet) om uppdragets genomförande.",
        "Statskontoret ska årligen redovisa genomförda insatser och deras resultat.",
        "Ekonomistyrningsverket ska följa upp arbetet med uppdraget.",
        "Statskontoret ska lämna lägesrapporter om arbetet till Regeringskansliet (Finansdepartementet).",
    ]
    tasks = [
        "Statskontoret ska ansvara för en samlad nationell uppföljning av it-driften.",
        "Statskontoret ska föreslå uppföljningskriterier och analysera statistik om driften.",
        "Förslagen ska granskas av en extern part.",
    ]
    title = "# Uppdrag till Statskontoret att skapa förutsättningar för uppföljning av it-driften\n\n"
    assert _classes(title + "\n\n".join(tasks + followups) + "\n", "followup") == followups
    assert _classes("# 9 Uppföljning\n\n" + "\n\n".join(tasks) + "\n", "followup") == tasks


def test_a_procurement_titled_as_an_assignment_keeps_its_follow_up() -> None:
    """A förfrågningsunderlag or contract for an assignment is titled "uppdrag att …" too: a heading
    above that names it a procurement or a contract makes it no Government assignment, and the
    buyer's follow-up in it is follow-up. What the Government assigns may be a procurement ("Uppdrag
    att genomföra en upphandling av …") and the agency may be Upphandlingsmyndigheten: still one."""
    followup = "Beställaren kommer att följa upp att leverantören uppfyller samtliga krav genom kvartalsvisa uppföljningsmöten."
    task = "Myndigheten ska ansvara för en samlad nationell uppföljning av upphandlingarna."
    for title in ("# Förfrågningsunderlag: uppdrag att utvärdera e-tjänsten", "# Uppdragsavtal: uppdrag till konsult"):
        assert _classes(f"{title}\n\n{followup}\n", "followup") == [followup], title
    for title in ("# Uppdrag till Upphandlingsmyndigheten att samordna upphandlingar", "# Uppdrag att genomföra en upphandling av ramavtal"):
        assert _classes(f"{title}\n\n{task}\n", "followup") == [], title


def test_the_buyers_announced_evaluation_is_no_requirement_and_its_duty_is() -> None:
    """labelling.md: the buyer's award procedure, announced with "kommer att", binds no party to a
    requirement (as en-base's tender_evaluation); a framework agreement's "ska" that binds the buyer
    ("Den avropande myndigheten ska … tilldela kontrakt till …") is a duty."""
    procedure = [
        "Beställaren kommer att tilldela kontraktet till den anbudsgivare vars anbud har lägst utvärderingspris.",
        "Beställaren kommer att utvärdera anbuden enligt kriterierna i avsnitt 6.",
        "Myndigheten kommer att pröva anbudsgivarnas lämplighet innan anbuden utvärderas.",
    ]
    duties = [
        "Den avropande myndigheten ska tilldela kontrakt till den leverantör som har det lägsta priset.",
        "Leverantören kommer att genomföra en utvärdering av tjänsten varje kvartal.",
    ]
    text = "# Förfrågningsunderlag\n\n" + "\n\n".join(procedure + duties) + "\n"
    assert _requirements(text, "sv") == duties


def test_a_prohibition_in_inverted_word_order_is_a_requirement() -> None:
    """Swedish puts the verb second after a fronted phrase or clause: "Utan godkännande får
    Leverantören inte …" stands the subject between "får" and "inte"; an adverb can stand before
    the negation ("Det är alltså inte tillåtet att …"). The buyer's prohibitions stay out, as in
    kopares_forbud."""
    duties = [
        "Utan Beställarens skriftliga godkännande får Leverantören inte anlita underleverantörer.",
        "Eftersom dessa tjänster inte är godkända får de inte inkludera identifierarna.",
        "Det är alltså inte tillåtet att testa nästa version i QA.",
        "Under avtalstiden får Leverantören aldrig flytta data utanför EU.",
    ]
    others = [
        "Utan Leverantörens samtycke får Kunden inte överlåta avtalet.",
        "Leverantören får anlita underleverantörer.",
        # the negation of a subordinate clause after "får" forbids nothing: the supplier's rights
        "Leverantören får häva om Kunden inte betalar inom 30 dagar.",
        "Leverantören får fakturera när Beställaren inte invänt inom 10 dagar.",
        "Leverantören får om inte annat avtalats fakturera månadsvis.",
    ]
    assert _requirements("\n\n".join(duties + others) + "\n", "sv") == duties


def test_acceptance_written_with_verbs_makes_the_balance_element_present() -> None:
    """labelling.md section 3: an acceptance procedure is present when the document has one,
    in whatever words; a check of the tenders is none."""
    from checker import Linter
    from checker.balance import balance

    def acceptance(text: str) -> bool:
        return balance(Linter().check_document(read_markdown(text, "test.md", language="sv")))["acceptance"].present

    assert acceptance("# Avtal\n\nBeställaren ska inom 10 arbetsdagar pröva om förstudierapporten uppfyller kraven.\n")
    assert acceptance("# Avtal\n\nGodkänns inte leveransen ska Leverantören avhjälpa bristerna.\n")
    assert not acceptance("# Avtal\n\nI det första steget prövas om anbuden uppfyller samtliga krav.\n")
    # the buyer's decision on an assignment, and a document submitted for its approval
    assert acceptance("# Avtal\n\nBeställaren ska skriftligen godkänna eller underkänna Uppdragets utförande.\n")
    assert acceptance("# Avtal\n\nKontinuitetsplanen ska överlämnas till Beställaren för godkännande senast tre månader efter avtalsstart.\n")
    assert not acceptance("# Avtal\n\nLeverantören ska lämna synpunkter på planen.\n")
    # review and approval written with verbs, without the word "leverans"
    assert acceptance("# Regler\n\nTjänsterna måste granskas och godkännas av Digg innan anslutning kan ske.\n")
    assert acceptance("# Regler\n\nNär granskningen har slutförts och resultaten är godkända kan leverantören gå vidare.\n")
    assert not acceptance("# Regler\n\nLeverantören får byta licens efter godkännande från Beställaren.\n")
    # the approval of staff or a subcontractor is no acceptance of what is delivered
    assert not acceptance("# Avtal\n\nNy konsult ska granskas och godkännas av Beställaren innan uppdraget påbörjas.\n")
    assert not acceptance("# Avtal\n\nUnderleverantörer ska granskas och godkännas av Beställaren.\n")
    assert acceptance("# Avtal\n\nRapporten från konsulten ska granskas och godkännas av Beställaren.\n")


def test_a_balance_element_is_a_clause_not_a_question_a_definition_or_the_suppliers_right() -> None:
    """labelling.md section 3: a question asks for a clause, a definition explains a word, and the
    supplier's own right to end the agreement or shut the customer off is not the buyer's."""
    from checker import Linter
    from checker.balance import balance

    def present(text: str) -> set[str]:
        return {key for key, element in balance(Linter().check_document(read_markdown(text, "test.md", language="sv"))).items() if element.present}

    assert "dispute" not in present("# Frågor\n\nHur hanterar ni tvister med underleverantörer?\n")
    assert "dispute" in present("# Avtal\n\nTvist med anledning av avtalet ska avgöras av allmän domstol.\n")
    assert "termination" not in present("# Definitioner\n\nUppsägning: ett meddelande om att avtalet ska upphöra.\n")
    assert "termination" not in present("# Avtal\n\nLeverantören har rätt att säga upp avtalet om Kunden inte betalar.\n")
    assert "termination" in present("# Avtal\n\nBeställaren har rätt att häva avtalet om Leverantören inte uppfyller servicenivåerna.\n")
    # the buyer's right stays one beside the supplier's (a mutual right, a ground that the supplier shuts off)
    assert "termination" in present("# Avtal\n\nBeställaren och Leverantören har rätt att säga upp avtalet med tre månaders uppsägningstid.\n")
    assert "termination" in present("# Avtal\n\nSåväl Beställaren som Leverantören får säga upp avtalet med tre månaders uppsägningstid.\n")
    assert "termination" in present("# Avtal\n\nBeställaren får säga upp avtalet om Leverantören får stänga av tjänsten längre än 5 dagar.\n")
    # a memorandum's clauses are the content of the proposal it reports (proposal_document), not its own
    memorandum = "# Förslag\n\nI promemorian föreslås nya regler.\n\nTvist med anledning av avtalet ska avgöras av allmän domstol.\n\nFörslagen föreslås träda i kraft den 1 juli 2026.\n"
    assert "dispute" not in present(memorandum)


def test_a_change_of_the_agreement_or_its_terms_and_the_agreements_contact_person_are_clauses() -> None:
    """labelling.md section 3 (the development labels of a data-processing agreement and a
    customer agreement): a change of the agreement or of its terms, in a compound or coordinated
    ("Ändringar av och tillägg till detta Avtal", "ändringar i användningsvillkoren"), is a change
    procedure; the agreement's own contact person is partial governance, a tender's is not."""
    from checker import Linter
    from checker.balance import balance

    def present(text: str) -> set[str]:
        return {key for key, element in balance(Linter().check_document(read_markdown(text, "test.md", language="sv"))).items() if element.present}

    assert "change" in present("# Avtal\n\nÄndringar av och tillägg till detta Avtal ska vara skriftliga och undertecknas av båda parter.\n")
    assert "change" in present("# Avtal\n\nLeverantören meddelar skriftligen Kunden om väsentliga ändringar i användningsvillkoren 30 dygn innan ändringen.\n")
    assert "change" not in present("# Avtal\n\nLeverantören ansvarar för drift och övervakning av nätet.\n")
    agreement = "# Avtal\n\n| Part | Kunden |\n|---|---|\n| Kontaktperson | [NAMN] |\n\nLeverantören ska leverera tjänsten.\n"
    assert "governance" in present(agreement)
    tender = "# Förfrågningsunderlag\n\nAnbudet ska lämnas senast den 1 mars. Anbudsgivaren ska bifoga referenser. Anbud som inkommer för sent prövas inte.\n\n| Kontaktperson | [NAMN] |\n|---|---|\n"
    assert "governance" not in present(tender)


def test_a_committee_directive_is_a_government_assignment() -> None:
    """A committee directive ("Dir. 2025:90" in its title, also run together with the title as a
    page copied without a space gives it) is the Government's assignment to an inquiry: the
    follow-up and review it asks the inquiry to propose are its task, not a follow-up of it (the
    development labels of directive 2025:90: "the report is the deliverable; nothing says who
    reviews it")."""
    tasks = [
        "Regeringen uppdrar åt en särskild utredare att föreslå åtgärder som stärker kommunernas möjligheter att följa upp utförare.",
        "Utredaren ska vid behov föreslå en mer jämlik och effektiv granskning av verksamheten.",
        "Utredaren ska redovisa uppdraget senast den 9 februari 2027.",
    ]
    for title in ("# Åtgärder för en sund omsorgsmarknad Dir. 2025:90", "# Åtgärder för en sund omsorgsmarknadDir. 2025:90", "# Kommittédirektiv"):
        assert _classes(title + "\n\n" + "\n\n".join(tasks) + "\n", "followup") == []
    assert _classes("# 9 Uppföljning\n\n" + "\n\n".join(tasks[:2]) + "\n", "followup") == tasks[:2]
