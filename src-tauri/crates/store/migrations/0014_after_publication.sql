-- After publication: a piece's scheduled publication and its embargo, the moves that change no
-- state (an update or a correction of a published piece, a schedule, an embargo), and who
-- wrote each post on its site (publishing someone else's post needs more rights there).

-- When an approved piece is to be published (UTC, RFC 3339); NULL when it is not scheduled.
-- Worked out again from the history after every move, here or received from another machine.
ALTER TABLE articles ADD COLUMN publish_at TEXT;
-- The time before which the piece must not be public; NULL when there is no embargo.
ALTER TABLE articles ADD COLUMN embargo_until TEXT;

-- What a move did besides changing the state ('' for a plain change of state), and the time it
-- names (a schedule's publication time, an embargo's end; NULL when it lifts one).
ALTER TABLE status_changes ADD COLUMN action TEXT NOT NULL DEFAULT ''
    CHECK (action IN ('', 'update', 'correct', 'schedule', 'embargo'));
ALTER TABLE status_changes ADD COLUMN at_time TEXT;

-- The post's author on the site (their user id), as the site last showed it.
ALTER TABLE remote_items ADD COLUMN remote_author INTEGER;

-- Whether this machine's user may publish on the site (WordPress's publish_posts) and publish
-- other people's posts (edit_others_posts); NULL until the site was asked.
ALTER TABLE backends ADD COLUMN may_publish INTEGER;
ALTER TABLE backends ADD COLUMN may_edit_others INTEGER;

-- A job may now send a scheduled piece (WordPress's `future`). SQLite cannot change a CHECK
-- constraint in place, so the outbox is copied into a table that allows it, keeping every job
-- and its id.
CREATE TABLE outbox_with_future (
    id               INTEGER PRIMARY KEY,
    article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    backend_id       TEXT NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
    target_status    TEXT NOT NULL CHECK (target_status IN ('draft', 'pending', 'future', 'publish')),
    state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'synced', 'conflict', 'failed', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    last_error_code  TEXT NOT NULL DEFAULT '',
    last_error       TEXT NOT NULL DEFAULT '',
    remote_url       TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    conflict         TEXT NOT NULL DEFAULT ''
);
INSERT INTO outbox_with_future (id, article_id, backend_id, target_status, state, attempts, next_attempt_at,
                                last_error_code, last_error, remote_url, created_at, updated_at, conflict)
SELECT id, article_id, backend_id, target_status, state, attempts, next_attempt_at,
       last_error_code, last_error, remote_url, created_at, updated_at, conflict
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_with_future RENAME TO outbox;
-- At most one queued job per piece and backend: queueing again updates it.
CREATE UNIQUE INDEX outbox_one_queued_job ON outbox (article_id, backend_id) WHERE state = 'queued';
CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);
