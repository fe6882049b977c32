-- The desk across machines: review data travels through the WordPress site (the companion
-- plugin), so each change of state gets an id every machine agrees on, and the comment
-- threads keep what a merge of two machines' versions needs.

-- A change of state made on one machine is the same change on every other: its id is a
-- random hex string, given by a trigger to rows written without one (all local moves), and
-- carried as it is by rows received from the site.
ALTER TABLE status_changes ADD COLUMN uid TEXT;
UPDATE status_changes SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX status_changes_by_uid ON status_changes (uid);
CREATE TRIGGER status_changes_uid AFTER INSERT ON status_changes WHEN NEW.uid IS NULL
BEGIN
    UPDATE status_changes SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

-- Resolving a thread records which comments the resolver had seen (a JSON array of ids): a
-- reply written elsewhere that they had not seen keeps the thread open after the merge.
-- Reopening (or replying) records when, so the later of "resolved" and "reopened" wins.
ALTER TABLE comment_threads ADD COLUMN resolved_seen TEXT NOT NULL DEFAULT '[]';
ALTER TABLE comment_threads ADD COLUMN reopened_at TEXT;

-- The revision of a piece's review on the site when this machine last read or wrote it.
ALTER TABLE remote_items ADD COLUMN review_revision INTEGER NOT NULL DEFAULT 0;

-- Per site: how far this machine has read the plugin's feed of changed reviews, and what the
-- site offers ('' not asked yet, 'none' without the plugin, else a comma-separated list).
ALTER TABLE backends ADD COLUMN review_cursor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE backends ADD COLUMN desk_features TEXT NOT NULL DEFAULT '';

-- Take-overs of a piece's edit lock (someone took it from the person editing it), as the
-- site recorded them: shown in the piece's history on every machine.
CREATE TABLE lock_takeovers (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    taken_by    TEXT NOT NULL,
    taken_from  TEXT NOT NULL,
    taken_at    TEXT NOT NULL,
    PRIMARY KEY (article_id, taken_by, taken_at)
);

-- A change made while a piece is being sent is a job of its own, queued behind the one in
-- flight (folding it into the job being sent marked it sent without it ever going): one job
-- per piece and site may wait, and one more may be in flight.
DROP INDEX outbox_one_open_job;
CREATE UNIQUE INDEX outbox_one_queued_job ON outbox (article_id, backend_id) WHERE state = 'queued';

-- Posts waiting on a site that could not be made into pieces here for a reason that does not
-- pass by itself (their review unreadable, this user refused), as they were then: the
-- worker's pulls pass them by until they change on the site, so they never crowd out the
-- rest of the queue. A pull by hand tries them again.
CREATE TABLE pull_refusals (
    backend_id    TEXT NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
    remote_id     INTEGER NOT NULL,
    modified_gmt  TEXT NOT NULL,
    error         TEXT NOT NULL,
    PRIMARY KEY (backend_id, remote_id)
);
