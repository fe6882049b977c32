-- The directory of people and organisations, and the tags that link them to articles.
CREATE TABLE entities (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
    name        TEXT NOT NULL,
    -- newsroom_text collation key: Vietnamese order (people by given name).
    sort_key    TEXT NOT NULL,
    uri         TEXT NOT NULL UNIQUE,
    parent_id   TEXT REFERENCES entities (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX entities_by_sort ON entities (kind, sort_key);

-- Every way the text may write an entity (its name and aliases), stored folded as well so
-- the suggestion matcher loads without re-folding 100,000 names.
CREATE TABLE entity_spellings (
    entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    spelling   TEXT NOT NULL,
    folded     TEXT NOT NULL,
    is_name    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, spelling)
);
CREATE INDEX entity_spellings_by_folded ON entity_spellings (folded);

-- A person's roles over time: title and organisation as the newsroom writes them.
CREATE TABLE entity_roles (
    id            INTEGER PRIMARY KEY,
    person_id     TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    organisation  TEXT NOT NULL DEFAULT '',
    since         TEXT NOT NULL DEFAULT '',
    until         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entity_roles_by_person ON entity_roles (person_id);

CREATE TABLE article_tags (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    -- The role in which a person appears in this story.
    role        TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_tags_by_entity ON article_tags (entity_id);

-- Suggestions a reporter rejected for an article, so they are not offered again.
CREATE TABLE rejected_suggestions (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
    folded_name  TEXT NOT NULL,
    PRIMARY KEY (article_id, kind, folded_name)
);
