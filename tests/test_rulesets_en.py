"""The shipped English rulesets: their examples pass, and their key decisions hold."""

from __future__ import annotations

import pytest

from checker.engine import check_document, trace
from checker.readers.markdown import read_markdown
from checker.rulecompile import load_ruleset, load_rulesets
from checker.ruletest import rules_without_examples, run_examples

ENGLISH = ("en-base", "en-requirements", "en-contract", "en-rfp")


@pytest.fixture(scope="module")
def rulesets():
    return load_rulesets(ENGLISH)


def findings(text: str, rulesets) -> list[str]:
    """Short rule ids of the findings for a Markdown text."""
    document = read_markdown(text, "test.md", language="en")
    return [f.rule.split("/")[1] for f in check_document(document, rulesets).findings]


def requirements(text: str) -> list[str]:
    """The statements en-base classifies as requirements."""
    ruleset = load_ruleset("en-base")
    document = read_markdown(text, "test.md", language="en")
    result = check_document(document, [ruleset])
    classification = result.classifications[0]
    return [document.statements[i].text for i in sorted(classification.statements_of_class("requirement"))]


@pytest.mark.parametrize("name", ENGLISH)
def test_every_example_passes_and_every_rule_has_both_kinds(name: str) -> None:
    ruleset = load_ruleset(name)
    assert ruleset.language == "en"
    failures = [outcome.describe() for outcome in run_examples(ruleset) if not outcome.passed]
    assert failures == []
    assert rules_without_examples(ruleset) == []


def test_base_has_no_rules_and_each_rule_runs_once(rulesets) -> None:
    by_name = {r.name: r for r in rulesets}
    assert by_name["en-base"].rules == []
    owners = [rule.full_id for r in rulesets for rule in r.rules]
    assert len(owners) == len(set(owners))


def test_should_is_no_requirement_and_government_will_is_the_buyers() -> None:
    text = (
        "The Contractor shall deliver the plan.\n\n"
        "The Contractor should deliver the plan.\n\n"
        "The Government will evaluate the plan.\n\n"
        "The Contractor will deliver the plan.\n\n"
        "The Contractor will be paid monthly.\n"
    )
    assert requirements(text) == ["The Contractor shall deliver the plan.", "The Government will evaluate the plan.", "The Contractor will deliver the plan."]


def test_what_remains_in_force_is_a_term_but_insurance_kept_in_force_a_duty() -> None:
    """A provision that "shall remain in full force and effect" says what a term does; insurance,
    a bond or a certification the supplier keeps in force is its duty (found by review11b)."""
    text = (
        "If any provision is found invalid, the remaining provisions shall remain in full force and effect.\n\n"
        "The Contractor's insurance shall remain in force for the term of the contract.\n\n"
        "The performance bond shall remain in full force until final acceptance.\n"
    )
    assert requirements(text) == [
        "The Contractor's insurance shall remain in force for the term of the contract.",
        "The performance bond shall remain in full force until final acceptance.",
    ]


def test_an_item_of_the_experience_asked_is_a_requirement_without_a_party() -> None:
    text = "Broadly, a team assigned to build the prototype is expected to have experience with:\n\n- Creating form-based applications\n- Cloud deployment\n"
    assert requirements(text) == ["Creating form-based applications", "Cloud deployment"]


@pytest.mark.parametrize(
    "task",
    [
        "Track all changes to the configuration.",
        "Document and advise alternative solutions for reported defects.",
        "Answer questions about usage.",
        "Complete information requests.",
    ],
)
def test_a_task_command_is_a_requirement_whatever_word_follows_its_verb(task: str) -> None:
    # the words after a verb that also opens a noun phrase are tried longest first: "a" must not stop "all" or "and"
    assert requirements(task) == [task]


def test_a_deliverable_that_is_due_is_a_requirement_and_an_amount_due_is_not() -> None:
    text = "This release of claims is due within 15 calendar days of final payment.\n\nAll amounts are due within 30 days after the invoice date.\n"
    assert requirements(text) == ["This release of claims is due within 15 calendar days of final payment."]


def test_a_verbless_line_of_a_deliverables_list_with_its_due_date_is_a_requirement() -> None:
    text = (
        "Monthly Invoices and Supporting Documentation Due to the COR & Contracting Officer on or before the 15th of the month.\n\n"
        "Bi-Weekly Status Report Due every other Monday by 9:00 AM to the Contracting Officer.\n\n"
        "Due to the Government's delay on the award, the kickoff moved.\n\n"
        "Balance Due on receipt of the invoice.\n"
    )
    assert requirements(text) == [
        "Monthly Invoices and Supporting Documentation Due to the COR & Contracting Officer on or before the 15th of the month.",
        "Bi-Weekly Status Report Due every other Monday by 9:00 AM to the Contracting Officer.",
    ]


def test_an_acceptance_criterion_is_a_requirement() -> None:
    text = "Acceptance Criteria (AC): Data will end up in a database.\n\nAC: ability to post quarterly.\n\nAcceptance criteria:\n"
    assert requirements(text) == ["Acceptance Criteria (AC): Data will end up in a database.", "AC: ability to post quarterly."]


def test_a_user_story_of_several_roles_is_a_requirement() -> None:
    text = (
        "As an API user, I would like to write new records.\n\n"
        "As a Certification Team Manager, a Policy Team Member and an Applicant, I want to see the certificate history.\n\n"
        "As noted above, the work is done in sprints.\n"
    )
    assert requirements(text) == [
        "As an API user, I would like to write new records.",
        "As a Certification Team Manager, a Policy Team Member and an Applicant, I want to see the certificate history.",
    ]


@pytest.mark.parametrize(
    "level",
    [
        "within 4 hours",
        "99.5 % of the time",
        "within ten (10) business days",
        "no later than the 5th",
        "at least two",
        "by 15 May 2026",
        "$500",
        "twice a year",
        "at 14 inches",
        "at the completion of the task order",
        "upon expiration of the contract",
    ],
)
def test_a_stated_level_silences_vague_words(level: str, rulesets) -> None:
    assert "RQ001" in findings("The Contractor shall provide adequate support.", rulesets)
    assert "RQ001" not in findings(f"The Contractor shall provide adequate support {level}.", rulesets)


def test_a_hedged_number_is_no_level_unless_a_tolerance_bounds_it(rulesets) -> None:
    assert "RQ018" in findings("The Contractor shall deliver the report within approximately 5 business days.", rulesets)
    assert "RQ018" not in findings("The Contractor shall deliver approximately 40 hours of training, within 10 %.", rulesets)
    assert "RQ018" not in findings("The Contractor shall deliver the report within 5 business days.", rulesets)


def test_priority_labels_are_not_levels(rulesets) -> None:
    assert "RQ002" in findings("The Contractor shall resolve Priority 1 incidents promptly.", rulesets)


def test_missing_clauses_only_for_contracts(rulesets) -> None:
    specification = "# 3 Requirements\n\nR-1 The Contractor shall clean the offices daily.\n"
    contract = "This Agreement is made between the Authority and the Supplier.\n\n" + specification
    assert not [r for r in findings(specification, rulesets) if r.startswith("CT1")]
    assert {"CT110", "CT112", "CT118"} <= set(findings(contract, rulesets))


def test_schedule_leaves_general_clauses_to_the_main_agreement(rulesets) -> None:
    schedule = "This Schedule forms part of the Agreement. Service credits are set out in Table 1.\n"
    found = set(findings(schedule, rulesets))
    assert not found & {"CT102", "CT103", "CT104", "CT110", "CT112", "CT118", "CT119"}


def test_solicitation_rules_need_a_solicitation(rulesets) -> None:
    guide = "Performance standards are offeror-proposed. The Contractor shall report monthly.\n"
    assert not [r for r in findings(guide, rulesets) if r.startswith("RFP")]
    rfp = (
        "# Request for Proposals\n\nOfferors must submit proposals by email.\n\nEach offeror shall name a contact person.\n\nThis RFQ covers one call order.\n"
    )
    assert {"RFP004", "RFP006"} <= set(findings(rfp, rulesets))
    statement_of_work = "# Statement of work\n\nThe Contractor shall report monthly, as the solicitation says.\n\nThe Contractor shall attend sprint reviews.\n"
    assert not [r for r in findings(statement_of_work, rulesets) if r.startswith("RFP0")]  # a mention makes no solicitation


def test_curly_apostrophes_match(rulesets) -> None:
    assert "RQ003" in findings("The Contractor shall repaint the walls at the contractor’s discretion.", rulesets)


def _classes(text: str, name: str) -> list[str]:
    """The statements en-contract puts in class ``name`` (a define)."""
    document = read_markdown(text, "test.md", language="en")
    result = check_document(document, [load_ruleset("en-contract")])
    return [document.statements[i].text for i in sorted(result.classifications[0].statements_of_class(name))]


def test_blanket_clauses_cover_all_work_not_a_mention_of_the_agreement() -> None:
    text = (
        "The Customer may audit the Supplier's compliance with this Agreement.\n\n"
        "The Government may require re-performance of any nonconforming service.\n\n"
        "The Government may terminate this contract for default.\n\n"
        "The QASP may be updated by modification to this contract.\n\n"
        "Availability is reported monthly under this Agreement.\n\n"
        "The COR inspects all work performed under this order.\n\n"
        "Valid customer complaints about all work orders shall not exceed 5 per month.\n"
    )
    assert _classes(text, "blanket") == [
        "The Customer may audit the Supplier's compliance with this Agreement.",
        "The Government may require re-performance of any nonconforming service.",
        "The Government may terminate this contract for default.",
        "The COR inspects all work performed under this order.",
    ]


def _about(text: str, topic: str) -> list[str]:
    """The statements en-contract reads as about ``topic`` (a list of its ``topics``)."""
    document = read_markdown(text, "test.md", language="en")
    classification = check_document(document, [load_ruleset("en-contract")]).classifications[0]
    return [s.text for s in document.statements if topic in classification.topics_of(s.index)]


def test_staffing_is_the_level_of_staff_not_a_mention_of_staff() -> None:
    """Staffing as a topic is what is measured of it: key personnel, vacancies, the staffing
    level, guard posts. "Personnel" and "staff" name who does any duty ("Contractor personnel
    shall use e-mail …") or are part of a title ("Chief of the Medical Staff", "Quality Assurance
    Personnel"): as topic words they linked a complaints report to every duty of the
    contractor's personnel (dev: follow-up strict 1016 -> 1020/1180)."""
    staffing = [
        "Key personnel shall not be replaced without 30 days notice.",
        "Vacancies shall be filled within 10 working days.",
        "The staffing level shall not fall below 12 physicians.",
    ]
    other = [
        "Complaints validated by the Quality Assurance Personnel and Chief of the Medical Staff shall be reported in writing to the CO.",
        "Contractor personnel shall use electronic mail in accordance with AFI 33-119.",
    ]
    assert _about("\n\n".join(staffing + other) + "\n", "topic_staffing") == staffing


def test_a_breach_of_one_clause_is_no_breach_of_every_obligation() -> None:
    """ "Any breach of this clause 9" names the clause its consequence covers; "any breach" of the
    contract covers every obligation (blanket)."""
    scoped = "Supplier shall pay a penalty of 5 % of the order value for any breach of this clause 9 by Supplier."
    every = "Supplier shall pay a penalty of 5 % of the order value for any breach."
    assert _classes(f"{scoped}\n\n{every}\n", "blanket") == [every]
    warranty = (
        "The Customer's only remedy for any breach of this warranty will be, at the Supplier's option and expense,"
        " to repair the Software or refund the unused, prepaid Fees."
    )
    assert _classes(f"{warranty}\n\n{every}\n", "blanket") == [every]


def test_an_indemnity_is_liability_for_losses_not_a_sanction() -> None:
    """An indemnity against losses is general damages liability, which labelling.md §2 says is no
    sanction; a refund or a credit for a missed level is one."""
    indemnity = "Supplier shall indemnify the Customer against all liabilities arising from the use of the Software."
    refund = "If the Supplier misses the delivery date, the Supplier shall refund 10 % of the fee."
    assert _classes(f"{indemnity}\n\n{refund}\n", "sanction") == [refund]


def test_status_reports_and_acceptance_of_all_deliverables_are_blanket_follow_up() -> None:
    """A status or progress report reports on all the work, and an acceptance of "all periodic
    reports and task deliverables" covers every deliverable: blanket follow-up (labelling.md),
    the second limited to deliverables and reports (scope_limit). A credit for late status
    reports is a sanction about them, not a blanket clause."""
    text = (
        "The Contractor shall submit a status report after each sprint.\n\n"
        "The Government will inspect, test, review and accept all periodic reports and task deliverables.\n\n"
        "The COR will inspect and accept all project deliverables within 5 days.\n\n"
        "A service credit of 2 % applies for each late progress report.\n\n"
        "The COR will inspect the deliverables of the migration.\n"
    )
    assert _classes(text, "blanket") == [
        "The Contractor shall submit a status report after each sprint.",
        "The Government will inspect, test, review and accept all periodic reports and task deliverables.",
        "The COR will inspect and accept all project deliverables within 5 days.",
    ]
    assert _classes(text, "scope_limit") == _classes(text, "blanket")[1:]


def test_a_sprint_review_surveys_each_deliverable(rulesets) -> None:
    """en-rfp reads a sprint review as en-contract does (en-base's sprint_review): a deliverables
    table under it has its surveillance method."""
    surveillance = "Work will be conducted in two-week sprints and reviewed at the end of each sprint for acceptability."
    table = (
        "# 5 Deliverables\n\n| Deliverable | Due date | Description |\n| --- | --- | --- |\n"
        "| Development prototype | End of the second sprint | A prototype on the staging server |\n"
    )
    assert "RFP012" in findings(table, rulesets)
    assert "RFP012" not in findings(f"# 3 Quality\n\n{surveillance}\n\n{table}", rulesets)


def test_a_duty_dated_by_the_final_acceptance_checks_nothing() -> None:
    """ "Within 7 calendar days after the Government's final acceptance of the work" dates the
    return of the badges; the buyer's final acceptance of the deliverables is its check."""
    dated = "Within 7 calendar days after the Government's final acceptance of the work, the Contractor shall return all badges."
    check = "The COR will provide written final acceptance of all deliverables."
    assert _classes(f"{dated}\n\n{check}\n", "followup") == [check]


def test_termination_is_a_right_to_end_the_contract_not_the_word() -> None:
    text = (
        "The Authority may terminate this Agreement for material breach.\n\n"
        "The CO is the only individual authorized to enter into, administer, and/or terminate contracts.\n\n"
        "The Province may, at any time, terminate the competition without award.\n"
    )
    assert _classes(text, "termination") == ["The Authority may terminate this Agreement for material breach."]


def test_the_customers_access_cut_off_is_no_termination_right() -> None:
    """The supplier suspending the customer, said with a passive of its access (labelling.md section
    3: not the customer's right to end the contract); the contract terminated still is one."""
    assert "termination" not in _present("If the balance is zero, the Customer's access to the Service and files is terminated.\n")
    assert "termination" in _present("The Authority may terminate this Agreement if the Supplier's access to the site is revoked.\n")


def _present(text: str) -> set[str]:
    """The balance elements the shipped English rulesets find present in a Markdown text."""
    from checker.balance import balance

    document = read_markdown(text, "test.md", language="en")
    return {key for key, element in balance(check_document(document, load_rulesets(ENGLISH))).items() if element.present}


def test_weak_clauses_of_a_balance_element_make_it_present() -> None:
    """A weak clause counts (labelling.md section 3 labels it partial): the customer ending the
    agreement, a CO resolving differences, review calls, iterative improvement, requirements
    refined later, work reviewed for acceptability, the GSAR option for quality performance."""
    text = (
        "If the Customer ends this agreement after three months of low uptime, the Provider refunds all fees.\n\n"
        "The Contracting Officer is responsible for resolving any differences between the observations of the parties.\n\n"
        "The account manager will participate in review calls every other week.\n\n"
        "The contractor will iteratively improve the software through ongoing development sprints.\n\n"
        "These user stories may be refined by later sprints.\n\n"
        "Work will be reviewed at the end of each sprint for acceptability.\n\n"
        "GSA has included an option to extend the term of this contract in order to demonstrate the value it places on quality performance.\n"
    )
    assert {"termination", "dispute", "governance", "improvement", "change", "acceptance", "incentive"} <= _present(text)


def test_the_standard_the_work_must_meet_to_be_acceptable_is_an_acceptance_clause() -> None:
    """Acceptance criteria said of the work (labelling.md section 3; the custodial SOW's "All
    services performed must meet the prescribed standards … to be regarded as acceptable"); a
    format the buyer finds acceptable says nothing of the work."""
    assert "acceptance" in _present(
        "All services performed must meet the prescribed standards stated in the Service Delivery Summary to be regarded as acceptable.\n"
    )
    assert "acceptance" in _present("Contractor performance that meets the acceptable quality level will be deemed acceptable.\n")
    assert "acceptance" not in _present("Resumes may be submitted in any other format deemed acceptable by the offeror.\n")
    assert "acceptance" in _present(
        "The work product delivered by the contractor will be reviewed and approved for acceptance by the Contracting Officer/COR upon delivery.\n"
    )


def test_acceptance_that_follows_a_review_or_approval_is_an_acceptance_clause() -> None:
    """How the buyer accepts, by what the clause does (labelling.md section 3, partial): acceptance
    after inspection and testing or dependent on an approval, a deliverable's review and acceptance,
    a deliverable reviewed and approved; a review alone, or a tender's evaluation, is none."""
    assert "acceptance" in _present("Acceptance occurs only after satisfactory inspection and testing.\n")
    assert "acceptance" in _present("The CO/COR's acceptance of the vendor product is dependant on the Product Owner's approval.\n")
    assert "acceptance" in _present("The contractor shall deliver the draft SOP for COTR review and acceptance.\n")
    assert "acceptance" in _present("Each deliverable will be reviewed and approved by the COR within ten business days.\n")
    assert "acceptance" not in _present("The COR will review the monthly report.\n")
    assert "acceptance" not in _present("Proposals will be reviewed and approved by the evaluation panel.\n")


def test_a_notice_before_a_feature_is_withdrawn_is_a_change_procedure() -> None:
    """How the service changes (labelling.md section 3, partial; CDS's SLA): the notice given in
    advance before a feature or service is withdrawn; a withdrawal with no notice is none."""
    assert "change" in _present("If a feature in GC Forms will no longer be available, CDS will notify clients 2 months in advance.\n")
    assert "change" in _present("We will notify the Customer at least 90 days before we discontinue a Service.\n")
    assert "change" not in _present("The Provider may discontinue the free tier.\n")
    assert "change" not in _present("Offerors may withdraw proposals by written notice received before award.\n")
    assert "change" not in _present("If key personnel will no longer be available, the Contractor shall notify the COR 15 days in advance.\n")


def test_a_modification_is_a_change_procedure_when_it_changes_the_contract() -> None:
    """A modification, amendment or variation of the contract is a change procedure (labelling.md
    section 3); one of a product, a proposal or an item in a list of published documents is none
    (the development labels of GitHub's agreement, cloud.gov's policies). Partial procedures count:
    a key person substituted with approval, changes to the contract referred to the CO, changes
    to the solicitation."""
    assert "change" in _present("Any amendments to this Agreement must be in writing.\n")
    assert "change" in _present("The QASP may be updated by a bilateral modification.\n")
    assert "change" not in _present("GitHub will have no obligation for any claim arising from the modification of the Software.\n")
    assert "change" not in _present(
        "cloud.gov will publish data associated with each auction (including the auction description, acceptance criteria, amendments, etc.).\n"
    )
    assert "change" in _present("All requests for substitutions/additions of Key Personnel must include a complete resume.\n")
    assert "change" in _present("Any changes that the contractor deems may affect contract price, terms, or conditions shall be referred to the CO.\n")
    assert "change" in _present("Any changes to this RFQ or attachments will be posted as an amendment on GSA eBuy.\n")


def test_a_dispute_about_the_tender_is_no_dispute_clause() -> None:
    assert "dispute" not in _present("In case of a dispute, the Proposal receipt time, as recorded at the Closing Location, will prevail.\n")
    assert "dispute" in _present("Any dispute arising under this contract shall be decided by the Contracting Officer.\n")
    # "Review call logs" is a surveillance method, not a meeting
    assert "governance" not in _present("The COR will review call logs every month.\n")


def test_a_balance_element_is_a_clause_not_a_definition_a_question_or_the_suppliers_right() -> None:
    """Clause presence (labelling.md section 3): a word in a definition is not a clause, a question
    asks for one, a party suspending or ending the customer's account is not the customer's right to
    terminate, and a guard's jurisdiction is not a court's."""
    assert "acceptance" not in _present('"**Acceptance Date**" means the date the Customer signs the acceptance certificate.\n')
    assert "change" not in _present('"**Change Request**" means a written request to change the Services.\n')
    assert "dispute" not in _present("How will you resolve disputes with subcontractors?\n")
    assert "termination" not in _present("The Provider may suspend or terminate the Customer's account if the Customer fails to pay.\n")
    assert "termination" in _present("The Customer may terminate this Agreement if the Provider fails to meet the Uptime Commitment.\n")
    assert "termination" in _present("The Contractor may be terminated for default if it fails to perform.\n")
    # the customer's right stays one beside the supplier's (a mutual right, a ground that the supplier suspends)
    assert "termination" in _present("Either the Customer or the Provider may terminate this Agreement on 30 days written notice.\n")
    assert "termination" in _present("The Customer may terminate this Agreement if the Provider suspends access to the Service for 5 days.\n")
    assert "dispute" not in _present("Security officers shall act within the jurisdiction of the local police.\n")
    assert "dispute" in _present("The courts of England have exclusive jurisdiction over this Agreement.\n")
    # late quotes refused are the solicitation's rule, not acceptance of the work
    assert "acceptance" not in _present("Late quotations will not be accepted by the Government.\n")
    assert "change" in _present("The Province may modify the terms of the RFP at any time before the Closing Time.\n")


def test_a_credit_table_in_the_clause_gives_the_credit_its_amount(rulesets) -> None:
    clause = "## 4 Service credits\n\nIf the Uptime Commitment is not met in a month, the Customer is entitled to a service credit.\n\n"
    table = "| Uptime in the month | Service credit |\n|---|---|\n| 99.0 % to 99.5 % | 10 % of the monthly fee |\n| below 99.0 % | 30 % of the monthly fee |\n"
    assert "CT003" in findings(clause, rulesets)
    assert "CT003" not in findings(clause + table, rulesets)
    # another sanction's amount in the same clause is not this one's
    other = "Late delivery of the migration plan gives rise to liquidated damages of $500 per day.\n"
    assert "CT003" in findings(clause + other, rulesets)


def test_an_exclusive_remedy_clause_limits_sanctions_and_adds_none() -> None:
    text = (
        "A service credit of 5 % of the monthly fee applies for each Service Level missed.\n\n"
        "Service credits are the Customer's sole and exclusive remedy for unavailability.\n"
    )
    assert _classes(text, "sanction") == ["A service credit of 5 % of the monthly fee applies for each Service Level missed."]


def test_a_limit_of_liability_and_a_question_are_no_sanctions() -> None:
    text = (
        "The Contractor shall pay liquidated damages of $500 for each day of delay.\n\n"
        "The Province will not be liable to any Proponent for any claims, whether for costs, expenses or damages.\n\n"
        "Will the Government withhold payment for late reports?\n"
    )
    assert _classes(text, "sanction") == ["The Contractor shall pay liquidated damages of $500 for each day of delay."]


def test_an_exclusion_or_a_claim_beside_a_sanction_leaves_the_sanction_standing() -> None:
    sanctions = [
        "The Supplier shall credit the Customer 10 % of the monthly fee, except that this credit does not apply to scheduled maintenance.",
        "The Supplier shall pay liquidated damages of USD 500 per day of delay, and the Customer may submit a claim for them within 60 days.",
        "The Customer may terminate this Agreement, and the Customer will not be liable for any early termination fee.",
    ]
    others = [
        "Service credits do not apply to scheduled maintenance.",
        "To receive a Service Credit, the Customer must submit a claim within 30 days.",
    ]
    assert _classes("\n\n".join(sanctions + others) + "\n", "sanction") == sanctions


def test_payment_only_after_acceptance_is_a_blanket_sanction() -> None:
    text = "The contractor may invoice once services have been delivered, inspected and accepted by the COR.\n\nThe contractor shall invoice monthly.\n"
    accepted = "The contractor may invoice once services have been delivered, inspected and accepted by the COR."
    assert _classes(text, "sanction") == [accepted]
    assert _classes(text, "blanket") == [accepted]


def test_payment_approved_only_for_acceptable_invoices_sanctions_the_invoicing_instructions() -> None:
    """ "If the invoices are acceptable, the COR will approve them for payment": an unacceptable
    invoice is not paid, withheld payment (labelling.md) for what the invoice must be, not for
    the work it bills (scope_invoicing)."""
    approval = "If the invoices are acceptable, then the Project Manager and COR will approve them for payment."
    text = (
        "The Contractor shall submit only one invoice per month per order.\n\n"
        "The Contractor shall deliver the migration plan within 10 days of award.\n\n"
        f"{approval}\n"
    )
    assert _classes(text, "sanction") == [approval]
    assert _classes(text, "blanket") == [approval]
    document = read_markdown(text, "test.md", language="en")
    rows = {row.text: row for row in trace(check_document(document, [load_ruleset("en-contract")]))}
    assert [(link.how, link.text) for link in rows["The Contractor shall submit only one invoice per month per order."].sanction] == [("blanket", approval)]
    assert rows["The Contractor shall deliver the migration plan within 10 days of award."].sanction == []


def test_when_the_supplier_claims_its_payment_no_blanket_sanction_reaches() -> None:
    """When the supplier invoices is its own affair (claim_timing, the engine's
    no_blanket_sanction): a late invoice delays its own payment. Withheld payment for an
    unacceptable invoice sanctions the invoice's contents, the rejection of all deliverables the
    work; neither the invoice's deadline nor the release of claims after final payment (labelling.md
    §2; the 18F PWSs' labels: "invoicing timing … late submission has no stated consequence")."""
    approval = "If the invoices are acceptable, then the Project Manager and COR will approve them for payment."
    timing = [
        "The Contractor shall submit a final invoice within 60 calendar days after the end of the performance period.",
        "The contractor’s invoice will be submitted monthly for work performed in the prior month.",
        "The Contractor shall request an extension from the COR for final invoices that may exceed the 60-day time frame.",
        "This release of claims is due within 15 calendar days of final payment.",
    ]
    contents = [
        "The Contractor shall submit only one invoice per month per order.",
        "The period of performance for each invoice shall be for one calendar month.",
    ]
    text = "\n\n".join([*timing, *contents, approval, "The COR may reject all deliverables."]) + "\n"
    assert _classes(text, "no_blanket_sanction") == timing
    document = read_markdown(text, "test.md", language="en")
    rows = {row.text: row for row in trace(check_document(document, [load_ruleset("en-contract")]))}
    for sentence in contents:
        assert [(link.how, link.text) for link in rows[sentence].sanction] == [("blanket", approval)]
    assert timing[0] in rows
    for sentence in timing:
        assert sentence not in rows or rows[sentence].sanction == []


def test_a_draft_returned_for_revision_and_a_penalized_offer_are_no_sanctions() -> None:
    """A draft returned for revision is the review a draft is written for, and a proposal
    "penalized" in the evaluation is the solicitation's rule: neither is a consequence for the
    supplier (found in review). A rejected deliverable returned for correction and a penalized
    award term are."""
    sanctions = [
        "Rejected deliverables will be returned to the contractor for correction within 5 days.",
        "A composite score below 12 points is penalized half a year of award term.",
    ]
    others = [
        "The draft report will be returned to the contractor for revision within 5 days.",
        "Draft deliverables that are rejected shall be resubmitted within 3 days.",
        "Proposals that exceed the page limit will be penalized.",
        "Offerors who submit late quotes will be penalized in the evaluation.",
    ]
    assert _classes("\n\n".join(sanctions + others) + "\n", "sanction") == sanctions


def test_payment_after_an_accepted_invoice_is_no_sanction() -> None:
    assert _classes("Payment is made within 30 days after an invoice is accepted.\n", "sanction") == []


def test_a_bare_list_introduction_is_no_requirement_but_its_items_are() -> None:
    text = """
    The Contractor shall provide the following services:

    - Maintain the help desk from 08:00 to 18:00 on business days.
    - Deliver a monthly report by the 5th business day.

    Contractor personnel shall have a strong technical background in the following:

    - Ruby on Rails
    """
    found = requirements(text)
    assert "The Contractor shall provide the following services:" not in found
    assert "Maintain the help desk from 08:00 to 18:00 on business days." in found
    assert "Contractor personnel shall have a strong technical background in the following:" in found  # it says something


@pytest.mark.parametrize(
    "clause",
    [
        "Refusal to provide the requested information by an Offeror shall disqualify the Offeror from further consideration.",
        "Written notice to a Proponent that it has been identified as the successful Proponent will constitute a Contract.",
        "Financial Credit shall be the sole and exclusive remedy for breach of this SLA.",
        "In the event of a dispute regarding whether vehicles meet the requirements, the Contracting Officer shall make the final decision.",
        "Provider agrees to credit Customer's account for each Billing Period with low Uptime.",
        "The amount of Service Credits credited to the Customer in a single month shall not exceed: 10%.",
        "Credits given for Downtime may not exceed 50% of the Average Run Credits for the month in question.",
        "Compensation will discount the Service Fees in Reporting Period, and may not be used otherwise.",
        "Compensation amount for each Service will, under no circumstances, exceed the total cost of the Service usage.",
    ],
)
def test_consequences_remedies_and_caps_written_with_shall_are_no_requirements(clause: str) -> None:
    assert requirements(clause + "\n") == []


@pytest.mark.parametrize(
    "clause",
    [
        "Under no circumstances will either party be liable to the other for lost profits or revenues.",
        "Provider and Customer agree to calculate availability as the total number of Available Minutes minus the minutes of Downtime.",
        "Service Credits may not be exchanged for, or converted to, monetary amounts.",
        "Each shock shall reduce the Contract Price by 5.00 USD.",
        "These meetings shall be at no additional cost to the government.",
        "PLEASE SEE THE LAST PAGE FOR HELPFUL HINTS FROM THE SEVEN STEPS TEAM:",
        "PLEASE NOTE “HELPFUL HINTS” FROM THE SEVEN STEPS TEAM AT THE END OF THIS DOCUMENT.",
        "Please subscribe to the repository if your firm would like updates about changes and comments.",
        "NOTE TO OUR CUSTOMERS: THIS TEMPLATE MUST BE TAILORED FOR YOUR AGENCY.",
        "PLEASE DELETE ALL BLUE ITALICS WHEN FINALIZING THE PWS.",
        "By submitting a Proposal, the Applicant agrees to all of the terms and conditions of these Process Terms.",
        "By accepting a purchase order, the Supplier agrees to be bound by these General Purchasing Conditions.",
        "With each use of the Service, the Customer agrees to the provisions of this Agreement.",
        "Supplier will indemnify and hold Canonical harmless from any claims, costs and liabilities related to Supplier's taxes.",
        "The Contractor agrees to indemnify and save harmless the Issuer from any loss or claim.",
        "Each party will retain ownership of its pre-existing IP.",
        "Each party warrants that it has the legal power and authority to enter into the Agreement.",
        "Supplier shall not be considered Canonical's employee.",
        "Neither Supplier nor its personnel will be entitled to any benefits given by Canonical to its own employees.",
        "The following Sections will survive expiration or termination of this Agreement: 4, 5 and 9.",
    ],
)
def test_legal_terms_measurement_methods_and_words_to_the_reader_are_no_requirements(clause: str) -> None:
    assert requirements(clause + "\n") == []


def test_an_agreement_to_do_something_still_binds() -> None:
    """Assent to the agreement's terms forms the contract and an indemnity allocates liability; an
    agreement to act, and a duty to defend the other party against a claim, are duties."""
    for duty in (
        "The Supplier agrees to deliver the goods within 10 days of the order.",
        "The Contractor agrees to the terms of the warranty and shall repair each defect within 10 days.",
        "Supplier will defend, at its expense, any claim brought against Canonical by a third party.",
    ):
        assert requirements(duty + "\n") == [duty]


def test_a_compensation_that_is_no_credit_heads_no_credit_term() -> None:
    """Only the subject's head is the credit: a duty about the staff's compensation still binds."""
    duty = "The Contractor shall pay compensation to its employees within 30 days."
    assert requirements(duty + "\n") == [duty]


def test_a_request_to_the_reader_that_is_no_invitation_still_binds() -> None:
    duty = "Please submit all questions to the Contracting Officer by 10:00 a.m. on June 3."
    assert requirements(duty + "\n") == [duty]
    noted = "Please note that the Contractor shall submit all questions to the Contracting Officer by June 3."
    assert requirements(noted + "\n") == [noted]


@pytest.mark.parametrize(
    "duty",
    [
        "The Contractor shall credit the training hours to the staff records within 5 days.",
        "The Contractor will refund travel costs to its employees within 30 days.",
    ],
)
def test_credit_and_refund_in_their_ordinary_senses_stay_duties(duty: str) -> None:
    """Only a credit or refund to the customer, its account or as fees is the sanction's remedy
    (a review found these two read as remedies, so no requirements)."""
    assert requirements(duty + "\n") == [duty]


def test_a_promise_to_apply_credits_is_a_duty_and_a_list_of_conditions_no_duties() -> None:
    text = """
    Provider agrees to apply credits against Customer's obligations to pay Fees within 30 days.

    ZITADEL agrees to handle support incidents in the following scenarios:

    - Service or product has incorrect or missing documentation

    The contractor shall adhere to the following guidelines in the performance of the task:

    - Maintain a professional distance from government employees.
    - The government has the right to reject the finished product.
    """
    found = requirements(text)
    assert found == [
        "Provider agrees to apply credits against Customer's obligations to pay Fees within 30 days.",
        "ZITADEL agrees to handle support incidents in the following scenarios:",
        "Maintain a professional distance from government employees.",
    ]


def test_a_party_allowed_only_one_way_is_restricted_and_a_storys_purpose_may_name_a_right() -> None:
    found = requirements(
        """
    The contractor may invoice only for the hours used in direct support of the task order.

    These rates may be adjusted only as a result of revisions to prevailing labor rates.

    As a Parent, I want to know if my child's employer holds a certificate so that I know the employer has the right to pay less.
    """
    )
    assert found == [
        "The contractor may invoice only for the hours used in direct support of the task order.",
        "As a Parent, I want to know if my child's employer holds a certificate so that I know the employer has the right to pay less.",
    ]


@pytest.mark.parametrize(
    "clause",
    [
        "If the invoices are acceptable, then the Procurement Project Manager and COR will approve them for payment.",
        "The COR shall not certify satisfactory performance for the task order until all defects have been corrected.",
        "If the Contractor's employees fail to work the required hours, deductions shall be taken.",
        "Any disputes regarding application of the standards shall be referred to the Contracting Officer.",
    ],
)
def test_payment_steps_remedies_and_disputes_are_no_requirements(clause: str) -> None:
    assert requirements(clause + "\n") == []


@pytest.mark.parametrize(
    "clause",
    [
        "The Contractor shall not accept new work orders until the security review is complete.",
        "The Supplier shall not approve any change to the production system until it has been tested.",
        "The Contractor shall submit timesheets approved by the COR for payment.",
    ],
)
def test_the_suppliers_own_step_withheld_or_approved_stays_a_requirement(clause: str) -> None:
    # payment_step is the buyer's payment and acceptance; it took these duties of the supplier too
    assert requirements(clause + "\n") == [clause]


def test_a_duty_to_submit_for_payment_stays_a_requirement() -> None:
    text = "The Contractor shall submit invoices for payment within 10 days of the end of each month.\n"
    assert requirements(text) == [text.strip()]


def test_the_items_of_a_list_introduced_as_requirements_are_requirements() -> None:
    found = requirements(
        """
    Additional requirements:

    - Work will be conducted in two-week sprints and reviewed at the end of each sprint.
    - Vendor will not be expected to handle the following tasks:
      - Provide hosting of the data
    """
    )
    assert found == ["Work will be conducted in two-week sprints and reviewed at the end of each sprint."]


@pytest.mark.parametrize(
    "address",
    [
        "https://www.tbs-sct.canada.ca/pol/doc-eng.aspx?id=32611",
        "[the directive](https://www.tbs-sct.canada.ca/pol/doc-eng.aspx?id=32611)",
        "[https://tbd.example.gov](https://tbd.example.gov/)",
        "xx@tbd.example.gov",
    ],
)
def test_the_words_of_a_web_or_mail_address_are_not_the_requirements(address: str, rulesets) -> None:
    # "tbs" and "tbd" inside an address are no placeholders (RQ010), nor is a link whose text is
    # the address an empty "[ ]"; the same words in the sentence are.
    assert "RQ010" not in findings(f"The Contractor shall report incidents within 4 hours as set out at {address}.", rulesets)
    assert "RQ010" in findings("The Contractor shall report incidents within 4 hours to TBS.", rulesets)


def test_the_buyers_payment_and_the_order_of_precedence_are_no_requirements() -> None:
    text = """\
Customer will pay the fees described in the Order.

The Customer shall for the Professional Services pay the Services Fee set out in the Order.

Proponents are solely responsible for their own expenses in participating in the RFP process.

In case of conflicting terms, the Main Agreement shall take precedence.

The Contractor shall pay all fees related to the authorization for arming of its employees.

The Contractor shall provide the Customer with a monthly invoice by the 5th business day.
"""
    assert requirements(text) == [
        "The Contractor shall pay all fees related to the authorization for arming of its employees.",
        "The Contractor shall provide the Customer with a monthly invoice by the 5th business day.",
    ]


def test_desired_skills_are_no_requirements_and_their_sibling_list_ends_at_a_duty() -> None:
    # Markdown writes the sub-list as siblings of the numbered items: the "include:" item
    # introduces the bullets after it, up to the next item with a duty of its own.
    text = """\
To ensure successful performance, Contractor shall satisfy the following:

1.  Key Personnel shall be responsible for the supervision of the Contractor's personnel. Desired skills and experience include:

-   Ability to rapidly prioritize competing requirements.

-   Strong communication skills.

1.  If any Key Personnel becomes unavailable, the Contractor shall notify the CO within 5 days.
"""
    read = requirements(text)
    assert "Ability to rapidly prioritize competing requirements." not in read and "Strong communication skills." not in read
    assert "If any Key Personnel becomes unavailable, the Contractor shall notify the CO within 5 days." in read


def test_acceptance_definitions_agreements_to_come_and_nothing_required_are_no_requirements() -> None:
    text = """\
Acceptance of services shall be based upon compliance with performance standards described in the PWS.

Other terms used but not defined in this annex shall have the meanings given to them in the general terms.

The Contractor and government may mutually agree to alter sprint length as needed.

No travel is anticipated or will be required as part of this task order.

No personal data shall be stored outside the EU.

The Contractor shall travel to the site twice a year.
"""
    assert requirements(text) == ["No personal data shall be stored outside the EU.", "The Contractor shall travel to the site twice a year."]


def test_a_warranty_lead_in_and_ranked_options_state_nothing_themselves() -> None:
    text = """\
Provider warrants that:

- the Cloud Service will perform materially as described in its Documentation.

Technology stack options that are approved are listed below in declining order of preference:

- Ruby on Rails
"""
    assert requirements(text) == ["the Cloud Service will perform materially as described in its Documentation."]


def test_a_list_its_introduction_names_goals_or_results_states_aims_not_duties() -> None:
    """The items of a list introduced as goals, objectives or results are what a plan, a page or a
    programme is for, written as commands: no task of a party. A purpose that leads into duties
    ("To meet these goals, the contractor shall:") still introduces tasks."""
    text = """\
The primary goals of a QASP are to:

- Describe the evaluation methods that will be used by the Government during surveillance.

Our objectives are:

- Provide clear reference to service ownership, accountability, roles and responsibilities.

### Key Performance Results:

- Create a more inviting marketplace for new entrants

To meet these goals, the contractor shall:

- Prepare the monthly status report.
"""
    assert requirements(text) == ["Prepare the monthly status report."]


def test_a_responsibility_or_a_passive_that_only_introduces_its_list_states_nothing_itself() -> None:
    text = """\
You are responsible for:

- Saving a copy of your form responses within 46 days.

The following tasks shall be performed daily:

- Clean and disinfect steam rooms

The Contractor is responsible for the accuracy of its reports.
"""
    assert requirements(text) == [
        "Saving a copy of your form responses within 46 days.",
        "Clean and disinfect steam rooms",
        "The Contractor is responsible for the accuracy of its reports.",
    ]


def test_a_definition_written_with_shall_is_no_requirement() -> None:
    text = """\
A “planned maintenance period” shall be defined as a loss of service availability scheduled by the provider.

A loss of service availability during a planned maintenance period shall not be considered a service outage.

The user stories provided below shall be considered as the objectives to be satisfied.

The Provider shall notify the client of any planned maintenance period no fewer than 3 business days before it starts.
"""
    assert requirements(text) == [
        "The user stories provided below shall be considered as the objectives to be satisfied.",
        "The Provider shall notify the client of any planned maintenance period no fewer than 3 business days before it starts.",
    ]


def test_an_amount_to_be_deducted_and_a_note_that_points_at_requirements_are_no_requirements() -> None:
    text = """\
39-40 days average cycle time: 1% of total invoiced for the quarter will be deducted.

Any penalty assessed for the period shall be deducted from the unit price on the monthly invoice.

Note that the performance requirements listed below are required for the final deliverable.

The Contractor shall deliver each examination report within 30 days.
"""
    assert requirements(text) == ["The Contractor shall deliver each examination report within 30 days."]


def test_what_survives_the_contract_or_counts_as_what_is_no_requirement() -> None:
    text = """\
The expiration or termination of this Agreement shall not affect or prejudice any provisions which are provided to continue in effect.

Such an alternative transition period shall then constitute the applicable Transition Period hereunder.

The Supplier shall keep the transition plan current.
"""
    assert requirements(text) == ["The Supplier shall keep the transition plan current."]


def test_a_level_a_requirement_of_the_clause_states_is_no_cure_period_of_its_termination(rulesets) -> None:
    """What a sanction lacks is judged on its clause, but a requirement there states its own
    level: "within 10 days" of the work-sites list gives the termination no notice or cure
    period (Alaska's RFP, issue 15), as the sanction model takes no part from a requirement."""
    text = """# 3.12 Location of work

The Contractor shall submit the list of its work sites within 10 days of award.

Failure to comply with these requirements may be grounds for the State to terminate the contract.
"""
    assert "CT005" in findings(text, rulesets)


def test_a_party_that_guarantees_a_level_is_bound_and_a_guarantee_denied_binds_nobody() -> None:
    text = (
        "GitHub guarantees a 99.9% quarterly uptime commitment for the applicable service.\n\n"
        "The Supplier guarantees that the system will be available 99.5% of each month.\n\n"
        "The Issuer makes no guarantee that an alternative submission method will be available.\n\n"
        "Performance guarantees are described in Annex B.\n"
    )
    assert requirements(text) == [
        "GitHub guarantees a 99.9% quarterly uptime commitment for the applicable service.",
        "The Supplier guarantees that the system will be available 99.5% of each month.",
    ]


def test_a_title_naming_a_measured_topic_does_not_put_its_clause_in_the_work_product() -> None:
    """Payment on the acceptance of task completion sanctions what the work delivers (its scope,
    scope_work_product), and a clause titled "System Design" is about the system; a clause
    titled "System Security" is about security, the measured topic its title names: "system"
    only says whose security it is, so the acceptance does not sanction its standards."""
    document = read_markdown(
        "# 5 System Design\n\nThe Contractor shall document the design within 10 days.\n\n"
        "# 6 System Security\n\nThe Contractor shall comply with NIST SP 800-53 within 30 days.\n\n"
        "# 7 Invoices\n\nA copy of the written acceptance of task completion must be attached to final invoices.\n",
        "test.md",
        language="en",
    )
    rows = {row.text: row for row in trace(check_document(document, [load_ruleset("en-contract")]))}
    assert rows["The Contractor shall document the design within 10 days."].sanction
    assert not rows["The Contractor shall comply with NIST SP 800-53 within 30 days."].sanction
