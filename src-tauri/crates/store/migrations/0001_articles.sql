-- Articles, their revision snapshots and the history of workflow states.
-- Timestamps are RFC 3339 UTC strings with milliseconds, so text order is time order.
-- seq is an explicit INTEGER PRIMARY KEY so it survives VACUUM; the search index keys on it.
CREATE TABLE articles (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    headline    TEXT NOT NULL DEFAULT '',
    sapo        TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    byline      TEXT NOT NULL DEFAULT '',
    dateline    TEXT NOT NULL DEFAULT '',
    section     TEXT NOT NULL DEFAULT '',
    slug        TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                ('draft', 'submitted', 'in_review', 'approved', 'published', 'returned', 'spiked')),
    word_count  INTEGER NOT NULL DEFAULT 0,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX articles_by_updated ON articles (updated_at DESC);

CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    reason      TEXT NOT NULL CHECK (reason IN ('created', 'interval', 'manual', 'status', 'restore', 'import')),
    headline    TEXT NOT NULL,
    sapo        TEXT NOT NULL,
    body        TEXT NOT NULL,
    byline      TEXT NOT NULL,
    dateline    TEXT NOT NULL,
    section     TEXT NOT NULL,
    status      TEXT NOT NULL,
    word_count  INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX revisions_by_article ON revisions (article_id, id DESC);

CREATE TABLE status_changes (
    id           INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    from_status  TEXT NOT NULL,
    to_status    TEXT NOT NULL,
    changed_by   TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    changed_at   TEXT NOT NULL
);
CREATE INDEX status_changes_by_article ON status_changes (article_id, id);

-- Small per-installation facts, such as whether demo content was already offered.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
);
