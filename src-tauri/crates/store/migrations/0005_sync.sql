-- Publishing backends and what exists on them. Passwords are never here: they live in the
-- OS keychain, keyed by the backend's id.
CREATE TABLE backends (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('wordpress', 'ninjs_http')),
    name        TEXT NOT NULL UNIQUE,
    url         TEXT NOT NULL,
    username    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

-- One row per local thing (article, photo, tag, section) that exists, or is being created,
-- on a backend. The row and its marker are written before the request that creates the
-- remote item is sent, with remote_id NULL; a retry after a crash between "request sent" and
-- "answer recorded" therefore searches for the marker before creating anything again.
CREATE TABLE remote_items (
    backend_id           TEXT NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
    local_kind           TEXT NOT NULL CHECK (local_kind IN ('article', 'photo', 'tag', 'category')),
    local_id             TEXT NOT NULL,
    marker               TEXT NOT NULL,
    remote_id            INTEGER,
    remote_url           TEXT NOT NULL DEFAULT '',
    -- WordPress's only version signal; a different value on re-read means someone edited it.
    remote_modified_gmt  TEXT NOT NULL DEFAULT '',
    -- What was last sent, the base of a three-way merge when both sides changed.
    synced_content       TEXT NOT NULL DEFAULT '',
    -- What the last update tried to write (title, excerpt, content), stored before it is
    -- sent: when its answer is lost, the site's changed modified_gmt is our own write, not
    -- someone else's, and must not be reported as a conflict.
    attempted            TEXT NOT NULL DEFAULT '',
    updated_at           TEXT NOT NULL,
    PRIMARY KEY (backend_id, local_kind, local_id)
);

-- The outbox: one job per piece and backend, drained by a background worker. Submitting or
-- publishing writes the job in the same transaction as the state change, so a piece is never
-- marked submitted without being queued.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    backend_id       TEXT NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
    target_status    TEXT NOT NULL CHECK (target_status IN ('draft', 'pending', 'publish')),
    state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'synced', 'conflict', 'failed', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    last_error_code  TEXT NOT NULL DEFAULT '',
    last_error       TEXT NOT NULL DEFAULT '',
    remote_url       TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
-- At most one open job per piece and backend: queueing again updates it.
CREATE UNIQUE INDEX outbox_one_open_job ON outbox (article_id, backend_id) WHERE state IN ('queued', 'sending');
CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);
