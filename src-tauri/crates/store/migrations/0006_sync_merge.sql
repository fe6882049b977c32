-- What the article said (headline, sapo and body Markdown, as JSON) when it was last pushed or
-- pulled: the base of a three-way merge when both the site and the reporter changed it since.
ALTER TABLE remote_items ADD COLUMN synced_source TEXT NOT NULL DEFAULT '';

-- A job in conflict keeps the site's version it met (JSON: headline, sapo, body Markdown and
-- the post's modified_gmt), so the user can choose passage by passage without the network.
ALTER TABLE outbox ADD COLUMN conflict TEXT NOT NULL DEFAULT '';
