-- A draft deleted by its reporter goes to the trash first: it is kept, with the time it was
-- deleted, until it is restored, deleted for good, or the trash is emptied (by hand, or 30
-- days later). A piece in the trash is in no queue, count or search.
ALTER TABLE articles ADD COLUMN trashed_at TEXT;
CREATE INDEX articles_in_trash ON articles (trashed_at) WHERE trashed_at IS NOT NULL;

-- The queue counts kept by triggers leave out what is in the trash.
DROP TRIGGER article_status_counts_insert;
DROP TRIGGER article_status_counts_delete;
DROP TRIGGER article_status_counts_update;
CREATE TRIGGER article_status_counts_insert AFTER INSERT ON articles
    WHEN new.trashed_at IS NULL BEGIN
    INSERT INTO article_status_counts (status, n) VALUES (new.status, 1)
        ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER article_status_counts_delete AFTER DELETE ON articles
    WHEN old.trashed_at IS NULL BEGIN
    UPDATE article_status_counts SET n = n - 1 WHERE status = old.status;
END;
CREATE TRIGGER article_status_counts_update AFTER UPDATE OF status, trashed_at ON articles
    WHEN old.status <> new.status OR (old.trashed_at IS NULL) <> (new.trashed_at IS NULL) BEGIN
    UPDATE article_status_counts SET n = n - 1
        WHERE status = old.status AND old.trashed_at IS NULL;
    INSERT INTO article_status_counts (status, n)
        SELECT new.status, 1 WHERE new.trashed_at IS NULL
        ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
