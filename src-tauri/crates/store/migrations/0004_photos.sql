-- Photos: one row per distinct image file (content-addressed by SHA-256), the archive fields
-- that travel inside the file as IPTC/XMP, the people shown, and each article's ordered set.
CREATE TABLE photos (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    sha256         TEXT NOT NULL UNIQUE,
    original_name  TEXT NOT NULL,
    format         TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
    byte_size      INTEGER NOT NULL,
    -- Display size: after the EXIF orientation is applied.
    width          INTEGER NOT NULL,
    height         INTEGER NOT NULL,
    orientation    INTEGER NOT NULL DEFAULT 1,
    -- The archive description; an article may caption the photo differently (article_photos).
    description    TEXT NOT NULL DEFAULT '',
    credit         TEXT NOT NULL DEFAULT '',
    creator        TEXT NOT NULL DEFAULT '',
    copyright      TEXT NOT NULL DEFAULT '',
    alt_text       TEXT NOT NULL DEFAULT '',
    headline       TEXT NOT NULL DEFAULT '',
    -- JSON array of strings.
    keywords       TEXT NOT NULL DEFAULT '[]',
    date_created   TEXT NOT NULL DEFAULT '',
    camera         TEXT NOT NULL DEFAULT '',
    gps_latitude   REAL,
    gps_longitude  REAL,
    imported_at    TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX photos_by_import ON photos (imported_at);

-- "People shown" come from the same directory as article tags.
CREATE TABLE photo_people (
    photo_id   TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (photo_id, entity_id)
);
CREATE INDEX photo_people_by_entity ON photo_people (entity_id);

CREATE TABLE article_photos (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    photo_id    TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    -- NULL: the article uses the photo's archive description as its caption.
    caption     TEXT,
    is_lead     INTEGER NOT NULL DEFAULT 0 CHECK (is_lead IN (0, 1)),
    PRIMARY KEY (article_id, photo_id)
);
CREATE INDEX article_photos_by_photo ON article_photos (photo_id);
CREATE UNIQUE INDEX article_photos_one_lead ON article_photos (article_id) WHERE is_lead = 1;
