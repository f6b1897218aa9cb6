"""Deterministic Markdown prose for the portfolio benchmark.

Shared by generate.py (agent descriptions, docs pages) and hugo_baseline.py
(content pages), so that both tools render the same kind of Markdown. Every
function takes a random.Random, so output depends only on its seed.
"""

SUBJECTS = [
    "The agent", "Each request", "The policy engine", "The approval gate",
    "The owning team", "Every tool call", "The audit pipeline", "The operations desk",
    "The model", "The retrieval layer", "The escalation queue", "The reviewer on duty",
]
VERBS = [
    "checks", "records", "routes", "summarizes", "flags", "reconciles", "validates",
    "hands over", "rejects", "annotates", "prioritizes", "cross-references",
]
OBJECTS = [
    "incoming cases against the published service levels",
    "every decision together with the evidence it relied on",
    "requests that fall outside its declared purpose",
    "the customer's history before proposing a next step",
    "amounts and counterparties against the approved limits",
    "documents that arrive without a matching reference",
    "each outbound message for personal data before it leaves",
    "ambiguous cases to a person with the authority to decide",
    "the nightly batch against the system of record",
    "free-text notes into structured fields for the case file",
    "low-confidence answers so that a specialist reviews them",
    "tool results that disagree with the source system",
]
CLAUSES = [
    "so that nothing is decided on stale data",
    "within the limits set in its risk profile",
    "and keeps a trace that an auditor can replay",
    "before any change reaches a customer",
    "because the team reviews the weekly sample",
    "as agreed with the data protection officer",
    "unless the case is marked urgent by a person",
    "and reports the outcome on the governance dashboard",
    "while the policy engine enforces the allow-list",
    "as described in the operating procedure",
]
OPENERS = [
    "In practice,", "By design,", "Since the last review,", "For high-value cases,",
    "During business hours,", "Outside business hours,", "On every release,",
    "When in doubt,", "As a rule,", "For auditability,",
]
EMPHASIS = [
    "never", "only", "always", "before anything else", "explicitly",
    "in writing", "within one business day", "at most once",
]
LIST_ITEMS = [
    "reads only the records of the case it is working on",
    "cannot change a decision once a person has signed it off",
    "escalates after two failed tool calls in a row",
    "logs every tool call with its arguments and result",
    "keeps a per-user rate limit on expensive tools",
    "masks account numbers and national identifiers in its output",
    "answers in the customer's language, falling back to English",
    "refuses requests that mention another customer by name",
    "sends a daily digest of blocked actions to the owning team",
    "uses the approved model version pinned in the deployment",
    "stops when the kill switch is set, within five seconds",
    "attaches the source document to every proposed change",
    "marks generated text as AI-written in the case history",
    "retries idempotent reads, never writes",
]
TOOLS = [
    "policy_lookup", "claims_lookup", "crm_lookup", "kb_search", "document_fetch",
    "update_record", "send_email", "execute_transaction", "run_code", "ledger_read",
]
LINK_TEXTS = [
    "operating procedure", "runbook", "design review", "model card",
    "service description", "escalation matrix", "data map", "test report",
]


def sentence(rng):
    """One sentence, sometimes with emphasis or inline code."""
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(OPENERS))
    subject = rng.choice(SUBJECTS)
    parts.append(subject if not parts else subject[0].lower() + subject[1:])
    if rng.random() < 0.2:
        parts.append("*%s*" % rng.choice(EMPHASIS))
    parts.append(rng.choice(VERBS))
    parts.append(rng.choice(OBJECTS))
    if rng.random() < 0.5:
        parts.append(rng.choice(CLAUSES))
    if rng.random() < 0.15:
        parts.append("through `%s`" % rng.choice(TOOLS))
    return " ".join(parts) + "."


def paragraph(rng, sentences=(3, 6)):
    return " ".join(sentence(rng) for _ in range(rng.randint(*sentences)))


def wrap(text, width=78):
    """Wrap a paragraph at spaces (Markdown joins the lines again)."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + " " + word
    if line:
        lines.append(line)
    return "\n".join(lines)


def bullet_list(rng, items=(3, 5)):
    chosen = rng.sample(LIST_ITEMS, rng.randint(*items))
    return "\n".join("- " + item[0].upper() + item[1:] + "." for item in chosen)


def link(rng, base_url):
    text = rng.choice(LINK_TEXTS)
    slug = text.replace(" ", "-")
    return "[%s](%s/%s-%d)" % (text, base_url, slug, rng.randint(100, 999))


def description(rng, name, purpose, base_url, size=(1000, 2000)):
    """An agent description: paragraphs, a list, emphasis, a link, inline code.

    Its length is drawn from `size` (in characters) and met to within a sentence.
    """
    target = rng.randint(*size)
    intro = "**%s** %s. %s" % (name, purpose, paragraph(rng, (1, 2)))
    middle = "%s See the %s for the details. %s" % (
        paragraph(rng, (1, 2)), link(rng, base_url), sentence(rng))
    blocks = [wrap(intro), bullet_list(rng), wrap(middle)]
    closing = []
    while sum(len(b) + 2 for b in blocks) + len(" ".join(closing)) < target - 40:
        closing.append(sentence(rng))
    if closing:
        blocks.append(wrap(" ".join(closing)))
    return "\n\n".join(blocks) + "\n"


def page(rng, title, links=(), base_url="https://intranet.example/handbook", size=(3700, 4400)):
    """A handbook page of about 4 KB: a title, sections, lists, links, a code block."""
    target = rng.randint(*size)
    out = ["# " + title, wrap(paragraph(rng, (3, 5)))]
    links = list(links)
    section = 0
    while sum(len(b) + 2 for b in out) < target:
        section += 1
        heading = rng.choice(SECTION_TITLES)
        out.append("## %d. %s" % (section, heading))
        out.append(wrap(paragraph(rng, (3, 5))))
        kind = rng.random()
        if kind < 0.5:
            out.append(bullet_list(rng))
        elif kind < 0.7:
            out.append("1. %s\n2. %s\n3. %s" % tuple(
                s[0].upper() + s[1:] + "." for s in rng.sample(LIST_ITEMS, 3)))
        elif kind < 0.8:
            out.append("```yaml\nrisk:\n  level: %s\n  requires_human_approval: true\n"
                       "  approval_threshold: %s\n```" % (
                           rng.choice(["medium", "high", "critical"]),
                           rng.choice(["all transactions", "refunds over 100 EUR",
                                       "outbound messages to new recipients"])))
        if links and rng.random() < 0.6:
            text, target_path = links[rng.randrange(len(links))]
            out.append(wrap("%s See [%s](%s) and the %s." % (
                sentence(rng), text, target_path, link(rng, base_url))))
    return "\n\n".join(out) + "\n"


SECTION_TITLES = [
    "Scope", "Roles and responsibilities", "Controls", "Monitoring", "Escalation",
    "Evidence", "Exceptions", "Review cycle", "Data handling", "Testing",
    "Known limitations", "Change management", "Reporting", "Training",
]
