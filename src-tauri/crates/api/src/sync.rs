//! Publishing: backends, the outbox and its background worker, conflicts and pulls
//! (`newsroom-sync`).

use std::sync::Arc;

use chrono::Utc;

use crate::{
    Api, ApiError, ApiResult, Backend, Choice, ErrorCode, MergedDuplicate, Passage, Pulled, SendProgress,
    SendState, SiteApprovalPage, SyncJob, SyncOverview,
};

impl Api {
    /// Adds a WordPress site after checking the address and the Application Password; the
    /// password goes to the OS keychain, never the store. Nothing is kept when either fails.
    pub fn backend_add_wordpress(
        &self,
        name: &str,
        url: &str,
        user: &str,
        password: &str,
    ) -> ApiResult<Backend> {
        let wp = newsroom_sync::WordPress::new(url, user, password);
        let display_name = wp.me()?;
        let mut backend = self.connect_backend("wordpress", name, url, user, password)?;
        let conn = self.conn()?;
        // The site knows the person by a name: offer it for their profile.
        newsroom_profile::offer_name(&conn, &display_name)?;
        // Whether the desk's features travel through this site is shown at once; a failure
        // here only leaves it to the first push or pull to find out.
        if let Ok(desk) = newsroom_sync::desk_support(&conn, &backend, &wp) {
            backend.desk = desk;
        }
        // The site's sections are offered in the editor at once; the first pull reads them
        // again when this fails.
        let _ = newsroom_sync::refresh_sections(&conn, &backend, &wp);
        Ok(backend)
    }

    /// Starts signing in with a WordPress site: asks the site for its approval page and gives
    /// the address to open in the browser. The answer comes back through the app's own
    /// address ([`Api::site_approval_finish`]); an earlier request not yet answered is
    /// forgotten, so only the latest page can connect.
    pub fn site_approval_start(&self, name: &str, url: &str) -> ApiResult<SiteApprovalPage> {
        if newsroom_sync::backends(&*self.conn()?)?
            .iter()
            .any(|b| b.name == name.trim())
        {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("a site named {} is connected already", name.trim()),
            ));
        }
        // Each approval makes a new Application Password, and WordPress wants each of a user's
        // to have its own name: the person's name and the time tell them apart in wp-admin.
        let who = newsroom_profile::get(&*self.conn()?)?
            .map(|p| p.name)
            .filter(|n| !n.trim().is_empty());
        let at = Utc::now()
            .with_timezone(&newsroom_articles::newsroom_clock())
            .format("%d/%m/%Y %H:%M:%S");
        let app_name = match who {
            Some(who) => format!("Tòa soạn · {who} · {at}"),
            None => format!("Tòa soạn · {at}"),
        };
        let request = newsroom_sync::request_approval(name, url, &app_name)?;
        let page = SiteApprovalPage {
            page: request.page.clone(),
            site: request.site.clone(),
            browser_opened: false,
        };
        *self
            .approval
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "the sign-in lock is poisoned"))? = Some(request);
        Ok(page)
    }

    /// Finishes signing in with the address the site sent the browser back to: checks that it
    /// answers the request this app made, then connects the site with the new Application
    /// Password as [`Api::backend_add_wordpress`] does. The request is used up either way.
    pub fn site_approval_finish(&self, address: &str) -> ApiResult<Backend> {
        let request = self
            .approval
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "the sign-in lock is poisoned"))?
            .take()
            .ok_or_else(|| {
                ApiError::from(newsroom_sync::SyncError::ApprovalUnexpected(
                    "no sign-in is waiting for an answer (the app was restarted, or the sign-in was already finished); start it again".into(),
                ))
            })?;
        let approved = newsroom_sync::read_approval(&request, address)?;
        self.backend_add_wordpress(
            &request.name,
            &request.site,
            &approved.user_login,
            &approved.password,
        )
    }

    /// Adds a system that takes ninjs documents over HTTP; `secret` signs every request
    /// (HMAC-SHA256) and is kept in the OS keychain.
    pub fn backend_add_ninjs(&self, name: &str, url: &str, secret: &str) -> ApiResult<Backend> {
        if secret.len() < 16 {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "the shared secret needs at least 16 characters",
            ));
        }
        self.connect_backend("ninjs_http", name, url, "", secret)
    }

    fn connect_backend(
        &self,
        kind: &str,
        name: &str,
        url: &str,
        user: &str,
        secret: &str,
    ) -> ApiResult<Backend> {
        let backend =
            newsroom_sync::connect_backend(&*self.conn()?, kind, name, url, user, secret, Utc::now())?;
        self.poke_worker();
        Ok(backend)
    }

    pub fn backend_list(&self) -> ApiResult<Vec<Backend>> {
        Ok(newsroom_sync::backends(&*self.conn()?)?)
    }

    /// Removes a backend and its password; its queued jobs go with it.
    pub fn backend_remove(&self, id: &str) -> ApiResult<()> {
        Ok(newsroom_sync::remove_backend(&*self.conn()?, id)?)
    }

    pub(crate) fn poke_worker(&self) {
        if let Ok(worker) = self.worker.lock() {
            if let Some(worker) = worker.as_ref() {
                worker.poke();
            }
        }
    }

    /// Starts the background worker that drains the outbox and pulls on its schedule (the
    /// desktop app calls this once); `changed` hears whenever [`Api::sync_overview`] or the
    /// pieces would show something new (with the progress alone when only that moved).
    pub fn sync_start_worker(
        &self,
        changed: Box<dyn Fn(Option<SendProgress>) + Send + Sync>,
    ) -> ApiResult<()> {
        let known = Arc::clone(&self.known);
        let changed = Box::new(move |progress: Option<SendProgress>| {
            // A pull may have added people and organisations from the pieces' tags.
            if progress.is_none() {
                if let Ok(mut slot) = known.write() {
                    *slot = None;
                }
            }
            changed(progress)
        });
        let mut worker = self
            .worker
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "the sync worker lock was poisoned"))?;
        if worker.is_none() {
            *worker = Some(newsroom_sync::SyncWorker::start(
                self.data_dir.clone(),
                changed,
                Box::new(pull_scope),
            )?);
        }
        Ok(())
    }

    /// Every job with the worker's view: online or not, paused or not, bytes sent.
    pub fn sync_overview(&self) -> ApiResult<SyncOverview> {
        let jobs = newsroom_sync::jobs(&*self.conn()?)?;
        let worker = self
            .worker
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "the sync worker lock was poisoned"))?;
        Ok(newsroom_sync::overview(jobs, worker.as_ref()))
    }

    /// Pauses or resumes sending (the worker keeps the queue either way).
    pub fn sync_set_paused(&self, paused: bool) -> ApiResult<()> {
        if let Some(worker) = self.worker.lock().ok().as_ref().and_then(|w| w.as_ref()) {
            worker.set_paused(paused);
        }
        Ok(())
    }

    /// Queues a piece again (after editing it) to every backend, to the post status its
    /// workflow state maps to. A published piece's edits are an update, recorded as such.
    pub fn sync_queue(&self, article_id: &str) -> ApiResult<()> {
        if self.article_get(article_id)?.status == crate::Status::Published {
            self.article_act(&crate::ActRequest {
                id: article_id.to_owned(),
                action: crate::Action::Update,
                from: Some(crate::Status::Published),
                note: String::new(),
                at: None,
            })?;
            return Ok(());
        }
        {
            let conn = self.conn()?;
            newsroom_sync::enqueue_everywhere(&conn, article_id, Utc::now())?;
        }
        self.poke_worker();
        Ok(())
    }

    pub fn sync_retry(&self, job_id: i64) -> ApiResult<()> {
        newsroom_sync::retry(&*self.conn()?, job_id, Utc::now())?;
        self.poke_worker();
        Ok(())
    }

    pub fn sync_cancel(&self, job_id: i64) -> ApiResult<()> {
        Ok(newsroom_sync::cancel(&*self.conn()?, job_id, Utc::now())?)
    }

    /// The passages of a job in conflict, the ones to choose between without `text`.
    pub fn sync_conflict(&self, job_id: i64) -> ApiResult<Vec<Passage>> {
        Ok(newsroom_sync::conflict_passages(&*self.conn()?, job_id)?)
    }

    /// Settles a conflict, one choice per conflicting passage, and sends the piece again.
    pub fn sync_resolve(&self, job_id: i64, choices: &[Choice]) -> ApiResult<()> {
        let conn = self.conn()?;
        newsroom_sync::resolve_conflict(
            &conn,
            job_id,
            choices,
            &newsroom_profile::actor(&conn),
            Utc::now(),
        )?;
        drop(conn);
        self.poke_worker();
        Ok(())
    }

    /// Pulls from every WordPress backend: for a desk (or anyone without a reporter's
    /// profile) the posts waiting for review, new ones included; for everyone, what changed
    /// on the pieces this machine has, with their reviews.
    pub fn sync_pull(&self) -> ApiResult<Vec<Pulled>> {
        let conn = self.network_conn()?;
        let pulled = newsroom_sync::pull_everywhere(
            &conn,
            &self.photos_dir(),
            pull_scope(&conn),
            newsroom_sync::SiteChecks::Always,
        )?;
        self.directory_changed();
        Ok(pulled)
    }

    /// Sends every queued push once (`force`: even those still waiting out a backoff), after
    /// putting back any a crash left half-sent; returns the jobs it sent.
    pub fn sync_run(&self, force: bool) -> ApiResult<Vec<SyncJob>> {
        Ok(newsroom_sync::send_all(
            &self.network_conn()?,
            &self.photos_dir(),
            Utc::now(),
            force,
        )?)
    }

    /// The duplicate pieces the store's upgrade merged into the piece kept for their post.
    pub fn sync_merged_duplicates(&self) -> ApiResult<Vec<MergedDuplicate>> {
        Ok(newsroom_sync::merged_duplicates(&*self.conn()?)?)
    }

    /// Whether the sites have the piece: not sent, sending, on the site (with the edits not
    /// there yet), or refused and why.
    pub fn sync_send_state(&self, article_id: &str) -> ApiResult<SendState> {
        Ok(newsroom_sync::send_state(&*self.conn()?, article_id)?)
    }

    /// How many pieces need someone to look at their sending (with the desk and on no site,
    /// or refused), for the queues.
    pub fn sync_unsent_count(&self) -> ApiResult<u32> {
        Ok(newsroom_sync::unsent_count(&*self.conn()?)?)
    }

    /// The send states of the pieces a list shows.
    pub fn sync_send_states(&self, article_ids: &[String]) -> ApiResult<Vec<SendState>> {
        Ok(newsroom_sync::send_states(&*self.conn()?, article_ids)?)
    }

    /// The sections the connected sites have (the site's own spelling), for the section field.
    pub fn site_sections(&self) -> ApiResult<Vec<String>> {
        Ok(newsroom_sync::site_sections(&*self.conn()?)?)
    }

    pub fn sync_status(&self) -> ApiResult<Vec<SyncJob>> {
        Ok(newsroom_sync::jobs(&*self.conn()?)?)
    }
}

/// What a pull on this machine brings: a reporter's machine does not copy the desk's queue.
fn pull_scope(conn: &rusqlite::Connection) -> newsroom_sync::PullScope {
    match newsroom_profile::get(conn) {
        Ok(Some(profile)) if profile.role == newsroom_profile::Role::Reporter => {
            newsroom_sync::PullScope::Known
        }
        _ => newsroom_sync::PullScope::DeskQueue,
    }
}
