-- The inbox: what other people did that this machine's user should hear of (a piece of theirs
-- taken, returned, approved, published, corrected or taken down; a comment or a reply; their
-- edit lock taken over; for the desk, a piece submitted). `newsroom-notifications` finds them
-- in the history (through `notification_feed`, below) after each change; `source` names the
-- event it came from (a change of state, a comment, a take-over), so none is told twice to the
-- same person. `recipient` is the profile's name it was found for: a machine two people share
-- (switching the profile) shows each their own.
CREATE TABLE notifications (
    id           INTEGER PRIMARY KEY,
    recipient    TEXT NOT NULL,
    source       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor        TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    happened_at  TEXT NOT NULL,
    read_at      TEXT,
    UNIQUE (recipient, source)
);
CREATE INDEX notifications_newest ON notifications (recipient, id DESC);
CREATE INDEX notifications_unread ON notifications (recipient) WHERE read_at IS NULL;

-- Every row the history gains (a change of state, a comment, a lock take-over), in the order
-- it arrived, numbered without reuse (a row number freed by a deleted piece is given again by
-- SQLite, so the history's own numbers cannot say what is new). Written only once the inbox
-- has started on this machine (the app starts it; a store used by the CLI alone gains
-- nothing), and emptied by each look.
CREATE TABLE notification_feed (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    source  TEXT NOT NULL CHECK (source IN ('move', 'comment', 'lock')),
    row     INTEGER NOT NULL
);
CREATE TRIGGER notification_feed_moves AFTER INSERT ON status_changes
WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'notifications.since')
BEGIN
    INSERT INTO notification_feed (source, row) VALUES ('move', NEW.id);
END;
CREATE TRIGGER notification_feed_comments AFTER INSERT ON comments
WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'notifications.since')
BEGIN
    INSERT INTO notification_feed (source, row) VALUES ('comment', NEW.rowid);
END;
CREATE TRIGGER notification_feed_locks AFTER INSERT ON lock_takeovers
WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'notifications.since')
BEGIN
    INSERT INTO notification_feed (source, row) VALUES ('lock', NEW.rowid);
END;
