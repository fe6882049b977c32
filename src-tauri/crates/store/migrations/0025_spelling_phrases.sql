-- Phrases the newsroom says are right ("cụm từ này đúng"): a context mark's word and its
-- neighbours, kept among the newsroom's words so they travel with the dictionary. The context
-- check never marks a word standing between the neighbours it has in such a phrase. SQLite cannot widen
-- a CHECK constraint in place, so the table is rebuilt with the third kind.
CREATE TABLE spelling_words_new (
    word TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('added', 'ignored', 'phrase')),
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);
INSERT INTO spelling_words_new (word, kind, added_by, added_at)
    SELECT word, kind, added_by, added_at FROM spelling_words;
DROP TABLE spelling_words;
ALTER TABLE spelling_words_new RENAME TO spelling_words;
