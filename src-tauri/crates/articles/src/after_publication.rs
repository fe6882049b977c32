//! The moves of a piece around its publication that change no workflow state: updating and
//! correcting a published piece, scheduling an approved one, setting an embargo. Each is a move
//! in the piece's history (who, when, the note, the time it names), shared with the other
//! machines like any change of state; the publication time and the embargo are worked out from
//! those moves (`workflow::settle_times`).

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::models::{Action, Article, Correction, Status};
use crate::row::{get, parse_timestamp};
use crate::workflow::{record_change, Recorded};
use crate::{write, ArticleError, Result};

/// The longest ahead a piece may be scheduled or embargoed: a typing slip (2062 for 2026)
/// would otherwise hide a story for decades.
pub const MAX_DAYS_AHEAD: i64 = 366;

/// The newsroom's clock: Vietnam time (UTC+7), whatever zone the machine is in. Times are
/// shown and typed on it and stored in UTC.
pub fn newsroom_clock() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset")
}

/// The HTML notices readers see at the end of a corrected story, oldest first, each dated on
/// the newsroom's clock: what the site and the ninjs body both print.
pub fn correction_notices(corrections: &[Correction]) -> String {
    newsroom_markdown::correction_notices(
        &corrections
            .iter()
            .map(|c| (c.vietnam_date(), c.note.clone()))
            .collect::<Vec<_>>(),
    )
}

/// One of the moves of this module, by someone.
#[derive(Debug, Clone, Copy)]
pub enum Act<'a> {
    /// The published piece's new text is to go to the site; the note (optional) says what
    /// changed.
    Update { note: &'a str },
    /// The published piece corrects a fact; the note says what was wrong and is shown to
    /// readers.
    Correct { note: &'a str },
    /// The approved piece is to be published at this time (`None`: no longer scheduled).
    Schedule { at: Option<DateTime<Utc>> },
    /// The piece must not be public before this time (`None`: the embargo is lifted).
    Embargo { until: Option<DateTime<Utc>> },
}

impl Act<'_> {
    /// What the move is recorded as in the history.
    pub fn action(self) -> Action {
        match self {
            Act::Update { .. } => Action::Update,
            Act::Correct { .. } => Action::Correct,
            Act::Schedule { .. } => Action::Schedule,
            Act::Embargo { .. } => Action::Embargo,
        }
    }

    /// Whether a piece in `status` can take this move.
    fn allowed_in(self, status: Status) -> bool {
        match self {
            Act::Update { .. } | Act::Correct { .. } => status == Status::Published,
            Act::Schedule { .. } => status == Status::Approved,
            // An embargo binds a piece that is not public yet.
            Act::Embargo { .. } => !matches!(status, Status::Published | Status::Spiked),
        }
    }
}

/// Reads a time as the newsroom writes it: in Vietnam time (UTC+7) unless it names its zone,
/// whatever zone the machine is in. `2026-12-05 08:00`, `2026-12-05T08:00`, `08:00 05/12/2026`,
/// `05/12/2026 08:00` and RFC 3339 (`2026-12-05T01:00:00Z`) are understood.
pub fn parse_newsroom_time(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%H:%M %d/%m/%Y",
        "%d/%m/%Y %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ]
    .into_iter()
    .find_map(|format| chrono::NaiveDateTime::parse_from_str(text, format).ok())
    .and_then(|local| local.and_local_timezone(newsroom_clock()).single())
    .map(|at| at.with_timezone(&Utc))
}

/// Refuses a time that has passed or is absurdly far ahead.
fn check_time(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<()> {
    if at <= now {
        return Err(ArticleError::TimePassed { at });
    }
    if at > now + chrono::Duration::days(MAX_DAYS_AHEAD) {
        return Err(ArticleError::TooFarAhead { at });
    }
    Ok(())
}

/// Records one of these moves on the piece `id`, by `by`, seen in state `from` when given
/// (a piece moved meanwhile is [`ArticleError::StateChanged`]). The piece keeps its state;
/// its schedule and embargo follow from the move.
pub fn act(
    conn: &Connection,
    id: &str,
    act: Act<'_>,
    from: Option<Status>,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Article> {
    write(conn, |tx| {
        let current = get(tx, id)?;
        crate::trash::ensure_outside_trash(tx, id)?;
        if let Some(expected) = from.filter(|expected| *expected != current.status) {
            return Err(ArticleError::StateChanged {
                expected,
                found: current.status,
            });
        }
        if !act.allowed_in(current.status) {
            return Err(ArticleError::NotAllowedNow {
                action: act.action(),
                status: current.status,
            });
        }
        let (note, at_time) = match act {
            Act::Update { note } => (note.trim(), None),
            Act::Correct { note } => {
                if note.trim().is_empty() {
                    return Err(ArticleError::NoteRequired);
                }
                (note.trim(), None)
            }
            Act::Schedule { at } => {
                if let Some(at) = at {
                    check_time(at, now)?;
                    // The embargo's end is the earliest the piece may go out.
                    if let Some(until) = current.embargo_until.filter(|until| *until > at) {
                        return Err(ArticleError::Embargoed { until });
                    }
                } else if current.publish_at.is_none() {
                    return Err(ArticleError::NotAllowedNow {
                        action: Action::Schedule,
                        status: current.status,
                    });
                }
                ("", at)
            }
            Act::Embargo { until } => {
                if let Some(until) = until {
                    check_time(until, now)?;
                }
                ("", until)
            }
        };
        let change = Recorded {
            to: current.status,
            action: act.action(),
            at_time,
            by,
            note,
            uid: None,
        };
        record_change(tx, &current, change, now)
    })
}

/// Records that a site published a scheduled piece when its time came: the change of state is
/// the site's, at the time it was scheduled for. Every machine that sees it makes the same
/// move: `uid` names it from what the machines share (the post and the time), so the
/// histories hold it once.
pub fn published_on_schedule(
    conn: &Connection,
    id: &str,
    site: &str,
    uid: &dyn Fn(DateTime<Utc>) -> String,
) -> Result<Option<Article>> {
    write(conn, |tx| {
        let current = get(tx, id)?;
        let (Status::Approved, Some(at)) = (current.status, current.publish_at) else {
            return Ok(None);
        };
        let uid = uid(at);
        let change = Recorded {
            to: Status::Published,
            action: Action::Move,
            at_time: None,
            by: site,
            note: "",
            uid: Some(&uid),
        };
        record_change(tx, &current, change, at).map(Some)
    })
}

/// The piece's corrections, oldest first: what its readers are told was wrong, and when.
pub fn corrections(conn: &Connection, id: &str) -> Result<Vec<Correction>> {
    let mut stmt = conn.prepare_cached(
        "SELECT note, changed_at FROM status_changes WHERE article_id = ?1 AND action = 'correct'
         ORDER BY changed_at, id",
    )?;
    let found = stmt
        .query_map([id], |r| {
            Ok(Correction {
                note: r.get(0)?,
                at: parse_timestamp(&r.get::<_, String>(1)?)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, DurationRound};

    use super::*;
    use crate::{ArticleFields, Move};

    fn approved(conn: &Connection) -> String {
        let fields = ArticleFields {
            headline: "Trao quà cho đoàn viên".into(),
            sapo: "Sáng nay, Công đoàn trao quà.".into(),
            body: "Đoạn mở đầu.".into(),
            byline: "Mai Quý".into(),
            dateline: "Hà Nội".into(),
            section: "Công đoàn".into(),
        };
        let id = crate::create(conn, &fields, "Mai Quý", Utc::now()).unwrap().id;
        for to in [Status::Submitted, Status::InReview, Status::Approved] {
            let change = Move {
                to,
                from: None,
                by: "Trần Biên",
                note: "",
            };
            crate::set_status(conn, &id, change, Utc::now()).unwrap();
        }
        id
    }

    fn times(conn: &Connection, id: &str) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
        let article = get(conn, id).unwrap();
        (article.publish_at, article.embargo_until)
    }

    #[test]
    fn the_schedule_and_the_embargo_follow_the_moves() {
        let dir = tempfile::tempdir().unwrap();
        let conn = newsroom_store::open_dir(dir.path()).unwrap();
        let id = approved(&conn);
        // The store keeps milliseconds; whole seconds compare as they are.
        let now = Utc::now().duration_trunc(Duration::seconds(1)).unwrap();
        let (soon, later) = (now + Duration::hours(2), now + Duration::hours(30));
        let by = "Trần Biên";

        // An embargo on an approved piece schedules it for the embargo's end...
        act(&conn, &id, Act::Embargo { until: Some(later) }, None, by, now).unwrap();
        assert_eq!(times(&conn, &id), (Some(later), Some(later)));
        // ...and nothing is scheduled or published before it.
        assert!(matches!(
            act(&conn, &id, Act::Schedule { at: Some(soon) }, None, by, now),
            Err(ArticleError::Embargoed { until }) if until == later
        ));
        let publish = Move {
            to: Status::Published,
            from: None,
            by,
            note: "",
        };
        assert!(matches!(
            crate::set_status(&conn, &id, publish, now),
            Err(ArticleError::Embargoed { .. })
        ));
        // Lifted, the schedule it made stands; a later change of state ends it.
        act(&conn, &id, Act::Embargo { until: None }, None, by, now).unwrap();
        assert_eq!(times(&conn, &id), (Some(later), None));
        act(&conn, &id, Act::Schedule { at: Some(soon) }, None, by, now).unwrap();
        assert_eq!(times(&conn, &id), (Some(soon), None));
        crate::set_status(&conn, &id, publish, now).unwrap();
        assert_eq!(times(&conn, &id), (None, None));

        // A published piece takes updates and corrections, not schedules; a correction says
        // what was wrong.
        assert!(matches!(
            act(&conn, &id, Act::Schedule { at: Some(soon) }, None, by, now),
            Err(ArticleError::NotAllowedNow { .. })
        ));
        assert!(matches!(
            act(&conn, &id, Act::Correct { note: " " }, None, by, now),
            Err(ArticleError::NoteRequired)
        ));
        act(&conn, &id, Act::Correct { note: "Sai ngày." }, None, by, now).unwrap();
        assert_eq!(
            corrections(&conn, &id)
                .unwrap()
                .iter()
                .map(|c| c.note.as_str())
                .collect::<Vec<_>>(),
            ["Sai ngày."]
        );
        assert_eq!(get(&conn, &id).unwrap().status, Status::Published);
    }

    #[test]
    fn times_are_read_on_the_newsrooms_clock_and_refused_when_passed_or_absurd() {
        let at = parse_newsroom_time("2026-12-05 08:00").unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-05T01:00:00+00:00");
        for same in [
            "2026-12-05T08:00",
            "08:00 05/12/2026",
            "05/12/2026 08:00",
            "2026-12-05T01:00:00Z",
        ] {
            assert_eq!(parse_newsroom_time(same), Some(at), "{same}");
        }
        assert_eq!(parse_newsroom_time("thứ hai tuần sau"), None);

        let dir = tempfile::tempdir().unwrap();
        let conn = newsroom_store::open_dir(dir.path()).unwrap();
        let id = approved(&conn);
        let now = Utc::now();
        let by = "Trần Biên";
        assert!(matches!(
            act(
                &conn,
                &id,
                Act::Schedule {
                    at: Some(now - Duration::minutes(1))
                },
                None,
                by,
                now
            ),
            Err(ArticleError::TimePassed { .. })
        ));
        let years_ahead = now + Duration::days(MAX_DAYS_AHEAD + 1);
        let refused = act(
            &conn,
            &id,
            Act::Embargo {
                until: Some(years_ahead),
            },
            None,
            by,
            now,
        )
        .unwrap_err();
        assert!(refused.to_string().contains("(UTC+7)"), "{refused}");
    }
}
