-- The desk's review. Who wrote a piece, who last saved it, and who took it for review, so the
-- queues can say "mine" and every change is attributed.
ALTER TABLE articles ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN reviewer TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_by_status ON articles (status, updated_at DESC);
CREATE INDEX articles_by_section ON articles (section, updated_at DESC);

-- Who saved each revision, and the captions the piece's photos had then (JSON: an array of
-- {photo_id, caption}), so versions can be compared caption by caption.
ALTER TABLE revisions ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN captions TEXT NOT NULL DEFAULT '[]';

-- Comment threads pinned to a passage of a piece's body. The anchor is the quoted text with
-- the text around it and where it last was (a character offset), so it can be found again
-- after edits; a thread whose passage is gone is kept as orphaned, never dropped. Ids are
-- UUIDs so threads from two machines can meet without clashing.
CREATE TABLE comment_threads (
    id           TEXT PRIMARY KEY NOT NULL,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    quote        TEXT NOT NULL,
    prefix       TEXT NOT NULL DEFAULT '',
    suffix       TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    resolved_by  TEXT NOT NULL DEFAULT '',
    resolved_at  TEXT
);
CREATE INDEX comment_threads_by_article ON comment_threads (article_id, created_at);

CREATE TABLE comments (
    id          TEXT PRIMARY KEY NOT NULL,
    thread_id   TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
    author      TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX comments_by_thread ON comments (thread_id, created_at);

-- Proposed edits (suggestion mode): replacing `quote` (empty for an insertion) by `replacement`
-- (empty for a deletion) at an anchor like a comment's. Accepting one is a normal save.
CREATE TABLE proposals (
    id           TEXT PRIMARY KEY NOT NULL,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    quote        TEXT NOT NULL,
    replacement  TEXT NOT NULL,
    prefix       TEXT NOT NULL DEFAULT '',
    suffix       TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected')),
    settled_by   TEXT NOT NULL DEFAULT '',
    settled_at   TEXT
);
CREATE INDEX proposals_by_article ON proposals (article_id, state);
