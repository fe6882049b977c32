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
