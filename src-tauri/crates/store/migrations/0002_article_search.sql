-- Full-text search over articles, keyed by articles.seq (the FTS rowid).
-- SQLite's unicode61 tokenizer does not fold đ to d, so the application writes already-folded
-- text (newsroom_text::fold) here and folds queries the same way; the tokenizer only splits.
CREATE VIRTUAL TABLE article_search USING fts5 (
    headline,
    body,
    tokenize = 'unicode61 remove_diacritics 0'
);
