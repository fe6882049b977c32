-- Names the newsroom has said are not people or organisations ("không gợi ý nữa"): the
-- suggester never offers them again, in any article, on this machine or on one that imports
-- the directory. Kept by the name folded as the directory folds names, with the name as first
-- written.
CREATE TABLE never_suggested (
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
    folded_name TEXT NOT NULL,
    name TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (kind, folded_name)
);
