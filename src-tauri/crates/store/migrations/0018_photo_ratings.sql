-- The photo editor's verdict on each frame, as in every culling tool: 0–5 stars, a pick or a
-- reject, and a colour label. They travel inside exported files as XMP (`xmp:Rating`, with -1
-- for a reject as the XMP specification defines it, and `xmp:Label`), and are read from files
-- that already carry them on import.
ALTER TABLE photos ADD COLUMN rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5);
ALTER TABLE photos ADD COLUMN pick INTEGER NOT NULL DEFAULT 0 CHECK (pick IN (-1, 0, 1));
ALTER TABLE photos ADD COLUMN label TEXT NOT NULL DEFAULT ''
    CHECK (label IN ('', 'red', 'yellow', 'green', 'blue', 'purple'));
CREATE INDEX photos_by_rating ON photos (rating DESC, seq DESC);
