-- Code replacements: the newsroom's short codes, typed between equals signs (`=hn=`) and
-- expanded to their text ("Hà Nội") in captions and every text field, as photo editors do in
-- Photo Mechanic. Codes are stored in lower case; a code typed in any case finds its text.
CREATE TABLE shortcuts (
    code        TEXT PRIMARY KEY,
    text        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
