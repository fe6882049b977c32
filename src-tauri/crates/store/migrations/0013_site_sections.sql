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
