//! Backups of the store (`newsroom-backup`).

use chrono::Utc;

use crate::{Api, ApiResult, Backup, BackupPreview, BackupSettings, Reason, Restored};

impl Api {
    /// Every backup, newest first.
    pub fn backup_list(&self) -> ApiResult<Vec<Backup>> {
        Ok(newsroom_backup::list(&*self.conn()?, &self.data_dir)?)
    }

    /// Makes a backup now. It copies the store through a connection of its own, so the editor
    /// saves meanwhile.
    pub fn backup_create(&self) -> ApiResult<Backup> {
        let conn = self.network_conn()?;
        Ok(newsroom_backup::create(
            &conn,
            &self.data_dir,
            Reason::Manual,
            Utc::now(),
        )?)
    }

    /// Makes a backup if one is due: at the app's start (`at_start`) when the store changed
    /// since the last one; later, when it changed and the last is a few hours old. Returns the
    /// backup made, if any.
    pub fn backup_if_due(&self, at_start: bool) -> ApiResult<Option<Backup>> {
        let conn = self.network_conn()?;
        let (every, reason) = if at_start {
            (std::time::Duration::ZERO, Reason::Start)
        } else {
            (newsroom_backup::SCHEDULE_EVERY, Reason::Scheduled)
        };
        if !newsroom_backup::due(&conn, &self.data_dir, Utc::now(), every)? {
            return Ok(None);
        }
        Ok(Some(newsroom_backup::create(
            &conn,
            &self.data_dir,
            reason,
            Utc::now(),
        )?))
    }

    /// What restoring a backup would bring back, beside the store as it is.
    pub fn backup_preview(&self, id: &str) -> ApiResult<BackupPreview> {
        Ok(newsroom_backup::preview(&*self.conn()?, &self.data_dir, id)?)
    }

    /// Replaces the store with a backup, after backing the store up as it is. Sending pauses
    /// meanwhile, so nothing half-sent lands in the restored store; what the app remembers of
    /// the old store (the directory for suggestions) is dropped.
    pub fn backup_restore(&self, id: &str) -> ApiResult<Restored> {
        let worker = self.worker.lock().ok();
        let paused = worker
            .as_ref()
            .and_then(|w| w.as_ref())
            .map(|w| w.pause_until_idle(std::time::Duration::from_secs(120)));
        let restored = {
            let mut conn = self.conn()?;
            newsroom_backup::restore(&mut conn, &self.data_dir, id, Utc::now())
        };
        if let (Some(worker), Some(was_paused)) = (worker.as_ref().and_then(|w| w.as_ref()), paused) {
            worker.set_paused(was_paused);
        }
        self.directory_changed();
        Ok(restored?)
    }

    pub fn backup_settings(&self) -> ApiResult<BackupSettings> {
        Ok(newsroom_backup::settings(&*self.conn()?)?)
    }

    pub fn backup_save_settings(&self, settings: &BackupSettings) -> ApiResult<BackupSettings> {
        Ok(newsroom_backup::save_settings(&*self.conn()?, settings)?)
    }
}
