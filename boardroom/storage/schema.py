"""The schema, as an ordered list of migrations. Version N is the result of migrations 1..N.

Every table has an integer primary key and `created_at`/`updated_at` (UTC ISO-8601); foreign
keys are enforced and indexed; columns that lists filter on are indexed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from boardroom.domain.chain import event_hash

if TYPE_CHECKING:
    import sqlite_utils

STAMPS = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL"""

V1_CORE = f"""
CREATE TABLE boards (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    region TEXT NOT NULL,
    decision_method TEXT NOT NULL DEFAULT 'consent'
        CHECK (decision_method IN ('vote', 'consent', 'acclamation')),
    vote_rule TEXT NOT NULL DEFAULT 'simple'
        CHECK (vote_rule IN ('simple', 'absolute', 'qualified', 'unanimity')),
    qualified_share REAL NOT NULL DEFAULT 0.6666666666666666,
    voter_rule TEXT NOT NULL DEFAULT 'member'
        CHECK (voter_rule IN ('member', 'perspective', 'weighted_member', 'weighted_perspective')),
    outer_circle_votes INTEGER NOT NULL DEFAULT 0,
    quorum_rule TEXT NOT NULL DEFAULT 'member_share'
        CHECK (quorum_rule IN ('member_share', 'perspective_share', 'member_count')),
    quorum_value REAL NOT NULL DEFAULT 0.5,
    tie_rule TEXT NOT NULL DEFAULT 'reject' CHECK (tie_rule IN ('reject', 'chair_casting')),
    unanimity_allows_abstention INTEGER NOT NULL DEFAULT 1,
    papers_lead_days INTEGER NOT NULL DEFAULT 7,
    consent_review_months INTEGER NOT NULL DEFAULT 6,
    language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),{STAMPS}
);

CREATE TABLE perspectives (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    seats INTEGER NOT NULL DEFAULT 1,
    vote_weight REAL NOT NULL DEFAULT 1,
    position INTEGER NOT NULL DEFAULT 0,{STAMPS}
);

CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    organisation TEXT NOT NULL DEFAULT '',
    perspective_id INTEGER REFERENCES perspectives(id) ON DELETE RESTRICT,
    roles TEXT NOT NULL DEFAULT '["member"]',
    circle TEXT NOT NULL DEFAULT 'inner' CHECK (circle IN ('inner', 'outer')),
    mandate TEXT NOT NULL DEFAULT '',
    vote_weight REAL,
    email TEXT NOT NULL DEFAULT '',
    active_from TEXT,
    active_until TEXT,
    seat_order INTEGER NOT NULL DEFAULT 0,{STAMPS}
);
CREATE INDEX idx_members_perspective ON members(perspective_id);
CREATE INDEX idx_members_active ON members(active_until, active_from);

CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    programme_manager_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    target_slots INTEGER NOT NULL DEFAULT 4,
    preferred_months TEXT NOT NULL DEFAULT '[]',
    colour TEXT NOT NULL DEFAULT '#4a90d9',
    active INTEGER NOT NULL DEFAULT 1,{STAMPS}
);
CREATE INDEX idx_themes_manager ON themes(programme_manager_id);
CREATE INDEX idx_themes_active ON themes(active);

CREATE TABLE theme_holders (
    id INTEGER PRIMARY KEY,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,{STAMPS},
    UNIQUE (theme_id, member_id)
);
CREATE INDEX idx_theme_holders_member ON theme_holders(member_id);

CREATE TABLE behaviour_rules (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,{STAMPS}
);
CREATE INDEX idx_behaviour_rules_active ON behaviour_rules(active, position);

CREATE TABLE leading_principles (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,{STAMPS}
);
CREATE INDEX idx_leading_principles_active ON leading_principles(active, position);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    starts_at TEXT NOT NULL UNIQUE,
    duration_minutes INTEGER NOT NULL DEFAULT 150,
    location TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'extra', 'evaluation')),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'agenda_draft',
        'agenda_set', 'papers_sent', 'in_progress', 'closed', 'minutes_approved')),
    current_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    started_at TEXT,
    closed_at TEXT,{STAMPS}
);
CREATE INDEX idx_meetings_status ON meetings(status);
CREATE INDEX idx_meetings_current_item ON meetings(current_item_id);

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('opening', 'minutes', 'actions_review',
        'theme', 'interest_round', 'behaviour_check', 'evaluation', 'any_other_business',
        'closing', 'other')),
    purpose TEXT NOT NULL DEFAULT 'informing'
        CHECK (purpose IN ('informing', 'opinion', 'deciding')),
    title TEXT NOT NULL,
    theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL,
    presenter_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    requested_by_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    timebox_minutes INTEGER NOT NULL DEFAULT 10,
    notes TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'deferred')),
    deferred_to_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    elapsed_seconds INTEGER NOT NULL DEFAULT 0,{STAMPS}
);
CREATE INDEX idx_agenda_items_meeting ON agenda_items(meeting_id, position);
CREATE INDEX idx_agenda_items_theme ON agenda_items(theme_id);
CREATE INDEX idx_agenda_items_presenter ON agenda_items(presenter_id);
CREATE INDEX idx_agenda_items_requested_by ON agenda_items(requested_by_id);
CREATE INDEX idx_agenda_items_deferred_to ON agenda_items(deferred_to_meeting_id);
CREATE INDEX idx_agenda_items_kind ON agenda_items(kind);

CREATE TABLE agenda_requests (
    id INTEGER PRIMARY KEY,
    requester_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT 'informing'
        CHECK (purpose IN ('informing', 'opinion', 'deciding')),
    minutes_needed INTEGER NOT NULL CHECK (minutes_needed > 0),
    preferred_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    preferred_month TEXT,
    papers_ready TEXT,
    status TEXT NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'scheduled', 'declined', 'withdrawn')),
    reason TEXT NOT NULL DEFAULT '',
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,{STAMPS}
);
CREATE INDEX idx_agenda_requests_requester ON agenda_requests(requester_id);
CREATE INDEX idx_agenda_requests_theme ON agenda_requests(theme_id);
CREATE INDEX idx_agenda_requests_meeting ON agenda_requests(preferred_meeting_id);
CREATE INDEX idx_agenda_requests_item ON agenda_requests(agenda_item_id);
CREATE INDEX idx_agenda_requests_status ON agenda_requests(status);

CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    sent_at TEXT,{STAMPS}
);
CREATE INDEX idx_papers_item ON papers(agenda_item_id);

CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    status TEXT NOT NULL CHECK (status IN ('present', 'absent_with_notice', 'absent',
        'substitute', 'remote')),
    substitute_name TEXT NOT NULL DEFAULT '',
    arrived_at TEXT,
    left_at TEXT,{STAMPS},
    UNIQUE (meeting_id, member_id)
);
CREATE INDEX idx_attendance_member ON attendance(member_id, status);

CREATE TABLE proposals (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE RESTRICT,
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('vote', 'consent', 'acclamation')),
    vote_rule TEXT CHECK (vote_rule IN ('simple', 'absolute', 'qualified', 'unanimity')),
    secret INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'adopted', 'rejected', 'withdrawn', 'deferred')),{STAMPS}
);
CREATE INDEX idx_proposals_meeting ON proposals(meeting_id);
CREATE INDEX idx_proposals_item ON proposals(agenda_item_id);

CREATE TABLE proposal_versions (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    text TEXT NOT NULL,{STAMPS},
    UNIQUE (proposal_id, version)
);

CREATE TABLE rounds (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    version_id INTEGER NOT NULL REFERENCES proposal_versions(id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('vote', 'consent', 'acclamation')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome TEXT,
    quorum_met INTEGER,
    entitled_weight REAL,
    for_weight REAL,
    against_weight REAL,
    abstain_weight REAL,{STAMPS},
    UNIQUE (proposal_id, number)
);
CREATE INDEX idx_rounds_version ON rounds(version_id);

CREATE TABLE ballots (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    voter_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    perspective_id INTEGER REFERENCES perspectives(id) ON DELETE SET NULL,
    choice TEXT NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
    weight REAL NOT NULL DEFAULT 1,{STAMPS},
    UNIQUE (round_id, voter_id)
);
CREATE INDEX idx_ballots_voter ON ballots(voter_id);
CREATE INDEX idx_ballots_perspective ON ballots(perspective_id);

CREATE TABLE consent_answers (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    seq INTEGER NOT NULL,
    answer TEXT NOT NULL CHECK (answer IN ('consent', 'concern', 'objection', 'pass')),
    note TEXT NOT NULL DEFAULT '',{STAMPS},
    UNIQUE (round_id, seq)
);
CREATE INDEX idx_consent_answers_member ON consent_answers(member_id);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE RESTRICT,
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    proposal_id INTEGER REFERENCES proposals(id) ON DELETE SET NULL,
    method TEXT NOT NULL CHECK (method IN ('vote', 'consent', 'acclamation')),
    outcome_summary TEXT NOT NULL DEFAULT '',
    review_date TEXT,
    theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'in_force'
        CHECK (status IN ('in_force', 'superseded', 'revoked')),
    supersedes_id INTEGER REFERENCES decisions(id) ON DELETE RESTRICT,{STAMPS}
);
CREATE INDEX idx_decisions_meeting ON decisions(meeting_id);
CREATE INDEX idx_decisions_item ON decisions(agenda_item_id);
CREATE INDEX idx_decisions_proposal ON decisions(proposal_id);
CREATE INDEX idx_decisions_theme ON decisions(theme_id);
CREATE INDEX idx_decisions_status ON decisions(status);
CREATE INDEX idx_decisions_review ON decisions(review_date);
CREATE INDEX idx_decisions_supersedes ON decisions(supersedes_id);

CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    due_date TEXT,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    decision_id INTEGER REFERENCES decisions(id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    done_at TEXT,
    reason TEXT NOT NULL DEFAULT '',{STAMPS}
);
CREATE INDEX idx_actions_owner ON actions(owner_id, status);
CREATE INDEX idx_actions_status_due ON actions(status, due_date);
CREATE INDEX idx_actions_meeting ON actions(meeting_id);
CREATE INDEX idx_actions_item ON actions(agenda_item_id);
CREATE INDEX idx_actions_decision ON actions(decision_id);

CREATE TABLE action_updates (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    noted_on TEXT NOT NULL,
    note TEXT NOT NULL,
    by_member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,{STAMPS}
);
CREATE INDEX idx_action_updates_action ON action_updates(action_id);
CREATE INDEX idx_action_updates_by ON action_updates(by_member_id);

CREATE TABLE behaviour_checks (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    rule_id INTEGER NOT NULL REFERENCES behaviour_rules(id) ON DELETE RESTRICT,
    score TEXT NOT NULL CHECK (score IN ('kept', 'under_pressure', 'broken')),
    note TEXT NOT NULL DEFAULT '',{STAMPS},
    UNIQUE (meeting_id, rule_id)
);
CREATE INDEX idx_behaviour_checks_rule ON behaviour_checks(rule_id);

CREATE TABLE interest_rounds (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    perspective_id INTEGER NOT NULL REFERENCES perspectives(id) ON DELETE RESTRICT,
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    helps TEXT NOT NULL DEFAULT '',
    pinches TEXT NOT NULL DEFAULT '',
    asks TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held')),{STAMPS},
    UNIQUE (meeting_id, perspective_id)
);
CREATE INDEX idx_interest_rounds_perspective ON interest_rounds(perspective_id, status);
CREATE INDEX idx_interest_rounds_item ON interest_rounds(agenda_item_id);

CREATE TABLE event_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    before TEXT,
    after TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX idx_event_log_row ON event_log(table_name, row_id);
"""

#: Tables in an order that satisfies foreign keys when loading a dump.
TABLES: tuple[str, ...] = (
    "boards",
    "perspectives",
    "members",
    "themes",
    "theme_holders",
    "behaviour_rules",
    "leading_principles",
    "meetings",
    "agenda_items",
    "agenda_requests",
    "papers",
    "attendance",
    "proposals",
    "proposal_versions",
    "rounds",
    "ballots",
    "consent_answers",
    "decisions",
    "actions",
    "action_updates",
    "behaviour_checks",
    "interest_rounds",
    "event_log",
    "seals",
    "amendments",
    "year_plans",
    "member_keys",
    "result_agreements",
    "kpis",
    "kpi_measurements",
    "evaluation_statements",
    "evaluations",
    "evaluation_counts",
    "item_notes",
    "invitations",
    "passkeys",
)

FTS_COLUMNS = {"decisions": ["number", "title", "text"], "actions": ["number", "text"]}


def _v1(db: sqlite_utils.Database, _now: str) -> None:
    for statement in V1_CORE.split(";\n"):
        if statement.strip():
            db.conn.execute(statement)


def _v2(db: sqlite_utils.Database, _now: str) -> None:
    """Full-text search on decisions and actions, kept current by triggers."""
    for table, columns in FTS_COLUMNS.items():
        db.table(table).enable_fts(
            columns, create_triggers=True, tokenize="unicode61 remove_diacritics 2"
        )
        db.table(table).populate_fts(columns)


def _v3(db: sqlite_utils.Database, _now: str) -> None:
    """The live meeting: when the current item's timer last started (NULL: paused), and the
    order in which a round asks its voters (JSON list of member ids; the chair may reorder)."""
    db.conn.execute("ALTER TABLE meetings ADD COLUMN item_clock_started_at TEXT")
    db.conn.execute("ALTER TABLE rounds ADD COLUMN voter_order TEXT NOT NULL DEFAULT '[]'")


def _v4(db: sqlite_utils.Database, _now: str) -> None:
    """Tamper evidence: a hash chain over the event log (existing entries chained in order),
    and a seal over each approved meeting's record."""
    conn = db.conn
    conn.execute("ALTER TABLE event_log ADD COLUMN hash TEXT NOT NULL DEFAULT ''")
    previous = ""
    cursor = conn.execute(
        "SELECT id, at, actor, operation, table_name, row_id, before, after FROM event_log"
        " ORDER BY id"
    )
    names = [c[0] for c in cursor.description]
    for values in cursor.fetchall():
        event = dict(zip(names, values, strict=True))
        previous = event_hash(previous, event)
        conn.execute("UPDATE event_log SET hash = ? WHERE id = ?", (previous, event["id"]))
    conn.execute(
        f"""CREATE TABLE seals (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE RESTRICT,
            hash TEXT NOT NULL,{STAMPS}
        )"""
    )


def _v5(db: sqlite_utils.Database, _now: str) -> None:
    """Corrections to approved minutes, recorded as amendments (the record itself stays)."""
    db.conn.execute(
        f"""CREATE TABLE amendments (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE RESTRICT,
            text TEXT NOT NULL,
            by_member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,{STAMPS}
        )"""
    )
    db.conn.execute("CREATE INDEX idx_amendments_meeting ON amendments(meeting_id)")
    db.conn.execute("CREATE INDEX idx_amendments_by ON amendments(by_member_id)")


def _v6(db: sqlite_utils.Database, _now: str) -> None:
    """The annual plan: where each agenda item came from (re-planning replaces only what the
    plan made), and each planned year's plan file with the numbers it sets."""
    db.conn.execute(
        "ALTER TABLE agenda_items ADD COLUMN source TEXT NOT NULL DEFAULT 'manual'"
        " CHECK (source IN ('manual', 'template', 'plan', 'request'))"
    )
    db.conn.execute(
        f"""CREATE TABLE year_plans (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL UNIQUE,
            source TEXT NOT NULL,
            plan TEXT NOT NULL,
            theme_targets TEXT NOT NULL DEFAULT '{{}}',
            interest_targets TEXT NOT NULL DEFAULT '{{}}',
            evaluation_target INTEGER NOT NULL DEFAULT 2,{STAMPS}
        )"""
    )


def _v7(db: sqlite_utils.Database, _now: str) -> None:
    """Access over SSH: a member's public keys, each bound to one member by its fingerprint
    (the key is the identity: docs/architecture.md §6)."""
    db.conn.execute(
        f"""CREATE TABLE member_keys (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
            algorithm TEXT NOT NULL,
            public_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL UNIQUE,
            comment TEXT NOT NULL DEFAULT '',
            added_by_id INTEGER REFERENCES members(id) ON DELETE SET NULL,{STAMPS}
        )"""
    )
    db.conn.execute("CREATE INDEX idx_member_keys_member ON member_keys(member_id)")
    db.conn.execute("CREATE INDEX idx_member_keys_added_by ON member_keys(added_by_id)")


def _v8(db: sqlite_utils.Database, now: str) -> None:
    """A decision's outcome as facts (JSON of domain.outcome.DecisionOutcome), rendered in the
    reader's language, instead of a sentence in the recorder's; existing decisions get theirs
    from their rounds (logged). Seals say which content they cover: scheme 1 (before this
    migration) without the facts, scheme 2 with them, so every earlier seal still checks."""
    from boardroom.storage.outcome_facts import record_outcomes

    db.conn.execute("ALTER TABLE decisions ADD COLUMN outcome TEXT NOT NULL DEFAULT '{}'")
    db.conn.execute("ALTER TABLE seals ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1")
    record_outcomes(db.conn, now)


def _v9(db: sqlite_utils.Database, now: str) -> None:
    """Papers kept in the board (content-addressed by sha256), with their file name, media
    type, who attached them and, when replaced, by which paper; the files still found at their
    recorded paths, unchanged, are taken in."""
    from boardroom.storage.paper_store import CONTENTS_TABLE, take_in_files

    conn = db.conn
    conn.execute(CONTENTS_TABLE)
    conn.execute("ALTER TABLE papers ADD COLUMN file_name TEXT NOT NULL DEFAULT ''")
    conn.execute(
        "ALTER TABLE papers ADD COLUMN media_type TEXT NOT NULL DEFAULT 'application/octet-stream'"
    )
    conn.execute(
        "ALTER TABLE papers ADD COLUMN added_by_id INTEGER"
        " REFERENCES members(id) ON DELETE SET NULL"
    )
    conn.execute(
        "ALTER TABLE papers ADD COLUMN replaced_by_id INTEGER"
        " REFERENCES papers(id) ON DELETE SET NULL"
    )
    conn.execute("CREATE INDEX idx_papers_added_by ON papers(added_by_id)")
    conn.execute("CREATE INDEX idx_papers_replaced_by ON papers(replaced_by_id)")
    conn.execute("CREATE INDEX idx_papers_sha256 ON papers(sha256)")
    take_in_files(conn, now)


def _v10(db: sqlite_utils.Database, _now: str) -> None:
    """The werkagenda: result agreements per theme, their KPIs, and the figures
    measured for them (one per KPI and date; a new figure for a date corrects the old one);
    the table's process evaluations: statements, and per evaluation the count of each score
    per statement and the comments — never who gave which score; the result agreement a
    decision steers (a steering decision)."""
    statements = f"""
CREATE TABLE result_agreements (
    id INTEGER PRIMARY KEY,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE RESTRICT,
    programme_line TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    parties TEXT NOT NULL DEFAULT '[]',
    scale TEXT NOT NULL DEFAULT 'region'
        CHECK (scale IN ('region', 'subregion', 'municipality')),
    aim TEXT NOT NULL CHECK (aim IN ('population_health', 'experience', 'costs',
        'work_satisfaction', 'equity')),
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,{STAMPS}
);
CREATE INDEX idx_result_agreements_theme ON result_agreements(theme_id);
CREATE TABLE kpis (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES result_agreements(id) ON DELETE CASCADE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    unit TEXT NOT NULL DEFAULT '',
    baseline REAL NOT NULL,
    baseline_on TEXT NOT NULL,
    target REAL NOT NULL,
    target_on TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL DEFAULT 'quarterly'
        CHECK (frequency IN ('monthly', 'quarterly', 'half_yearly', 'yearly')),{STAMPS}
);
CREATE INDEX idx_kpis_agreement ON kpis(agreement_id);
CREATE TABLE kpi_measurements (
    id INTEGER PRIMARY KEY,
    kpi_id INTEGER NOT NULL REFERENCES kpis(id) ON DELETE CASCADE,
    measured_on TEXT NOT NULL,
    value REAL NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    entered_by_id INTEGER REFERENCES members(id) ON DELETE SET NULL,{STAMPS},
    UNIQUE (kpi_id, measured_on)
);
CREATE INDEX idx_kpi_measurements_entered_by ON kpi_measurements(entered_by_id);
CREATE TABLE evaluation_statements (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,{STAMPS}
);
CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    held_on TEXT NOT NULL UNIQUE,
    respondents INTEGER NOT NULL CHECK (respondents >= 0),
    comments TEXT NOT NULL DEFAULT '[]',{STAMPS}
);
CREATE INDEX idx_evaluations_meeting ON evaluations(meeting_id);
CREATE TABLE evaluation_counts (
    id INTEGER PRIMARY KEY,
    evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES evaluation_statements(id) ON DELETE RESTRICT,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    count INTEGER NOT NULL CHECK (count >= 0),{STAMPS},
    UNIQUE (evaluation_id, statement_id, score)
);
CREATE INDEX idx_evaluation_counts_statement ON evaluation_counts(statement_id);
ALTER TABLE decisions ADD COLUMN agreement_id INTEGER
    REFERENCES result_agreements(id) ON DELETE SET NULL;
CREATE INDEX idx_decisions_agreement ON decisions(agreement_id);
ALTER TABLE proposals ADD COLUMN agreement_id INTEGER
    REFERENCES result_agreements(id) ON DELETE SET NULL;
CREATE INDEX idx_proposals_agreement ON proposals(agreement_id);
"""
    for statement in statements.split(";\n"):  # not executescript: it would commit
        if statement.strip():
            db.conn.execute(statement)


def _v11(db: sqlite_utils.Database, _now: str) -> None:
    """Notes per author: everyone who takes notes on an item (the secretary, the chair) writes
    in their own, so two people typing at once never type over each other; the minutes show
    each author's notes. An item's notes from before stay in agenda_items.notes."""
    db.conn.execute(
        f"""CREATE TABLE item_notes (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    text TEXT NOT NULL DEFAULT '',{STAMPS},
    UNIQUE (agenda_item_id, author_id)
)"""
    )
    db.conn.execute("CREATE INDEX idx_item_notes_author ON item_notes(author_id)")


def _v12(db: sqlite_utils.Database, _now: str) -> None:
    """The decision an agenda item asks for (beslispunt), sent with the agenda."""
    db.conn.execute("ALTER TABLE agenda_items ADD COLUMN proposal TEXT NOT NULL DEFAULT ''")


def _v13(db: sqlite_utils.Database, _now: str) -> None:
    """The board's house style: an accent colour, a logo and a font (regular and bold), the
    files kept with the papers' contents under their sha256."""
    db.conn.execute("ALTER TABLE boards ADD COLUMN accent TEXT NOT NULL DEFAULT '#333355'")
    for column in ("logo", "font", "font_bold"):
        for part in ("sha256", "name"):
            db.conn.execute(
                f"ALTER TABLE boards ADD COLUMN {column}_{part} TEXT NOT NULL DEFAULT ''"
            )


def _v14(db: sqlite_utils.Database, _now: str) -> None:
    """Members in the browser: one-time invitation links (kept as the sha256 of their token,
    never the token) and the passkeys (WebAuthn credentials) members made with them."""
    for statement in (
        f"""CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    token_sha256 TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    revoked_at TEXT,
    invited_by_id INTEGER REFERENCES members(id) ON DELETE SET NULL,{STAMPS}
)""",
        "CREATE INDEX idx_invitations_member ON invitations(member_id)",
        "CREATE INDEX idx_invitations_invited_by ON invitations(invited_by_id)",
        f"""CREATE TABLE passkeys (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    credential_id TEXT NOT NULL UNIQUE,
    public_key TEXT NOT NULL,
    sign_count INTEGER NOT NULL DEFAULT 0 CHECK (sign_count >= 0),
    transports TEXT NOT NULL DEFAULT '[]',
    label TEXT NOT NULL DEFAULT '',
    invitation_id INTEGER REFERENCES invitations(id) ON DELETE SET NULL,
    last_used_at TEXT,{STAMPS}
)""",
        "CREATE INDEX idx_passkeys_member ON passkeys(member_id)",
        "CREATE INDEX idx_passkeys_invitation ON passkeys(invitation_id)",
    ):
        db.conn.execute(statement)


def _v15(db: sqlite_utils.Database, _now: str) -> None:
    """Who entered each ballot and consent answer: the voter from their own screen, or the
    chair (or secretary) for them. Earlier ones were all entered at the console: unknown."""
    for table in ("ballots", "consent_answers"):
        db.conn.execute(
            f"ALTER TABLE {table} ADD COLUMN entered_by_id INTEGER"
            " REFERENCES members(id) ON DELETE SET NULL"
        )
        db.conn.execute(f"CREATE INDEX idx_{table}_entered_by ON {table}(entered_by_id)")


def _v16(db: sqlite_utils.Database, _now: str) -> None:
    """Asking for the floor: a member's request on an agenda item, in the order asked, until
    the chair gives the floor (given) or the member withdraws it. `remote`: asked by a member
    attending remotely at that moment."""
    for statement in (
        f"""CREATE TABLE floor_requests (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'given', 'withdrawn')),
    remote INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
    given_at TEXT,{STAMPS}
)""",
        "CREATE INDEX idx_floor_requests_item ON floor_requests(agenda_item_id, status)",
        "CREATE INDEX idx_floor_requests_member ON floor_requests(member_id)",
    ):
        db.conn.execute(statement)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    #: applies the change to the database; given the moment it runs (UTC, ISO 8601), for the
    #: event log entries of the rows it changes
    apply: Callable[[sqlite_utils.Database, str], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables for every entity, indexes, event log", _v1),
    Migration(2, "full-text search on decisions and actions", _v2),
    Migration(3, "the live meeting's item clock and round order", _v3),
    Migration(4, "hash chain over the event log; seals of approved meetings", _v4),
    Migration(5, "amendments to approved minutes", _v5),
    Migration(6, "agenda item sources; the year plans", _v6),
    Migration(7, "members' public keys for access over SSH", _v7),
    Migration(8, "decision outcomes as facts; seal schemes", _v8),
    Migration(9, "papers kept in the board, content-addressed", _v9),
    Migration(10, "the werkagenda: result agreements, KPIs, figures; process evaluations", _v10),
    Migration(11, "notes per author on an agenda item", _v11),
    Migration(12, "the decision an agenda item asks for (beslispunt)", _v12),
    Migration(13, "the board's house style: accent colour, logo, font", _v13),
    Migration(14, "invitation links and passkeys: members in the browser", _v14),
    Migration(15, "who entered each ballot and consent answer", _v15),
    Migration(16, "asking for the floor: the speakers' queue per agenda item", _v16),
)

LATEST = MIGRATIONS[-1].version
