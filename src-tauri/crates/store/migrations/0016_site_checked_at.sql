-- When a pull last asked the site what rarely changes: whether the companion plugin is active,
-- the sections, and the rights of the account. The scheduled pulls ask again only after a
-- quarter of an hour, so a newsroom's machines pulling every minute cost the site one request
-- each (the feed of changed reviews) instead of four.
ALTER TABLE backends ADD COLUMN site_checked_at TEXT NOT NULL DEFAULT '';
