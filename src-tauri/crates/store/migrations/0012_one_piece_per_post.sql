-- One local piece per post on a site. Pulls that overlapped (a pull by hand while the
-- worker's scheduled one ran, or several `newsroom sync pull` at once) could each make a piece
-- of the same post. The duplicates a store already has are merged here into the piece that
-- was worked on last, keeping every edit (the other copy's text becomes a revision), every
-- change of state, comment, proposal, tag and photo; then the store itself refuses a second
-- piece for a post, so no code path can make one again.

-- What this migration merged, so the app and `newsroom sync merged` can say so.
CREATE TABLE merged_duplicates (
    kept_id      TEXT NOT NULL,
    merged_id    TEXT NOT NULL,
    backend_id   TEXT NOT NULL,
    remote_id    INTEGER NOT NULL,
    headline     TEXT NOT NULL,
    merged_at    TEXT NOT NULL,
    PRIMARY KEY (merged_id)
);

-- Each duplicate with the piece it joins: per post, the piece updated last is kept.
CREATE TEMP TABLE duplicate_of AS
WITH ranked AS (
    SELECT r.backend_id, r.remote_id, r.local_id, a.seq, a.headline,
           row_number() OVER (PARTITION BY r.backend_id, r.remote_id
                              ORDER BY a.updated_at DESC, a.seq) AS rank
    FROM remote_items r JOIN articles a ON a.id = r.local_id JOIN backends b ON b.id = r.backend_id
    WHERE r.local_kind = 'article' AND r.remote_id > 0 AND b.kind = 'wordpress'
)
SELECT d.local_id AS dup, min(k.local_id) AS keeper, d.backend_id, d.remote_id, d.seq AS dup_seq,
       d.headline
FROM ranked d JOIN ranked k
    ON k.backend_id = d.backend_id AND k.remote_id = d.remote_id AND k.rank = 1
WHERE d.rank > 1 AND d.local_id NOT IN (SELECT local_id FROM ranked WHERE rank = 1)
GROUP BY d.local_id;

INSERT INTO merged_duplicates (kept_id, merged_id, backend_id, remote_id, headline, merged_at)
SELECT keeper, dup, backend_id, remote_id, headline, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM duplicate_of;

-- The duplicate's text as it last was, kept as a revision of the piece it joins.
INSERT INTO revisions (article_id, reason, headline, sapo, body, byline, dateline, section, status,
                       word_count, created_at, author, captions)
SELECT m.keeper, 'manual', a.headline, a.sapo, a.body, a.byline, a.dateline, a.section, a.status,
       a.word_count, a.updated_at, a.updated_by, '[]'
FROM duplicate_of m JOIN articles a ON a.id = m.dup;

UPDATE revisions SET article_id = (SELECT keeper FROM duplicate_of WHERE dup = revisions.article_id)
WHERE article_id IN (SELECT dup FROM duplicate_of);

-- A change of state has a uid unique across the store, so the two copies never hold the same
-- one: both histories join, in time order. Only the receipt of the post itself, which each
-- overlapping pull wrote into its own copy ("received", from the site), is the same event
-- told twice: the kept piece's stands for it.
DELETE FROM status_changes
WHERE article_id IN (SELECT dup FROM duplicate_of) AND note = 'received'
  AND EXISTS (
      SELECT 1 FROM status_changes kept JOIN duplicate_of m ON kept.article_id = m.keeper
      WHERE m.dup = status_changes.article_id AND kept.note = 'received'
        AND kept.from_status = status_changes.from_status AND kept.to_status = status_changes.to_status
        AND kept.changed_by = status_changes.changed_by);
UPDATE status_changes SET article_id = (SELECT keeper FROM duplicate_of WHERE dup = status_changes.article_id)
WHERE article_id IN (SELECT dup FROM duplicate_of);

-- Threads and proposals have ids of their own, unique across the store.
UPDATE comment_threads SET article_id = (SELECT keeper FROM duplicate_of WHERE dup = comment_threads.article_id)
WHERE article_id IN (SELECT dup FROM duplicate_of);
UPDATE proposals SET article_id = (SELECT keeper FROM duplicate_of WHERE dup = proposals.article_id)
WHERE article_id IN (SELECT dup FROM duplicate_of);

-- Tags, rejected suggestions, photos and take-overs the kept piece lacks join it after its own.
INSERT OR IGNORE INTO article_tags (article_id, entity_id, role, position)
SELECT m.keeper, t.entity_id, t.role,
       t.position + 1 + coalesce((SELECT max(position) FROM article_tags WHERE article_id = m.keeper), 0)
FROM article_tags t JOIN duplicate_of m ON t.article_id = m.dup;
INSERT OR IGNORE INTO rejected_suggestions (article_id, kind, folded_name)
SELECT m.keeper, r.kind, r.folded_name
FROM rejected_suggestions r JOIN duplicate_of m ON r.article_id = m.dup;
INSERT OR IGNORE INTO article_photos (article_id, photo_id, position, caption, is_lead)
SELECT m.keeper, p.photo_id,
       p.position + 1 + coalesce((SELECT max(position) FROM article_photos WHERE article_id = m.keeper), 0),
       p.caption, 0
FROM article_photos p JOIN duplicate_of m ON p.article_id = m.dup;
INSERT OR IGNORE INTO lock_takeovers (article_id, taken_by, taken_from, taken_at)
SELECT m.keeper, l.taken_by, l.taken_from, l.taken_at
FROM lock_takeovers l JOIN duplicate_of m ON l.article_id = m.dup;

-- Finished jobs move with the piece (its sending history); a waiting job of the duplicate is
-- dropped when the kept piece has one waiting too.
UPDATE OR IGNORE outbox SET article_id = (SELECT keeper FROM duplicate_of WHERE dup = outbox.article_id)
WHERE article_id IN (SELECT dup FROM duplicate_of);

-- The duplicate's place on other sites goes with it when the kept piece has none there.
UPDATE OR IGNORE remote_items SET local_id = (SELECT keeper FROM duplicate_of WHERE dup = remote_items.local_id)
WHERE local_kind = 'article' AND local_id IN (SELECT dup FROM duplicate_of)
  AND backend_id NOT IN (SELECT backend_id FROM duplicate_of WHERE dup = remote_items.local_id);
DELETE FROM remote_items WHERE local_kind = 'article' AND local_id IN (SELECT dup FROM duplicate_of);

DELETE FROM article_search WHERE rowid IN (SELECT dup_seq FROM duplicate_of);
DELETE FROM articles WHERE id IN (SELECT dup FROM duplicate_of);
DROP TABLE duplicate_of;

-- Whatever a chain of duplicates left mapped twice is unmapped (the piece stays; the next pull
-- finds its post mapped to the other one), so the rule below can hold.
DELETE FROM remote_items
WHERE local_kind = 'article' AND remote_id > 0
  AND rowid NOT IN (SELECT min(rowid) FROM remote_items
                    WHERE local_kind = 'article' AND remote_id > 0
                    GROUP BY backend_id, remote_id);

-- A post is a WordPress id (positive); a ninjs receiver keeps one item per document uri and
-- records no id (0), so its pieces are not posts and are left out.
CREATE UNIQUE INDEX remote_items_one_piece_per_post
    ON remote_items (backend_id, remote_id) WHERE local_kind = 'article' AND remote_id > 0;
