-- How many attempts of a push job in a row the site answered nothing at all. The backoff grows
-- with these alone: a job whose attempts the site answers in part is on a flaky link, not
-- facing a site that is down, and is tried again soon whatever its count of attempts.
ALTER TABLE outbox ADD COLUMN unanswered_attempts INTEGER NOT NULL DEFAULT 0;
