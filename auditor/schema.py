"""The project file's schema, as numbered migrations.

``PRAGMA user_version`` holds the number of the last migration applied and
``PRAGMA application_id`` marks the file as ours, so that another program's SQLite file
is recognised and refused rather than written to. Migrations only ever append: a file
at version N has run exactly migrations 1..N.
"""

from __future__ import annotations

# "BTAP" in ASCII: marks a SQLite file as a Brand Touchpoint Auditor project.
APPLICATION_ID = 0x42544150

CHANNELS = ("website", "app", "store", "phone", "chat", "social", "email", "other")
DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
OPERATORS = ("<=", "<", ">=", ">", "==")
SCRIPT_KINDS = ("required", "forbidden")
FINDING_KINDS = (
    "broken_promise",
    "missing_phrase",
    "forbidden_phrase",
    "inconsistent_claim",
    "uncovered_promise",
    "duplicate_transcript",
)
VERDICTS = ("kept", "broken", "review")
SCRIPT_ANSWERS = ("said", "not_said", "na")  # a shopper's tick for one script line
REVIEW_STATUSES = ("confirmed", "dismissed")

_V1 = """
CREATE TABLE touchpoints (
    key       TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    channel   TEXT NOT NULL,
    location  TEXT,
    notes     TEXT
);

CREATE TABLE promises (
    key          TEXT PRIMARY KEY,
    text         TEXT NOT NULL,
    all_touchpoints INTEGER NOT NULL DEFAULT 0,
    dimension    TEXT,
    metric       TEXT,
    operator     TEXT,
    target       REAL,
    unit         TEXT,
    breach_cues  TEXT NOT NULL DEFAULT '[]',   -- JSON list of phrases
    weight       INTEGER NOT NULL DEFAULT 3,
    valid_from   TEXT,
    valid_to     TEXT,
    source       TEXT
);

CREATE TABLE promise_touchpoints (
    promise     TEXT NOT NULL REFERENCES promises(key) ON DELETE CASCADE,
    touchpoint  TEXT NOT NULL REFERENCES touchpoints(key) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (promise, touchpoint)
);
CREATE INDEX promise_touchpoints_touchpoint ON promise_touchpoints(touchpoint);

CREATE TABLE script_lines (
    key               TEXT PRIMARY KEY,
    touchpoint        TEXT NOT NULL REFERENCES touchpoints(key),
    text              TEXT NOT NULL,
    kind              TEXT NOT NULL DEFAULT 'required',
    step              TEXT,
    promise           TEXT REFERENCES promises(key) ON DELETE SET NULL,
    weight            INTEGER NOT NULL DEFAULT 3,
    valid_from        TEXT,
    valid_to          TEXT,
    match_threshold   REAL,
    review_threshold  REAL
);
CREATE INDEX script_lines_touchpoint ON script_lines(touchpoint);

CREATE TABLE observations (
    key                    TEXT PRIMARY KEY,
    touchpoint             TEXT NOT NULL REFERENCES touchpoints(key),
    observed_at            TEXT NOT NULL,
    shopper                TEXT,
    scenario               TEXT,
    transcript             TEXT,
    rating_tangibles       INTEGER,
    rating_reliability     INTEGER,
    rating_responsiveness  INTEGER,
    rating_assurance       INTEGER,
    rating_empathy         INTEGER,
    nps                    INTEGER,
    ces                    INTEGER,
    updated_at             TEXT NOT NULL
);
CREATE INDEX observations_touchpoint ON observations(touchpoint, observed_at);
CREATE INDEX observations_observed_at ON observations(observed_at);

CREATE TABLE measurements (
    observation  TEXT NOT NULL REFERENCES observations(key) ON DELETE CASCADE,
    metric       TEXT NOT NULL,
    value        REAL NOT NULL,
    unit         TEXT,              -- canonical unit, NULL = the promise's unit
    raw          TEXT,              -- what the shopper wrote, kept for export
    PRIMARY KEY (observation, metric)
) WITHOUT ROWID;

CREATE TABLE audit_runs (
    id           INTEGER PRIMARY KEY,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    period_from  TEXT,
    period_to    TEXT,
    settings     TEXT NOT NULL DEFAULT '{}',
    metrics      TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE checks (
    id              INTEGER PRIMARY KEY,
    run             INTEGER NOT NULL REFERENCES audit_runs(id) ON DELETE CASCADE,
    observation     TEXT,
    touchpoint      TEXT,
    target_type     TEXT NOT NULL,
    target          TEXT NOT NULL,
    verdict         TEXT NOT NULL,
    kind            TEXT,
    score           REAL,
    evidence_text   TEXT,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    reason          TEXT
);
CREATE INDEX checks_run ON checks(run);

CREATE TABLE findings (
    id              INTEGER PRIMARY KEY,
    run             INTEGER NOT NULL REFERENCES audit_runs(id) ON DELETE CASCADE,
    fingerprint     TEXT NOT NULL,
    kind            TEXT NOT NULL,
    verdict         TEXT NOT NULL,
    severity        INTEGER NOT NULL,
    observation     TEXT,
    touchpoint      TEXT,
    promise         TEXT,
    script_line     TEXT,
    expected        TEXT,
    observed        TEXT,
    evidence_text   TEXT,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    UNIQUE (run, fingerprint)
);
CREATE INDEX findings_fingerprint ON findings(fingerprint);

-- A reviewer's decision is keyed by the finding's fingerprint, not by run, so that it
-- survives re-running the audit.
CREATE TABLE reviews (
    fingerprint  TEXT PRIMARY KEY,
    status       TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed')),
    note         TEXT,
    reviewer     TEXT,
    decided_at   TEXT NOT NULL
);

-- A mystery shopper's record while it is being typed; saved on every edit.
CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,
    data        TEXT NOT NULL,       -- JSON object with the observation's fields
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Project settings: thresholds, synonyms, SERVQUAL expectations. Values are JSON.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
"""

# Version 2: an audit of 100,000 visits makes millions of checks, most of them "kept, no
# sign of a breach" with nothing to show. Those are stored as one row per observation
# listing the targets (JSON arrays of keys) instead of one row per check: a run then adds
# tens of megabytes to the project, not hundreds. Stored checks also keep the promise they
# count for and their weight.
_V2 = """
CREATE TABLE quiet_checks (
    run           INTEGER NOT NULL REFERENCES audit_runs(id) ON DELETE CASCADE,
    observation   TEXT NOT NULL,
    touchpoint    TEXT NOT NULL,
    promises      TEXT NOT NULL DEFAULT '[]',  -- kept: no breach cue near the transcript, nothing measured
    script_lines  TEXT NOT NULL DEFAULT '[]',  -- kept: forbidden wording nowhere near the transcript
    PRIMARY KEY (run, observation)
) WITHOUT ROWID;

-- What a stored check counted for, so that its metrics can be recomputed from it.
ALTER TABLE checks ADD COLUMN promise TEXT;
ALTER TABLE checks ADD COLUMN weight INTEGER;
"""

# Version 3: what a shopper ticks and attaches in the entry form. An explicit answer for a
# script line ("said", "not said", "n/a") outranks fuzzy matching of the transcript in the
# audit; attachments are files copied into a folder beside the project, listed here.
_V3 = """
CREATE TABLE script_answers (
    observation  TEXT NOT NULL REFERENCES observations(key) ON DELETE CASCADE,
    script_line  TEXT NOT NULL REFERENCES script_lines(key) ON DELETE CASCADE,
    answer       TEXT NOT NULL CHECK (answer IN ('said', 'not_said', 'na')),
    PRIMARY KEY (observation, script_line)
) WITHOUT ROWID;

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    observation  TEXT NOT NULL REFERENCES observations(key) ON DELETE CASCADE,
    path         TEXT NOT NULL,      -- relative to the project's attachment folder
    kind         TEXT NOT NULL CHECK (kind IN ('photo', 'audio', 'other')),
    original     TEXT,               -- the file's name where the shopper picked it
    added_at     TEXT NOT NULL
);
CREATE INDEX attachments_observation ON attachments(observation);
"""

# Version 4: a script line may name the scenarios it applies to (a refund visit is not
# checked against the ordering script); an empty list means every visit.
_V4 = """
ALTER TABLE script_lines ADD COLUMN scenarios TEXT NOT NULL DEFAULT '[]';  -- JSON list of scenario names
"""

# Each entry upgrades the file from version i to version i + 1.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)

SCHEMA_VERSION = len(MIGRATIONS)
