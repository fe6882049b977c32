//! Who is editing a piece across machines: the edit lock on the site (`newsroom-sync`'s
//! `locks.rs`, through the companion plugin). Each call waits on the network, on a connection
//! of its own, so the editor's saves never wait behind it.

use crate::{Api, ApiResult, PieceLock, TakeOver};

impl Api {
    /// Who holds the piece now, without taking it.
    pub fn piece_lock(&self, article_id: &str) -> ApiResult<PieceLock> {
        Ok(newsroom_sync::piece_lock(&self.network_conn()?, article_id)?)
    }

    /// Takes or renews the piece's lock for this machine (the editor calls this on opening
    /// a piece and every minute while it stays open); held by someone else, it stays theirs.
    pub fn piece_lock_take(&self, article_id: &str) -> ApiResult<PieceLock> {
        Ok(newsroom_sync::lock_piece(&self.network_conn()?, article_id)?)
    }

    /// Takes the lock from whoever holds it, once the user has confirmed; the site records it.
    pub fn piece_take_over(&self, article_id: &str) -> ApiResult<PieceLock> {
        Ok(newsroom_sync::take_over_piece(&self.network_conn()?, article_id)?)
    }

    /// Releases this machine's lock (the piece was closed).
    pub fn piece_release(&self, article_id: &str) -> ApiResult<PieceLock> {
        Ok(newsroom_sync::release_piece(&self.network_conn()?, article_id)?)
    }

    /// The take-overs of the piece's lock, for its history.
    pub fn piece_takeovers(&self, article_id: &str) -> ApiResult<Vec<TakeOver>> {
        Ok(newsroom_sync::takeovers(&*self.conn()?, article_id)?)
    }
}
