-- The newsroom's own words for the spell checker: "added" words are right everywhere (brands,
-- loanwords, local names), "ignored" words are let pass but kept apart so the desk can review
-- them. Both travel between machines by export and import. Words are NFC, case as written.
CREATE TABLE spelling_words (
    word TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('added', 'ignored')),
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);
