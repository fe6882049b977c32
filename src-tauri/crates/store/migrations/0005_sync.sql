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
    updated_at           TEXT NOT NULL,
    PRIMARY KEY (backend_id, local_kind, local_id)
);
