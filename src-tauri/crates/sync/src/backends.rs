//! The publishing backends: WordPress sites and ninjs receivers. The store keeps each one's
//! address and user name; its password or signing secret lives only in the OS keychain.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::{delete_password, store_password, timestamp, Result, SyncError};

/// A configured publishing backend (its password is in the OS keychain, not here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Backend {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub url: String,
    pub username: String,
    /// Whether review data and edit locks travel through this site (its companion plugin).
    pub desk: crate::DeskSupport,
}

/// The kinds of backend: a WordPress site, or a system that takes ninjs over HTTP.
pub const BACKEND_KINDS: &[&str] = &["wordpress", "ninjs_http"];

/// Adds a backend of one of [`BACKEND_KINDS`]; the name must be new.
pub fn add_backend(
    conn: &Connection,
    kind: &str,
    name: &str,
    url: &str,
    username: &str,
    now: DateTime<Utc>,
) -> Result<Backend> {
    let name = name.trim();
    let url = url.trim().trim_end_matches('/');
    if !BACKEND_KINDS.contains(&kind) {
        return Err(SyncError::Invalid(format!("no backend kind {kind}")));
    }
    if name.is_empty() || !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(SyncError::Invalid(
            "a backend needs a name and an http(s) URL".into(),
        ));
    }
    let backend = Backend {
        id: uuid::Uuid::now_v7().to_string(),
        kind: kind.to_owned(),
        name: name.to_owned(),
        url: url.to_owned(),
        username: username.trim().to_owned(),
        desk: crate::DeskSupport::Unknown,
    };
    let first = backends(conn)?.is_empty();
    conn.execute(
        "INSERT INTO backends (id, kind, name, url, username, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            backend.id,
            backend.kind,
            backend.name,
            backend.url,
            backend.username,
            timestamp(now)
        ],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
            SyncError::Invalid(format!("a backend named {name} exists already"))
        }
        other => other.into(),
    })?;
    if first {
        // Pieces submitted while no site was connected were queued nowhere; the first site
        // gets them now, as if it had been there when they were submitted.
        crate::outbox::enqueue_waiting(conn, &backend, now)?;
    }
    Ok(backend)
}

pub fn backends(conn: &Connection) -> Result<Vec<Backend>> {
    let mut stmt =
        conn.prepare("SELECT id, kind, name, url, username, desk_features FROM backends ORDER BY name")?;
    let found = stmt
        .query_map([], |r| {
            Ok(Backend {
                id: r.get(0)?,
                kind: r.get(1)?,
                name: r.get(2)?,
                url: r.get(3)?,
                username: r.get(4)?,
                desk: crate::DeskSupport::parse(&r.get::<_, String>(5)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

pub fn backend(conn: &Connection, name_or_id: &str) -> Result<Backend> {
    backends(conn)?
        .into_iter()
        .find(|b| b.name == name_or_id || b.id == name_or_id)
        .ok_or_else(|| SyncError::NoBackend(name_or_id.to_owned()))
}

/// Adds a backend with its password or signing secret, which goes to the OS keychain in the
/// same step: when the keychain refuses it, the backend is not kept either.
pub fn connect_backend(
    conn: &Connection,
    kind: &str,
    name: &str,
    url: &str,
    username: &str,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<Backend> {
    newsroom_store::write(conn, |tx| {
        let backend = add_backend(tx, kind, name, url, username, now)?;
        store_password(&backend.id, secret)?;
        Ok(backend)
    })
}

/// Removes a backend (by name or id) with its password; its queued jobs go with it. A password
/// already gone from the keychain is not an error: the backend is removed either way.
pub fn remove_backend(conn: &Connection, name_or_id: &str) -> Result<()> {
    let backend = backend(conn, name_or_id)?;
    conn.execute("DELETE FROM backends WHERE id = ?1", [&backend.id])?;
    let _ = delete_password(&backend.id);
    Ok(())
}
