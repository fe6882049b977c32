-- What the article said (headline, sapo and body Markdown, as JSON) when it was last pushed or
-- pulled: the base of a three-way merge when both the site and the reporter changed it since.
ALTER TABLE remote_items ADD COLUMN synced_source TEXT NOT NULL DEFAULT '';

-- A job in conflict keeps the site's version it met (JSON: headline, sapo, body Markdown and
-- the post's modified_gmt), so the user can choose passage by passage without the network.
ALTER TABLE outbox ADD COLUMN conflict TEXT NOT NULL DEFAULT '';

-- A job's progress while sending: bytes of photo files sent and to send.
ALTER TABLE outbox ADD COLUMN bytes_sent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN bytes_total INTEGER NOT NULL DEFAULT 0;

-- Posts pulled from a backend become local articles; this says where one came from, so a
-- second pull updates nothing twice and the piece's later pushes update the same post.
-- (remote_items already maps the article to the post; nothing more is needed there.)
