"""Reading obligations as a reviewer does: which clause binds, and whom.

A sentence is an obligation when a binding modal ("shall", "ska", "is required to") stands in
its main clause, or when a party is the subject of "will" ("Acme will provide …"; "The COR will
monitor compliance …" binds the buyer, as the labelling guide reads "will" binding a party). A
modal inside a subordinate clause binds nobody ("… how they shall use it", "om resultatet ska
levereras …"), unless Swedish word order shows the main clause ("Om X inte levereras ska
leverantören …": the modal followed by its subject).

The party bound is the subject of that main clause: the supplier, the buyer, both parties
(mutual) or the tenderer. It is read from the words before the modal — the last party named
there, possessives ("the Customer's data") left out — or, in an inverted clause, from the words
just after it. A clause that names no party binds the supplier: a property required of the
deliverable ("The system shall …", "Tjänsten ska …") or a passive duty, and in the buyer's
statement of work a "will" passive of the work it buys ("All trash will be collected …"); not a
responsibility in the buyer's statement of work ("The Product Owner is responsible for …"), which
binds only a party or a party's people it names there. Each document's own
names for the parties are learned from its definitions — ``Acme, Inc. ("Provider")``,
``(hereinafter "the Supplier")``, ``nedan kallad Leverantören``, ``("we", "us")`` — and
"we" and "you" are read as the supplier and the buyer in a vendor's terms, and as the buyer and
the tenderer in a tender.

The vocabulary is data: a ruleset names it with terms lists of fixed names
(:data:`VOCABULARY`), so a language is taught by its base ruleset (``en-base``, ``sv-grund``).
Rules use the reading by the built-in condition names of :data:`READING_NAMES`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Mapping, Sequence

from .clauses import clause_key, inside_clause, sub_clause_name
from .document import Document, Section, Statement
from .htmltags import without_tags
from .lazyre import lazy_compile
from .matching import plain_text
from .matching.termfinder import TermFinder
from .sentences import belongs_to_question

PARTIES = ("supplier", "buyer", "mutual", "tenderer")

VOCABULARY = {
    "modal_binding": "modals that bind in a main clause: shall, must, is required to, ska, måste …",
    "modal_future": "'will' and its kind: bind only with a party (the buyer too) as the subject",
    "modal_fact": "verbs after 'will' that state a fact, not a duty: be, receive, have …",
    "vendor_promise": "verbs of a service in the present tense that, in a vendor's own terms (vendor_terms), promise it as 'will' does: we publish, provides, monitors …",
    "modal_soft": "soft modals: should, is expected to, bör — obligations in a tender, where such wishes are evaluated",
    "advice_after_soft": "words after a soft modal that make it advice, not a wish about the tender: be aware, note …",
    "subordinator": "words that open a subordinate clause wherever they stand: if, when, how, om, när, hur, att …",
    "relative": "words that open a subordinate clause when they start it: who, which, that, som …",
    "party_supplier": "the supplier, its staff and its deliverable as a subject",
    "party_buyer": "the buyer as a subject",
    "party_mutual": "both parties as a subject: the parties, each party, parterna …",
    "party_tenderer": "the tenderer as a subject, and its tender",
    "party_staff": "words for a party's people after its possessive, who are the party as a subject: representative, staff, personnel, project manager …",
    "deliverable_subject": "the supplier's service as the subject of 'will' in a vendor's terms, where it (and the staff of party_staff) makes its promises: service, platform, support team …",
    "first_person": "we, us, our (the supplier in a vendor's terms, the buyer in a tender)",
    "second_person": "you, your (the buyer in a vendor's terms, the tenderer in a tender)",
    "tender_context": "words that show a tender document (offeror, solicitation, anbudsgivare …)",
    "commission_context": "words of a government's decision that commission an agency ('Regeringen ger … i uppdrag', 'Regeringen uppdrar åt'): a document with them that names no supplier of its own (party_supplier in fewer than three statements) is an assignment, where commissioned_agency names the supplier",
    "commissioned_agency": "in an assignment (commission_context), the words for the agency given it, which the buyer's list holds for a tender or a contract: myndigheten, myndigheterna … ('Myndigheten ska … lämna förslag' binds the agency, the supplier)",
    "proposal_context": "words that show a document reporting proposed rules, a memorandum or a referral (föreslås, enligt förslaget, i lagrådsremissen …)",
    "performance_header": "words of a performance table's header, or of the first cell of a row in a table written sideways: target, AQL, due date, servicenivå …",
    "sanction_header": "words of a credit or penalty table's header (its rows are sanctions): credit, vite …",
    "evaluation_header": "words of a tender's table header that make its rows wishes the evaluation scores (soft obligations of the supplier, not sanctions): mervärde, bör-krav …",
    "performance_caption": "words that, in the heading or the sentences introducing a table, make its rows performance levels: service level, uptime, SLO, servicenivå …",
    "surveillance_method": "words that, at the start of a paragraph of a performance table flattened into paragraphs, name how a level is checked: review, random inspection, analysis of, test calls …",
    "surveillance_header": "the whole title of a table column that says how each row's level is checked (its rows are follow-up of themselves): method of surveillance, method of assessment, mätmetod, uppföljning …",
    "duty_header": "the whole title of a table column that says each row is a duty of the party (duty_row): skyldighet, åtagande, ansvar …",
    "subject_after_modal": "words that, just after a modal, show an inverted main clause: den, det, *en …",
    "clause_verb": "finite verbs that, in a clause opened by a subordinator, close its predicate, so that a modal after them opens the (inverted) main clause: kan, är, har …",
    "requiring_verb": "verbs of a main clause whose 'that' clause states the obligation: requires that, directs that …",
    "possibility_modal": "words just before a verb of requiring that make it a right or a possibility, not a requirement: may, can, to ('the Government may require the Contractor to …'); without the list a requiring verb binds only through a modal in its object clause",
    "expecting_verb": "verbs of the buyer's expecting or wanting whose object, the supplier or its team, then its infinitive or its own modal, states the supplier's duty: expect, want, would like, are looking for … ('We expect this team to have extensive experience', 'We expect the team will be familiar with …')",
    "forecast_verb": "verbs of expecting whose object clause, after a party as their subject, is a forecast that binds nobody: estimates, anticipates, does not anticipate … ('The Government estimates this project will require …')",
    "object_verb": "verbs that need an object: one that ends its sentence just after the modal has its object before it, the noun a relative clause describes ('the services the contractor is required to furnish', 'Tasks the vendor must perform'): no obligation …",
    "not_binding_lead_in": "words that, in the sentence or heading introducing a list, show its items are no duties: out of scope, will not be responsible, may include, benefits, ingår inte …",
    "clauses_lead_in": "words that, in the sentence introducing a list, show its items are an agreement's clauses, each binding by its own words: the following terms shall apply, följande villkor gäller …",
    "task_lead_in": "words that, in the sentence or heading introducing a list, show its items are tasks: följande uppgifter, utföra följande, uppdraget omfattar …",
    "task_gerund": "gerunds of verbs of work that open a task written without a modal in a statement of work: providing, ensuring, establishing, implementing, responding …",
    "instruction_verb": "verbs whose imperative opens an instruction to the tenderer, in a tender's section of instructions (instruction_title): describe, submit, include, beskriv, bifoga, ange …",
    "instruction_title": "words that, in the title of a tender's section (or of a section it stands in) or in the introduction of a list, show that it instructs the tenderers how to write the tender: instructions, proposal, quotation, submission, anbudets innehåll, svarsformat …",
    "tender_subject": "words that, before a modal whose clause names no party, make its subject the tender, a part of it or the tenderer's act in the tendering: submittals in response to this solicitation, questions regarding this RFQ, anbud, svar på avropsförfrågan, priserna …",
    "tender_content": "words after a modal whose clause names no party that put its subject into the tender: be included in the proposal, be set out in the offeror's proposal, ska ingå i priserna, ska framgå av anbudet …",
    "task_present": "verbs of work in the third person present that open a duty written without its subject, as a job description lists a post's duties: provides, performs, maintains, utilizes, responsible for …",
    "task_present_noun": "words of task_present that also spell a plural noun, the subject of a plural verb of its own ('Documents such as the PWS are attached'): documents, practices, reviews …",
    "delivery_verb": "verbs that deliver their object, for a deliverables table's row to give its level (scheduled): submit, deliver, provide, forward, prepare …",
    "deliverables_title": "the whole introduction of a list whose items are the supplier's deliverables: deliverables, required deliverables … ('Deliverables:' / 'Kickoff meeting schedule and agenda'; task_item)",
    "task_heading": "words that, in a section's title or the sentence or heading introducing a list, show that what stands under it is the supplier's work: tasks, scope of work, objectives, responsibilities …",
    "qualification_lead_in": "words that, in the sentence or heading introducing a list, show its items are skills or experience asked of the staff: experience with, background in, knowledge of, erfarenhet av …",
    "attachment_title": "words that, in a document's title, name it as a part of a solicitation or contract that is not the solicitation: performance work statement, QASP, attachment, bilaga …",
    "solicitation_title": "words that, in a document's title, name it as the solicitation itself: request for quotation, RFP, inbjudan att lämna anbud …",
    "definitions_title": "the whole title of a section of definitions (its number aside): definitions, defined terms, glossary, definitioner, begrepp …",
    "background_title": "the whole title of a section that describes the buyer's situation, not what is bought (its number aside): background, current environment, bakgrund, nuläge …",
    "editor_note_title": "words that open an editor's note to those who use a template or a sample, not its text: helpful hint …",
    "copula": "verbs that, just after the main clause's modal, make what follows a predicate complement ('in predicate'): be, remain, be made, vara, bli …",
    "passive_agent": "words that, after the copula of a passive duty with no party as its subject (or its passive_verb), name its agent, whose duty it is: by ('shall be inspected by the Government'), av …",
    "passive_verb": "words that, just after a modal, are a passive written as one word, as Swedish writes it, whose agent passive_agent names: *as ('ska godkännas av Beställaren') …",
    "recipient_passive": "passives that make their subject the one told or given something, so that the other party is bound: informeras, underrättas, ges tillgång, hållas informerad ('Beställaren ska hållas informerad' binds the supplier) …",
    "permission_participle": "participles that make a passive duty a permission its subject must obtain, not the agent's duty: approved, authorized ('All travel must be approved by the COR') …",
    "work_statement_title": "words that, in a document's opening, name it as the buyer's statement of the work it buys: statement of objectives, SOO, statement of work, performance work statement …; there 'we' is the buyer, never a vendor's own terms",
    "surveillance_plan_title": "words that, in a document's opening, name it as the buyer's surveillance plan: quality assurance surveillance plan, QASP, quality assurance plan …; there an affirmed 'will' passive that names no agent binds the buyer",
    "state_participle": "participles after 'will be' that say how a thing stands or serves, no act of an agent: used, based, determined, included …",
    "joint_adverb": "adverbs that, just before or after the participle of a 'will' passive that names no agent, make it both parties' act: collaboratively, jointly, mutually ('Sprint plans will be developed collaboratively with the Product Owner')",
    "delivery_participle": "participles after 'will be' of the supplier's delivery of its work, no act of the buyer's surveillance: completed, delivered, submitted …",
    "told_participle": "participles of telling that make a passive's subject, a party, the one told, so that the other party tells: notified, informed ('Customer will be notified via e-mail …' binds the supplier) …",
    "predicate_modifier": "words that may stand between the modal and the copula, or before an adjective of the complement: not, also, very, sufficiently, inte, alltid, mycket …",
    "coordinator": "words that join the adjectives of a predicate complement ('simple and intuitive'): and, or, och, eller, samt …",
    "purpose_opener": "words that open a purpose clause, which 'outside purpose' leaves out: so that, in order to …",
}
"""The terms lists a ruleset may name to teach the reading its language."""

READING_NAMES = {
    "main_obligation": "a binding modal in the main clause, or a party (the buyer too) as the subject of 'will'; in a tender also a soft modal (should, bör)",
    "soft_obligation": "an obligation written with a soft modal (should, bör) in a tender, or a row of a tender's table of evaluated wishes (evaluation_header): a wish that is evaluated, binding nobody to perform",
    "binds_supplier": "an obligation whose subject is the supplier, its staff or its deliverable",
    "binds_buyer": "an obligation whose subject is the buyer",
    "binds_mutual": "an obligation that binds both parties",
    "binds_tenderer": "an obligation of the tenderer (or of its tender)",
    "sanction_row": "a row of a table of credits or penalties (its header names the credit, or the words introducing it do), or a tier of a list of credits (introduced with words of sanction_header, naming the credit or a percentage): the sanction's amounts, its largest row its cap",
    "vendor_terms": "every statement of a vendor's own terms: a document that is no tender and speaks as 'we' in three statements or more, or names the buyer by a party word in three and the supplier by none ('Acme will provide …', 'Customer must …')",
    "tender_document": "every statement of a tender (a solicitation or its attachments): a document with words of tender_context in three statements or more",
    "proposal_document": "every statement of a document that reports proposed rules (a memorandum, a referral to the Council on Legislation): a document with words of proposal_context in two statements or more, whose 'shall' is the content of the proposal, binding no party",
    "numbered_requirements": "every statement of a document that gives its requirements ids (three statements or more with an id of their own): where a requirement without one is a slip, not the document's style",
    "numbered_clauses": "every statement of a document that numbers its clauses (three clause numbers or more: '4.2 Service levels', Word's '3.3.1', 'Sec. 3.02'; or three items of a numbered list a PDF's text wrote as paragraphs, each number on its own line): its requirements are cited by their clause",
    "attachment_document": "every statement of a document whose title names it as an attachment (words of attachment_title before any of solicitation_title): a PWS or QASP that mentions its RFQ is not the RFQ",
    "performance_row": "a row of a table whose header names a performance level (target, AQL, service level …), or whose heading or introducing sentences do; or a line that labels a level and gives its value ('Average service level target (as a percentage per month): 90%')",
    "performance_cell": "an item of a list introduced by a performance level as a whole (its column title 'Performance Standard' / '1. Ninety-five (95) percent of repairs … are completed …'), or a paragraph of a performance table flattened into paragraphs, as a PDF's text writes a table: after a run of short column titles one of which is, as a whole, a performance level (performance_header: 'Performance standard (and AQL)'; a heading among them where a paragraph title stands beside it: 'PWS Paragraph' / '## Performance Measure'), up to the next heading (not a running footer, nor a row's number under a 'PWS Section' column taken for a title); its titles, page furniture, its method cells (surveillance_cell) and its deduction cells (sanction_header) left out; a level alone ('95%', an AQL column's cell, '>= 98%') kept, however often it recurs, also in a numbered row where a heading ended the flattened table",
    "surveillance_cell": "a paragraph of such a flattened performance table that says how a level is checked: a term of surveillance_method in its first words ('Random inspection', 'Review contractor reports')",
    "surveillance_row": "a row of a table with a column titled by a term of surveillance_header ('Method of Surveillance', 'Mätmetod') and a cell of its own in that column: the row says how its own level is checked",
    "duty_row": "a row of a table with a column titled, as a whole, by a term of duty_header ('Skyldighet | Beskrivning', 'Åtagande'): each row names a duty of the party the document binds",
    "own_clause": "an obligation that is the only one of its numbered clause ('2 Maintenance Window', Word's '3.3.1') or of a lettered or roman sub-clause of one ('(b)' in 14.4: '14.4(b)'; 'iv)' in 14.2: '14.2(iv)'): the clause number cites it",
    "in_numbered_clause": "a statement that stands in a numbered clause, at any depth ('3.2.2 Impact Reports', Word's '3.3.1', 'Appendix 1 › C.3.3'): the clause number and the clause's title or the item's label cite it ('3.2.2', '5.2, Bleachers'), even where the clause holds several requirements",
    "non_binding_item": "a list item introduced (by a sentence, a heading or an earlier item ending in ':') with words of not_binding_lead_in: out of scope, optional or an expected benefit, no duty; or introduced by a definitions title alone ('Definitions:', a term of definitions_title): a defined term",
    "task_item": "the first sentence of a list item introduced (as for non_binding_item) with words of task_lead_in, or by a term of deliverables_title as a whole: a task of a scope list, also when written as a noun phrase ('Utbildning av nyanställd personal'), or a deliverable of one ('Deliverables:' / 'Contractor Project Management Plan (CPMP)')",
    "gerund_task": "a task written as a gerund of task_gerund with no modal ('Providing help desk support …', 'Ensuring that …'), in a tender or an attachment of one: the first sentence of a paragraph or list item, of three words or more, the gerund no subject of a verb ('Documenting surveillance is …'), whose introduction (as for non_binding_item; for a paragraph or an item with none, its section's title or its parent's) has words of task_heading or task_lead_in",
    "present_task": "a duty written in the third person present without its subject ('Provides direct hands-on patient care …', 'Maintains patient privacy.', 'Responsible for the proper delegation of duties …'), as a job description or a performance objective lists a post's duties, in a tender or an attachment of one: a sentence or list item with no obligation of its own that opens (after its list mark or number) with a verb of task_present, of three words or more, not written as a title nor in capitals, the word after the verb no finite verb nor participle (a plural noun as subject: 'Documents include …', 'Tests performed …'), nor a word of task_present_noun with a plural verb of its own later ('Documents in the reading room are available …')",
    "qualification_item": "the first sentence of a list item introduced (as for non_binding_item) with words of qualification_lead_in: a skill or experience asked of the staff ('expected to have experience with:' / 'Creating form-based applications')",
    "question": "a statement that asks: its text ends with a question mark, or with a bracket after one ('Hur ofta genomför ni säkerhetsgranskning?', 'How will you report on performance?'); it states no follow-up or sanction, whatever it names",
    "editors_note": "a statement of an editor's note to those who use a template or a sample document: the paragraph that opens with a term of editor_note_title ('HELPFUL HINT: Please note …'), and, where that opening is a title of its own ending in ':' ('HELPFUL HINTS FROM THE SEVEN STEPS TEAM:'), the paragraph after it",
    "in_definitions": "a statement in a section of definitions, at any depth: a section whose whole title is a term of definitions_title ('1. Definitions', 'Begrepp'), not one that only mentions them ('Service Level Definitions')",
    "in_background": "a statement in a section of background, at any depth: a section whose whole title, its number aside ('2.0 Background', 'Section 2. BACKGROUND INFORMATION', 'Nuläge'), is a term of background_title, not one that only mentions it ('Background Investigations')",
}
"""Condition names the reading provides to every ruleset (unless the ruleset defines the name)."""

MODAL_LISTS = ("modal_binding", "modal_future", "modal_soft")
"""The lists whose words open an obligation; a statement with none of them is not read."""
_PREDICATE_WORDS = ("copula", "coordinator", "predicate_modifier", "subject_after_modal", *(f"party_{party}" for party in PARTIES))
"""The lists read between a modal and its predicate complement, in order of precedence."""
_MAX_MODALS = 32
"""Most modals of one statement read for its obligation, the first ones: each is read against the
text before it, so a statement of thousands of modals (a PDF's text without a sentence end: a
200 KB one took 29 s) costs as much as 32 of them. A sentence's own modal comes long before."""
_GAP_REACH = 80
"""Most characters after a modal in which its verb can end the sentence without its object
("is required to furnish.", "must successfully perform **(Section 4)**."): looked at only there."""
_ADVERB = lazy_compile(r"\s*(?:[^\W\d_]+ly\s+)?")  # "must successfully perform"
_SENTENCE_REST = lazy_compile(r"[\s*_]*(?:\([^()]{0,40}\)[\s*_]*)?[.!;]?[\s*_\"'”’)]*")
"""What may follow the last word of a sentence: emphasis, a short bracket, the sentence's mark, a
quote; not a colon, after which the object comes ("The Contractor shall provide:" and a list)."""
_BEFORE_COPULA = 3  # words between a modal and its copula: "shall also at all times be", "ska systemet alltid vara"
_HEAD_WORD = lazy_compile(r"[^\W_][\w'’-]*")
_SPACE = lazy_compile(r"\s*")
_NOTE_POINTS_OUT = lazy_compile(r"\s*(?:that\b|:|[.;]|$)", re.IGNORECASE)  # "You will note that …": advice
_QUESTION_END = lazy_compile(r"\?[ \t*_\]\"'’”»|)]*(?:(?P<bracket>\([^()]{0,200}\))[ \t*_\]\"'’”»|)]*)?$")
"""The end of a question: its question mark, then perhaps emphasis, a closing bracket, a quote,
a table's last bar, and a bracket of its own where it belongs to the question
(:func:`~checker.sentences.belongs_to_question`: "Vilka standarder använder ni? (OAuth2, mTLS,
etc.)", which the sentence splitting keeps with the question)."""
_NO_METHOD = frozenset({"tbd", "tba", "n/a", "na", "none", "ingen", "inga", "saknas", "ej tillämpligt", "-", "–", "—"})
"""What a surveillance cell may hold that names no method (placeholders of a draft)."""
_TITLE_MARKS = " \t*_.:"
"""What stands around a title's words: "**Definitions:**", "23. Definitions."."""


_BAR_ROW = lazy_compile(r"[\s*_]*\|(?:[^|\n]*\|){3,}[\s*_]*")  # "| a | b | c |" (its bars unescaped): three cells or more between bars
_COLUMN_TITLE_WORDS = 8  # "Performance standard (and AQL)", "Method of performance assessment", "Deduction/Incentive Schedule"
_TABLE_TITLE_WORDS = 16  # a table's title run into its first column's: "Operations and Maintenance (O&M) of an … Performance objective"
_CELL_PARAGRAPH_WORDS = 60  # a flattened table's cell is a short paragraph: a longer one is the running text after the table
# A flattened table's column title that names the work statement's paragraphs its rows measure
# ("PWS Section", "PWS Paragraph", "SOW Reference", "Para. No."): the column FAR 37.6's performance
# requirements summaries open with, whose numbers ("3.1.2.3") a reader may take for clause numbers.
_REFERENCE_TITLE = lazy_compile(r"\s*(?:(?:PWS|SOW|PRS)\s+)?(?:section|paragraph|para\.?|ref(?:erence)?\.?)(?:\s+(?:no\.?|number|#))?\s*$", re.IGNORECASE)
_COLUMN_LINE_CHARS = 60  # a column of a table a PDF's text wrote out has lines this short on average; running text's are longer
_COLUMN_CELL_LINES = 3  # a cell a PDF's text wrote as a narrow column fills this many lines or more
_FURNITURE_REPEATS = 3  # a paragraph that recurs this often is a page's header or footer ("Courtesy of …", a document number)
_STANDARD_WORDS = 6  # a recurring finished sentence this long is a column's repeated standard, no page furniture
_METHOD_REACH = 30  # a method cell names its method in its first words: "Make sample or test calls."
_ROW_STATEMENTS = 60  # the most statements one numbered row of a flattened table holds: a longer stretch is no row
_ROW_NUMBER = lazy_compile(r"\d{1,2}[.)]?")  # a flattened row's first cell numbers its task: "1.", "2)"
_NUMBERED_CELL = lazy_compile(r"\s*(\d{1,2})[.)][ \t]+(?=[A-Z])")  # the same, where a paragraph keeps its number: "2. Maintain …"
_TITLES_BEFORE_ROWS = 4  # a flattened table's column titles stand at most this many statements before its first row
_END_MARKS = (".", "!", "?", ":", ";")
_PARAGRAPH_ITEM_WORDS = 40  # an item of a list written as paragraphs is short: a longer paragraph is running text
_LEVEL_CELL = lazy_compile(r"[\s*_]*(?:[<>≥≤]=?\s*)?\d{1,3}(?:[.,]\d{1,3})?\s*(?:%|percent)[\s*_]*", re.IGNORECASE)
"""A cell of a flattened performance table that is a level alone, its acceptable quality level
("95%", "99.9 percent", ">= 98%", bold or not): no page number (a bare number) or stray mark, however few
letters it has and however often the same level recurs down its column."""
# The white space before a separator is matched only from where its run starts: a search from
# each space of a long run not followed by one read the rest of the run again (quadratic).
_TITLE_PARTS = lazy_compile(r"(?<!\s)\s*(?:[()&/,]|\band\b)\s*|(?:[()&/,]|\band\b)\s*", re.IGNORECASE)
_ARTICLE = lazy_compile(r"\s*(?:(?:the|its|their|an?)\s+)?", re.IGNORECASE)
# A deliverables table's deliverable, as its first cell names it ("Vulnerability reports delivered
# through the bug bounty platform", "Tested Code & Status Reports", "Code Repository of Product"):
# each name the cell joins, up to the words that say how, when or of what it is delivered.
# Each starts at the first space of a run, as _TITLE_PARTS does: from each space of a long run not
# followed by a separator or such words, a match read the rest of the run again (quadratic).
_DELIVERABLE_PARTS = lazy_compile(r"(?<!\s)\s*(?:[&/,;+]|\band\b)\s*|(?:[&/,;+]|\band\b)\s*", re.IGNORECASE)
_DELIVERABLE_REST = lazy_compile(
    r"(?<!\s)(?:\s+(?:delivered|submitted|provided|due|for|of|to|through|in|on|with|via|including|that|which|per|from|by|at)\b.*|\s*[(\[:].*|\s+[–—-]\s.*)",
    re.IGNORECASE,
)
_DELIVERABLE_NAME = lazy_compile(r"[^\W\d_][\w'’]*(?:\s+[^\W_][\w'’]*){1,5}")  # two words or more, the first a word of letters
_DELIVERABLE_ARTICLE = lazy_compile(r"(?:the|an?)\s+", re.IGNORECASE)
_OBJECT_PREPOSITION = lazy_compile(
    r"\b(?:of|to|for|in|on|about|from|with|into|onto|regarding|concerning|lieu|than|like|per|under|within|by|as|between|among)\s+"
    r"(?:(?:the|an?|all|any|each|every|its|their|his|her|our|your|these|those|such|this|that)\s+)*(?P<rest>(?:[\w'’-]+\s+)*)$",
    re.IGNORECASE,
)
# The run of words and spaces that ends a text: the only place _OBJECT_PREPOSITION can match, where
# searching the whole text read the rest from each preposition again (quadratic in "of of of … x,").
_WORDS_TAIL = lazy_compile(r"(?<![\w'’\s-])[\w'’\s-]*\Z")
_GERUND_BEFORE = lazy_compile(r"\b[^\W\d_]+ing\s+(?:(?:the|an?|all|any|each|its|their)\s+)*$", re.IGNORECASE)
_RELATIVE_WORD = lazy_compile(r"\b(?:who|whom|whose|which|that|where|when|if|unless)\b|[;:()]", re.IGNORECASE)
_NAME_GOES_ON = lazy_compile(r"\s+[A-Z]")  # "Vulnerability Report Triage Services": a longer name
_DOCUMENT_NAMES = ("vendor_terms", "tender_document", "proposal_document", "numbered_requirements", "numbered_clauses", "attachment_document")
"""The reading names that hold for every statement of a document or for none."""
_PROPOSAL_STATEMENTS = 2
"""Statements with words of ``proposal_context`` that make a document a report of proposed rules:
a memorandum says what it proposes at its start and when the proposal would take effect at its end
("I utkastet till lagrådsremiss föreslås bestämmelser …", "Förslagen föreslås träda i kraft …")."""
_OWN_SUPPLIER_STATEMENTS = 3
"""Statements naming a supplier (``party_supplier``) that make a document with words of
``commission_context`` a contract of its own, not the assignment: an assignment speaks of suppliers
in passing, if at all ("resultatersättning till leverantörerna"), a contract binds its supplier
throughout ("Leverantören ska …")."""
_TITLE_STATEMENTS = 12
_TITLE_WORDS = 20  # a title line is short; the first sentence of 20 words or more is running text
_DIGITS = lazy_compile(r"\d+")  # a page's furniture recurs with other numbers: "Page 10 of 44", "Page 11 of 44"
_OPENING_GERUND = lazy_compile(r"[\W_]{0,20}(?:(?:[a-z]|[ivx]+|\d+(?:\.\d+)*)[.)]\s+)?([^\W\d_]+ing)\b")
"""A statement's first word, a gerund ("Providing …", "c) Ensuring …"), after its list mark or letter."""
_OPENING_WORDS = lazy_compile(r"[\W_]{0,20}(?:(?:[a-z]|[ivx]+|\d+(?:\.\d+)*)[.)]\s+)?([^\W\d_]+)(?:[ \t]+([^\W\d_]+))?(?:[ \t]+([^\W\d_]+))?")
"""A statement's first words, after its list mark or number: a duty's verb ("Provides …", "1. Practices within …",
"Responsible for …") and the word after it."""
_NOT_AFTER_DUTY_VERB = lazy_compile(
    r"(?:is|are|was|were|has|have|had|may|might|can|could|would|will|shall|must|should|include|includes|of|and|or|[a-z]+ed)",
    re.IGNORECASE,
)
"""The word after an opening verb of ``task_present`` that makes that word a plural noun, the
subject or head of a phrase ("Documents include …", "Reviews of deliverables …", "Tests performed and
results obtained."), no duty."""
_PLURAL_VERB = lazy_compile(r"\b(?:are|were|have|include|remain|take)\b", re.IGNORECASE)
"""A plural verb: after an opening word of ``task_present_noun`` anywhere in its sentence, that
word is the plural noun it governs, whatever follows the noun ("Documents such as the PWS are
attached", "Practices that reduce waste are encouraged", "Reviews take place monthly")."""
# A command's first word: after a list mark, and after a title run into the paragraph
# ("**Format:** Submit …", "General.** Please submit …"), which ``titled`` names the word after.
_COMMAND_OPENING = lazy_compile(
    r"[\W_]{0,20}(?:(?:[a-z]|[ivx]+|\d+(?:\.\d+)*)[.)]\s+)?(?P<word>[^\W\d_]+)"
    r"(?:[^:.;!?|]{0,60}?(?:[:.][*_]+|:)[\s*_]+(?P<titled>[^\W\d_]+))?"
)
_GERUND_TASK_WORDS = 3  # a task says what is done to what: "Performing Surveillance." is a title
_GERUND_CLAUSE = lazy_compile(r"[^,;:()]{0,200}")  # the gerund's own clause: up to its first mark
_CLAUSE_OPENER = lazy_compile(r"\b(?:that|which|who|whom|whose|where|when|while|if|unless|so|because|as|until|to)\b", re.IGNORECASE)
_FINITE_AFTER_GERUND = lazy_compile(
    r"\b(?:is|are|was|were|has|have|had|may|might|can|could|would|will|shall|must|should|remains|becomes|helps|requires|involves?|includes?|consists?|means)\b",
    re.IGNORECASE,
)
"""A finite verb in the gerund's own clause (before any clause it opens): the gerund is its
subject ("Documenting surveillance is of major importance"), no task."""
_MAIN_CLAUSE_AFTER = lazy_compile(r",\s*(?:the|this|these|those|we|it|they|our|its|their|each|all|an?)\b", re.IGNORECASE)
"""A main clause after the gerund's, its subject first: the gerund opens a participle phrase
("Building on its pilot, the agency launched …"), no task."""
_TITLE_CASE_SHARE = 2 / 3  # of a line's longer words after its first, capitalised: a title ("Maintaining an Information Data Base")


def _title_cased(text: str) -> bool:
    """Whether ``text`` is written as a title: of its words of four letters or more after the
    first, two or more and :data:`_TITLE_CASE_SHARE` of them capitalised ("Maintaining an
    Information Data Base Performance objective", "Website Redesign and Migration Projects"),
    as the entries of a table of contents or a table's title are, not a task's sentence."""
    words = [word for word in _HEAD_WORD.findall(text)[1:] if len(word) >= 4]
    capitalised = sum(word[0].isupper() for word in words)
    return capitalised >= 2 and capitalised >= _TITLE_CASE_SHARE * len(words)


_GROUP_LABEL_WORDS = 6  # a label that groups a lead-in's items is short: "Microsoft Technology:", "Front-end skills:"
_LAST_CLAUSE = lazy_compile(r";\s*|,\s+(?:and|but|och|men)\s+")
"""Where a sentence's last coordinated clause starts: after a semicolon or ", and" / ", but"."""
_BOUNDARY = lazy_compile(r"[,;:(|–—]|\s-\s|\bbut\b|\bmen\b")
_POSSESSIVE = lazy_compile(r"^['’]s?(?!\w)")
_PARENTHETICAL = lazy_compile(r"\s*(?:,[^,.;:]{1,40},\s*)?")  # "requires, at a minimum, that"
_ABBREVIATION = lazy_compile(r"[A-Z]{2,5}")  # "the SP", "the CSP": an organisation named by its letters
_INFINITIVE = lazy_compile(r"\s+(?:to|att)\s+[^\W\d_]", re.IGNORECASE)  # "requires the Contractor to visit"
_WORD_AFTER = lazy_compile(r"\s+[^\W\d_]")  # "require that the Contractor prepare": the object clause's verb
_EXPECTING_BETWEEN = lazy_compile(r"(?:\s*(?:['’]ll|will|would|also|further|therefore|really)\b)*\s*", re.IGNORECASE)
"""What may stand between the buyer and its verb of expecting: "we'll also expect", "we would expect"."""
_EXPECTATION = lazy_compile(r"(?:it['’]s\s+|it\s+is\s+)?(?:our|the)\s+expectation", re.IGNORECASE)
"""A noun of expecting with its subject: "our expectation", "It's our expectation", "The expectation"."""
_EXPECTED_OBJECT = lazy_compile(
    r"\s+(?:for\s+|that\s+|(?:for\s+[^,.;:]{1,80}?\s+)?is\s+that\s+)?(?P<object>[^\W\d_][\w’'&/-]*(?:\s+[\w’'&/–-]+){0,8}?)(?:['’]ll\s|\s+(?:to\s+[^\W\d_]|(?:will|would|shall|must|can|could)\s))",
    re.IGNORECASE,
)
"""The object of a verb of expecting, a few words with no punctuation, then its infinitive or its
own modal: "… this team to have", "… that this team would have", "… a team who can continue"."""
# A requiring verb's object that names no party, then its infinitive: "requires one officer to be
# stationed", "requires the SP to perform" (an abbreviation the document did not define in quotes)
_NAMED_OBJECT = lazy_compile(r"(?:\s+[^\W\d_][\w’'-]*){1,3}?(?=\s+(?:to|att)\s+[^\W\d_])", re.IGNORECASE)
_LOWER_START = lazy_compile(r"[\W_]*([^\W\d_])")
_STAFF_REACH = 40  # the longest term looked for at a place (a party_staff word after a possessive, a modal after it), in characters
# "will be (closely) assessed / given / shown": a past participle, by its ending, but the adjectives
# that end so ("open", "even", "seven"), or one of the irregular ones ("sent", "paid", "made",
# "borne", "withheld"), not any word with their endings ("relevant", "consistent", "valid",
# "online", "difficult"); not "will be accessible", "will be a direct liaison", "will be monitoring"
_FUTURE_PASSIVE = lazy_compile(
    r"\s+(?:also\s+)?be\s+(?:[a-z]+ly\s+)?"
    r"(?:(?!(?:open|even|often|keen|green|sudden|ten|seven|eleven|[a-z]*teen)\b)[a-z]+(?:ed|en|wn)"
    r"|(?:mis|re|un|over)?(?:sent|spent|lent|bent|meant|learnt|burnt)|[a-z]*(?:paid|laid|said)|hid|slid|rid|(?:out)?bid"
    r"|[a-z]*(?:done|gone|borne|built|dealt|felt|spelt|dwelt|knelt|spilt|kept|slept|swept|crept|wept|leapt|ought|aught|held|sold|told|made)|shone)\b",
    re.IGNORECASE,
)
# The opening of a subject before a party's possessive ("The contractor's invoice …", "Each
# Contractor's …"): an article or a determiner at most, after a list item's number or markup
_OPENS_SUBJECT = lazy_compile(r"[\W_\d]*(?:(?:the|each|every|all|any)\s+)?", re.IGNORECASE)
# What a party's possessive names before the modal: one to four words, no clause of its own
_OWNED_THING = lazy_compile(r"\s*(?:[^\W\d_][\w-]*\s+){0,3}[^\W\d_][\w-]*\s*(?:\([^()]{1,20}\)\s*)?", re.IGNORECASE)
# The other party's surveillance of a party's own thing ("The Contractor's performance will be
# monitored"), no act of its owner
_SURVEILLED = lazy_compile(
    r"(?:monitored|evaluated|assessed|reviewed|inspected|measured|rated|graded|scored|accepted|rejected|audited|verified|checked|observed|surveilled|tested|paid|reimbursed|rewarded|penali[sz]ed)\b",
    re.IGNORECASE,
)
# A judgement after a passive's participle: "will be determined to be acceptable", "found acceptable"
_JUDGED = lazy_compile(
    r"\s+(?:to\s+be\s+)?(?:acceptable|unacceptable|satisfactory|unsatisfactory|adequate|inadequate|sufficient|insufficient|complete|incomplete|deficient|compliant|noncompliant|non-compliant|in\s+compliance)\b",
    re.IGNORECASE,
)
# What a party's right or remedy does to a thing, no work of the supplier's: "Your account will be
# suspended if you do not pay", "They will be closed after 10 days, if there is no response"
_WITHDRAWN = lazy_compile(r"(?:suspended|terminated|closed|cancell?ed|revoked|forfeited|withdrawn)\b", re.IGNORECASE)
# An agent after a passive's participle ("will be scheduled by the Medical Director"), not a
# deadline ("by the end of the sprint", "by no later than …")
_AGENT_AFTER = lazy_compile(r"(?:\s+[a-z]+ly)?\s+(?:by\s+(?!(?:the\s+)?(?:end|close|time|date|deadline|no\s+later)\b)[^\W\d_])", re.IGNORECASE)
_RECIPIENT = lazy_compile(r"\bto\s+(?:the\s+|its\s+|their\s+|each\s+|all\s+)?$", re.IGNORECASE)  # "… provided to the Contractor"
_RECIPIENT_REACH = 12  # the longest "to" and article before a party, in characters
# "No other hardware will be …"; not a deadline that opens the sentence ("No later than 10 days after award, …")
# A label that heads a list item, the rest of whose first sentence (if any) follows its colon: "Support:
# Informerar löpande …", "Bug bounty pool management:" (not a time, "9:00", nor a link, "(https://…");
# what follows in lower case is no sentence but the words the colon lists (:func:`_item_label`)
_ITEM_LABEL = lazy_compile(r"[\W_]*[^\W\d_][^:.;!?()\[\]]{0,80}?:(?!\d|//)[\s*_]*")
# A possessive determiner before a supplier word, at most two words between: "our infrastructure
# provider", "its subcontractors" name someone's own supplier, no party to the terms
_OWNED = lazy_compile(r"\b(?:our|its|their)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_OWNED_REACH = 40  # the determiner and two words before a party word, in characters
# A numbered list as a PDF's text writes it: each number alone on a line ("2.", "23)"), and the
# lead-in's colon, with the first number joined to it or not ("… shall be responsible for: 1.")
_BARE_NUMBER = lazy_compile(r"[\s*_]*(\d{1,3})[.)][\s*_]*")
# (one run of blanks before the end unless the number stands in it: two runs side by side would be
# read again from each of their characters, quadratic on a form's "Name: _ _ _ …")
_NUMBERED_LEAD_IN = lazy_compile(r":[\s*_]*(?:(?P<first>1[.)])[\s*_]*)?$")
# The small letter or roman numeral that opens an item of a list written as paragraphs ("b)
# radera alla personuppgifter …", "(b) any Professional Services will be provided …", "(ii) Company
# name, physical address …"): anchored, its one repetition bounded
_ITEM_LETTER = lazy_compile(r"[*_]{0,2}\(?([a-z]|[ivx]{2,5})\)\s")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")
"""The small roman numerals in order, as far as a list written as paragraphs numbers its items."""
# A preposition (and an article) just before a party in the subject: the party is in a phrase that
# describes the subject, not the subject ("materials supplied to the Government"); not "by", whose
# party acts in the subject ("Key Personnel employed by the offeror", "Refusal … by an Offeror"),
# nor "of" or "for", which name whose the subject is
_GOVERNED = lazy_compile(r"\b(?:to|from|with|towards|till|från|med)\s+(?:(?:the|its|their|each|all|any|an?|den|det|de)\s+)?$", re.IGNORECASE)
_GOVERNED_REACH = 16  # the longest preposition and article before a party, in characters
# Between two parties that a subject joins: "and" ("och", "&"), an article, marks and brackets
# ("(COR) and the"); and a preposition before the first, which makes them no subject
_BRACKETED = lazy_compile(r"\([^()]{0,40}\)")
_JOINING = lazy_compile(r"[\s\W]*(?:and|och|&)\s+(?:the\s+|its\s+|den\s+|det\s+)?[\s\W]*", re.IGNORECASE)
_JOINING_REACH = 60  # the longest text between two joined parties: "(COR) and the", with a bracket of 40
_PREPOSITION = lazy_compile(r"\b(?:between|among|of|from|with|by|to|for|mellan|av|från|med|till|för)\b", re.IGNORECASE)
_LIST_AFTER = lazy_compile(r"[\s*_]*:[\s*_]*")  # "The platform will:": a modal whose verbs are the list after it
# "Average service level target (as a percentage per month): 90%", "Response time: within 4 hours",
# "Åtgärdstid prioritet 1: inom 4 timmar": a level written as a line of its own, its label before a
# colon, its value a number with a unit of its own after it, in figures or words, in English or
# Swedish (the performance_header of either language names the level; a date is no level:
# "Proposal due date: March 5, 2024")
_LEVEL_LINE = lazy_compile(r"[\W_]*(?P<label>[^\W_][^:.;!?]{0,80}?)[\s*_]*:[\s*_]*(?P<value>[^:;]{1,80})")
_LEVEL_VALUE = lazy_compile(
    r"(?:\d[\d.,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|sixty|ninety"
    r"|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv|femton|tjugo|trettio|sextio|nittio))\s*"
    r"(?:%|percent\b|ms\b|milliseconds?\b|seconds?\b|minutes?\b|hours?\b|(?:working|business|calendar)\s+(?:days?|hours?)\b|days?\b|weeks?\b|months?\b"
    r"|procent\b|millisekund(?:er)?\b|sekund(?:er)?\b|minut(?:er)?\b|timm(?:e|ar)\b|(?:arbets|kalender|bank)?dag(?:ar)?\b|vardag(?:ar)?\b|arbetstimm(?:e|ar)\b|veck(?:a|or)\b|månad(?:er)?\b)",
    re.IGNORECASE,
)
# "30 days after award", "10 days before the closing date": a time counted from an event is a point in
# time, a date as "March 5, 2024" is (an RFP's timetable, "Questions due date: 10 days after the RFP is
# issued"); "within 4 hours after the call" is a time limit, a level
_LEVEL_DATE = lazy_compile(r"\s+(?:after|before|prior\s+to|following|preceding)\b", re.IGNORECASE)
_LEVEL_WITHIN = lazy_compile(r"\bwithin\s+$", re.IGNORECASE)
_LEVEL_LABEL_WORDS = 10  # a label is short: "Average service level target (as a percentage per month)"
_LEVEL_VALUE_WORDS = 12  # and so is its value: "within 3 business hours"; a longer rest is a sentence
_OTHER_PARTY = {"buyer": "supplier", "supplier": "buyer", "tenderer": "buyer"}
"""The party that tells, or gives something to, the one a passive of telling or giving names as
its subject, where the passive names no agent (:meth:`DocumentReading._told`,
:meth:`DocumentReading._recipient_after`): the supplier the buyer, the buyer the supplier and the
tenderers."""
# A modal of responsibility ("is responsible for", "will be responsible for", "is accountable for",
# "has the responsibility to"): with no party in its clause, in the buyer's statement of work, it is
# a role's or an office's ("The Product Owner is responsible for …"), not the supplier's by default
# (_supplier_named_before); a vendor's terms or a tender name their own parties so ("CDS is
# responsible for:", "Applicants are solely responsible for:")
_RESPONSIBILITY = lazy_compile(r"\b(?:responsib|accountable)", re.IGNORECASE)
_COPULA_MODAL = lazy_compile(r"(?:is|are)\b", re.IGNORECASE)  # "is to", "are expected to": bind only a party they name
_NEGATIVE_SUBJECT = lazy_compile(r"[\W_]*(?:no\b(?!\s+(?:later|sooner|earlier)\s+than\b)|none\b|neither\b|nothing\b)", re.IGNORECASE)
_COMPOUND = lazy_compile(r"^-\w")  # "client-side", "supplier-managed": a modifier, not the party
_NOT_A_NAME = {
    "the",
    "a",
    "an",
    "this",
    "these",
    "that",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "corp",
    "corp.",
    "ab",
    "gmbh",
    "oy",
    "as",
    "plc",
    "co",
    "co.",
    "och",
    "and",
    "den",
    "det",
    "denna",
    "detta",
}
_DEFINITION = lazy_compile(
    r"(?P<name>(?:[A-ZÅÄÖ0-9][\w&.,'’-]*\s+){0,4}[A-ZÅÄÖ0-9][\w&.'’-]*)?[\s,]*"
    r"\((?P<aliases>[^()]{1,160})\)"
)
# A name as the whole subject of a clause, just before a modal ("ZITADEL will", "Acme shall"):
# one capitalised word at the start of the text or after a clause boundary, a comma's too (the
# main clause after a fronted one: "If Acme confirms …, Acme will issue …"; ``comma`` says which).
# Several words are a defined term ("Financial Credit will …"), as is a word the document defines
# ("Downtime means").
_NAMED_SUBJECT = lazy_compile(r"(?:^|(?P<comma>,)\s+|[.;:]\s+)(?P<name>[A-ZÅÄÖ][\w&'’-]*)\s+(?:will|shall|must|agrees to|ska|skall)\b")
# A name written in lower case ("dxw", a trading name) is a name only where the document gives it in
# quotation marks as one ('The Dextrous Web Ltd, …, trading as "dxw"'): one word, quoted alone.
# Without the quotes a lower-case subject is a pronoun or a common word ("it will", "all must").
_QUOTED_LOWER_NAME = lazy_compile(r"[\"“”„]([a-zåäö][\w&'’-]{1,30})[\"“”„]")
_LOWER_NAMED_SUBJECT = lazy_compile(r"(?:^|(?P<comma>,)\s+|[.;:]\s+)(?P<name>[a-zåäö][\w&'’-]*)\s+(?:will|shall|must|agrees to|ska|skall)\b")
# A Swedish contract's name for a party as the whole subject of "ska" or "ansvarar": one or two
# capitalised words ("5.4 EHM ska …", "Las Vegas skall …", "EHM ansvarar också för …") opening a
# sentence, after its clause number, or a clause (:meth:`DocumentReading._buyer_names`)
_NAMED_PARTY_SUBJECT = lazy_compile(
    r"(?:^(?:\d{1,3}(?:\.\d{1,3}){0,4}\.? )?|(?P<comma>,)\s+|[.;:]\s+)(?P<name>[A-ZÅÄÖ][\w&'’-]*(?: [A-ZÅÄÖ][\w&'’-]*)?) (?:ska|skall|ansvarar)\b"
)
# An English document's own name for an office or an organisation, in capitals ("OFA", "18F",
# "GSA TTS", "The MTF"), as the whole subject of "will", "shall" or "must": one or two words of
# capitals and digits opening a sentence, after its clause number, or a clause
# (:meth:`DocumentReading._office_names`)
_OFFICE_SUBJECT = lazy_compile(
    r"(?:^(?:\d{1,3}(?:\.\d{1,3}){0,4}\.? )?|(?P<comma>,)\s+|[.;:]\s+)(?:[Tt]he\s+)?"
    r"(?P<name>(?:[A-Z][A-Z0-9&]{1,6}|\d{1,3}[A-Z]{1,3})(?:\s[A-Z][A-Z0-9&]{1,6})?)\s+(?:will|shall|must)\b"
)
# What a document spells its capitals out as: the capitalised words before them in brackets ("the
# Office of Family Assistance (OFA)", "Service Provider (SP)"), with "of", "and", "for", "the"
# between them; the words that make that name a thing, not an office (a plan, a system, an
# agreement: "Quality Assurance Surveillance Plan (QASP)", "Blanket Purchase Agreement (BPA)")
_SPELLED_OUT = r"((?:[A-Z][\w'’-]*)(?:\s+(?:(?:of|and|for|the|on|&)\s+)*[A-Z][\w'’-]*){0,7})\s*\("
_SPELLED_OUT_REACH = 160  # the characters before the capitals' bracket the spelled-out name may take
_THING_NAME = lazy_compile(
    r"\b(?:plans?|system|application|database|platform|portal|tool|interface|report|module|software|website|site|agreement|contract|order"
    r"|schedule|statement|document|standard|policy|act|regulation|number|code|protocol|format|method|model|index|rate|level)\b",
    re.IGNORECASE,
)
# The definite article a Swedish noun ends with ("Tjänsten", "Avropet", "Leveranserna"), after a
# stem of three letters at least: the one-word names _proper_name reads
_DEFINITE_ENDING = lazy_compile(r"(?<=[^\W\d_]{3})(?:en|et|na)$")
_PREPOSITION_REACH = 12  # the word before a party, in characters
_PROMISED_AFTER = lazy_compile(r"\s+(?:(?:also|always|only|[^\W\d_]+ly)\s+)?")
"""What may stand between a vendor's subject and its present tense promise (``vendor_promise``): an adverb ("We publicly publish …")."""
_PROMISE_OPENING = lazy_compile(r"[\W_]*(?:[^\W\d_][^*]{0,60}\*\*[\s*_]*[-–—:][\W_]*)?|.*\s(?:and|but)\s+", re.DOTALL)
"""What may stand before the subject of a vendor's present tense promise in its clause: a run-in title ("**Transparency** - We
publish …"), or the first main clause and its "and" ("Our code base is open to the public and we provide …")."""
_NOTHING_PROMISED = lazy_compile(r"\s+no\s|[^.;]{0,120}?(?:\bas[\s-]+(?:is|available)\b|\bwithout\s+(?:any\s+)?warrant)", re.IGNORECASE)
"""A present tense that promises nothing: its object is "no …" ("We provide no guarantee that the
Service will be uninterrupted"), or its clause disclaims, "as is", "as available" or "without
(any) warranty" in the words after it ('We provide the Service "as is" and without warranty of any
kind'). Read from the verb's end, within the clause (a full stop or a semicolon ends it) and 120
characters."""
# A coordinator just before a modal: its verb is a second predicate of the clause before it
_COORDINATED = lazy_compile(r"\s(?:och|samt|eller|and|or)\s+$")
# A modal that ends in its object clause's conjunction after its own subject ("Processledaren ser till
# att vi har goda förutsättningar", "Tjänsten säkerställer att …"): the word after it is that clause's
# subject, never the modal's inverted after it ("Därför ser Processledaren till att …" splits the verb).
# An impersonal modal ("det är viktigt att", "åligger det") has no subject of its own: the one after binds.
_ENDS_IN_CONJUNCTION = lazy_compile(r"\batt$")
_IMPERSONAL = lazy_compile(r"\bdet\b", re.IGNORECASE)
_COORDINATOR_REACH = 8  # the coordinator and the blanks before a modal, in characters
_ROLE_NAMED = 4
"""How many times as many statements a contract must name the supplier by a party word as the
buyer for the name it writes as a subject to be the buyer's (:meth:`DocumentReading._buyer_names`)."""
_NAME_CANDIDATES = 8
"""How many of a contract's most frequent capitalised subjects are read as names of its buyer
(:meth:`DocumentReading._buyer_names`): each is looked for in the whole text once more."""
_DEFINED_TERM = lazy_compile(r"\b([A-ZÅÄÖ][\w&'’-]*)[*_\"”’]*\s+(?:means|shall mean|has the meaning|avser|betyder)\b")
_QUOTED = lazy_compile(r"[\"“”„'‘’]([^\"“”„'‘’]{1,40})[\"“”„'‘’]")
# A bracket with a quotation mark in it: only a text with one can define a party's name by
# :data:`_DEFINITION` (its aliases are quoted). Asked first, as it is found far faster: of the
# 1.39 MB English corpus text's 12,867 statements, 2,415 have a bracket and 114 such a one, and
# :data:`_DEFINITION` took 34 ms to search the 2,415, 2 ms the 114.
_QUOTE_IN_BRACKETS = lazy_compile(r"\([^()]{0,160}?[\"“”„'‘’]")
_HEREINAFTER = lazy_compile(
    r"(?i:hereinafter|hereafter|nedan(?:\s+kallad|\s+kallat|\s+benämnd|\s+benämnt)?)\s+"
    r"(?i:(?:referred\s+to\s+as|called)\s+)?(?:[\"“”„']?)(?i:the\s+)?(?P<alias>[A-ZÅÄÖ][\w-]*)"
)


def _names_method(text: str, method: TermFinder) -> bool:
    """Whether a cell of a flattened performance table says how a level is checked: a term of
    ``surveillance_method`` in its first :data:`_METHOD_REACH` characters ("Random inspection
    (site visits)"), or, in a short cell (at most :data:`_COLUMN_TITLE_WORDS` words) that lists
    its methods between semicolons, in the first characters of one of them ("Government Project
    Leads input; quarterly feedback"): a longer cell so listed goes on to state a level ("…;
    the average score … is at least 3.5/4.0")."""
    if next(method.finditer(text[:_METHOD_REACH]), None) is not None:
        return True
    if ";" not in text or len(text.split()) > _COLUMN_TITLE_WORDS:
        return False
    return any(next(method.finditer(part.strip()[:_METHOD_REACH]), None) is not None for part in text.split(";")[1:])


def _item_label(text: str) -> bool:
    """Whether a list item's first sentence ``text`` opens with a label (:data:`_ITEM_LABEL`):
    the colon ends the sentence ("Bug bounty pool management:") or a sentence follows it
    ("Support: Answers questions."), not words in lower case that the colon lists or explains
    ("Maintain a visitor log at each entrance: name, time in and time out.")."""
    label = _ITEM_LABEL.match(text)
    return label is not None and not text[label.end() : label.end() + 1].islower()


def _whole_title(finder: TermFinder, text: str) -> bool:
    """Whether ``text``, the marks around it aside (:data:`_TITLE_MARKS`), is a term of ``finder``
    as a whole ("Definitions:" of ``definitions_title``, also underlined as "<u>Definitions</u>:"; not
    "Service Level Definitions")."""
    return finder.covers(without_tags(text).strip(_TITLE_MARKS)) is not None


_TITLE_NUMBER = lazy_compile(
    r"[\W_]*(?:(?:section|sec|part|article|chapter|avsnitt|kapitel|del)\.?\s+)?(?:(?:[a-z]\.)?\d+(?:\.\d+)*[.):]?|[a-z][.)]|[ivx]+[.)])?\s*", re.IGNORECASE
)
"""A number a heading kept in its title ("Section 2.", "Sec. 2.01", "B.1", "3)"), which a whole title leaves aside."""

_TITLE_BEFORE_COLON = lazy_compile(r"^[\W_]*(?:\d{1,3}[.)]\s+)?[^\W\d_][^:.;!?]{0,60}?:")
"""A term or a title before a colon at a text's start: "Definitions:", "Credit: A unit …", "Kredit: en enhet …"."""


def _titled(text: str) -> bool:
    """Whether ``text`` opens with a term or a title of at most :data:`_GROUP_LABEL_WORDS` words
    and a colon (:data:`_TITLE_BEFORE_COLON`): a definition or a titled clause of an agreement."""
    found = _TITLE_BEFORE_COLON.match(text)
    return found is not None and len(found.group().split()) <= _GROUP_LABEL_WORDS


def _recurring_standard(text: str) -> bool:
    """Whether a paragraph that recurs down a flattened table is a standard its column repeats for
    each row ("Reports have minimal typographical or grammatical errors.", "Unless a due date is
    specified, the deliverable will be completed 30 days after receiving tasking."), not a page's
    running header or footer: a finished sentence of :data:`_STANDARD_WORDS` words or more (a
    footer is a name, a number or a title: "Attachment 1 Enclosure (1)", "New Brunswick Laboratory")."""
    return text.rstrip(" *_").endswith(".") and len(text.split()) >= _STANDARD_WORDS


_STANDING_TITLE = lazy_compile(
    r"[\W_]{0,20}(?:(?:[A-Za-z][.)]|\d{1,3}(?:\.\d{1,3})*[.)]?)\s*)?((?:[A-Z][\w'’&/-]*|of|and|or|the|for|to|in|on|a|an)(?:\s+(?:[A-Z][\w'’&/-]*|of|and|or|the|for|to|in|on|a|an)){0,5})?[.:*_\s]*"
)
"""A clause's number or title standing alone as a sentence ("3.1.4.", "3.3 Indefinite-Delivery Task
Orders.", "Business Relations."): capitalised words and a few small ones, at most six. The marks
before it are bounded: a run of them also ends the title, and each mark of an unbounded run was a
start the end's run was read again from (a paragraph of 48,000 dots took a check 11 s)."""


_SECTION_REACH = 8
"""The most levels :func:`_stands_below` climbs: a clause nests a few levels deep, a hostile
numbering ("1.1.1.1 …") of a thousand levels would make each statement's climb that long."""


def _stands_below(sections: Sequence[Section], section: int, ancestor: int | None) -> bool:
    """Whether ``section`` stands below ``ancestor``, within :data:`_SECTION_REACH` levels."""
    parent = sections[section].parent
    for _ in range(_SECTION_REACH):
        if parent is None or ancestor is None:
            return False
        if parent == ancestor:
            return True
        parent = sections[parent].parent
    return False


def _number_or_title(text: str) -> bool:
    """Whether ``text`` is only a clause's number or its title (:data:`_STANDING_TITLE`)."""
    return _STANDING_TITLE.fullmatch(text) is not None


def _introduces(text: str) -> bool:
    """Whether a statement introduces what follows it: it ends in ":" (markup aside)."""
    return text.rstrip(" *_").endswith(":")


def _marks(text: str, start: int, words: TermFinder) -> dict[int, tuple[int, str]]:
    """Where the words of :data:`_PREDICATE_WORDS` stand in ``text`` from ``start`` on: their
    start → (end, list), in one pass of the finder."""
    return {start + s: (start + e, name) for s, e, name in words.finditer(text[start:])}


def _name_forms(name: str) -> list[str]:
    """How a defined party's name may recur: whole ("Acme Cloud, Inc.") and its first word ("Acme")."""
    name = name.strip(" ,")
    first = name.split()[0].strip(",.") if name.split() else ""
    return [name] + ([first] if first != name and len(first) >= 3 and first.lower() not in _NOT_A_NAME else [])


@dataclass(frozen=True)
class Obligation:
    """An obligation read in a statement: whom it binds and where its modal stands."""

    party: str
    start: int
    end: int
    soft: bool = False
    """Written with a soft modal ("should", "bör"): a wish the tender evaluates."""

    def carried(self) -> Obligation:
        """The obligation a statement carries from this one, its lead-in's (a list item, a row
        that goes on a sentence): the same party and softness, with no modal of its own."""
        return Obligation(self.party, 0, 0, self.soft)


class Vocabulary:
    """The reading's word lists, compiled once (from a ruleset's terms lists of
    :data:`VOCABULARY`); :func:`vocabulary` gives rulesets with the same lists the same one."""

    def __init__(self, lists: Mapping[str, Iterable[str]]) -> None:
        self.lists = {name: list(terms) for name, terms in lists.items()}
        self._finders: dict[str, TermFinder | None] = {}
        self._tokens: dict[tuple[bool, bool, bool], TermFinder] = {}
        self._folded: dict[str, tuple[str, ...]] = {}

    def finder(self, name: str) -> TermFinder | None:
        """The finder of a list looked up on its own (``first_person``, ``second_person``,
        ``performance_header``, ``sanction_header``, ``evaluation_header``, ``performance_caption``,
        ``requiring_verb``, ``deliverable_subject``, ``party_staff`` …; None where the ruleset has
        none); the others are found together, by :meth:`tokens`. Each is compiled when first
        asked for (RE2 takes milliseconds for each of these Unicode-aware expressions; a short
        document needs few of them)."""
        if name not in self._finders:
            self._finders[name] = TermFinder({name: self.lists[name]}) if self.lists.get(name) else None
        return self._finders[name]

    def folded(self, name: str) -> tuple[str, ...]:
        """The words of the list ``name`` case-folded (a wildcard's ``*`` dropped), for a quick
        substring test before its finder's pass: most statements hold none of them
        (``requiring_verb``, ``passive_agent``, ``told_participle``)."""
        if name not in self._folded:
            self._folded[name] = tuple(word.casefold().rstrip("*") for word in self.lists.get(name, []))
        return self._folded[name]

    @cached_property
    def forecast_words(self) -> tuple[str, ...]:
        """The last words of ``forecast_verb`` case-folded, for a quick test before the finder's pass."""
        return tuple(word.casefold().rstrip("*").split()[-1] for word in self.lists.get("forecast_verb", []))

    @cached_property
    def roles(self) -> TermFinder:
        """The parties as the ruleset names them, for reading a definition's aliases."""
        return TermFinder({party: self.lists[f"party_{party}"] for party in PARTIES if self.lists.get(f"party_{party}")})

    @cached_property
    def titles(self) -> TermFinder | None:
        """The words that name a document's kind in its title (``attachment_title``,
        ``solicitation_title``); None when the ruleset names no attachment."""
        if not self.lists.get("attachment_title"):
            return None
        return TermFinder({name: self.lists[name] for name in ("attachment_title", "solicitation_title") if self.lists.get(name)})

    @cached_property
    def predicate_words(self) -> TermFinder | None:
        """The words read around a predicate complement (:data:`_PREDICATE_WORDS`); None when the
        ruleset has no ``copula``."""
        if not self.lists.get("copula"):
            return None
        return TermFinder({name: self.lists[name] for name in _PREDICATE_WORDS if self.lists.get(name)})

    def party_words(self, tender: bool, commission: bool = False) -> dict[str, list[str]]:
        """The ruleset's words for each party, "we" and "you" given to the parties they stand
        for in a tender (``tender``) or in a vendor's terms; in an assignment (``commission``) the
        words of ``commissioned_agency`` name the agency given it, the supplier, not the buyer."""
        words: dict[str, list[str]] = {party: list(self.lists.get(f"party_{party}", [])) for party in PARTIES}
        words["buyer" if tender else "supplier"] += self.lists.get("first_person", [])
        words["tenderer" if tender else "buyer"] += self.lists.get("second_person", [])
        if commission:
            agency = self.lists.get("commissioned_agency", [])
            words["buyer"] = [word for word in words["buyer"] if word not in agency]
            words["supplier"] += agency
        return words

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        """The party words the ruleset writes in capitals, folded ("CO", "COR", "COTR"): an
        abbreviation names the party only as written, not the same letters in lower case, as the
        prefix of "co-exist" or "co-operate" ("… will need to co-exist and effectively
        interoperate" read as the contracting officer's duty)."""
        return frozenset(word.casefold() for party in PARTIES for word in self.lists.get(f"party_{party}", []) if len(word) > 1 and word.isupper())

    def tokens(self, tender: bool, commission: bool = False, vendor: bool = False) -> TermFinder:
        """One finder for every word the reading looks at in a statement, in order of
        precedence where two start at the same place (a modal before a party, a party before a
        mere subject word): one RE2 pass per statement, built once per vocabulary and kind of
        document (a tender, an assignment: :meth:`party_words`; a vendor's own terms, where the
        words of ``vendor_promise`` are read as "will" is)."""
        key = (tender, commission, vendor)
        if key not in self._tokens:
            names = {name: self.lists.get(name, []) for name in MODAL_LISTS}
            if vendor and self.lists.get("vendor_promise"):
                names["vendor_promise"] = self.lists["vendor_promise"]
            names.update(self.party_words(tender, commission))
            names.update(
                {
                    name: self.lists.get(name, [])
                    for name in (
                        "subordinator",
                        "relative",
                        "advice_after_soft",
                        "modal_fact",
                        "subject_after_modal",
                        "clause_verb",
                    )
                }
            )
            self._tokens[key] = TermFinder({name: terms for name, terms in names.items() if terms})
        return self._tokens[key]


@lru_cache(maxsize=16)
def vocabulary(lists: tuple[tuple[str, tuple[str, ...]], ...]) -> Vocabulary:
    """The compiled vocabulary of these lists (by content: rulesets that extend one base share it)."""
    return Vocabulary(dict(lists))


def _term_at(finder: TermFinder | None, text: str, position: int) -> int | None:
    """Where a term of ``finder`` that starts at ``position`` of ``text`` ends (looked for in
    the :data:`_STAFF_REACH` characters from there), or None."""
    found = next(finder.finditer(text[position : position + _STAFF_REACH]), None) if finder is not None else None
    return position + found[1] if found is not None and found[0] == 0 else None


def _duty_end(text: str, modal_end: int, tokens: list[tuple[int, int, str]]) -> int:
    """Where the duty of the modal ending at ``modal_end`` ends, for its agent or recipient: at
    its clause's end (a ";") or at a subordinate clause ("… unless approved by the COTR"), not
    one in brackets, which the duty goes on after ("shall be inspected, tested (where applicable),
    reviewed, and accepted by the Government"). One pass over the text up to the stop."""
    stop = text.find(";", modal_end)
    stop = len(text) if stop == -1 else stop
    depth, counted = 0, modal_end  # brackets open at ``counted``
    for start, _end, name in tokens:
        if not modal_end < start < stop or name not in ("subordinator", "relative"):
            continue
        depth = max(depth + text.count("(", counted, start) - text.count(")", counted, start), 0)
        counted = start
        if depth == 0:
            return start
    return stop


def _joint_subject(text: str, clause: int, mentions: list[tuple[int, int, str]]) -> str | None:
    """ "mutual" where the subject joins the buyer and the supplier with "and" ("The Contracting
    Officer's Representative (COR) and contractor will be expected to work with the Product
    Owner", "Avropande myndighet och leverantören ska teckna …"): both are bound. Only where the
    pair opens the subject (no preposition before it: "Data exchanged between the Government
    and the Contractor shall be encrypted" binds neither as the subject) and nothing but the
    coordinator, an article and brackets stands between its last two mentions; else None."""
    if len(mentions) < 2 or {mentions[-2][2], mentions[-1][2]} != {"buyer", "supplier"}:
        return None
    between = text[mentions[-2][1] : mentions[-1][0]]
    if len(between) > _JOINING_REACH:
        return None  # no mere "and" between them; and a bounded text for the expression below
    between = _BRACKETED.sub(" ", between)
    if _JOINING.fullmatch(between) is None or _PREPOSITION.search(text, clause, mentions[0][0]) is not None:
        return None
    return "mutual"


def _aside_before(text: str, clause: int, modal: int) -> tuple[int, int] | None:
    """Where the subject of a modal that follows an aside between commas stands: (its clause's
    start, the aside's opening comma), or None. A clause that holds nothing before its modal
    ("…, will review") has its subject before the aside that the commas enclose: "The COR,
    along with the 18F Product Manager, will review …", "The QAEs, as trained inspectors, will
    document …", "The Contractor, if requested, shall …". The aside says how or with whom; its
    words (a subordinator, a party after "with") are no part of the subject, as a bracket's are
    not (:func:`_outside_brackets`). None where nothing stands before the aside in its clause, or
    where the clause does not follow a comma."""
    if text[clause:modal].strip(" \t*_") or clause == 0 or text[clause - 1] != ",":
        return None
    aside = DocumentReading._clause_start(text, clause - 1)
    if aside == 0 or text[aside - 1] != ",":
        return None
    subject = DocumentReading._clause_start(text, aside - 1)
    if not text[subject : aside - 1].strip(" \t*_"):
        return None
    return subject, aside - 1


def _outside_brackets(text: str, clause: int, modal: int, tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words of ``tokens`` in a modal's clause, from ``clause`` to the modal at ``modal``,
    but the subordinators and relatives inside the brackets closed before the modal: a
    bracket is an aside, and what it says does not make the clause subordinate ("The QAP,
    Contractor (or representative), and CO (or CA if applicable to this contract) will meet
    monthly" is a main clause); a party it names is still a subject ("The successful offeror
    (Contractor) shall deliver …" binds the supplier). Each "("
    is looked at once, its ")" found by one search; the words and the brackets are walked
    together (both in order): linear in the clause."""
    before = [t for t in tokens if clause <= t[0] and t[1] <= modal]
    if not before or text.find("(", clause, modal) == -1:
        return before
    spans: list[tuple[int, int]] = []
    at = text.find("(", clause, modal)
    while at != -1:
        close = text.find(")", at, modal)
        if close == -1:
            break
        spans.append((at, close))
        at = text.find("(", close, modal)
    kept: list[tuple[int, int, str]] = []
    k = 0
    for token in before:  # both in order of position: one walk through each
        while k < len(spans) and spans[k][1] < token[0]:
            k += 1
        if k == len(spans) or not spans[k][0] < token[0] or token[2] not in ("subordinator", "relative"):
            kept.append(token)
    return kept


def _follows(marker: str, last: str) -> bool:
    """Whether an item marked ``marker`` is the next of a list whose last item is marked ``last``:
    the next letter ("c" after "b") or the next roman numeral ("ii" after "i", "iv" after "iii");
    after "i", "ii" and "j" both follow (a roman list or a lettered one that reached "i")."""
    if len(marker) == 1 and len(last) == 1 and ord(marker) == ord(last) + 1:
        return True
    return last in _ROMANS[:-1] and marker == _ROMANS[_ROMANS.index(last) + 1]


def _subject_just_before(text: str, modal: int, before: list[tuple[int, int, str]]) -> bool:
    """Whether a party stands just before the modal at ``modal``, nothing but blanks between them
    (the last of ``before``, the words of its clause before it): the modal's verb has its subject."""
    if not before or before[-1][2] not in PARTIES or text[before[-1][1] : modal].strip():
        return False
    head = text[max(0, before[-1][0] - _PREPOSITION_REACH) : before[-1][0]].split()
    return not head or _PREPOSITION.fullmatch(head[-1]) is None  # "… erhållit från Las Vegas skall Köparen …": an object


def _proper_name(name: str, text: str) -> bool:
    """Whether ``name`` is written in ``text`` as a proper name is: none of its words in lower case
    anywhere, none of its words a common one (:data:`_NOT_A_NAME`), no ending after it but a
    genitive's ("EHM:s", "Ineras"), as a noun would take ("Uppdraget", "Uppdragen"), and, for one
    word in a Swedish definite form, no other form of it in the text: a contract's defined term
    ("Tjänsten ska …", "Leveransen ska …", written so throughout) is a noun the text also writes
    without its article ("tjänster", "en leverans"), as an authority's name is not
    ("Skatteverket", "Arbetsförmedlingen")."""
    words = name.split()
    if any(word.lower() in _NOT_A_NAME or re.search(r"\b" + re.escape(word.lower()) + r"\b", text) for word in words):
        return False
    if re.search(re.escape(name) + r"(?!s\b)[^\W\d_]", text) is not None:
        return False
    article = _DEFINITE_ENDING.search(name) if len(words) == 1 else None
    if article is None:
        return True
    stem = name[: article.start()]  # "Tjänst" of "Tjänsten": another form is the stem without that article (or its genitive)
    return re.search(r"\b" + re.escape(stem) + r"(?!" + re.escape(article.group()) + r"s?\b)", text, re.IGNORECASE) is None


def _asks(text: str) -> bool:
    """Whether ``text`` ends as a question (:data:`_QUESTION_END`)."""
    end = _QUESTION_END.search(text)
    return end is not None and (end["bracket"] is None or belongs_to_question(end["bracket"]))


def _initials_of(finder: TermFinder, text: str) -> set[str]:
    """The initials, in capitals, of each term of two words or more that ``finder`` finds in
    ``text`` ("project manager" → "PM", "point of contact" → "POC"): the capitals a document
    writes for its staff without spelling them out in brackets. One pass of the finder."""
    found: set[str] = set()
    for start, end, _name in finder.finditer(text):
        words = text[start:end].split()
        if len(words) > 1:
            found.add("".join(word[0] for word in words).upper())
    return found


class DocumentReading:
    """The obligations of one document's statements, by statement number."""

    def __init__(
        self,
        document: Document,
        vocabulary: Vocabulary,
        texts: list[str],
        candidates: frozenset[int],
        tender_statements: int,
        with_id: int,
        proposal_statements: int = 0,
        commission_statements: int = 0,
        supplier_statements: int = 0,
        promises: frozenset[int] = frozenset(),
    ) -> None:
        """``texts``: the statements as terms see them (:func:`plain_text`); ``candidates``: the
        statements with a word of :data:`MODAL_LISTS` or ``requiring_verb`` (headings left out),
        the only ones read for an obligation, and, in a vendor's terms only, ``promises``: those
        with a word of ``vendor_promise`` (elsewhere no token of the reading is one);
        ``tender_statements``: how many statements have a word of ``tender_context``; ``with_id``:
        how many have a requirement id of their own; ``proposal_statements``, ``commission_statements``,
        ``supplier_statements``: how many have a word of ``proposal_context``, of ``commission_context``,
        of ``party_supplier``."""
        self.document = document
        self.vocabulary = vocabulary
        self.texts = texts
        self._named: dict[str, frozenset[int]] = {}
        """The statements of each built-in name asked for so far (:meth:`statements`)."""
        self.tender = tender_statements >= 3
        self.proposal = proposal_statements >= _PROPOSAL_STATEMENTS
        """Whether the document reports proposed rules (a memorandum, a referral): what it says
        "ska" apply is the proposal's content, which binds no party yet."""
        self.numbered = with_id >= 3
        learned: dict[str, list[str]] = {}
        for party, name in self._aliases(texts):
            learned.setdefault(party, []).append(name)
        self.commission = commission_statements > 0 and not self.tender and supplier_statements < _OWN_SUPPLIER_STATEMENTS
        """Whether the document is a government's assignment to an agency ("Regeringen ger
        Statskontoret i uppdrag att …"), where "myndigheten" is the agency given it. A contract
        that tells in its background of the assignment it serves names a supplier of its own,
        and its "Myndigheten" stays the buyer."""
        self.buyer_voice = not self.tender and self._titled_by("work_statement_title")
        """Whether the document is the buyer's statement of the work it buys (an SOO, an SOW), which
        speaks as "we" of the buyer ("We expect this team to have extensive experience …") though
        no words of a tender show it: "we" is the buyer there, as in a tender, never a vendor."""
        self.vendor_terms = not self.tender and not self.buyer_voice and (self._vendor_voice(texts) or self._third_person_terms(texts))
        """Whether the document is a vendor's own terms (its SLA, its terms of service)."""
        self.tokens = vocabulary.tokens(self.tender or self.buyer_voice, self.commission, self.vendor_terms)
        """A vendor's terms promise their service in the present tense as with "will" ("We publish
        metrics and status updates about the platform as events happen", "CDS provides reactive
        support services …"): there the words of ``vendor_promise`` bind, as "will" does, the party
        that is their main clause's subject just before them; elsewhere such a present tense
        describes ("The contractor provides services to 40 agencies")."""
        self.surveillance_plan = self._titled_by("surveillance_plan_title")
        """Whether the document is the buyer's surveillance plan (a QASP): its passives are the buyer's acts."""
        if self.vendor_terms:
            for name in self._names_as_subjects(texts):
                if name not in learned.get("buyer", []):
                    learned.setdefault("supplier", []).append(name)
        elif not self.commission and supplier_statements >= _OWN_SUPPLIER_STATEMENTS:
            for name in self._buyer_names(texts, supplier_statements):
                if name not in learned.get("supplier", []):
                    learned.setdefault("buyer", []).append(name)
            if document.language == "en":
                known = {name for names in learned.values() for name in names}
                for party, name in self._office_names(texts):
                    if name not in known:
                        learned.setdefault(party, []).append(name)
        self.aliases = TermFinder(learned) if learned else None
        """The names this document gives its parties in its definitions ("Acme", "ZITADEL")."""
        self._tables: tuple[set[int], set[int], set[int]] | None = None
        self._predicates: dict[TermFinder, dict[int, tuple[int, int] | None]] = {}
        self._copula_leads: dict[int, bool] = {}
        """Of the lead-ins read so far, whether each ends with its obligation's copula."""
        self.obligations: dict[int, Obligation] = {}
        for i in sorted(candidates | promises if self.vendor_terms else candidates):
            found = self._obligation(texts[i])
            if found is not None:
                self.obligations[i] = found
        self._stated = frozenset(self.obligations)
        """The statements whose own words state an obligation (before list items carry their lead-in's)."""
        for i in self._instruction_commands():  # the tender's commands: the tenderer's, though no modal states it
            self.obligations[i] = Obligation("tenderer", 0, 0)
        for i in self._tender_content():  # what the tender must contain, read as the supplier's for want of a party
            read = self.obligations[i]
            self.obligations[i] = Obligation("tenderer", read.start, read.end, read.soft)
        self._read_rows()
        titles = vocabulary.finder("definitions_title")
        self._grouped = grouped = self._group_labels()
        """Each short label that groups items of a lead-in (:meth:`_group_labels`) → that lead-in."""
        uncarrying = {document.statements[k].lead_in for k in self._credit_tiers()} - {None}  # the lead-ins whose items carry nothing
        uncarrying |= self._clause_lists()
        resumed = self._lists_resumed_after_page_breaks()
        for statement in document.statements:  # list items carry their lead-in's obligation; "Definitions:" introduces terms, no duty
            lead_in = resumed.get(statement.index)
            if lead_in is None and statement.lead_in is not None:
                lead_in = grouped.get(statement.lead_in, statement.lead_in)
            if (
                lead_in is not None
                and statement.index not in self.obligations
                and lead_in in self.obligations
                and lead_in not in uncarrying
                and self._completes_lead_in(statement.index)
                and (titles is None or not _whole_title(titles, texts[statement.index]))
            ):
                self.obligations[statement.index] = self.obligations[lead_in].carried()
        for item, lead in self._heading_duties().items():
            if item not in self.obligations and self._completes_lead_in(item):
                self.obligations[item] = lead.carried()
        for item, lead_in in self._groups_under_labels().items():
            if item not in self.obligations and self._completes_lead_in(item):
                self.obligations[item] = self.obligations[lead_in].carried()
        self._numbered_items = self._numbered_paragraphs()
        """The items of numbered lists a PDF's text wrote as paragraphs, each with its lead-in."""
        for item, lead_in in self._numbered_items.items():
            if item not in self.obligations:
                self.obligations[item] = self.obligations[lead_in].carried()
        for item, lead_in in self._sub_clause_items().items():
            if item not in self.obligations:
                self.obligations[item] = self.obligations[lead_in].carried()
        self._uncarrying_items = frozenset(
            s.index for s in document.statements if s.lead_in is not None and (s.lead_in in uncarrying or not self._completes_lead_in(s.index))
        )
        """The items of tiered lists of credits and of an agreement's clauses listed (:meth:`_clause_lists`), and the
        later sentences of an item (:meth:`_completes_lead_in`): they carry neither their lead-in's obligation nor its requirement class."""

    def _instruction_commands(self) -> list[int]:
        """The tender's instructions to the tenderer written as commands, with no subject and no
        modal ("Describe in detail how the required tasks … will be accomplished", "**Operational
        details:** Describe your methodologies …", "Submit proposals in PDF format …", "Bifoga
        CV på offererad konsult …"): in a tender, a sentence or list item whose first word (after
        its list mark, and after a title run into it, "**Format:**", "General.**") is a term of
        ``instruction_verb``, in a section whose title, or the title of a section it stands in,
        has words of ``instruction_title`` ("Instructions for Vendor Proposal Preparation",
        "Svarsformat"), or introduced by a list's introduction that has them and binds no party
        but the tenderer ("The Contractor shall follow these reporting instructions:" binds the
        supplier, and its items carry that). What the tender
        must say binds the tenderer, evaluated, not performed under the contract (labelling.md
        §1: a tenderer's duty is a requirement, party tenderer). Read before list items carry
        their introduction's obligation, so that the items of "Beskriv hur ni säkerställer:" are
        the tenderer's too."""
        verbs = self.vocabulary.finder("instruction_verb")
        titles = self.vocabulary.finder("instruction_title")
        if verbs is None or titles is None or not self.tender:
            return []
        sections = self.document.sections
        instructing: list[bool] = []  # per section: it or a section it stands in is titled so
        for section in sections:
            inherited = instructing[section.parent] if section.parent is not None else False
            instructing.append(inherited or titles.search(without_tags(section.title)))
        found: list[int] = []
        leads: dict[int, bool] = {}  # lead-in → whether it introduces instructions: searched once, not once an item
        for statement in self.document.statements:
            i = statement.index
            if statement.kind not in ("sentence", "list_item", "table_row") or i in self.obligations:
                continue
            lead = statement.lead_in
            if lead is not None and lead not in leads:
                # a lead-in that binds another party says whose instructions it names ("The Contractor
                # shall follow these reporting instructions:" / "- Submit …"): its items carry its party
                binds_other = lead in self.obligations and self.obligations[lead].party != "tenderer"
                leads[lead] = not binds_other and titles.search(self.texts[lead])
            if not ((statement.section is not None and instructing[statement.section]) or (lead is not None and leads[lead])):
                continue
            text = self.texts[i]
            opening = _COMMAND_OPENING.match(text)
            if opening is None:
                continue
            word, titled = opening["word"], opening["titled"]
            if word[0].isupper() and (verbs.covers(word) is not None or (titled is not None and verbs.covers(titled) is not None)):
                found.append(i)
        return found

    def _tender_content(self) -> list[int]:
        """The tender's duties written with a modal whose clause names no party: what the tender
        must hold or how it is handed in ("Submittals in response to this solicitation shall only
        include two separate attachments", "Questions regarding this RFQ shall be submitted to …",
        "Anbud ska vara skriftliga", "Priser ska inkludera samtliga kostnader") or what is to be put
        into it ("Objections … must be set out in the offeror's proposal", "All subcontractors …
        should be clearly identified in the Proposal", "Driftansvar ska ingå i priserna lämnade i
        Prisbilagan"). In a tender, a statement whose own modal is read as the supplier's only
        because no party stands before it (no word of a party but the tenderer's there), and whose
        words before the modal have a term of ``tender_subject`` or whose words after it have a
        term of ``tender_content``, binds the tenderer (labelling.md §1), as "Offerors shall …" and
        "The proposal shall …" do: it is scored, not performed under the contract. Read before list
        items carry their lead-in, so a lead-in's items ("The following introductory information is
        required in the proposal:") are the tenderer's too. A duty with a supplier named before its
        modal stays the supplier's ("The Contractor shall assign personnel whose résumés are
        submitted with its quotation"), as does one whose subject before the modal is a party's
        people (a word of ``party_staff``: "The Technical Lead must have a full understanding of
        the technical approach discussed in the proposal", a qualification of the supplier's staff)."""
        if not self.tender:
            return []
        subjects, contents = self.vocabulary.finder("tender_subject"), self.vocabulary.finder("tender_content")
        staff = self.vocabulary.finder("party_staff")
        if subjects is None and contents is None:
            return []
        found: list[int] = []
        for i in self._stated:
            obligation = self.obligations[i]
            if obligation.party != "supplier" or obligation.end == 0:
                continue
            text = self.texts[i]
            before, after = text[: obligation.start], text[obligation.end :]
            tokens = list(self.tokens.finditer(before))
            if self.aliases is not None:
                tokens += list(self.aliases.finditer(before))
            if any(name in PARTIES and name != "tenderer" for _s, _e, name in tokens):
                continue  # a party named before the modal: its subject, read as such
            if staff is not None and staff.search(before):
                continue  # a party's people: "The Technical Lead must have a full understanding of the approach discussed in the proposal"
            if (subjects is not None and subjects.search(before)) or (contents is not None and contents.search(after)):
                found.append(i)
        return found

    def _heading_duties(self) -> dict[int, Obligation]:
        """The obligation each item of a list carries from the heading just before it that ends
        in ":" and states one ("### Canadian Digital Service (CDS) is responsible for:" / "-
        Hosting and supporting the GC Forms system."), as the items of a sentence that does carry
        its: a web page's terms or SLA puts its lead-ins in headings. Headings are read for no
        obligation of their own (a title binds nobody), so only these few are read, once each."""
        statements = self.document.statements
        read: dict[int, Obligation | None] = {}
        found: dict[int, Obligation] = {}
        for item, lead in self._item_introductions:
            if statements[lead].kind != "heading" or statements[item].lead_in is not None:
                continue
            if lead not in read:
                read[lead] = self._obligation(self.texts[lead])
            duty = read[lead]
            if duty is not None:
                found[item] = duty
        return found

    def _groups_under_labels(self) -> dict[int, int]:
        """The list items grouped under short labels that a reader made headings, each with the
        lead-in whose list the labels group: "8.2 För tjänsten vidtar Personuppgiftsbiträdet
        följande säkerhetsåtgärder:" / "**Tekniska åtgärder:**" / "- Krypterad kommunikation" / … /
        "**Organisatoriska åtgärder:**" / "- Sekretessavtal med all personal", as
        :meth:`_group_labels` finds such labels written as paragraphs. The first label stands just
        after a sentence that states an obligation and ends in ":", each later one just after an
        item of the list before it; a label is an unnumbered heading of at most
        :data:`_GROUP_LABEL_WORDS` words, and the items under it have no lead-in of their own.
        Anything else ends the list. One pass."""
        statements, sections = self.document.statements, self.document.sections
        found: dict[int, int] = {}
        lead: int | None = None  # the lead-in whose items the labels group, while they go on
        for statement in statements:
            i = statement.index
            if statement.kind == "heading":
                label = (
                    i > 0 and len(self.texts[i].split()) <= _GROUP_LABEL_WORDS and statement.section is not None and sections[statement.section].number is None
                )
                if label and i - 1 in self._stated and statements[i - 1].kind != "heading" and _introduces(self.texts[i - 1]):
                    lead = i - 1
                elif not (label and i - 1 in found):
                    lead = None
            elif lead is not None and statement.kind == "list_item" and statement.lead_in is None and (statements[i - 1].kind == "heading" or i - 1 in found):
                found[i] = lead
            else:
                lead = None
        return found

    def _numbered_paragraphs(self) -> dict[int, int]:
        """The items of a numbered list a PDF's text wrote as paragraphs, each with its lead-in: a
        paragraph in lower case just after a line that holds only the next number of the list
        (:data:`_BARE_NUMBER`), after a sentence that states an obligation and ends in ":" (or in
        ": 1.", the first number joined to it), which it completes ("The business partner shall be
        responsible for: 1." / "providing all uniform items …" / "2." / "manufacturing and/or
        acquiring all items …"). Other paragraphs may stand between the items (a page's furniture,
        a sentence of an item's own); the list ends at a heading, at another such lead-in, or at a
        number out of its order. The items of a lettered list written as paragraphs are found the
        same way: the first, in lower case, just after the lead-in, and each paragraph after it
        that opens with the next letter (:meth:`_next_lettered_item`: "5.1 Personuppgiftsbiträdet
        ska:" / "a) endast behandla …" / "b) säkerställa …" / "c) vidta …"). One pass."""
        statements = self.document.statements
        found: dict[int, int] = {}
        lead: int | None = None
        expected = 0  # the number the list's next item has
        numbered = -1  # the statement that holds the last number of the list
        lettered: tuple[int, str] | None = None  # the last lettered item of the list and its letter
        for statement in statements:
            i = statement.index
            text = self.texts[i]
            if statement.kind == "heading":
                lead = None
            elif i in self._stated and (ending := _NUMBERED_LEAD_IN.search(text)) is not None:
                lead, numbered, lettered = i, i, None
                expected = 2 if ending["first"] else 1
            elif lead is not None and (number := _BARE_NUMBER.fullmatch(text)) is not None:
                if int(number[1]) != expected:
                    lead = None
                expected, numbered = expected + 1, i
            elif lead is not None and numbered == i - 1 and statement.kind == "sentence" and (first := _LOWER_START.match(text)) and first[1].islower():
                found[i] = lead
                letter = _ITEM_LETTER.match(text)
                lettered = (i, letter[1]) if letter is not None else None
            elif lead is not None and lettered is not None and (letter := self._next_lettered_item(i, *lettered)) is not None:
                found[i] = lead
                lettered = (i, letter)
        return found

    def _sub_clause_items(self) -> dict[int, int]:
        """The items of a lead-in that its clause's sub-clauses are, each with that lead-in: a
        sentence that states an obligation and ends in ":", the last of its clause, whose clause's
        sub-clauses follow it as paragraphs ("3.0 Tasks. The Contractor shall perform the following
        tasks:" / "3.1 Repair or replace equipment upon …" / "3.2 Relocate equipment as directed …";
        "The Contractor undertakes:" / "3.1.4." / "Not to disclose the Customer's data …"): the
        clause tree, not a list, says they are its items. Each sub-clause's first sentence is the
        item, after a number or a title standing alone ("3.3 Indefinite-Delivery Task Orders." /
        "Render additional services …"); the clause's other sentences bind by their own words.
        The run ends at a heading or at the first statement outside the lead-in's clause (a
        sub-clause's own sub-clauses, "3.1.1" under "3.1", are within it, and no items). Not a
        lead-in whose words make its items no duties (``not_binding_lead_in``), nor one whose colon
        ends a subordinate clause after its modal: the items complete the condition ("4.1 The
        Supplier shall be relieved of its liability … if … such failure is … attributable to any of
        the following:" / "4.1.1 a failure by the Customer …"), as exclusions. One pass."""
        statements, sections = self.document.statements, self.document.sections
        unbinding, subordinate = self.vocabulary.finder("not_binding_lead_in"), self.vocabulary.finder("subordinator")
        found: dict[int, int] = {}
        lead: int | None = None  # the lead-in whose sub-clauses follow, while they go on
        pending: int | None = None  # the sub-clause whose item is still to come (after its number or title)
        for statement in statements:
            i = statement.index
            if lead is not None:
                section, own = statement.section, statements[lead].section
                if statement.kind == "heading" or section is None or not _stands_below(sections, section, own):
                    lead = None
                elif sections[section].parent != own:
                    pending = None  # a sub-clause's own sub-clause ("3.1.1" under "3.1"): its item's detail, binding by its own words
                elif section != statements[i - 1].section or section == pending:
                    pending = section if _number_or_title(self.texts[i]) else None
                    if pending is None:
                        found[i] = lead
            if (
                lead is None
                and i in self._stated
                and statement.kind != "heading"
                and statement.lead_in is None
                and statement.section is not None
                and _introduces(self.texts[i])
                and i + 1 < len(statements)
                and statements[i + 1].section is not None
                and sections[statements[i + 1].section].parent == statement.section
                and not (unbinding is not None and unbinding.search(self.texts[i]))
                and not (subordinate is not None and subordinate.search(self.texts[i][self.obligations[i].end :]))
            ):
                lead, pending = i, None
        return found

    def _next_lettered_item(self, i: int, last: int, letter: str) -> str | None:
        """The letter of statement ``i`` where it is the next item of a lettered list written as
        paragraphs whose last item, ``last``, has ``letter``: a paragraph's first sentence that
        opens with the letter after it ("b)" or "(b)" after "a)"), with nothing but that item's
        own sentences between them; else None."""
        statements = self.document.statements
        if statements[i].kind != "sentence" or not self._opens_block(i) or statements[i - 1].block != statements[last].block:
            return None
        found = _ITEM_LETTER.match(self.texts[i])
        return found[1] if found is not None and _follows(found[1], letter) else None

    def _opens_block(self, i: int) -> bool:
        """Whether statement ``i`` is the first sentence of its paragraph or list item."""
        statements = self.document.statements
        return i == 0 or statements[i - 1].block != statements[i].block

    def _completes_lead_in(self, i: int) -> bool:
        """Whether list item ``i`` completes its lead-in's sentence, and so carries its obligation:
        the item's first sentence ("You are responsible for:" / "Having authority to collect
        personal information."), not a later one, which is a sentence of its own ("If you are
        unsure about your authorities, contact …", "GC Forms holds and stores the information
        temporarily …") binding by its own words or not at all; unless the first sentence labels
        the item (:func:`_item_label`: "Support: Informerar löpande …", "Bug bounty pool
        management:"), whose label heads each of its sentences."""
        return self._opens_block(i) or _item_label(self.texts[self._block_openings[self.document.statements[i].block]])

    @cached_property
    def _block_openings(self) -> dict[int, int]:
        """Each paragraph's or list item's first statement."""
        openings: dict[int, int] = {}
        for statement in self.document.statements:
            openings.setdefault(statement.block, statement.index)
        return openings

    def _clause_lists(self) -> set[int]:
        """The lead-ins with an obligation whose words say that clauses follow (``clauses_lead_in``:
        "Unless specified otherwise in the applicable Order Form, the following terms and fees shall
        apply to the Cloud Service:" / "1. Definitions: …" / "2. Service Level Commitment …"):
        its items are the agreement's clauses, which bind by their own words, so they carry
        nothing from it (a definition or an exclusion under it binds nobody). Only a lead-in that
        names no party and has an item that is a term or a title before a colon (:func:`_titled`)
        introduces clauses: "The following provisions shall apply to the Contractor's on-site
        personnel:" / "Wear identification badges at all times" and "Följande villkor ska gälla för
        leveransen:" / "Leverans senast tio arbetsdagar efter avrop." list duties (found in review)."""
        finder = self.vocabulary.finder("clauses_lead_in")
        if finder is None:
            return set()
        items: dict[int, list[int]] = {}
        for s in self.document.statements:
            if s.lead_in is not None and s.lead_in in self.obligations:
                items.setdefault(s.lead_in, []).append(s.index)
        roles = self.vocabulary.roles
        return {
            i for i, listed in items.items() if finder.search(self.texts[i]) and not roles.search(self.texts[i]) and any(_titled(self.texts[k]) for k in listed)
        }

    def _group_labels(self) -> dict[int, int]:
        """The short labels that group the items of a lead-in with an obligation, each with that
        lead-in: "The Contractor team shall have knowledge and skills in the following areas:" /
        "Microsoft Technology:" / "- Azure cloud platform" / … / "General Technology:" / "- Git".
        A label is a paragraph of at most :data:`_GROUP_LABEL_WORDS` words ending in ":" with no
        obligation of its own, just after the lead-in (itself ending in ":") or just after the
        last item of a list under an earlier label of the same lead-in. Its items carry the
        lead-in's obligation, as items directly under it do; the label states nothing."""
        statements = self.document.statements
        labels: dict[int, int] = {}
        for statement in statements:
            i = statement.index
            if i == 0 or statement.kind in ("list_item", "table_row") or i in self.obligations:
                continue
            text = self.texts[i]
            if not _introduces(text) or len(text.split()) > _GROUP_LABEL_WORDS:
                continue
            before = statements[i - 1]
            if before.kind == "list_item":
                outer = labels.get(before.lead_in) if before.lead_in is not None else None
            else:
                outer = i - 1 if i - 1 in self._stated and _introduces(self.texts[i - 1]) else None
            if outer is not None:
                labels[i] = outer
        return labels

    @cached_property
    def _recurrence_keys(self) -> list[str]:
        """Each statement's text with its white space collapsed and its case folded: what is
        counted to find page furniture, the paragraphs a document repeats on every page."""
        return [" ".join(text.split()).casefold() for text in self.texts]

    def _lists_resumed_after_page_breaks(self) -> dict[int, int]:
        """The list items with no lead-in of their own that go on with a list a page break cut
        (a PDF's text: "- Technical Interchange Meetings" / "Page 11 of 44" / "693JJ325Q000011" /
        "- Creation and management of the Project Risk Register"), each with that list's
        lead-in: only page furniture stands between them and the list's last item, a paragraph
        or heading whose text, its digits aside, recurs :data:`_FURNITURE_REPEATS` times or more
        in the document (page numbers, a running header, a document number). A heading is
        furniture only with a digit in it ("Page 11 of 44"): one without ("### Exclusions" under
        each task of a statement of work) is the document's own structure, and its list is its
        own, not the task's before it. An item in capitals
        after the break is a title that starts something else ("CONTRACTING OFFICER'S
        REPRESENTATIVE (COR)"): it and the items after it go on with no list. An item whose
        lead-in is itself furniture (the running header just before it, "Base Custodial Pope Air
        Force Base." / "NC", taken for the list's introduction) has none of its own; a lead-in
        that ends with a colon introduces, however often it recurs, and so does one that
        introduces a list wherever it stands ("Deliverables" / "- a monthly report" under each
        task), where a page's furniture stands at times before a paragraph. One pass; the texts are
        counted only in a document with such an item."""
        statements = self.document.statements
        if not any(s.kind == "list_item" and (s.lead_in is None or not self.texts[s.lead_in].rstrip().endswith(":")) for s in statements):
            return {}
        keys = [_DIGITS.sub("#", key) for key in self._recurrence_keys]
        counts: dict[str, int] = {}
        unlisted: set[str] = set()  # the texts that stand once at least where no list follows them
        for k, key in enumerate(keys):
            counts[key] = counts.get(key, 0) + 1
            if k + 1 == len(statements) or statements[k + 1].lead_in != k:
                unlisted.add(key)
        found: dict[int, int] = {}
        lead: int | None = None  # the lead-in of the last list item, while only furniture follows it
        gap = False  # furniture stands between the last list item and here
        for s in statements:
            if s.kind == "list_item":
                own = s.lead_in
                if own is not None and counts[keys[own]] >= _FURNITURE_REPEATS and keys[own] in unlisted and not self.texts[own].rstrip().endswith(":"):
                    own = None  # the running header before the list, not its introduction
                if own is None and lead is not None and (gap or s.index - 1 in found) and not self.texts[s.index].isupper():  # the list goes on after the break
                    found[s.index] = lead
                else:
                    lead = own
                gap = False
            elif lead is not None and counts[keys[s.index]] >= _FURNITURE_REPEATS and (s.kind != "heading" or _DIGITS.search(self.texts[s.index]) is not None):
                gap = True
            else:
                lead, gap = None, False
        return found

    def uncarried_items(self) -> frozenset[int]:
        """The list items that carry neither their lead-in's obligation nor a requirement class:
        the tiers of a list of credits (``sanction_row``: "… agrees to credit Customer's
        account:" / "10 % if …"), the credit's amounts; an agreement's clauses a lead-in lists
        ("the following terms shall apply:", :meth:`_clause_lists`), which bind by their own
        words, as an item's sentences after its first do (:meth:`_completes_lead_in`); and the items their introduction's words make no duties (``non_binding_item``:
        "ZITADEL agrees to handle support incidents in the following scenarios:")."""
        return self._uncarrying_items | self.statements("non_binding_item")

    def _read_rows(self) -> None:
        """The obligations of table rows that no modal of their own shows. In a tender, each row
        of a table of evaluated wishes (its header has words of ``evaluation_header``: "Mervärde |
        Möjligt prisavdrag") is a soft obligation of the supplier: the evaluation scores it. And a
        row that goes on with the sentence of the row before it, which carries an obligation,
        carries that obligation too: a row starting with a small letter, with as many cells, after
        a row whose first cell ends no sentence ("Erbjuden konsult ska ha arbetat med Power BI i
        minst två år" / "erfarenhet av Azure SQL DW"), as a table cut from one list writes it; a
        row after a sentence ("Leverantören ska installera systemet …. | Leverantör" /
        "utbildning av beställarens personal sker … | Beställare") says something of its own."""
        if not self.document.table_headers:
            return
        rows = [s for s in self.document.statements if s.kind == "table_row"]
        evaluated = self._table_kinds()[2] if self.tender else set()
        previous: Statement | None = None
        for statement in rows:
            i = statement.index
            if i not in self.obligations:
                if statement.table in evaluated:
                    self.obligations[i] = Obligation("supplier", 0, 0, soft=True)
                elif (
                    previous is not None
                    and previous.index == i - 1  # the statement just before it is a row …
                    and previous.table == statement.table  # … of the same table
                    and previous.index in self.obligations
                    and (first := _LOWER_START.match(self.texts[i])) is not None
                    and first.group(1).islower()
                    and self.texts[i].count(" | ") == self.texts[previous.index].count(" | ")  # as many cells …
                    and not self.texts[previous.index].split(" | ", 1)[0].rstrip(" *_\"'’”)]").endswith((".", "!", "?"))  # … and no end before it
                ):
                    self.obligations[i] = self.obligations[previous.index].carried()
            previous = statement

    # -- the document's parties
    def _role_of(self, word: str) -> str | None:
        """The party a word names by the ruleset's lists, or as a pronoun."""
        found = self.vocabulary.roles.covers(word)
        if found is not None:
            return found
        first_person, second_person = self.vocabulary.finder("first_person"), self.vocabulary.finder("second_person")
        if first_person is not None and first_person.covers(word):
            return "buyer" if self.tender else "supplier"
        if second_person is not None and second_person.covers(word):
            return "tenderer" if self.tender else "buyer"
        return None

    def _aliases(self, texts: list[str]) -> Iterable[tuple[str, str]]:
        """(party, name) for each name the document gives a party in its definitions."""
        learned: dict[str, str] = {}
        for text in texts:
            if "(" in text and _QUOTE_IN_BRACKETS.search(text):
                for match in _DEFINITION.finditer(text):
                    aliases = [a.strip() for a in _QUOTED.findall(match.group("aliases"))]
                    roles = {role for role in map(self._role_of, aliases) if role is not None}
                    if len(roles) != 1:
                        continue
                    (role,) = roles
                    names = [a for a in aliases if self._role_of(a) is None]
                    if match.group("name"):
                        names += _name_forms(match.group("name"))
                    for name in names:
                        learned.setdefault(name, role)
            lower = text.lower()
            if "hereafter" in lower or "hereinafter" in lower or "nedan" in lower:
                for match in _HEREINAFTER.finditer(text):
                    role = self._role_of(match.group("alias"))
                    head = text[: match.start()].rstrip(" ,(")
                    name = re.search(r"((?:[A-ZÅÄÖ0-9][\w&.'’-]*\s+){0,4}[A-ZÅÄÖ0-9][\w&.'’-]*)$", head)
                    if role is not None and name:
                        for form in _name_forms(name.group(1)):
                            learned.setdefault(form, role)
        for name, role in learned.items():
            if len(name) >= 2 and not name.isdigit() and name.lower() not in _NOT_A_NAME and "*" not in name:
                yield role, name

    def _vendor_voice(self, texts: list[str]) -> bool:
        """Whether the document is a vendor's own terms: it speaks as "we" in three statements or more."""
        first_person = self.vocabulary.finder("first_person")
        return first_person is not None and sum(1 for text in texts if first_person.search(text)) >= 3

    def _third_person_terms(self, texts: list[str]) -> bool:
        """Whether the document is a vendor's own terms written in the third person ("Acme will
        provide Actual Availability of at least 99.9 %", "Customer must report the failure"): it
        names the buyer by a party word in three statements or more and the supplier by none, so
        the name its promises are made in is the vendor's own. A supplier word in the plural
        (:meth:`_plural_in_s`) names others, the vendor's own suppliers ("Outages created or experienced
        by vendors and infrastructure partners", "Meltano or its vendors"), not a party to the
        terms, as one after a possessive determiner does (:data:`_OWNED`: "as they are our
        infrastructure provider"); one in the genitive ("Leverantörens ansvar") names the party, as "the Supplier's" does."""
        roles = self.vocabulary.roles
        buyer = 0
        for text in texts:
            found = {
                name
                for start, end, name in roles.finditer(text)
                if name != "supplier" or not (self._plural_in_s(text[start:end]) or _OWNED.search(text, max(0, start - _OWNED_REACH), start))
            }
            if "supplier" in found:
                return False
            buyer += "buyer" in found
        return buyer >= 3

    def _plural_in_s(self, word: str) -> bool:
        """Whether ``word`` is a plural in -s ("vendors"): in English only. A Swedish word in -s is
        a genitive ("Leverantörens instruktioner"), the party itself; its plural ends in -er
        ("leverantörer")."""
        return self.document.language == "en" and word.casefold().endswith("s")

    def _names_as_subjects(self, texts: list[str]) -> Iterable[str]:
        """The names a vendor's terms use for the vendor itself: a proper name ("ZITADEL",
        "Safespring") that is the whole subject of a modal at least twice, once at least at the
        start of a sentence or clause. Its own terms name the customer by a party word
        ("Customer", "you"), so a name there is the vendor's. After a fronted clause's comma
        alone, the subject is as often the customer's people ("If an account is suspended,
        Administrators will see a banner", "When the trial ends, Administrators will choose a
        plan"): such a subject confirms a name, it does not make one. A name in lower case counts
        where the document quotes it alone (:data:`_QUOTED_LOWER_NAME`: 'trading as "dxw"')."""
        counts: dict[str, int] = {}
        opening: set[str] = set()  # the names met at least once where no comma stands before them
        defined: set[str] = set()
        quoted = {match.group(1) for text in texts if '"' in text or "“" in text or "„" in text for match in _QUOTED_LOWER_NAME.finditer(text)}
        subjects = (_NAMED_SUBJECT, _LOWER_NAMED_SUBJECT) if quoted else (_NAMED_SUBJECT,)
        for text in texts:
            if "mean" in text or "avser" in text or "betyder" in text:  # the words _DEFINED_TERM needs
                defined.update(match.group(1) for match in _DEFINED_TERM.finditer(text))
            for pattern in subjects:
                for match in pattern.finditer(text):
                    name = match.group("name")
                    if pattern is _LOWER_NAMED_SUBJECT and name not in quoted:
                        continue
                    counts[name] = counts.get(name, 0) + 1
                    if match.group("comma") is None:
                        opening.add(name)
        # a party word or a common word is no name: asked once per name, not once per sentence
        return [
            name
            for name, count in counts.items()
            if count >= 2 and name in opening and name not in defined and name.lower() not in _NOT_A_NAME and self._role_of(name) is None
        ]

    def _buyer_names(self, texts: list[str], supplier_statements: int) -> list[str]:
        """The names a contract gives its buyer where it calls the supplier by its role: in a
        contract (no vendor's terms, no assignment) that names the supplier by a party word in
        :data:`_ROLE_NAMED` times as many statements as the buyer ("Leverantören ska …"
        throughout, the buyer as "EHM", "Las Vegas"), a proper name that is the whole subject of
        "ska" or "ansvarar" twice or more, once at least opening a sentence, is the buyer: the contract's author
        writes its own name. A proper name is written only so: none of its words stands in lower
        case in the text, and it takes no ending but a genitive's ("EHM:s"; "Uppdraget" shows
        that "Uppdrag ska …" has a noun for its subject), and a defined term in its definite form
        is no name either (:func:`_proper_name`: "Tjänsten ska …" beside "tjänster"). The texts are read once for the
        subjects; only a document with such a name is read again, for the
        words of its :data:`_NAME_CANDIDATES` most frequent ones."""
        counts: dict[str, int] = {}
        opening: set[str] = set()
        for text in texts:
            if "ska" in text or "ansvarar" in text:  # the words _NAMED_PARTY_SUBJECT needs
                for match in _NAMED_PARTY_SUBJECT.finditer(text):
                    name = match.group("name")
                    counts[name] = counts.get(name, 0) + 1
                    if match.group("comma") is None:
                        opening.add(name)
        named = [name for name, count in counts.items() if count >= 2 and name in opening and self._role_of(name) is None]
        # each candidate is looked for in the whole text below: only the most frequent few, so that a
        # text with thousands of capitalised subjects is read a bounded number of times, not once each
        candidates = sorted(named, key=counts.__getitem__, reverse=True)[:_NAME_CANDIDATES]
        if not candidates:
            return []
        buyer = sum(1 for text in texts if any(role == "buyer" for _s, _e, role in self.vocabulary.roles.finditer(text)))
        if buyer * _ROLE_NAMED > supplier_statements:
            return []
        whole = "\n".join(texts)
        return [name for name in candidates if _proper_name(name, whole)]

    def _office_names(self, texts: list[str]) -> Iterable[tuple[str, str]]:
        """(party, name) for the offices an English tender or contract that names its supplier by
        a party word writes in capitals as the whole subject of "will", "shall" or "must" twice or
        more, once at least opening a sentence: "18F will publish …", "OFA will own and manage the
        Cloud.gov account …", "The MTF will provide required Government forms …", "GSA TTS will
        inspect, test, review and accept all Code …". The supplier is its role there ("the
        Contractor"), so such an office is the buyer's, the agency the document is written for,
        unless the document spells it out (:data:`_SPELLED_OUT`) as a party's ("Service Provider
        (SP)", "Contractor Representative (CR)": that party), as a thing (:data:`_THING_NAME`:
        "Quality Assurance Surveillance Plan (QASP)", "Task Order Manager (TOM)": none), or as
        someone's staff alone ("Program Manager (PM)": whose, it does not say; none)."""
        counts: dict[str, int] = {}
        opening: set[str] = set()
        for text in texts:
            if "will" in text or "shall" in text or "must" in text:  # the words _OFFICE_SUBJECT needs
                for match in _OFFICE_SUBJECT.finditer(text):
                    name = match.group("name")
                    counts[name] = counts.get(name, 0) + 1
                    if match.group("comma") is None:
                        opening.add(name)
        named = [name for name, count in counts.items() if count >= 2 and name in opening and self._role_of(name) is None]
        if not named:
            return
        whole = "\n".join(texts)
        staff = self.vocabulary.finder("party_staff")
        staff_initials = _initials_of(staff, whole) if staff is not None else set()
        for name in sorted(named, key=counts.__getitem__, reverse=True)[:_NAME_CANDIDATES]:
            at = whole.find("(" + name + ")")
            spelled = re.search(_SPELLED_OUT + "$", whole[max(0, at - _SPELLED_OUT_REACH) : at + 1]) if at >= 0 else None
            if spelled is None:
                if name not in staff_initials:  # "The Contractor shall name a project manager. The PM will …": its staff
                    yield "buyer", name
                continue
            words = spelled.group(1)
            if _THING_NAME.search(words):
                continue
            roles = {role for _start, _end, role in self.vocabulary.roles.finditer(words)}
            if len(roles) == 1:
                yield roles.pop(), name
            elif not roles and (staff is None or staff.search(words) is None):
                yield "buyer", name

    def _abbreviation_in_lower_case(self, text: str, token: tuple[int, int, str]) -> bool:
        """Whether ``token`` is a party's abbreviation (:attr:`Vocabulary.abbreviations`) written
        in lower case or with a capital only first ("co-exist", "Co-operate"): no party."""
        start, end, name = token
        if name not in PARTIES:
            return False
        word = text[start:end].strip()
        return word.casefold() in self.vocabulary.abbreviations and not word.isupper()

    # -- obligations
    def _obligation(self, text: str) -> Obligation | None:
        tokens = list(self.tokens.finditer(text))
        if self.aliases is not None:
            tokens = sorted(tokens + list(self.aliases.finditer(text)))
        if self.vocabulary.abbreviations:
            tokens = [token for token in tokens if not self._abbreviation_in_lower_case(text, token)]
        modals = [(start, end, name) for start, end, name in tokens if name in MODAL_LISTS or name == "vendor_promise"]
        openers: list[int] | None = None  # where requiring verbs' object clauses begin: looked up only after a "that"
        previous_end = 0
        own_subject = False  # the last modal stood in a subordinate clause with its subject before it and a party after it
        expected = self._expected_of(text, tokens)  # "we expect that this team will build …": the team's, not ours
        for start, end, modal in modals[:_MAX_MODALS]:
            if expected is not None and expected.start < start:
                return expected
            kept_end = previous_end  # a present tense that promises nothing leaves the clause to the next modal
            if own_subject and _COORDINATED.search(text, max(0, start - _COORDINATOR_REACH), start) is not None:
                previous_end = end  # "… att Leverantören informerar EHM … och tillhandahåller EHM bevis": a second
                continue  # predicate of that clause, whose object is no subject of its own
            own_subject = False
            clause = max(previous_end, self._clause_start(text, start))
            before = _outside_brackets(text, clause, start, tokens)
            if not before and (aside := _aside_before(text, clause, start)) is not None and aside[0] >= previous_end:
                # "The COR, along with the 18F Product Manager, will review …": the subject stands before the aside
                clause = aside[0]
                before = _outside_brackets(text, clause, aside[1], tokens)
            if any(name in ("subordinator", "relative") for _s, _e, name in before):  # "… requires that the Contractor will …"
                if openers is None:
                    openers = self._object_clauses(text, tokens)
                opened = max((at for at in openers if clause <= at <= start), default=None)
                if opened is not None:  # the object clause of a requiring verb is the obligation
                    clause = opened
                    before = _outside_brackets(text, clause, start, tokens)
            following = next((t for t in tokens if t[0] >= end), None)
            next_word = following if following is not None and not text[end : following[0]].strip() else None
            if next_word is not None and next_word[2] == "subject_after_modal" and self._is_modifier(text, next_word):
                # "ska varken lämnas ut": a modifier that ends like a subject ("*ken") is passed, as "även" is
                following, next_word = next((t for t in tokens if t[0] >= next_word[1]), None), None
            previous_end = end
            subject = (
                None if self._own_subject_before(text, clause, start, end) else next_word or self._after_modifiers(text, end, following)
            )  # "Om … ska även konsulten …"
            named_after = subject[2] if subject is not None and subject[2] in PARTIES else None
            inverted = (
                named_after is not None or (subject is not None and subject[2] == "subject_after_modal") or self._after_fronted_clause(text, clause, before)
            )
            subordinate = self._subordinate(text, clause, start, before)
            if subordinate and named_after is not None and _subject_just_before(text, start, before):
                # "… under förutsättning att Leverantören informerar EHM …": a subordinate clause keeps its
                # subject before its verb, so the party after the verb is its object, no inverted subject
                own_subject = True
                inverted = self._after_fronted_clause(text, clause, before)
            if (subordinate and not inverted) or self._object_gap(text, end) or self._forecast(text, clause, start, before):
                continue
            if modal == "vendor_promise":
                # a vendor's present tense promises only with its subject, a party, just before the verb
                # ("We publicly publish …"), which opens its clause or follows its "and" ("… is open to
                # the public and we provide …"); not "CDS does not provide …", "GC Forms allows you to
                # create and publish …", "Support features include:", "To the extent GitHub delivers …"
                promised = next(
                    (
                        (at, name)
                        for opening, at, name in reversed(before)
                        if name in PARTIES and _PROMISED_AFTER.fullmatch(text, at, start) and _PROMISE_OPENING.fullmatch(text, clause, opening)
                    ),
                    None,
                )
                if promised is not None and _NOTHING_PROMISED.match(text, end) is None:  # not "We provide no guarantee …"
                    return Obligation(promised[1], start, end)
                previous_end = kept_end
                continue
            mentions = [] if subordinate else self._subject_mentions(text, clause, start, before)
            party = _joint_subject(text, clause, mentions) or (mentions[-1][2] if mentions else named_after)
            if text[start] in "'’" and not any(at == start for _s, at, name in before if name in PARTIES):
                continue  # a possessive modal binds only a party it names: not "critical to OFA's responsibility to report"
            passive = None  # the party a passive binds: its agent, or the giver of what it hands over
            if party in _OTHER_PARTY and (
                self._told(text, end) or self._recipient_after(text, subject[1] if named_after is not None and subject is not None else end)
            ):
                # "Customer will be notified via e-mail …", "Beställaren ska hållas informerad": the other
                # party tells, unless an agent is named ("Contractor employees shall be notified by the
                # Contractor …", "Leverantörens personal ska informeras av Leverantören")
                passive = party = self._passive_agent(text, end, tokens) or _OTHER_PARTY[party]
            if party is None and (modal == "modal_binding" or (modal == "modal_future" and self._affirmed_passive(text, clause, end))):
                passive = party = self._passive_agent(text, end, tokens)
                if party is None and (modal == "modal_future" or self._affirmed_passive(text, clause, end)):
                    passive = party = self._giver(text, end, tokens)
            if party is None and modal == "modal_future" and not subordinate and self._joint_passive(text, clause, end):
                passive = party = "mutual"  # "Sprint plans will be developed collaboratively with the Product Owner and 18F"
            if party is None and modal == "modal_future" and self.surveillance_plan and not subordinate and self._surveillance_passive(text, clause, end):
                passive = party = "buyer"  # a QASP's "Performance data gathered will be evaluated …": the buyer surveils
            if (
                party is None
                and modal == "modal_future"
                and not subordinate
                and (owner := self._possessor_passive(text, clause, start, end, before)) is not None
            ):
                passive = party = owner  # "The contractor's invoice will be submitted monthly": the owner hands in its own
            if (
                party is None
                and modal == "modal_future"
                and (self.buyer_voice or self.vendor_terms)
                and not subordinate
                and self._work_passive(text, clause, end)
            ):
                # a work statement's "All trash will be collected …": the work it buys; a vendor's
                # "Standard service requests will be fulfilled …": the service it promises
                passive = party = "supplier"
            if party is None and modal == "modal_future" and self.vendor_terms and not subordinate and self._names_the_vendors_own(text[clause:start]):
                party = "supplier"  # a vendor's terms promise its service and staff: "the Core Services will provide …", "A manager will review …"
            if (
                party is None
                and modal == "modal_future"
                and not subordinate
                and _LIST_AFTER.fullmatch(text, end)
                and not _COPULA_MODAL.match(text, start)
                and self._names_the_vendors_own(text[clause:start])
            ):
                # "The platform will:" / "Advertise …": its list says what the deliverable does, never a forecast;
                # "The objective of this contract is to:" lists its purposes ("is to" binds a party it names only),
                # and "Evaluators will:" what the buyer's panel does: only the supplier's service or staff
                party = "supplier"
            if modal == "modal_future":  # "will" binds its party, the buyer too ("The COR will monitor …")
                if party is None or (
                    passive is None and next_word is not None and next_word[2] in ("modal_fact", "advice_after_soft") and not self._notes_down(text, next_word)
                ):
                    continue
            if modal == "modal_soft":  # a wish binds only where a tender evaluates it; advice never
                if not self.tender or (next_word is not None and next_word[2] == "advice_after_soft"):
                    continue
            if (
                party is None
                and modal == "modal_binding"
                and self.buyer_voice
                and _RESPONSIBILITY.search(text, start, end)
                and not self._supplier_named_before(text, start, tokens)
            ):
                continue  # "The Product Owner is responsible for …": a role's responsibility, no duty of the supplier
            return Obligation(party or "supplier", start, end, modal == "modal_soft")
        return self._required_of(text, tokens) or expected

    def _expected_of(self, text: str, tokens: list[tuple[int, int, str]]) -> Obligation | None:
        """The supplier's obligation a verb of ``expecting_verb`` states where the buyer is its
        subject and the supplier or its team (a word of ``party_supplier`` or ``party_staff``) its
        object, then an infinitive or a modal of the object's own: "We expect this team to have
        extensive experience in agile environments", "We're looking for a team who can continue to
        iterate …", "In addition, we expect the team will be generally familiar with …". ("We want
        our business partner to create positive and negative incentives …" binds nobody: "business
        partner" is no word of either list, though the Customs SOO names its supplier so.) A buyer's statement of
        objectives states what it buys so ("How we expect this team to work"). The buyer stands just
        before the verb (a word of :data:`_EXPECTING_BETWEEN` at most: "we'll also expect", not "we
        don't expect"), in a main clause; the object is a few words with no punctuation ("We expect
        these proof of concepts, though they start small, to form the blueprints …" tells of a
        result), and a thing expected binds nobody ("The government expects repositories to contain
        documentation", "VA expects to improve its operations"). A vendor's "we" is the supplier,
        who expects of the customer ("We expect you to keep your password safe"): not read."""
        finder = self.vocabulary.finder("expecting_verb")
        if finder is None:
            return None
        folded = text.casefold()  # once, not once for each word of the list
        if not any(word in folded for word in self.vocabulary.folded("expecting_verb")):
            return None
        for start, end, _name in itertools.islice(finder.finditer(text), _MAX_MODALS):
            if _EXPECTATION.fullmatch(text, start, end):  # "Our expectation for the teams is that they'll …": its own subject
                subject = start
            else:
                buyer = next((t for t in reversed(tokens) if t[1] <= start), None)
                if buyer is None or buyer[2] != "buyer" or not _EXPECTING_BETWEEN.fullmatch(text, buyer[1], start):
                    continue  # not the buyer's own expecting: "We don't expect …", "… the team expects …"
                subject = buyer[0]
            clause = self._clause_start(text, subject)
            if any(name in ("subordinator", "relative") for _s, _e, name in _outside_brackets(text, clause, subject, tokens)):
                continue  # "While we expect …", "what we expect of …"
            found = _EXPECTED_OBJECT.match(text, end)
            if found is None:
                continue
            named = any(end <= t[0] < found.end("object") and t[2] == "supplier" for t in tokens)
            if named or self._names(text[end : found.end("object")], "party_staff"):
                return Obligation("supplier", start, end)
        return None

    @staticmethod
    def _notes_down(text: str, word: tuple[int, int, str]) -> bool:
        """Whether the word after a "will", ``word``, is "note" as a verb of recording, not of
        advice: "QAP will note and document acceptable and unacceptable performance" binds the
        QAP, where "You will note that …" (before "that", a colon or nothing) only points out."""
        return text[word[0] : word[1]].casefold() == "note" and _NOTE_POINTS_OUT.match(text, word[1]) is None

    @staticmethod
    def _own_subject_before(text: str, clause: int, start: int, end: int) -> bool:
        """Whether the modal at ``start``–``end`` ends in its object clause's "att" and has a
        subject of its own before it in its clause (:data:`_ENDS_IN_CONJUNCTION`): then the word
        after it is the object clause's subject, not the modal's."""
        return _ENDS_IN_CONJUNCTION.search(text, start, end) is not None and not _IMPERSONAL.search(text, start, end) and bool(text[clause:start].strip(" ,*_"))

    def _required_of(self, text: str, tokens: list[tuple[int, int, str]]) -> Obligation | None:
        """The obligation a verb of ``requiring_verb`` puts on the party it names as its object,
        where no modal states one: "The contract requires the SP to perform all work", "The
        details of the testing plan will require the Contractor to visit …", "The procedures
        require that the Contractor prepare and submit …" bind the supplier. The verb stands in
        a main clause after its own subject (not "Require the Contractor to …", an item of the
        buyer's remedies), not after a word of ``possibility_modal`` ("the Government may require
        the Contractor to …" is a right), nor in a clause a subordinator or a relative opens
        anywhere before it ("the minimum that the Government requires the Contractor to
        achieve"), nor after a negative subject ("Nothing in this Agreement requires the
        Contractor to disclose …" frees the supplier); the party follows it (after "that" and an
        article at most), then its infinitive or, after "that", its verb; not the buyer, whom what
        requires it is mostly a law the background tells of ("The Act requires agencies to make
        their content accessible"). An object of a few words that names no party, then its
        infinitive, binds the supplier, as a duty that names no party does, when it names someone
        who can act or a party requires it (:meth:`_names_people`: "The Government (IRS) requires
        one officer to be stationed at the Security Console", "We require a timely response to
        acknowledge the order"; not "Performance requires a strong commitment to quality"); a
        plural there names others, a class of people ("The Act requires agencies to …", "…
        requires users to sign in"), not the supplier. None without the list."""
        possibility, finder = self.vocabulary.finder("possibility_modal"), self.vocabulary.finder("requiring_verb")
        folded = text.casefold()
        if possibility is None or finder is None or not any(word in folded for word in self.vocabulary.folded("requiring_verb")):
            return None
        starts = [t[0] for t in tokens]
        for start, end, _name in itertools.islice(finder.finditer(text), _MAX_MODALS):
            clause = self._clause_start(text, start)
            head = text[clause:start].split()
            if not head or not _HEAD_WORD.fullmatch(head[-1]) or _term_at(possibility, text, text.rfind(head[-1], clause, start)) is not None:
                continue  # no subject of its own just before it ("may -(1) Require …"), or a right ("may require")
            if _NEGATIVE_SUBJECT.match(text, clause):
                continue  # "Nothing in this Agreement requires the Contractor to disclose …" frees; it binds nobody
            before = _outside_brackets(text, clause, start, tokens)
            if any(name in ("subordinator", "relative") for _s, _e, name in before):
                continue  # "the minimum that the Government requires the Contractor to achieve" defines; it requires nothing
            k = bisect.bisect_left(starts, end)
            opened = k < len(tokens) and tokens[k][2] in ("subordinator", "relative") and not text[end : tokens[k][0]].strip()
            position = tokens[k][1] if opened else end
            party_at = _ARTICLE.match(text, position).end()
            j = bisect.bisect_left(starts, party_at)
            if j < len(tokens) and tokens[j][0] == party_at and tokens[j][2] in PARTIES:
                after = tokens[j][1]
                if _POSSESSIVE.match(text[after:]) or _COMPOUND.match(text[after:]):
                    continue  # "requires the Contractor's staff …": the staff's, read no further
                if tokens[j][2] != "buyer" and (_WORD_AFTER if opened else _INFINITIVE).match(text, after):
                    return Obligation(tokens[j][2], start, end)
            elif (
                not opened
                and (named := _NAMED_OBJECT.match(text, end))
                and not any(party_at <= t[0] < named.end() for t in tokens)
                and not self._plural_in_s(named.group().split()[-1].rstrip("'’"))
                and (self._names_people(named.group()) or any(name in PARTIES for _s, _e, name in before))
            ):
                return Obligation("supplier", start, end)  # "requires one officer to be stationed": no party named, the supplier's, as a passive duty is
        return None

    def _names_people(self, words: str) -> bool:
        """Whether the object of a verb of requiring, ``words``, names someone who can be required
        to act: people by a word of ``party_staff`` ("requires one officer to be stationed") or an
        organisation by its abbreviation ("The contract requires the SP to perform all work").
        A thing is what the verb requires, not who must act: "Performance requires a strong
        commitment to quality", "Installation requires some time to complete", "The building
        requires a badge to enter" bind nobody — unless a party requires it ("We require a timely
        response to acknowledge the order"), which the caller asks apart."""
        finder = self.vocabulary.finder("party_staff")
        return bool(_ABBREVIATION.fullmatch(words.split()[-1])) or (finder is not None and bool(finder.search(words)))

    def _forecast(self, text: str, clause: int, modal: int, before: list[tuple[int, int, str]]) -> bool:
        """Whether the modal at ``modal`` stands in the object clause of a verb of
        ``forecast_verb`` whose subject is a party named before it, in the modal's clause: "The
        Government estimates this project will require …", "The government does not anticipate
        that contractor personnel will need to access PII": what a party expects binds nobody.
        Words must stand between the verb and the modal (its clause's subject): "Cost estimates
        shall be provided" has the noun; a party's possessive is no subject ("The Contractor's
        estimates …"); and a modal just after a ``coordinator`` opens a second predicate of the
        party, no object clause ("The Government estimates the hours and will pay …")."""
        head = text[clause:modal].casefold()
        if not any(word in head for word in self.vocabulary.forecast_words):  # most clauses have none
            return False
        subject_end = next((end for _start, end, name in before if name in PARTIES and not _POSSESSIVE.match(text[end : end + 3])), None)
        finder = self.vocabulary.finder("forecast_verb")
        if subject_end is None or finder is None:
            return False
        found = next(finder.finditer(text[subject_end:modal]), None)  # the first verb after the party: a later one ends nearer the modal
        between = text[subject_end + found[1] : modal].rsplit(None, 1) if found is not None else []
        words = self.vocabulary.predicate_words
        return bool(between) and (words is None or words.covers(between[-1]) != "coordinator")

    def _object_gap(self, text: str, end: int) -> bool:
        """Whether the modal ending at ``end`` is followed by a verb of ``object_verb`` (after an
        adverb at most) that ends the sentence without its object: the object is the noun before,
        which the modal's clause describes ("… evaluate the services the contractor is required to
        furnish.", "Tasks that the contractor must successfully perform."), a relative clause that
        binds nobody. Looked at only where the sentence ends within :data:`_GAP_REACH` characters."""
        if len(text) - end > _GAP_REACH:
            return False
        verb_end = _term_at(self.vocabulary.finder("object_verb"), text, _ADVERB.match(text, end).end())
        return verb_end is not None and _SENTENCE_REST.fullmatch(text, verb_end) is not None

    def _after_modifiers(self, text: str, end: int, following: tuple[int, int, str] | None) -> tuple[int, int, str] | None:
        """The reading's word that follows a modal after words of ``predicate_modifier`` only
        ("… ska även konsulten delta": "konsulten", an inverted subject), or None where other
        words stand between. Each step passes one modifier, so it ends within the text."""
        finder = self.vocabulary.finder("predicate_modifier")
        if following is None or finder is None:
            return None
        position = end
        while (start := _SPACE.match(text, position).end()) < following[0]:
            modifier_end = _term_at(finder, text, start)
            if modifier_end is None or modifier_end <= start:
                return None
            position = modifier_end
        return following

    def _is_modifier(self, text: str, word: tuple[int, int, str]) -> bool:
        """Whether ``word`` (a token of the reading) is, as a whole, a word of ``predicate_modifier``."""
        return _term_at(self.vocabulary.finder("predicate_modifier"), text, word[0]) == word[1]

    def _names_the_vendors_own(self, subject: str) -> bool:
        """Whether the words before a "will" name the supplier's service or staff (a word of
        ``deliverable_subject`` or ``party_staff``): in a vendor's terms they make its promises.
        Looked up only there, and only for a "will" that names no party (the words are common: a
        pass over every statement would cost more than the rest of the reading's words)."""
        return any(finder is not None and finder.search(subject) for finder in map(self.vocabulary.finder, ("deliverable_subject", "party_staff")))

    def _object_clauses(self, text: str, tokens: list[tuple[int, int, str]]) -> list[int]:
        """Where the object clauses of requiring verbs begin: just after the subordinator or
        relative ("that", "att") that follows a verb of ``requiring_verb`` in a main clause, at most
        a parenthetical phrase between them ("The Government requires, at a minimum, that the
        Contractor will generate …"). Such a clause is what is required, and its subject the
        party bound; the verb's own subject only requires it."""
        finder = self.vocabulary.finder("requiring_verb")
        folded = text.casefold()
        if finder is None or not any(word in folded for word in self.vocabulary.folded("requiring_verb")):  # most statements have none
            return []
        openers: list[int] = []
        starts = [t[0] for t in tokens]
        for start, end, _name in itertools.islice(finder.finditer(text), _MAX_MODALS):  # each is read against the text before it, as a modal is
            k = bisect.bisect_left(starts, end)
            following = tokens[k] if k < len(tokens) else None
            if following is None or following[2] not in ("subordinator", "relative") or not _PARENTHETICAL.fullmatch(text, end, following[0]):
                continue
            clause = self._clause_start(text, start)
            if not self._subordinate(text, clause, start, [t for t in tokens if clause <= t[0] and t[1] <= start]):
                openers.append(following[1])
        return openers

    @staticmethod
    def _affirmed_passive(text: str, clause: int, modal_end: int) -> bool:
        """Whether a "will" opens an affirmed passive, whose agent it binds as "shall" would:
        "The sprints will be assessed by the Government", "Items will be inspected randomly by
        the QAP". Not a negation, which says what the agent will not do ("No other hardware will
        be provided by the Government", "Other weapons will not be accepted by the Government";
        its subject read from the sentence's start too: "No hardware, software or property will
        be …"), nor a progressive or an adjective, which is no passive ("the Government will be
        monitoring the contractor's performance", "the portal will be accessible to the
        contractor")."""
        return _FUTURE_PASSIVE.match(text, modal_end) is not None and not any(_NEGATIVE_SUBJECT.match(text, at) for at in (0, clause))

    def _joint_passive(self, text: str, clause: int, modal_end: int) -> bool:
        """Whether a "will" that names no party opens an affirmed passive (:meth:`_affirmed_passive`)
        whose participle a word of ``joint_adverb`` stands just before or just after: "Sprint plans
        will be developed collaboratively with the Product Owner and 18F", "This report will be
        mutually agreed to between the CO/COR, TTS Product Owner, and the contractor" are both
        parties' acts (the labels call them so), where the passive alone binds nobody."""
        finder = self.vocabulary.finder("joint_adverb")
        if finder is None or not any(word in text[modal_end:].casefold() for word in self.vocabulary.folded("joint_adverb")):
            return False
        found = _FUTURE_PASSIVE.match(text, modal_end)
        if found is None or not self._affirmed_passive(text, clause, modal_end):
            return False
        return finder.search(found.group()) or _term_at(finder, text, _SPACE.match(text, found.end()).end()) is not None

    def _possessor_passive(self, text: str, clause: int, modal: int, modal_end: int, before: list[tuple[int, int, str]]) -> str | None:
        """The party whose own thing is the subject of an affirmed "will" passive that names no
        agent (:meth:`_affirmed_passive`), which that party does: "The contractor's invoice will be
        submitted monthly", "The Contractor's staff will be trained …". The subject opens with the
        party's possessive (an article at most before it) and the modal follows within a few words.
        Not a participle of ``state_participle`` or a judgement ("The Contractor's mitigation plan
        will be determined to be acceptable …", "… will be deemed/found acceptable"): how a thing
        stands, judged by someone else."""
        owner = next(((start, end, name) for start, end, name in before if name in PARTIES), None)
        if owner is None or not _OPENS_SUBJECT.fullmatch(text, clause, owner[0]):
            return None
        possessive = _POSSESSIVE.match(text[owner[1] :])
        if possessive is None or not _OWNED_THING.fullmatch(text, owner[1] + possessive.end(), modal):
            return None
        passive = self._passive_participle(text, clause, modal_end)
        if passive is None or self._no_act_of_subject(text, *passive):
            return None
        return owner[2]

    def _passive_participle(self, text: str, clause: int, modal_end: int) -> tuple[int, int] | None:
        """Where the participle of the affirmed passive (:meth:`_affirmed_passive`) a "will" ending
        at ``modal_end`` opens starts, and where the passive ends; None for no such passive."""
        found = _FUTURE_PASSIVE.match(text, modal_end)
        if found is None or not self._affirmed_passive(text, clause, modal_end):
            return None
        return found.end() - len(found.group().split()[-1]), found.end()

    def _no_act_of_subject(self, text: str, participle: int, passive_end: int) -> bool:
        """Whether the passive whose participle starts at ``participle`` says how its subject
        stands or what it may do (``state_participle``, ``permission_participle``), the other
        party's surveillance, payment or reward of it (:data:`_SURVEILLED`) or a judgement of it
        (:data:`_JUDGED`): no act of the subject's owner or of the supplier."""
        return (
            any(_term_at(self.vocabulary.finder(name), text, participle) is not None for name in ("state_participle", "permission_participle"))
            or _SURVEILLED.match(text, participle) is not None
            or _JUDGED.match(text, passive_end) is not None
        )

    def _surveillance_passive(self, text: str, clause: int, modal_end: int) -> bool:
        """Whether a "will" that names no party opens an affirmed passive of an act
        (:meth:`_affirmed_passive`), not a participle of ``state_participle``: in the buyer's
        surveillance plan the act is the buyer's ("Incomplete or inadequate code and user stories
        will be flagged via GitHub issue", "Performance of the SP will be monitored through various
        surveillance methods", "All such records will be retained for the life of the task order"),
        where what a thing will be used for or based on binds nobody ("The performance standards
        and AQLs in the nine tables below will be used to measure the performance of the SP"), and
        the supplier's delivery of its work (``delivery_participle``: "Unless a due date is
        specified, the deliverable will be completed 30 days after receiving tasking") is the
        supplier's, not the buyer's."""
        passive = self._passive_participle(text, clause, modal_end)
        return passive is not None and all(
            _term_at(self.vocabulary.finder(name), text, passive[0]) is None for name in ("state_participle", "delivery_participle")
        )

    def _supplier_named_before(self, text: str, modal: int, tokens: list[tuple[int, int, str]]) -> bool:
        """Whether the sentence names the supplier or a party's people (``party_staff``) before the
        modal at ``modal``: the subject of a responsibility that names no party of its own clause
        ("The Project Manager is responsible for …", "The contractor will have access to … and will
        be responsible for maintaining …")."""
        return any(name == "supplier" and end <= modal for _start, end, name in tokens) or self._names(text[:modal], "party_staff")

    def _names(self, text: str, list_name: str) -> bool:
        """Whether ``text`` has a term of the list ``list_name``."""
        finder = self.vocabulary.finder(list_name)
        return finder is not None and finder.search(text)

    def _work_passive(self, text: str, clause: int, modal_end: int) -> bool:
        """Whether a "will" that names no party opens an affirmed passive of the work a statement
        of work buys, or of the service a vendor's terms promise (:meth:`_affirmed_passive`), which
        binds the supplier there as "shall" would: "All trash will be collected and disposed of in
        the nearest dumpster", "These vulnerabilities will be triaged and classified …", "Standard
        service requests will be fulfilled through the defined support channels". Not a
        participle of ``state_participle`` or ``permission_participle`` ("will be used to measure
        …", "will be defined in the Terms of Service", "will be approved …"), nor the other
        party's surveillance, payment or reward (:data:`_SURVEILLED`: "will be evaluated", "will
        be rewarded"), a right or remedy done to a thing (:data:`_WITHDRAWN`: "Your account will
        be suspended …"), nor a judgement ("will be found acceptable"); not where an agent follows
        ("will be scheduled by the Medical Director": whoever it is, its act), nor where the
        subject names the buyer's surveillance plan ("the draft QASP will be updated …") or an
        amount ("1 day will be added as extension to the current term": a remedy's computation),
        or a word of ``joint_adverb`` says both parties act ("as jointly agreed")."""
        passive = self._passive_participle(text, clause, modal_end)
        if passive is None:
            return False
        participle, passive_end = passive
        return (
            not self._no_act_of_subject(text, participle, passive_end)
            and not _AGENT_AFTER.match(text, passive_end)
            and not self._names(text[clause:modal_end], "surveillance_plan_title")
            and not _DIGITS.search(text, clause, modal_end)
            and not _WITHDRAWN.match(text, participle)
            and not self._names(text[modal_end:], "joint_adverb")
        )

    def _titled_by(self, list_name: str) -> bool:
        """Whether the document's opening (its headings and short lines before the running text,
        at most :data:`_TITLE_STATEMENTS`, and the first longer one) names it by a term of
        ``list_name``. Of ``surveillance_plan_title``: "QUALITY ASSURANCE SURVEILLANCE PLAN (QASP)"
        after the agency's address lines, "Attachment M" / "QUALITY ASSURANCE SURVEILLANCE PLAN", a
        file name "1923_Treasurys_Quality_Assurance_Plan_for_Seat_Manageme": the plan says how the
        buyer surveils the supplier's work, and what it says will be done, the buyer does. Of
        ``work_statement_title``: "Appendix G: Statement of Objectives examples", a file name
        "1919_Customs_Statement_of_Objectives_with_performance_i": the buyer's own statement."""
        finder = self.vocabulary.finder(list_name)
        if finder is None:
            return False
        for statement in self.document.statements[:_TITLE_STATEMENTS]:
            text = self.texts[statement.index].replace("_", " ")  # a file name's words, as in _titled_as_attachment
            if finder.search(text):
                return True
            if statement.kind != "heading" and len(text.split()) >= _TITLE_WORDS:
                return False
        return False

    @staticmethod
    def _giver(text: str, modal_end: int, tokens: list[tuple[int, int, str]]) -> str | None:
        """The buyer, as the party that gives what an affirmed passive hands to the supplier or
        the tenderer, when it names no agent: "Any updates to the QASP will be provided to the
        Contractor", "A copy of this plan will be furnished to the contractor", "Government
        furnished equipment shall be provided to the Contractor" bind the buyer. The recipient is
        a party right after "to" (and an article), up to the clause's end (a ";" or a
        subordinate clause); a party's possessive is no recipient ("to the Contractor's
        premises"). What is handed to the buyer is left to the reading as before: in a tender's
        attachments "shall be submitted to the COR" is the supplier's duty, not the tenderer's.
        None without a recipient."""
        stop = _duty_end(text, modal_end, tokens)
        for start, end, name in tokens:
            if (
                modal_end < start < stop
                and name in ("supplier", "tenderer")
                and _RECIPIENT.search(text, max(modal_end, start - _RECIPIENT_REACH), start)
                and not _POSSESSIVE.match(text[end:])
            ):
                return "buyer"
        return None

    def _passive_agent(self, text: str, modal_end: int, tokens: list[tuple[int, int, str]]) -> str | None:
        """The party that a passive duty names as its agent, when its subject names none: "All
        deliverables shall be inspected and accepted by the Government within 5 days" binds the
        buyer, "A surveillance folder must be maintained by QAP" too. The modal must be followed
        by its copula (as for a predicate complement) or by a word of ``passive_verb`` (a passive
        written as one word: "Leveransen ska godkännas av Beställaren inom tio arbetsdagar"), and the
        agent by a word of ``passive_agent``, up to the end of the sentence's clause (a ";") or a subordinate clause
        ("… unless approved by the COTR"). A permission is no duty of its agent: "All travel must
        be approved by the COR" binds the supplier to obtain it (``permission_participle``). None
        without an agent."""
        agent, words = self.vocabulary.finder("passive_agent"), self.vocabulary.predicate_words
        if agent is None or words is None:
            return None
        after = text[modal_end:].casefold()
        if not any(word in after for word in self.vocabulary.folded("passive_agent")):  # most duties name no agent: a substring test spares the passes below
            return None
        stop = _duty_end(text, modal_end, tokens)
        # the agent word first: most duties have none, and it is one pass where the copula's is one more
        agents = list(agent.finditer(text[modal_end:stop]))
        if not agents or (self._after_copula(text, modal_end, _marks(text, modal_end, words)) is None and not self._passive_verb_after(text, modal_end)):
            return None
        permission = self.vocabulary.finder("permission_participle")
        if permission is not None and permission.search(text[modal_end:stop]):
            return None
        parties = {start: (end, name) for start, end, name in tokens if name in PARTIES and modal_end < start < stop}
        for _start, agent_end, _name in agents:
            position = _ARTICLE.match(text, modal_end + agent_end).end()
            for at in (position, _SPACE.match(text, modal_end + agent_end).end()):
                found = parties.get(at)
                if found is not None and ((possessive := _POSSESSIVE.match(text[found[0] :])) is None or self._staff_after(text, found[0] + possessive.end())):
                    return found[1]
        return None

    def _told(self, text: str, modal_end: int) -> bool:
        """Whether the modal ending at ``modal_end`` opens a passive of telling (a word of
        ``told_participle`` after its copula, and after one word of ``predicate_modifier`` at
        most: "will be notified", "shall be promptly informed"), whose subject is the one told:
        "Customer will be notified via e-mail …" binds the supplier, which notifies, where "will
        be" states a fact of the customer's; "The Contractor will be notified in writing" binds
        the buyer. Its participle is a verb of telling alone: one who is paid, sent or given
        something is the other party's debtor only where a payment term or the giver
        (:meth:`_giver`) says so."""
        told, words = self.vocabulary.finder("told_participle"), self.vocabulary.predicate_words
        if told is None or words is None:
            return False
        after = text[modal_end:].casefold()  # once, not once a word
        if not any(word in after for word in self.vocabulary.folded("told_participle")):
            return False
        marks = _marks(text, modal_end, words)
        position = self._after_copula(text, modal_end, marks)
        if position is None:
            return False
        position = _SPACE.match(text, position).end()
        modifier = marks.get(position)
        if modifier is not None and modifier[1] == "predicate_modifier":
            position = _SPACE.match(text, modifier[0]).end()
        return _term_at(told, text, position) is not None

    def _staff_after(self, text: str, position: int) -> bool:
        """Whether a word of ``party_staff`` follows a party's possessive ending at ``position``:
        the agent is that party's people, who are the party ("Daily operations will be managed
        by the Contractor's Project Manager" binds the supplier), where "by the Contractor's
        premises" names no agent."""
        return _term_at(self.vocabulary.finder("party_staff"), text, _SPACE.match(text, position).end()) is not None

    def _passive_verb_after(self, text: str, modal_end: int) -> bool:
        """Whether a word of ``passive_verb`` follows the modal ending at ``modal_end``, after at
        most :data:`_BEFORE_COPULA` words of ``predicate_modifier`` ("ska även granskas av …"), as a
        copula does before its participle."""
        return self._term_after_modifiers(text, modal_end, "passive_verb")

    def _recipient_after(self, text: str, position: int) -> bool:
        """Whether a word of ``recipient_passive`` follows ``position`` (the modal's end, or its
        subject's after it), past words of ``predicate_modifier``: the party that is the subject
        is told or given something ("Kunden ska informeras", "ska den Personuppgiftsansvarige
        informeras", "Beställaren ska alltid ges tillgång till …"), and the duty is the other
        party's (:data:`_OTHER_PARTY`), or the agent's where the passive names one."""
        return self._term_after_modifiers(text, position, "recipient_passive")

    def _term_after_modifiers(self, text: str, position: int, name: str) -> bool:
        """Whether a word of the list ``name`` stands at ``position``, or after at most
        :data:`_BEFORE_COPULA` words of ``predicate_modifier`` there. Each step passes one
        modifier, so it ends within the text."""
        passive, modifiers = self.vocabulary.finder(name), self.vocabulary.finder("predicate_modifier")
        if passive is None:
            return False
        for _ in range(_BEFORE_COPULA + 1):
            position = _SPACE.match(text, position).end()
            if _term_at(passive, text, position) is not None:
                return True
            modifier_end = _term_at(modifiers, text, position)
            if modifier_end is None or modifier_end <= position:
                return False
            position = modifier_end
        return False

    @staticmethod
    def _after_fronted_clause(text: str, clause: int, before: list[tuple[int, int, str]]) -> bool:
        """Whether the modal follows a subordinate clause that opens its clause and whose own verb
        stands before it: "Om efterfrågade tjänster inte kan erbjudas ska orsak meddelas" (V2
        order: the main clause begins with its verb; without a party or a definite subject
        after the modal, only the subordinate clause's verb shows it)."""
        if not before or before[0][2] != "subordinator" or text[clause : before[0][0]].strip(" \t*_([\"'“"):
            return False
        verbs = [i for i, (_, _, name) in enumerate(before) if name == "clause_verb"]
        return bool(verbs) and not any(name in ("subordinator", "relative") for _, _, name in before[verbs[-1] + 1 :])

    @staticmethod
    def _clause_start(text: str, position: int) -> int:
        """Where the clause of the modal at ``position`` begins: after the last boundary before
        it. A parenthesis closed before the modal is part of its clause, not a boundary: "The
        Government (IRS) shall provide …", "The Contracting Officer's Representative (COR) and
        contractor will …" name their subject before it. (The next ")" is looked up once for
        each "(", from where the last look-up found one: one pass over the text.)"""
        last = 0
        closing = -1  # the first ")" found after the last "(" looked at
        skipped_until = -1  # the end of the last parenthesis closed before the modal
        for match in _BOUNDARY.finditer(text, 0, position):
            if match.start() < skipped_until:
                continue  # a comma inside it: "The Government (IRS, Campus Facility) shall …"
            if match.group() == "(":
                if closing < match.end():
                    closing = text.find(")", match.end())
                    if closing == -1:
                        closing = len(text)
                if closing < position:
                    skipped_until = closing
                    continue
            last = match.end()
        return last

    @staticmethod
    def _subordinate(text: str, clause: int, modal: int, before: list[tuple[int, int, str]]) -> bool:
        """Whether a modal stands in a subordinate clause: a subordinator anywhere before it in
        its clause ("… describe how they will …", "om resultatet ska"), or a relative pronoun
        opening the clause or among the two words before the modal ("which shall …",
        "konsulter som ska …"; "brister som beställaren påtalar ska" is a main clause with a
        relative clause in its subject)."""
        if any(name == "subordinator" for _, _, name in before):
            return True
        head = text[clause:modal]
        opening = clause + len(head) - len(head.lstrip())
        words = head.split()
        near = modal - len(" ".join(words[-2:])) - (len(head) - len(head.rstrip())) if words else modal
        return any(name == "relative" and (start == opening or start >= near) for start, _, name in before)

    def _subject_mentions(self, text: str, clause: int, modal: int, before: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The parties named as the subject before a modal, in order, each with where it stands: possessives ("the
        Customer's data") and compounds ("client-side rendering") left out, and a relative clause of the subject too ("Brister som
        beställaren påtalar ska …": the subject is "Brister"). A possessive followed by a word
        of ``party_staff`` names that party's people, who are the party: "The Contracting
        Officer's Technical Representative is responsible for …" binds the buyer; and a
        possessive that opens the modal itself is the party it binds: "It is each offeror's
        responsibility to learn …" (``modal_binding``: "'s responsibility to"). A party after a
        preposition (:data:`_GOVERNED`) is no subject but a phrase describing it: "All materials
        supplied to the Government shall be …", "The Equipment to be shipped to the Buyer shall be
        packed …"."""
        relative = next((start for start, _, name in before if name == "relative"), None)
        if relative is not None and not text[clause:relative].strip():
            relative = None  # the clause opens with it: nothing before it to cut away
        return [
            (start, end, name)
            for start, end, name in before
            if name in PARTIES
            and not _COMPOUND.match(text[end:])
            and (relative is None or start < relative)
            and not _GOVERNED.search(text, max(clause, start - _GOVERNED_REACH), start)
            and (
                end == modal or (possessive := _POSSESSIVE.match(text[end:])) is None or self._staff_at(text, _SPACE.match(text, end + possessive.end()).end())
            )
        ]

    def _staff_at(self, text: str, position: int) -> bool:
        """Whether a word of ``party_staff`` starts at ``position`` (just after a party's
        possessive: "the Contracting Officer's Technical Representative") and heads the subject:
        the modal follows it, after a parenthesis at most ("… Representative (COTR) shall"), where
        "The Customer's personnel data shall …" goes on with the thing the staff word describes.
        Looked up only after a possessive, which few subjects have."""
        staff_end = _term_at(self.vocabulary.finder("party_staff"), text, position)
        if staff_end is None:
            return False
        after = _SPACE.match(text, staff_end).end()
        if text.startswith("(", after) and (close := text.find(")", after, after + _STAFF_REACH)) >= 0:
            after = _SPACE.match(text, close + 1).end()
        return any(_term_at(self.vocabulary.finder(name), text, after) is not None for name in ("modal_binding", "modal_future", "modal_soft"))

    # -- the condition names
    def statements(self, name: str) -> frozenset[int]:
        """The statements of which the built-in name ``name`` holds (:data:`READING_NAMES`),
        worked out once per name: each rule with findings asks again for ``task_item`` and
        ``qualification_item`` (its findings on a list's items are one), and those read every
        list's introduction (44 times on the 1.39 MB English corpus text: 4 % of its check)."""
        found = self._named.get(name)
        if found is None:
            found = self._named[name] = self._statements_named(name)
        return found

    def _statements_named(self, name: str) -> frozenset[int]:
        if name == "main_obligation":
            return frozenset(self.obligations)
        if name == "soft_obligation":
            return frozenset(i for i, o in self.obligations.items() if o.soft)
        if name.startswith("binds_"):
            party = name[len("binds_") :]
            return frozenset(i for i, o in self.obligations.items() if o.party == party)
        if name == "performance_row":
            return self._performance_rows()
        if name == "sanction_row":
            return self._sanction_rows()
        if name == "surveillance_row":
            return self._surveillance_rows()
        if name == "duty_row":
            return self._duty_rows()
        if name == "performance_cell":
            return self._flattened_tables[0] | self._row_levels | self._items_introduced_by("performance_header", whole=True)
        if name == "surveillance_cell":
            return self._flattened_tables[1]
        if name in _DOCUMENT_NAMES:  # of the document as a whole: every statement or none
            return frozenset(s.index for s in self.document.statements) if self._document_is(name) else frozenset()
        if name == "own_clause":
            return self._alone_in_clause()
        if name == "in_numbered_clause":
            return frozenset(s.index for s in self.document.statements if s.location.clause)
        if name == "non_binding_item":
            return self._items_introduced_by("not_binding_lead_in", last_clause=True) | self._items_introduced_by("definitions_title", whole=True)
        if name == "in_definitions":
            return self._in_sections_titled("definitions_title")
        if name == "in_background":
            return self._in_sections_titled("background_title")
        if name == "editors_note":
            return self._editors_notes()
        if name == "question":
            statements = self.document.statements
            # a table row asks where its first cell does ("Hur rapporteras avbrott? | …"), not where
            # a cell after the row's terms does ("V1 | Vid försening utgår vite … | Accepterar ni villkoret?")
            asks = (i for i, text in enumerate(self.texts) if "?" in text and _asks(text.split(" | ", 1)[0] if statements[i].kind == "table_row" else text))
            return frozenset(i for i in asks if statements[i].kind != "heading")
        if name == "gerund_task":
            return self._gerund_tasks()
        if name == "present_task":
            return self._present_tasks()
        if name in ("task_item", "qualification_item"):
            items = self._items_introduced_by("task_lead_in" if name == "task_item" else "qualification_lead_in")
            if name == "task_item":  # a list titled as a whole as deliverables names what the supplier delivers;
                # an item that leads in a deeper sub-list only groups the deliverables under it ("Documentation:" / "Test plans")
                items |= self._items_introduced_by("deliverables_title", whole=True) - self._sub_list_lead_ins
            return frozenset(i for i in items if self._opens_block(i))
        return frozenset()

    def _in_sections_titled(self, titles: str) -> frozenset[int]:
        """The statements in a section whose whole title is a term of the list ``titles``, or in
        a section inside one: of ``definitions_title`` (``in_definitions``), of
        ``background_title`` (``in_background``). A title counts as a whole ("Definitions",
        "23. Definitions.", "**Begrepp**", "Section 2. BACKGROUND INFORMATION", "Sec. 2.01
        Background Information": a number the heading kept in its title aside,
        :data:`_TITLE_NUMBER`), so a section that only names definitions among other things
        ("Service Level Definitions", where the levels stand) is not one, nor is "Background
        Investigations". A numbered section is inside one only where its number is
        inside the titled section's number ("1.2" in "1 Definitions"): "2.1 The Supplier shall …"
        after an unnumbered "Definitions" heading is the contract going on, not a definition."""
        finder = self.vocabulary.finder(titles)
        if finder is None:
            return frozenset()
        numbers: list[tuple[str, ...] | None] = []  # per section: the clause key of the titled section it stands in ((): unnumbered), None: none
        for section in self.document.sections:
            inherited = numbers[section.parent] if section.parent is not None else None
            title = without_tags(section.title)
            if _whole_title(finder, title[_TITLE_NUMBER.match(title).end() :]):
                numbers.append(clause_key(section.number) if section.number else ())
            elif inherited is not None and (not section.number or (inherited and inside_clause(clause_key(section.number), inherited))):
                numbers.append(inherited)
            else:
                numbers.append(None)
        return frozenset(s.index for s in self.document.statements if s.section is not None and numbers[s.section] is not None)

    def _editors_notes(self) -> frozenset[int]:
        """The statements of editors' notes (``editors_note``): a sentence that opens its
        paragraph or a line with a term of ``editor_note_title``, the paragraph after it where it is
        a title ending in ":" that ends its own, and the sentences run on after these up to one
        that starts a line of its own or another paragraph. No further: a note stands among the document's text ("HELPFUL HINT:
        TIMELINESS AND ACCURACY …" between two rows of a performance table). One pass."""
        finder = self.vocabulary.finder("editor_note_title")
        if finder is None:
            return frozenset()
        statements, texts = self.document.statements, self.texts
        noted: set[int] = set()
        for s in statements:
            if s.kind == "heading" or not (self._opens_line(s.index) or not s.index or statements[s.index - 1].block != s.block):
                continue  # a note opens its paragraph or a line (a PDF's text runs it on from the paragraph before)
            text = texts[s.index].lstrip(_TITLE_MARKS + "\"'“")
            if _term_at(finder, text, 0) is None:
                continue
            noted.add(s.index)
            k = s.index + 1
            if text.rstrip(" *_").endswith(":") and k < len(statements) and statements[k].block == s.block + 1 and statements[k].kind != "heading":
                noted.add(k)  # a title that ends its paragraph: the note is the paragraph after it
                k += 1
            while k < len(statements) and statements[k].block == statements[k - 1].block and statements[k].kind != "heading" and not self._opens_line(k):
                noted.add(k)
                k += 1
        return frozenset(noted)

    def _opens_line(self, i: int) -> bool:
        """Whether statement ``i`` starts a line of the text (a PDF's text may run a paragraph on
        after a note without a blank line: "… Steps Team: This is the Army's set of metrics." /
        "SPS Help Desk Metrics When working on Service Requests, …")."""
        anchors = self.document.statements[i].anchors
        return bool(anchors) and anchors[0].location.column == 1

    def _document_is(self, name: str) -> bool:
        """Whether one of :data:`_DOCUMENT_NAMES` holds for the document."""
        if name == "vendor_terms":
            return self.vendor_terms
        if name == "tender_document":
            return self.tender
        if name == "proposal_document":
            return self.proposal
        if name == "numbered_requirements":
            return self.numbered
        if name == "numbered_clauses":  # a numbered list a PDF's text wrote as paragraphs numbers its items as clauses do
            return len({s.location.clause for s in self.document.statements if s.location.clause}) >= 3 or len(self._numbered_items) >= 3
        return self._titled_as_attachment()

    def _titled_as_attachment(self) -> bool:
        """Whether the document's title names it as an attachment: the first title word found in
        its opening is one of ``attachment_title`` ("Attachment 2 to RFQ 123", "PERFORMANCE WORK
        STATEMENT (PWS)"), not one of ``solicitation_title`` ("Request for Quotation — Statement of
        Objectives" is the RFQ). The opening is the statements before the running text: headings
        and lines of fewer than :data:`_TITLE_WORDS` words, at most :data:`_TITLE_STATEMENTS` of them;
        and the title the first longer one opens with, where a PDF's text joined the title line to
        the lines after it, none ending a sentence ("PERFORMANCE WORK STATEMENT (PWS) [TEMPLATE]
        [Insert Title and Activity] NOTE TO OUR CUSTOMERS: THIS TEMPLATE MUST BE …")."""
        titles = self.vocabulary.titles
        if titles is None:
            return False
        for statement in self.document.statements[:_TITLE_STATEMENTS]:
            # A file name for a title ("Acquisition_SME_support_PWS_11476") joins its words with
            # underscores, which are word characters to a word's bounds: read as spaces, the same length.
            text = self.texts[statement.index].replace("_", " ")
            first = next(titles.finditer(text), None)
            if statement.kind != "heading" and len(text.split()) >= _TITLE_WORDS:
                return first is not None and not text[: first[0]].strip(_TITLE_MARKS) and first[2] == "attachment_title"
            if first is not None:
                return first[2] == "attachment_title"
        return False

    def _items_introduced_by(self, lead_in_words: str, whole: bool = False, last_clause: bool = False) -> frozenset[int]:
        """The list items whose introduction has words of the list ``lead_in_words``: of
        ``not_binding_lead_in``, the items that are no duties ("Vendor will not be expected to
        handle the following tasks:", "They may include:", "The anticipated benefits …:"); of
        ``task_lead_in``, the tasks of a scope list ("Konsulten ska utföra följande:"). An
        item's introduction is the last earlier item of its list that ends in ":" and has no
        deeper items (a sub-list written as siblings), else its lead-in (an item ending in ":"
        whose deeper sub-list it stands in, or the sentence before the list), else a heading
        ending in ":" just before the list. A sub-list written as siblings ends at an item
        with an obligation of its own ("Desired skills and experience include:" / "Strong
        communication skills." / "If any individual proposed … the Contractor shall notify the
        CO …": the last is the list's own item again). With ``whole``, the introduction's whole text (':'
        and emphasis aside) must be a term of the list: "Definitions:" of ``definitions_title``
        introduces terms, "The service level definitions below apply:" does not. With
        ``last_clause``, an introduction whose last clause binds a party of its own reads only
        that clause (:meth:`_introducing_clause`): "The price adjustment clause does not apply to
        this order, and the Contractor shall:" introduces duties. The items of a
        sub-list whose introduction is such an item are such items too ("… expected to have
        experience with:" / "Human-centered design practices, such as:" / "Visual design")."""
        finder = self.vocabulary.finder(lead_in_words)
        if finder is None:
            return frozenset()
        says_so: dict[int, bool] = {}
        found: set[int] = set()
        for item, lead in self._item_introductions:
            if lead not in says_so:
                says_so[lead] = self._lead_says(finder, lead, whole, last_clause)
                # a short label grouping the lead-in's items ("… knowledge and skills in the following
                # areas:" / "Microsoft Technology:" / "- Azure cloud platform") says what the lead-in says
                outer = self._grouped.get(lead)
                if not says_so[lead] and not whole and outer is not None:
                    says_so[lead] = self._lead_says(finder, outer, whole, last_clause)
            if says_so[lead] or lead in found:  # a sub-list under such an item is introduced by it too
                found.add(item)
        return frozenset(found)

    def _lead_says(self, finder: TermFinder, lead: int, whole: bool, last_clause: bool) -> bool:
        """Whether the introduction ``lead`` has words of ``finder`` (as :meth:`_items_introduced_by`
        reads them: with ``whole`` its whole text, with ``last_clause`` its introducing clause)."""
        text = self._introducing_clause(self.texts[lead]) if last_clause else self.texts[lead]
        # emphasis inside the words ("The Contractor will **not** be responsible for:", "__not__") is no word
        return _whole_title(finder, text) if whole else next(finder.finditer(text.replace("*", "").replace("_", "")), None) is not None

    def _introducing_clause(self, text: str) -> str:
        """The clause of a list's introduction that introduces it: the part after its last ";" or
        ", and" / ", but" (:data:`_LAST_CLAUSE`) when that part has an obligation of its own ("…
        does not apply to this order, and the Contractor shall:"), else the whole text."""
        start = max((boundary.end() for boundary in _LAST_CLAUSE.finditer(text)), default=0)
        if start == 0:
            return text
        clause = text[start:]
        return clause if self._obligation(clause) is not None else text

    @cached_property
    def _item_introductions(self) -> list[tuple[int, int]]:
        """(list item, its introduction) for each list item that has one, in document order, as
        :meth:`_items_introduced_by` describes it: worked out once for every list of lead-in
        words it is asked about. The items of a list a conversion wrote as paragraphs, its
        bullets lost (:meth:`_paragraph_item`: "Vendor will not be required to handle any of the
        following tasks:" / "Provide or configure hosting of the data or the site" / "Directly
        create, update, or delete the data"), are introduced by the paragraph ending in ":" just
        before them."""
        pairs: list[tuple[int, int]] = []
        heading: int | None = None  # a heading ending in ":" with nothing but the list after it yet
        introducing: dict[int | None, int] = {}  # per lead-in, the last item of its list ending in ":"
        nested = self._sub_list_lead_ins
        statements = self.document.statements
        paragraph_lead: int | None = None  # a paragraph ending in ":" whose items, written as paragraphs, follow
        for statement in statements:
            if statement.kind != "list_item":
                heading = statement.index if statement.kind == "heading" and _introduces(statement.text) else None
                introducing.clear()
                if statement.kind == "sentence":
                    if paragraph_lead is not None and self._paragraph_item(statement):
                        pairs.append((statement.index, paragraph_lead))
                        continue
                    last = statement.index + 1 == len(statements) or statements[statement.index + 1].block != statement.block
                    paragraph_lead = statement.index if last and _introduces(self.texts[statement.index]) else None
                else:
                    paragraph_lead = None
                continue
            paragraph_lead = None
            if introducing.get(statement.lead_in) in nested:
                del introducing[statement.lead_in]  # the sub-list under that item, nested deeper, has ended
            elif statement.index in self._stated:  # a duty of its own, no item of a sub-list written as siblings: that sub-list has ended
                introducing.pop(statement.lead_in, None)
            lead = introducing.get(statement.lead_in, statement.lead_in if statement.lead_in is not None else heading)
            if lead is not None:
                pairs.append((statement.index, lead))
            if _introduces(statement.text):
                introducing[statement.lead_in] = statement.index
        return pairs

    def _paragraph_item(self, statement: Statement) -> bool:
        """Whether a paragraph is an item of a list written as paragraphs: one sentence alone in its
        block, of at most :data:`_PARAGRAPH_ITEM_WORDS` words, that ends no sentence (no end mark:
        a bullet's text, "Provide or configure hosting of the data or the site") and states no
        duty of its own."""
        statements, i = self.document.statements, statement.index
        alone = (i == 0 or statements[i - 1].block != statement.block) and (i + 1 == len(statements) or statements[i + 1].block != statement.block)
        text = self.texts[i].rstrip(" *_")
        return alone and bool(text) and not text.endswith(_END_MARKS) and len(text.split()) <= _PARAGRAPH_ITEM_WORDS and i not in self._stated

    @cached_property
    def scheduled(self) -> dict[int, tuple[int, ...]]:
        """The statements that name, as what they deliver, a deliverable of the document's
        deliverables table, each with the rows that name it: where the table gives the level of
        what the statement requires ("The contractor will submit … vulnerability reports" / the
        table's row "Vulnerability reports delivered through the bug bounty platform | Within one
        business day of the researcher reporting the vulnerability | …"). A deliverables table
        is a table whose first column is titled, as a whole, by a term of ``deliverables_title``
        (or one of the titles a "/" joins: "REQUIRED DELIVERABLES / REPORTS"); each row's first
        cell names its deliverables (:meth:`_deliverable_names`: two words or more, so that
        "Research" names no document's work). A statement names one as what it delivers where the
        name stands in its own clause after no relative word ("provide staff who are specialists
        in reviewing vulnerability reports" delivers staff) and after no preposition or gerund
        (the words "the", "all", "their" … aside: "an interface to vulnerability report data"
        delivers an interface). The table's own rows name nothing. One pass over the statements,
        and none in a document without such a table; in a statement, the first
        :data:`_MAX_MODALS` names, each read against the text before it."""
        titles = self.vocabulary.finder("deliverables_title")
        headers = self.document.table_headers
        if titles is None or not any(headers):
            return {}
        tables = set()
        for number, header in enumerate(headers, start=1):
            first = plain_text(header).split(" | ", 1)[0] if header else ""
            if any(titles.covers(title.strip(_TITLE_MARKS)) for title in first.split("/") if title.strip(_TITLE_MARKS)):
                tables.add(number)
        if not tables:
            return {}
        rows_named: dict[str, list[int]] = {}
        for s in self.document.statements:
            if s.kind == "table_row" and s.table in tables and s.anchors and s.anchors[0].location.cell in (None, 1):
                for name in self._deliverable_names(self.texts[s.index].split(" | ", 1)[0]):
                    rows_named.setdefault(name, []).append(s.index)
        if not rows_named:
            return {}
        verbs = self.vocabulary.finder("delivery_verb")
        if verbs is None:
            return {}
        finder = TermFinder({"deliverable": [form for name in rows_named for form in (name, name + "s")]})
        found: dict[int, tuple[int, ...]] = {}
        for s in self.document.statements:
            if s.kind == "heading" or (s.kind == "table_row" and s.table in tables):
                continue
            text = self.texts[s.index]
            rows: list[int] = []
            # each is read against the text before it, as a modal is: the first _MAX_MODALS of them
            for start, end, _ in itertools.islice(finder.finditer(text), _MAX_MODALS):
                words = " ".join(text[start:end].lower().split())
                key = words if words in rows_named else words[:-1]
                if key in rows_named and self._names_as_object(s.index, text, start, end, verbs):
                    rows.extend(r for r in rows_named[key] if r not in rows)
            if rows:
                found[s.index] = tuple(rows)
        return found

    @staticmethod
    def _deliverable_names(cell: str) -> list[str]:
        """The deliverables a deliverables table's first cell names, in lower case and in the
        singular of their last word ("Tested Code & Status Reports": "tested code", "status
        report"): each part the cell joins, up to the words that say how, when or of what it is
        delivered, its article left out, of two words or more."""
        names = []
        for part in _DELIVERABLE_PARTS.split(cell.strip(_TITLE_MARKS)):
            part = _DELIVERABLE_REST.sub("", part.strip(_TITLE_MARKS))
            part = _DELIVERABLE_ARTICLE.sub("", part, count=1) if _DELIVERABLE_ARTICLE.match(part) else part
            if _DELIVERABLE_NAME.fullmatch(part):
                name = " ".join(part.lower().split())
                names.append(name[:-1] if name.endswith("s") and not name.endswith("ss") else name)
        return names

    def _names_as_object(self, i: int, text: str, start: int, end: int, verbs: TermFinder) -> bool:
        """Whether the name at ``start``–``end`` of statement ``i`` is what it delivers: after its
        modal (the Status Reports as a subject are entered, not delivered), after a verb of
        ``delivery_verb`` with no relative word, clause mark or gerund between them, not the
        object of a preposition there ("post all code to a publicly-available code repository";
        "submit through their security disclosure platform vulnerability reports" has the
        preposition's own words between), and not the start of a longer capitalised name."""
        if text[start:end][:1].isupper() and _NAME_GOES_ON.match(text, end):
            return False
        duty = self.obligations.get(i)
        after = duty.end if duty is not None else 0
        if start < after:
            return False
        verb = None
        for _, verb_end, _ in verbs.finditer(text[after:start]):
            verb = after + verb_end
        if verb is None:
            return False
        between = text[verb:start]
        if _RELATIVE_WORD.search(between) or _GERUND_BEFORE.search(between):
            return False
        # a preposition's object ends in the white space before the name, in the run of words there
        tail = _WORDS_TAIL.search(between) if between[-1:].isspace() else None
        preposition = _OBJECT_PREPOSITION.search(between, tail.start()) if tail is not None else None
        return preposition is None or len(preposition["rest"].split()) >= 2

    @cached_property
    def _sub_list_lead_ins(self) -> frozenset[int]:
        """The list items that lead in a sub-list nested deeper than they stand."""
        statements = self.document.statements
        return frozenset(s.lead_in for s in statements if s.kind == "list_item" and s.lead_in is not None and statements[s.lead_in].kind == "list_item")

    def _alone_in_clause(self) -> frozenset[int]:
        """The obligations whose clause number no other obligation shares: "as set out in 8.3"
        points at exactly one of them. (A heading number shared by several requirements cites
        none of them alone.) A lettered sub-clause of a numbered clause ("(b) The Provider will
        delete …" in 14.4) is cited by the number and its letter, "14.4(b)", and a roman one by
        its numeral ("iv) EHM har rätt …" in 14.2: "14.2(iv)")."""
        by_clause: dict[str, list[int]] = {}
        statements, sections = self.document.statements, self.document.sections
        for i in self.obligations:
            statement = statements[i]
            clause = statement.location.clause
            if clause:
                name = sub_clause_name(sections[statement.section].title) if statement.section is not None else None
                if name is not None:
                    clause += f"({name})"
                by_clause.setdefault(clause, []).append(i)
        return frozenset(members[0] for members in by_clause.values() if len(members) == 1)

    def _performance_rows(self) -> frozenset[int]:
        """The rows of performance tables (:meth:`_table_kinds`) and the rows a table written
        sideways labels with a level ("Acceptable Quality Level | 90 % coverage"); not the row
        such a table labels with its method of surveillance ("Method of Assessment | Manual
        review": how the level is checked, a term of ``surveillance_header``)."""
        header = self.vocabulary.finder("performance_header")
        if header is None:
            return frozenset()
        performance, _, _ = self._table_kinds()
        method = self.vocabulary.finder("surveillance_header")
        rows = frozenset(
            s.index
            for s in self.document.statements
            if s.kind == "table_row"
            and (s.table in performance or self._labelled_row(s.text, header))
            and (method is None or not self._labelled_row(s.text, method))
        )
        return rows | self._bar_rows(header) | self._level_lines(header)

    def _level_lines(self, header: TermFinder) -> frozenset[int]:
        """The paragraphs and list items that state a level as a label and its value, as a
        performance table's row would, flattened into a line ("Average service level target (as a
        percentage per month): 90%", "Response time: within 4 hours"): a short label before a
        colon with a term of ``performance_header`` and none of ``sanction_header`` ("Service
        credit: 10%" is a sanction's amount) or ``surveillance_method`` (how a level is checked),
        and after it a short value with a number and its unit (:data:`_LEVEL_VALUE`: a date is no
        level). The other items of such a line's list that have its shape are levels too, whatever
        their labels: the list's rows share what one of them names ("Average service level target
        (as a percentage per month): 90%" / "Minimum (as a percentage per month): 80%"; "For issues
        that impact platform availability: within 3 business hours." / "For all other issues:
        within five business days.")."""
        sanction, method = self.vocabulary.finder("sanction_header"), self.vocabulary.finder("surveillance_method")
        found: set[int] = set()
        run: list[int] = []  # the items of the current list that have a level line's shape
        named = False  # whether one of them names the level
        previous: Statement | None = None
        for s in self.document.statements:
            if previous is None or s.kind != "list_item" or previous.kind != "list_item" or previous.lead_in != s.lead_in:
                if named:
                    found.update(run)
                run, named = [], False
            previous = s
            label = self._level_label(s)
            if label is None or any(finder is not None and finder.search(label) for finder in (sanction, method)):
                continue
            if s.kind == "list_item":
                run.append(s.index)
            if header.search(label):
                named = named or s.kind == "list_item"
                found.add(s.index)
        if named:
            found.update(run)
        return frozenset(found)

    def _level_label(self, statement: Statement) -> str | None:
        """The label of a paragraph or list item written as a level's label and value (a short
        label, a colon, a short value with a number and its unit that is no date counted from an
        event: :data:`_LEVEL_DATE`), or None."""
        text = self.texts[statement.index]
        if statement.kind not in ("sentence", "list_item") or ":" not in text:
            return None
        line = _LEVEL_LINE.fullmatch(text.rstrip(" \t.*_"))
        if line is None or len(line["label"].split()) > _LEVEL_LABEL_WORDS or len(line["value"].split()) > _LEVEL_VALUE_WORDS:
            return None
        value = line["value"]
        level = _LEVEL_VALUE.search(value)
        if level is None or (_LEVEL_DATE.match(value, level.end()) and not _LEVEL_WITHIN.search(value, 0, level.start())):
            return None  # no amount, or a date counted from an event
        return line["label"]

    def _bar_rows(self, header: TermFinder) -> frozenset[int]:
        """The rows of a table written as lines of text between bars, which a conversion
        escaped so that they are no table ("\\| DELIVERABLES \\| DUE DATES \\| CONTENT \\|" /
        "\\| Transition plan \\| 3 business days after … \\|"): consecutive paragraphs (or a
        heading and paragraphs) that begin and end with a bar and have three cells or more, the
        first the header; its rows are performance rows where a cell of the header is, as a
        whole, a term of ``performance_header``."""
        found: set[int] = set()
        levels = False  # the current run's header names a level
        previous = -2
        for s in self.document.statements:
            text = self.texts[s.index]
            if s.kind not in ("sentence", "heading") or "|" not in text[:4]:
                continue
            text = text.replace("\\|", "|")
            if _BAR_ROW.fullmatch(text) is None:
                continue
            if s.index != previous + 1:  # the first line of a run is its header
                titles = text.strip(" *_").split("|")
                levels = any(header.covers(title.strip(_TITLE_MARKS)) is not None for title in titles if title.strip(_TITLE_MARKS))
            elif levels and s.kind == "sentence":
                found.add(s.index)
            previous = s.index
        return frozenset(found)

    def _surveillance_rows(self) -> frozenset[int]:
        """The rows of a table whose header has a column titled, as a whole, by a term of
        ``surveillance_header`` ("Method of Surveillance", "Mätmetod"), that fill a cell of that
        column: "Tested Code | … | Minimum 90 % test coverage | https://codeclimate.com" says how
        its own level is checked (labelling.md: the surveillance cell of the same row is its
        specific follow-up). Empty cells are left out of a header's text, so the column is counted
        from the right of the table (its widest row, or its header); a row's cells are known by
        their anchors' cell numbers. A cell with only a placeholder ("TBD", "N/A", "–") says no
        method."""
        finder = self.vocabulary.finder("surveillance_header") if any(self.document.table_headers) else None
        if finder is None:
            return frozenset()
        from_right: dict[int, tuple[int, int]] = {}  # table → (cells of its header, the column counted from the right)
        for number, header in enumerate(self.document.table_headers, start=1):
            cells = plain_text(header).split(" | ") if header and finder.search(plain_text(header)) else []
            for k, cell in enumerate(cells):
                if finder.covers(cell.strip(_TITLE_MARKS)) is not None:
                    from_right[number] = (len(cells), len(cells) - 1 - k)
                    break
        if not from_right:
            return frozenset()
        rows = [s for s in self.document.statements if s.kind == "table_row" and s.table in from_right]
        width = {table: header_cells for table, (header_cells, _) in from_right.items()}
        for s in rows:
            width[s.table] = max(width[s.table], max((a.location.cell or 0 for a in s.anchors), default=0))
        found = set()
        for s in rows:
            column = width[s.table] - from_right[s.table][1]  # the surveillance column's cell number
            anchors = s.anchors
            for k, anchor in enumerate(anchors):
                if anchor.location.cell == column:
                    end = anchors[k + 1].offset if k + 1 < len(anchors) else len(s.text)
                    cell = s.text[anchor.offset : end].rstrip(" |").strip()
                    if any(ch.isalnum() for ch in cell) and cell.strip(".").lower() not in _NO_METHOD:
                        found.add(s.index)
        return frozenset(found)

    def _duty_rows(self) -> frozenset[int]:
        """The rows of a table whose header has a column titled, as a whole, by a term of
        ``duty_header`` ("Skyldighet | Beskrivning", "Åtagande | Ansvarig"): a table of duties,
        whose rows list what the party does ("**Säkerhetskopiering** | Genomföra regelbunden
        säkerhetskopiering av data"), as a list under "Leverantören ska:" does. A header that only
        mentions a duty ("Leverantörens skyldigheter enligt avtalet och deras status") titles no
        such column."""
        finder = self.vocabulary.finder("duty_header") if any(self.document.table_headers) else None
        if finder is None:
            return frozenset()
        tables = set()
        for number, header in enumerate(self.document.table_headers, start=1):
            if header and finder.search(plain_text(header)):
                if any(finder.covers(cell.strip().strip(_TITLE_MARKS)) is not None for cell in plain_text(header).split(" | ")):
                    tables.add(number)
        return frozenset(s.index for s in self.document.statements if s.kind == "table_row" and s.table in tables)

    @cached_property
    def _flattened_tables(self) -> tuple[frozenset[int], frozenset[int]]:
        """The cells of performance tables flattened into paragraphs, as a PDF's text writes a
        table (each cell a paragraph of its own, the header's column titles first): the cells
        that state a level or a task (``performance_cell``) and those that say how a level is
        checked (``surveillance_cell``). Such a table opens with a run of column titles —
        consecutive short paragraphs (at most :data:`_COLUMN_TITLE_WORDS` words, no end
        punctuation), one of which is, as a whole, a performance level (``performance_header``
        terms joined by "and", "/" or brackets: "Performance standard (and AQL)") — of two
        paragraphs or more, or of one after a heading or after the table's title run into a
        column's ("Elevator Maintenance and Repair Performance Objective" / "Performance standard
        and AQL"). A level title a conversion made a heading is a column title of such a run
        where a paragraph title stands beside it ("PWS Paragraph" / "## Performance Measure");
        headings alone are the document's own titles. It runs to the next heading, table or long paragraph (more than
        :data:`_CELL_PARAGRAPH_WORDS` words, unless it ends in a narrow column: a row across the
        table run into its first cell, :attr:`_rows_into_columns`, itself no cell); a later run of
        titles starts the next table. A
        conversion's headings do not end it: a lone "OR", a page's running footer (its text also
        a paragraph elsewhere, :meth:`_recurs_as_text`), and, under a column of the work
        statement's paragraphs (:data:`_REFERENCE_TITLE`: "PWS Section"), a numbered title, which is
        a row's number with its first line; nor does a long block that is a column of cells
        (:attr:`_cell_columns`). Left out: the titles, a table's title that ends in a level title
        (the next table's), page furniture (a paragraph found :data:`_FURNITURE_REPEATS` times or
        more in the document, unless it is a finished sentence of :data:`_STANDARD_WORDS` words or
        more that stands in no page outside the flattened tables, a standard repeated down its
        column (:func:`_recurring_standard`), where a page's running footer in a sentence stands on
        the pages before and after the tables too: "This document contains proprietary
        information of the Government."; nor a short finished sentence that recurs twice with no
        other mark of a page between (no other paragraph that recurs as furniture, no repeated
        run of column titles): a page's furniture stands once on a page, so an AQL column's "No
        deviation." found twice on one page is the column's cell wherever it stands in the tables;
        and page numbers and bullets), and the deduction cells
        (a word of ``sanction_header``: "1% deduction per day …"), and a column title in capitals
        left among the cells ("ACCEPTABLE" of a title a conversion cut, :meth:`_column_title`). A method cell has no obligation of its own and a term of
        ``surveillance_method`` in its first :data:`_METHOD_REACH` characters ("Random inspection
        (site visits)", "Make sample or test calls."), however often it recurs down its column; so
        is a percentage alone (:data:`_LEVEL_CELL`, an AQL column's "95%"), which is no title. A cell's words are the ruleset's to judge
        further (``en-base`` leaves captions and deducted amounts out). One pass over the
        statements after one over their texts."""
        header = self.vocabulary.finder("performance_header")
        statements = self.document.statements
        if header is None:
            return frozenset(), frozenset()
        texts = self.texts
        split_texts = [text.split() for text in texts]
        words = [len(parts) for parts in split_texts]
        paragraphs = [s.kind == "sentence" and not texts[s.index].rstrip(" *_").endswith(_END_MARKS) for s in statements]
        # a level alone is the first row's cell, never a column title ("Method Of Surveillance" / "100%")
        # A column title a conversion made a heading ("PWS Paragraph" / "## Performance Measure"):
        # one that names a level as a whole beside a paragraph that is a column's whole title too
        # (_whole_column_title), not beside a cell ("Zero breaches of privacy" / "## Performance Measures")
        headed = [
            s.kind == "heading"
            and words[s.index] <= _COLUMN_TITLE_WORDS
            and self._level_title(texts[s.index], header)
            and any(
                0 <= k < len(statements) and paragraphs[k] and words[k] <= _COLUMN_TITLE_WORDS and self._whole_column_title(k, header)
                for k in (s.index - 1, s.index + 1)
            )
            for s in statements
        ]
        titles = [(paragraphs[i] or headed[i]) and words[i] <= _COLUMN_TITLE_WORDS and _LEVEL_CELL.fullmatch(texts[i]) is None for i in range(len(statements))]
        opening = self._column_title_runs(titles, paragraphs, words, header, headed)
        if not opening:
            return frozenset(), frozenset()
        block_words: dict[int, int] = {}
        for s in statements:
            block_words[s.block] = block_words.get(s.block, 0) + words[s.index]
        seen: dict[str, int] = {}  # how often each text recurs, counted when first asked
        method = self.vocabulary.finder("surveillance_method")
        sanction = self.vocabulary.finder("sanction_header")
        cells: set[int] = set()
        methods: set[int] = set()
        standards: list[int] = []  # the cells kept as a recurring standard (_recurring_standard), not furniture
        outside: set[str] = set()  # the recurrence keys of the statements outside the flattened tables
        in_table = False
        referenced = False  # whether the table's first column cites the work statement's paragraphs
        # A page's furniture stands once on a page: the paragraphs that recur as it does and the
        # runs of column titles a page repeats mark where pages part (``breaks`` counts them).
        breaks = 0
        repeated: list[int] = []  # short finished sentences that recur as page furniture would: kept if a column repeats them
        breaks_at: dict[str, int] = {}  # of their keys, ``breaks`` just after each was last seen
        column_texts: set[str] = set()  # the keys found twice with no other mark of a page between: a column's cell, no page's furniture
        for s in statements:  # outside a table only a run of column titles matters
            i = s.index
            if i in opening:
                referenced = (referenced and i - 1 in opening) or _REFERENCE_TITLE.match(texts[i]) is not None
                in_table = opening[i]
                breaks += in_table
                continue
            if not in_table:
                outside.add(self._recurrence_keys[i])
                continue
            if s.kind == "heading" and self._lone_coordinator(texts[i]):
                continue  # "## OR" between two standards of a cell, a conversion's heading: the table goes on
            if s.kind == "heading" and referenced and s.section is not None and self.document.sections[s.section].number is not None:
                continue  # "3.1.2.3" of the column of PWS paragraphs, its row's first line taken for a numbered title: the table goes on
            if not seen:
                for key in self._recurrence_keys:
                    seen[key] = seen.get(key, 0) + 1
            if s.kind == "heading" and seen[self._recurrence_keys[i]] >= _FURNITURE_REPEATS and self._recurs_as_text(i):
                breaks += 1
                continue  # a page's running footer a conversion made a heading ("New Brunswick Laboratory"): the table goes on
            if s.kind in ("heading", "table_row") or (block_words[s.block] > _CELL_PARAGRAPH_WORDS and s.block not in self._cell_columns):
                if s.kind == "sentence" and s.block in self._rows_into_columns:
                    continue  # a row across the table ("C.3.1 … The Contractor shall …") run into its first cell: the table goes on
                in_table = False
                outside.add(self._recurrence_keys[i])
                continue
            text = texts[i]
            level = _LEVEL_CELL.fullmatch(text) is not None  # "95%": an AQL column's cell, however often its value recurs down the column
            if not level and sum(ch.isalpha() for ch in text) < 4:
                continue
            # A method cell first: its method recurs down the column ("Random Sampling" in every
            # third row) as page furniture does, but it is the row's.
            if i not in self.obligations and method is not None and _names_method(text, method):
                methods.add(i)
                continue
            recurring = not level and seen[self._recurrence_keys[i]] >= _FURNITURE_REPEATS
            if recurring and not _recurring_standard(text):
                key = self._recurrence_keys[i]
                if breaks_at.get(key) == breaks:
                    column_texts.add(key)  # "No deviation." twice on one page, no other furniture between
                breaks += 1
                breaks_at[key] = breaks
                if text.rstrip(" *_").endswith(".") and (sanction is None or not sanction.search(text)):
                    repeated.append(i)
                continue
            if (paragraphs[i] and words[i] <= _TABLE_TITLE_WORDS and self._ends_with(header, text)) or self._column_title(i):
                continue  # a table's title run into its first column's; a column title left among the cells ("ACCEPTABLE")
            if sanction is None or not sanction.search(text):
                cells.add(i)
                if recurring:
                    standards.append(i)
        cells.difference_update(i for i in standards if self._recurrence_keys[i] in outside)
        cells.update(i for i in repeated if self._recurrence_keys[i] in column_texts)
        return frozenset(cells), frozenset(methods)

    @cached_property
    def numbered_rows(self) -> dict[int, tuple[int, str]]:
        """The rows of a performance table a PDF's text flattened into paragraphs whose first
        column numbers the task (the section of the work statement) each row measures, as a
        performance requirements summary does ("1. Develop test plan, …" / "Timeliness &
        Accuracy: …" / "93%" / "Incentive or penalty equal to 4% …" / "100% inspection" / "2.
        Maintain …"): statement → (the row's first statement, its number). A row opens at a
        list item or paragraph numbered n (no list item just before it: its cells stand between) and runs to
        the next row's, numbered n + 1; the last row runs to its method cell and the short
        cells naming a deduction just after it (``sanction_header``), within
        :data:`_ROW_STATEMENTS` statements. Such a table has two rows or more, a column title
        that names a level as a whole (``performance_header``: "PERFORMANCE STANDARD") among the
        :data:`_TITLES_BEFORE_ROWS` statements before its first row or in that row, and a method
        cell (as ``surveillance_cell`` reads one: no obligation, a term of ``surveillance_method``
        in its first words) in each row. The column titles left among the first row's cells
        ("INCENTIVE/PENALTY") are no cells. One pass over the statements."""
        header = self.vocabulary.finder("performance_header")
        method = self.vocabulary.finder("surveillance_method")
        if header is None or method is None:
            return {}
        statements, blocks, texts = self.document.statements, self.document.blocks, self.texts
        starts: list[tuple[int, int]] = []  # (statement, number) of each numbered cell's first statement
        previous_block = -1
        for s in statements:
            if s.block != previous_block and not (s.index and statements[s.index - 1].kind == "list_item"):
                label = blocks[s.block].label if s.kind == "list_item" else None
                if label is not None and _ROW_NUMBER.fullmatch(label):
                    starts.append((s.index, int(label.rstrip(".)"))))
                elif s.kind == "sentence" and (numbered := _NUMBERED_CELL.match(s.text)) is not None:
                    starts.append((s.index, int(numbered.group(1))))  # "2. Maintain …" after a page break: no list item
            previous_block = s.block

        def method_cell(i: int) -> bool:
            return statements[i].kind == "sentence" and i not in self.obligations and _names_method(texts[i], method)

        def titled(first: int, end: int) -> bool:
            return any(
                statements[k].kind == "sentence" and len(texts[k].split()) <= _COLUMN_TITLE_WORDS and self._level_title(texts[k], header)
                for k in range(max(first - _TITLES_BEFORE_ROWS, 0), end)
            )

        found: dict[int, tuple[int, str]] = {}
        run: list[tuple[int, int]] = []
        for start, number in [*starts, (len(statements), -1)]:  # the last, no row, ends the last run
            if run and number == run[-1][1] + 1 and start - run[-1][0] <= _ROW_STATEMENTS:
                run.append((start, number))
                continue
            if len(run) >= 2:
                found.update(self._numbered_run(run, method_cell, titled))
            run = [(start, number)]
        return found

    def _numbered_run(self, run: list[tuple[int, int]], method_cell: Callable[[int], bool], titled: Callable[[int, int], bool]) -> dict[int, tuple[int, str]]:
        """For :attr:`numbered_rows`: the statements of the rows that ``run`` (the first
        statement and number of each, in order) opens, when they make a performance table."""
        statements = self.document.statements
        sanction = self.vocabulary.finder("sanction_header")
        ends = [following for following, _ in run[1:]]
        last = run[-1][0]
        cell = next((k for k in range(last + 1, min(last + _ROW_STATEMENTS, len(statements))) if method_cell(k)), None)
        if cell is None:
            return {}
        end = cell + 1
        while (
            end < len(statements)
            and statements[end].kind == "sentence"
            and sanction is not None
            and sanction.search(self.texts[end])
            and len(self.texts[end].split()) <= _CELL_PARAGRAPH_WORDS
        ):
            end += 1
        ends.append(end)
        rows = [(start, number, stop) for (start, number), stop in zip(run, ends)]
        if not titled(run[0][0], ends[0]) or not all(any(method_cell(k) for k in range(start, stop)) for start, _, stop in rows):
            return {}
        return {
            k: (start, str(number))
            for start, number, stop in rows
            for k in range(start, stop)
            if k == start or (statements[k].kind != "heading" and not self._column_title(k))
        }

    @cached_property
    def _row_levels(self) -> frozenset[int]:
        """The cells of a numbered row (:attr:`numbered_rows`) that are a level alone
        (:data:`_LEVEL_CELL`: "93%"), where a conversion's heading ("QUALITY LEVEL") ended the
        flattened table before them: the row's acceptable quality level, a cell as in the table."""
        return frozenset(k for k in self.numbered_rows if _LEVEL_CELL.fullmatch(self.texts[k]) is not None)

    def _recurs_as_text(self, i: int) -> bool:
        """Whether heading ``i``'s text also stands in the document as a paragraph of its own: a
        page's running header or footer that a conversion made a heading once, not a title the
        document repeats as its structure ("### Exclusions" under each task). Its case too: a
        running footer recurs letter for letter, where a section's title in capitals
        ("INCENTIVES") that also titles a column of the tables ("Incentives") is the document's
        structure, and ends a flattened table before it."""
        return " ".join(self.texts[i].split()) in self._paragraph_keys

    @cached_property
    def _paragraph_keys(self) -> frozenset[str]:
        """The texts of the statements that are no headings, their white space collapsed, their
        case kept (one pass)."""
        return frozenset(" ".join(self.texts[s.index].split()) for s in self.document.statements if s.kind != "heading")

    @cached_property
    def _cell_columns(self) -> frozenset[int]:
        """The blocks that are a column of a table a PDF's text wrote out cell after cell with no
        blank line between them (a performance requirements summary's AQL column: "At least 90% of
        a random statistical sample …" / "A list with the location of at least 90% of …" / …),
        not running text, however many words they hold: two statements or more, three in four
        of them starting a line of their own, on lines of at most :data:`_COLUMN_LINE_CHARS`
        characters on average (the column is narrow; running text fills the page's width).
        A .docx paragraph is one line, so none of its blocks is such a column."""
        members: dict[int, list[Statement]] = {}
        for s in self.document.statements:
            if s.kind == "sentence" and s.anchors:
                members.setdefault(s.block, []).append(s)
        columns = set()
        for block, found in members.items():
            if len(found) < 2:
                continue
            lines = found[-1].anchors[-1].location.line - found[0].anchors[0].location.line + 1
            chars = sum(len(self.texts[s.index]) for s in found)
            starts = sum(1 for s in found if s.anchors[0].location.column == 1)
            if chars <= _COLUMN_LINE_CHARS * lines and 4 * starts >= 3 * len(found):
                columns.add(block)
        return frozenset(columns)

    @cached_property
    def _rows_into_columns(self) -> frozenset[int]:
        """The long blocks whose last statement a PDF's text wrote as a narrow column: on
        :data:`_COLUMN_CELL_LINES` lines or more of at most :data:`_COLUMN_LINE_CHARS` characters on
        average ("Office of the" / "Secretary employees" / "have immediate" / …), after lines
        at the page's width. Such a block is a row that spans a flattened table (a task's
        number, title and duty: "C.3.1 Level 1 … Support. The Contractor shall establish …")
        run into the first cell of the columns below it, not running text after the table, whose
        lines all fill the page. One pass."""
        last: dict[int, Statement] = {}
        for s in self.document.statements:
            if s.kind == "sentence" and s.anchors:
                last[s.block] = s
        found = set()
        for block, s in last.items():
            lines = s.anchors[-1].location.line - s.anchors[0].location.line + 1
            if lines >= _COLUMN_CELL_LINES and len(self.texts[s.index]) <= _COLUMN_LINE_CHARS * lines:
                found.add(block)
        return frozenset(found)

    def _whole_column_title(self, i: int, header: TermFinder) -> bool:
        """Whether statement ``i`` is, as a whole, the title of a performance table's column: a
        level ("Performance standard (and AQL)"), the work statement's paragraphs it measures
        ("PWS Paragraph", :data:`_REFERENCE_TITLE`) or how a level is checked (``surveillance_header``:
        "Method of surveillance")."""
        text = self.texts[i].strip(_TITLE_MARKS)
        method = self.vocabulary.finder("surveillance_header")
        return self._level_title(text, header) or _REFERENCE_TITLE.match(text) is not None or (method is not None and method.covers(text) is not None)

    def _column_title(self, i: int) -> bool:
        """Whether statement ``i`` is a column title a flattened table's header left among its
        first row's cells: a few words in capitals, no digit ("INCENTIVE/PENALTY", "SURVEILLANCE")."""
        text = self.texts[i]
        return len(text.split()) <= _COLUMN_TITLE_WORDS and text.isupper() and not any(ch.isdigit() for ch in text)

    def _lone_coordinator(self, text: str) -> bool:
        """Whether ``text`` is a word of ``coordinator`` alone ("OR", "AND"): no title of a part of
        the document, but a word between two cells that a conversion made a heading."""
        words = self.vocabulary.predicate_words
        return words is not None and words.covers(text.strip(_TITLE_MARKS + "#")) == "coordinator"

    def _column_title_runs(self, titles: list[bool], paragraphs: list[bool], words: list[int], header: TermFinder, headed: list[bool]) -> dict[int, bool]:
        """For :attr:`_flattened_tables`: each statement of a run of column titles (``titles``:
        short paragraphs without end punctuation) that opens a flattened performance table, with
        True at the run's last statement (the table starts after it) and False before it."""
        statements = self.document.statements
        opening: dict[int, bool] = {}
        start = 0
        for end in range(len(statements) + 1):
            if end < len(statements) and titles[end]:
                continue
            if end > start and all(headed[start:end]):
                pass  # level titles a conversion made headings, no column title with them: a document's own titles
            elif end > start and any(self._level_title(self.texts[k], header) for k in range(start, end)):
                before = start - 1
                titled = before >= 0 and (
                    statements[before].kind == "heading"
                    or (paragraphs[before] and words[before] <= _TABLE_TITLE_WORDS and self._ends_with(header, self.texts[before]))
                )
                if end - start >= 2 or titled:
                    opening.update({k: k == end - 1 for k in range(start, end)})
            start = end + 1
        return opening

    @staticmethod
    def _level_title(text: str, header: TermFinder) -> bool:
        """Whether a column title names a performance level as a whole: each of its parts (split
        at "and", "/", "&", "," and brackets) a term of ``header`` ("Performance standard (and
        AQL)", "Performance objective and standard")."""
        parts = [part for part in _TITLE_PARTS.split(text.strip(_TITLE_MARKS)) if part.strip(_TITLE_MARKS)]
        return bool(parts) and all(header.covers(part.strip(_TITLE_MARKS)) is not None for part in parts)

    @staticmethod
    def _ends_with(header: TermFinder, text: str) -> bool:
        """Whether ``text`` ends with a term of ``header``: a table's title run into its first
        column's ("Reporting to the Government Performance objective")."""
        text = text.rstrip(_TITLE_MARKS)
        return any(end == len(text) for _start, end, _name in header.finditer(text))

    def _sanction_rows(self) -> frozenset[int]:
        _, credit, _ = self._table_kinds()
        rows = {s.index for s in self.document.statements if s.kind == "table_row" and s.table in credit}
        return frozenset(rows | self._credit_tiers())

    def _credit_tiers(self) -> set[int]:
        """The items of a tiered list of credits, a credit table written as a list: introduced
        (as for ``non_binding_item``) with words of ``sanction_header`` ("… agrees to credit
        Customer's account:"), two or more of them, each naming the credit or a percentage
        ("`First Uptime SLA Credit Percentage` of Fees for any Billing Period with Uptime …",
        "10 % if …"). A single item is a formula, not tiers."""
        sanction = self.vocabulary.finder("sanction_header")
        if sanction is None:
            return set()
        tiers: dict[int | None, set[int]] = {}
        for i in self._items_introduced_by("sanction_header"):
            if "%" in self.texts[i] or next(sanction.finditer(self.texts[i]), None) is not None:
                tiers.setdefault(self.document.statements[i].lead_in, set()).add(i)
        return {i for items in tiers.values() if len(items) >= 2 for i in items}

    def _table_kinds(self) -> tuple[set[int], set[int], set[int]]:
        """The tables of performance levels, the tables of credits and, in a tender, the tables
        of evaluated wishes (a column's whole title a term of ``evaluation_header``; their price
        deductions are the evaluation's, no sanctions, in a tender or not), by number (read
        once)."""
        if self._tables is None:
            self._tables = (set(), set(), set())
            header = self.vocabulary.finder("performance_header")
            sanction = self.vocabulary.finder("sanction_header")
            evaluation = self.vocabulary.finder("evaluation_header")
            caption = self.vocabulary.finder("performance_caption")
            headers = self.document.table_headers
            captions = self._captions() if caption is not None or sanction is not None else {}
            for number in set(captions) | set(range(1, len(headers) + 1)):
                text = plain_text(headers[number - 1]) if number <= len(headers) else ""
                introduced = plain_text(captions.get(number, ""))
                by_header = header is not None and header.search(text)
                by_caption = caption is not None and caption.search(introduced)
                # a credit table: its header names the credit beside at most one other column, or
                # the words introducing it do ("Financial Credit means the percent … as shown in
                # the following table") and its header names no level of its own
                credit = self._credit_table(text, sanction) or (not by_header and sanction is not None and sanction.search(introduced))
                evaluated = evaluation is not None and any(evaluation.covers(title) for title in text.split(" | "))
                if evaluated and self.tender:
                    self._tables[2].add(number)  # a column titled "Mervärde" or "Bör-krav"
                elif credit and not evaluated:  # its deductions are an evaluation's, in a tender or not
                    self._tables[1].add(number)
                elif by_header or by_caption:
                    self._tables[0].add(number)
        return self._tables

    def _captions(self) -> dict[int, str]:
        """For each table, the words that introduce it: the title of its section and the (at
        most three) statements just before it in that section ("… the Monthly Uptime Percentage
        … as follows (the "SLO"):", "as outlined in the table below")."""
        captions: dict[int, str] = {}
        before: list[str] = []
        section: int | None = None
        titles = {s.index: s.title for s in self.document.sections}
        for statement in self.document.statements:
            if statement.section != section:
                section, before = statement.section, []
            if statement.kind == "table_row":
                if statement.table is not None and statement.table not in captions:
                    captions[statement.table] = " ".join([titles.get(section, "") if section is not None else "", *before[-3:]])
                before = []
            elif statement.kind != "heading":
                before.append(statement.text)
        return captions

    @staticmethod
    def _labelled_row(text: str, header: TermFinder) -> bool:
        """A row of a table written sideways, its first cell the label ("Acceptable Quality
        Level | Minimum of 90 % test coverage", "Due Date | Every sprint")."""
        label, bar, rest = plain_text(text).partition(" | ")
        return bool(bar and rest.strip()) and len(label.split()) <= 6 and header.covers(label.strip(" *:")) is not None

    @staticmethod
    def _credit_table(header: str, sanction: TermFinder | None) -> bool:
        """A two-column table of a level and its credit ("Service level | Service credit") lists
        sanctions; a table with its own target column beside the credit states requirements.
        ``header`` as terms see it (:func:`plain_text`)."""
        return sanction is not None and header.count(" | ") <= 1 and sanction.search(header)

    # -- predicate complements ("shall be easy to use", "ska vara tydlig")
    def predicates(self, adjectives: TermFinder, candidates: frozenset[int]) -> dict[int, tuple[int, int]]:
        """Of ``candidates``, the statements whose main clause's modal is followed by a copula
        whose complement has a term of ``adjectives`` as one of its coordinated heads, each with
        the span of that term (the first) in its text (:attr:`texts`). Each statement is read
        once per finder, by one pass of each finder over the words after its modal."""
        found = self._predicates.setdefault(adjectives, {})
        for i in candidates:
            if i not in found:
                found[i] = self._predicate(i, adjectives)
        return {i: span for i in candidates if (span := found[i]) is not None}

    def _predicate(self, i: int, adjectives: TermFinder) -> tuple[int, int] | None:
        """:meth:`predicates` of one statement. A list item that carries the obligation of its
        lead-in ("The portal shall be:" / "• easy to navigate") is the complement itself when the
        lead-in ends with its copula."""
        words = self.vocabulary.predicate_words
        obligation = self.obligations.get(i)
        if words is None or obligation is None:
            return None
        text = self.texts[i]
        if obligation.end > obligation.start:
            marks = _marks(text, obligation.end, words)
            start = self._after_copula(text, obligation.end, marks)
            return None if start is None else self._complement_term(text, start, marks, adjectives)
        lead = self.document.statements[i].lead_in
        if lead is None or not self._ends_with_copula(lead, words):
            return None
        return self._complement_term(text, 0, _marks(text, 0, words), adjectives)

    def _ends_with_copula(self, lead: int, words: TermFinder) -> bool:
        """Whether lead-in ``lead`` ends with its obligation's copula and a colon ("The portal
        shall be:"). Read once per lead-in, not once per item: a long lead-in with many items
        would cost their product."""
        ends = self._copula_leads.get(lead)
        if ends is None:
            found = self.obligations.get(lead)
            ends = False
            if found is not None and found.end > found.start:
                lead_text = self.texts[lead]
                after = self._after_copula(lead_text, found.end, _marks(lead_text, found.end, words))
                ends = after is not None and lead_text[after:].strip(" *_") == ":"
            self._copula_leads[lead] = ends
        return ends

    @staticmethod
    def _after_copula(text: str, modal_end: int, marks: dict[int, tuple[int, str]]) -> int | None:
        """Where the complement of a copula right after the modal begins: at most
        :data:`_BEFORE_COPULA` words of ``predicate_modifier`` ("not", "also", "alltid") or of an
        inverted subject ("ska systemet vara") may stand between them. None without such a
        copula. ``marks``: :func:`_marks` from the modal's end."""
        position = modal_end
        for _ in range(_BEFORE_COPULA + 1):
            position = _SPACE.match(text, position).end()
            mark = marks.get(position)
            if mark is None or mark[1] == "coordinator":
                return None
            if mark[1] == "copula":
                return mark[0]
            position = mark[0]
        return None

    @staticmethod
    def _complement_term(text: str, start: int, marks: dict[int, tuple[int, str]], adjectives: TermFinder) -> tuple[int, int] | None:
        """The first term of ``adjectives`` that heads an adjective of the complement beginning at
        ``start``: the complement is one or more heads joined by "," or a ``coordinator`` ("clear,
        concise and complete"), each head after any ``predicate_modifier`` ("sufficiently
        robust", "mycket enkel"). A head that is no term is one word; what follows it other than
        a comma or a coordinator ends the complement ("compliant with …", "the responsibility of …").
        Each word is looked at once: the walk is linear in the complement."""
        terms = {start + s: start + e for s, e, _name in adjectives.finditer(text[start:])}
        position, head_expected = start, True
        while True:
            position = _SPACE.match(text, position).end()
            if position >= len(text):
                return None
            mark = marks.get(position)
            if head_expected:
                if position in terms:
                    return (position, terms[position])
                if mark is not None and mark[1] in ("predicate_modifier", "coordinator"):
                    position = mark[0]
                    continue
                head = _HEAD_WORD.match(text, position)
                if head is None:
                    return None
                position, head_expected = head.end(), False
            elif text[position] == ",":
                position, head_expected = position + 1, True
            elif mark is not None and mark[1] == "coordinator":
                position, head_expected = mark[0], True
            else:
                return None

    def span(self, i: int) -> tuple[int, int] | None:
        found = self.obligations.get(i)
        return (found.start, found.end) if found is not None and found.end > found.start else None

    def party_of(self, statement: Statement) -> str | None:
        found = self.obligations.get(statement.index)
        return found.party if found is not None else None

    def _gerund_tasks(self) -> frozenset[int]:
        """The statements of :meth:`_gerund_task_openings` that the supplier's work surrounds:
        a list item's introduction (:meth:`_item_introductions`) with words of ``task_heading``
        or ``task_lead_in`` ("Contractor responsibilities:", "The scope of this contract
        includes:"), else, for a paragraph or an item with none, the title of its section or of
        that section's parent ("Task 3 – Help Desk", "Scope of Work"), where it names no buyer
        ("Government Responsibilities" are the buyer's). Only in a tender or an
        attachment of one: in a vendor's terms a gerund describes the service, binding nobody."""
        openings = self._gerund_task_openings()
        if not openings or not (self.tender or self._titled_as_attachment()):
            return frozenset()
        finders = [f for f in (self.vocabulary.finder("task_heading"), self.vocabulary.finder("task_lead_in")) if f is not None]
        if not finders:
            return frozenset()

        buyer = self.vocabulary.finder("party_buyer")

        def says(text: str) -> bool:  # names the work, not the buyer's ("Government Responsibilities")
            words = text.replace("*", "").replace("_", " ")
            return any(f.search(words) for f in finders) and (buyer is None or not buyer.search(words))

        introduced = {item: lead for item, lead in self._item_introductions}
        sections = self.document.sections
        # Each introduction's and each section's answer is worked out once, not once for each task
        # under it: a long introduction (or title) over many tasks would cost their product.
        leads: dict[int, bool] = {}
        titles: dict[int, bool] = {}  # section → whether its own title says so

        def titled(section: int) -> bool:
            if section not in titles:
                titles[section] = says(sections[section].title)
            return titles[section]

        found: set[int] = set()
        for i in openings:
            statement = self.document.statements[i]
            lead = introduced.get(i)
            if lead is not None:
                if lead not in leads:
                    leads[lead] = says(self.texts[lead])
                if leads[lead]:
                    found.add(i)
                continue
            section = statement.section
            if section is None:
                continue
            parent = sections[section].parent
            if titled(section) or (parent is not None and titled(parent)):
                found.add(i)
        return frozenset(found)

    def _present_tasks(self) -> frozenset[int]:
        """The duties written in the third person present without their subject, as a job
        description or a performance objective lists a post's duties ("1.1.4. Provides direct
        hands-on patient care …", "Performance Objective (General)" / "1. Practices within
        guidelines established by MTF …", "Procures complex and diversified commodities …"):
        grammar with the post as its understood subject, which no running text writes. A
        sentence or list item with no obligation of its own whose first word (after its list
        mark or number), or first two ("Responsible for", "Adheres to"), are a term of
        ``task_present``; of :data:`_GERUND_TASK_WORDS` words or more, not a title (title-cased
        with no full stop: a duty's sentence may name offices, "… with the Chief, Hospital
        Services, Medical Director."; or in capitals, whatever its last mark: a form's field,
        "RESPONSIBLE FOR THE WORK OF ____ CONTRACT EMPLOYEES."), and a comma after the verb ("Implements, evaluates and …")
        or the word after the verb no finite verb, "of", "and" nor a participle
        (:data:`_NOT_AFTER_DUTY_VERB`: a plural noun as subject, "Documents include …"); nor
        a word of ``task_present_noun`` with a plural verb of its own later in the sentence
        (:data:`_PLURAL_VERB`: "Documents such as the PWS are attached …"). Only
        in a tender or an attachment of one, as for ``gerund_task``: a vendor's feature list
        ("Includes 24/5 support") describes its service. Any sentence of a paragraph, not only its
        first: a job description writes each duty so ("Provides direct hands-on patient care …
        Performs triage …")."""
        verbs = self.vocabulary.finder("task_present")
        if verbs is None or not (self.tender or self._titled_as_attachment()):
            return frozenset()
        nouns = self.vocabulary.finder("task_present_noun")
        found: set[int] = set()
        for statement in self.document.statements:
            i = statement.index
            if statement.kind not in ("sentence", "list_item") or i in self.obligations:
                continue
            text = self.texts[i]
            opening = _OPENING_WORDS.match(text)
            if opening is None or not opening[1][0].isupper() or len(text.split()) < _GERUND_TASK_WORDS:
                continue
            if (_title_cased(text) and not text.rstrip(" *_").endswith(".")) or text.upper() == text:
                continue  # a title ("Provides Tier 1 Help Desk Support"), not a duty's sentence that names offices; a form's line in capitals
            first, second, third = opening[1], opening[2], opening[3]
            if text[opening.end(1) : opening.end(1) + 1] == ",":
                second = third = ","  # "Implements, evaluates and …": verbs in a row
            if second is not None and verbs.covers(f"{first} {second}") is not None:
                after = third
            elif verbs.covers(first) is not None:
                after = second
            else:
                continue
            if after is None or _NOT_AFTER_DUTY_VERB.fullmatch(after) is not None:
                continue
            if nouns is not None and nouns.covers(first) is not None and _PLURAL_VERB.search(text, opening.end(1)):
                continue  # "Documents in the reading room are available …": the noun, subject of its own verb
            found.add(i)
        return frozenset(found)

    def _gerund_task_openings(self) -> list[int]:
        """The paragraphs' and list items' first sentences that have no obligation of their own
        and open with a gerund of ``task_gerund`` as a task ("Providing help desk support to all
        users.", "Responding to incidents within the hours set"): of :data:`_GERUND_TASK_WORDS`
        words or more, and no subject of a finite verb in its own clause
        (:data:`_FINITE_AFTER_GERUND`: "Documenting surveillance is of major importance") nor
        the opener of a main clause after it (:data:`_MAIN_CLAUSE_AFTER`)."""
        gerunds = self.vocabulary.finder("task_gerund")
        if gerunds is None:
            return []
        statements = self.document.statements
        found: list[int] = []
        for statement in statements:
            i = statement.index
            if statement.kind not in ("sentence", "list_item") or i in self.obligations:
                continue
            if not self._opens_block(i):
                continue
            text = self.texts[i]
            opening = _OPENING_GERUND.match(text)
            if opening is None or gerunds.covers(opening[1]) is None or len(text.split()) < _GERUND_TASK_WORDS or _title_cased(text):
                continue
            clause = _GERUND_CLAUSE.match(text, opening.end())
            subordinate = _CLAUSE_OPENER.search(clause[0])
            own = clause[0][: subordinate.start()] if subordinate else clause[0]
            if _FINITE_AFTER_GERUND.search(own) is None and _MAIN_CLAUSE_AFTER.match(text, clause.end()) is None:
                found.append(i)
        return found
