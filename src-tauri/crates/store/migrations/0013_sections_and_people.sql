-- The sections (categories) each site has, kept fresh by every pull and when a site is
-- connected, so the editor offers the site's own spelling of them, and a piece is not
-- submitted to a section the site lacks when its user may not add one there.
CREATE TABLE site_sections (
    backend_id  TEXT NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
    remote_id   INTEGER NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (backend_id, remote_id)
);

-- Whether this machine's user may add a section on the site (WordPress's manage_categories);
-- NULL until the site was asked.
ALTER TABLE backends ADD COLUMN may_add_sections INTEGER;

-- People as their own machines name them (their profile's name), by their user id on each
-- site, learned from the reviews the site carries: history, merged edits and lock banners
-- name them so, whatever the site's display name says.
CREATE TABLE site_people (
    backend_id  TEXT NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    name        TEXT NOT NULL,
    named_at    TEXT NOT NULL,
    PRIMARY KEY (backend_id, user_id)
);

-- This machine's user id on the site (from the companion plugin); NULL until asked.
ALTER TABLE backends ADD COLUMN site_user_id INTEGER;

-- The post's status as the site last showed it (`pending`, `publish`, `draft`, `future`), from
-- this machine's sends, its pulls and the feed of changed reviews: what a piece says about the
-- site follows what the site has, whichever machine changed it.
ALTER TABLE remote_items ADD COLUMN remote_status TEXT NOT NULL DEFAULT '';
