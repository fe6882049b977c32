-- The search index without a second copy of the text: contentless (only the index is kept;
-- the folded text it was built from is not), with rows deletable by rowid, and prefix
-- indexes for one to three letters so that search as you type reads one short list per
-- keystroke instead of merging every word that starts with those letters. It records which
-- column a word is in but not where (detail = column): search matches words and word starts,
-- never phrases, and the positions would double the index for nothing.
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5 (
    headline,
    body,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3',
    detail = column,
    content = '',
    contentless_delete = 1
);
-- The new index is filled once, from the articles, the next time the store is opened.
DELETE FROM settings WHERE key = 'article_search_built';

-- How many pieces each state holds, kept by triggers, so the desk's queue counts are read, not
-- counted over the whole archive on every refresh (filtered queues still count their rows).
CREATE TABLE article_status_counts (
    status  TEXT PRIMARY KEY NOT NULL,
    n       INTEGER NOT NULL
);
INSERT INTO article_status_counts (status, n) SELECT status, count(*) FROM articles GROUP BY status;
CREATE TRIGGER article_status_counts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_status_counts (status, n) VALUES (new.status, 1)
        ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER article_status_counts_delete AFTER DELETE ON articles BEGIN
    UPDATE article_status_counts SET n = n - 1 WHERE status = old.status;
END;
CREATE TRIGGER article_status_counts_update AFTER UPDATE OF status ON articles
    WHEN old.status <> new.status BEGIN
    UPDATE article_status_counts SET n = n - 1 WHERE status = old.status;
    INSERT INTO article_status_counts (status, n) VALUES (new.status, 1)
        ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;

-- "Mine": the pieces a person wrote or took for review, newest first.
CREATE INDEX articles_by_creator ON articles (created_by, updated_at DESC);
CREATE INDEX articles_by_reviewer ON articles (reviewer, updated_at DESC);
