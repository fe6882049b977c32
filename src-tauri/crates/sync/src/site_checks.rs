//! What a pull asks a site that rarely changes: whether the companion plugin is active (and
//! who the account is), the site's sections and the account's rights. A pull asked by hand
//! asks them every time; the worker's scheduled pulls, one a minute on every machine of a
//! newsroom, ask them once in [`SITE_CHECK_EVERY`] and otherwise cost the site only the
//! requests that bring pieces (the plugin's feed of changed reviews, and the desk's queue).
//! A scheduled pull that fails is followed by one that asks again, so a plugin turned off or
//! a password revoked is noticed at the next pull, not a quarter of an hour later.

use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use crate::shared_review::{desk_support, known_support};
use crate::wordpress::WordPress;
use crate::{timestamp, Backend, DeskSupport, Result};

/// How long what a scheduled pull learnt of the site stands before it asks again.
pub const SITE_CHECK_EVERY: Duration = Duration::from_secs(15 * 60);

/// Whether a pull asks the site what rarely changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteChecks {
    /// Every time (a pull asked by hand, connecting a site).
    Always,
    /// When the last answers are older than [`SITE_CHECK_EVERY`] (the worker's pulls).
    WhenStale,
}

/// Whether the site has the companion plugin active: asked of the site, with the sections
/// and rights refreshed, when `checks` says so; else as the last check found it.
pub(crate) fn desk_active(
    conn: &Connection,
    backend: &Backend,
    wp: &WordPress,
    checks: SiteChecks,
    now: DateTime<Utc>,
) -> Result<bool> {
    if checks == SiteChecks::WhenStale && fresh(conn, backend, now)? {
        return Ok(known_support(conn, &backend.id)? == DeskSupport::Active);
    }
    let active = desk_support(conn, backend, wp)? == DeskSupport::Active;
    // The sections only advise the editor and guard submitting: a refresh that fails (a
    // passing fault) keeps the last list, and the next pull asks again.
    if crate::sections::refresh_sections(conn, backend, wp).is_ok() {
        conn.execute(
            "UPDATE backends SET site_checked_at = ?2 WHERE id = ?1",
            params![backend.id, timestamp(now)],
        )?;
    }
    Ok(active)
}

/// Makes the next pull ask the site again (after a pull that failed).
pub(crate) fn forget(conn: &Connection, backend: &Backend) -> Result<()> {
    conn.execute(
        "UPDATE backends SET site_checked_at = '' WHERE id = ?1",
        [&backend.id],
    )?;
    Ok(())
}

fn fresh(conn: &Connection, backend: &Backend, now: DateTime<Utc>) -> Result<bool> {
    let checked: String = conn.query_row(
        "SELECT site_checked_at FROM backends WHERE id = ?1",
        [&backend.id],
        |r| r.get(0),
    )?;
    let Ok(checked) = DateTime::parse_from_rfc3339(&checked) else {
        return Ok(false);
    };
    let age = now - checked.with_timezone(&Utc);
    // A check "from the future" (the clock was set back) is not trusted.
    Ok(age >= chrono::Duration::zero()
        && age < chrono::Duration::from_std(SITE_CHECK_EVERY).expect("a quarter of an hour fits"))
}
