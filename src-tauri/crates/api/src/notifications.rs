//! The inbox (`newsroom-notifications`).

use chrono::Utc;

use crate::{Api, ApiResult, Inbox, Notification, NotificationSettings};

impl Api {
    /// Looks at what the history gained since the last look; returns what is new to tell.
    pub fn notifications_collect(&self) -> ApiResult<Vec<Notification>> {
        Ok(newsroom_notifications::collect(&*self.conn()?, Utc::now())?)
    }

    /// The newest notifications and how many are unread.
    pub fn notifications_inbox(&self, limit: u32) -> ApiResult<Inbox> {
        Ok(newsroom_notifications::inbox(&*self.conn()?, limit)?)
    }

    /// Marks one read; returns how many are still unread.
    pub fn notification_read(&self, id: i64) -> ApiResult<u32> {
        Ok(newsroom_notifications::mark_read(&*self.conn()?, id, Utc::now())?)
    }

    /// Marks a piece's notifications read (it was opened); returns how many are still unread.
    pub fn notifications_read_piece(&self, article_id: &str) -> ApiResult<u32> {
        Ok(newsroom_notifications::mark_piece_read(
            &*self.conn()?,
            article_id,
            Utc::now(),
        )?)
    }

    pub fn notifications_read_all(&self) -> ApiResult<u32> {
        Ok(newsroom_notifications::mark_all_read(&*self.conn()?, Utc::now())?)
    }

    pub fn notification_settings(&self) -> ApiResult<NotificationSettings> {
        Ok(newsroom_notifications::settings(&*self.conn()?)?)
    }

    pub fn notification_settings_save(
        &self,
        settings: &NotificationSettings,
    ) -> ApiResult<NotificationSettings> {
        Ok(newsroom_notifications::save_settings(
            &*self.conn()?,
            settings,
            Utc::now(),
        )?)
    }
}
