// The sync overview every screen reads: the worker's connectivity, the queue and the bytes of
// the job being sent. The shell emits `sync-changed` whenever any of it changes, and this module
// fetches the overview then (and every 30 s, in case an event was missed while hidden); while
// photos upload it emits `sync-progress` with the bytes alone, which need no fetch.
import { listen } from "@tauri-apps/api/event";
import type { SendProgress, SyncJob, SyncOverview } from "../bindings";
import { ipc } from "../app/ipc";

class SyncState {
  overview = $state<SyncOverview | null>(null);
  /** Counts the overviews fetched (not the progress ticks while photos upload): what depends
   *  on the queue, such as a piece's send state, is asked for again when it moves, and not at
   *  every block of bytes sent. */
  changes = $state(0);
  private started = false;

  async refresh() {
    try {
      this.overview = await ipc.syncOverview();
      this.changes += 1;
    } catch {
      // The sync screen shows errors of its own calls; a failed background refresh keeps
      // the last overview on screen until the next one.
    }
  }

  start() {
    if (this.started) return;
    this.started = true;
    void this.refresh();
    void listen("sync-changed", () => void this.refresh());
    // Several jobs send at once: each tick replaces its own job's bytes.
    void listen<SendProgress>("sync-progress", (event) => {
      if (!this.overview) return;
      const others = this.overview.progress.filter((p) => p.job_id !== event.payload.job_id);
      this.overview = { ...this.overview, progress: [...others, event.payload] };
    });
    setInterval(() => void this.refresh(), 30_000);
  }

  /** The bytes sent of a job that is sending photos now. */
  progressOf(jobId: number | null): SendProgress | null {
    if (jobId === null) return null;
    return this.overview?.progress.find((p) => p.job_id === jobId) ?? null;
  }

  /** The newest job of a piece, if it was ever queued. */
  jobFor(articleId: string): SyncJob | undefined {
    return this.overview?.jobs.find((j) => j.article_id === articleId);
  }

  /** How many jobs wait or fail: the number on the sync button. */
  get open(): number {
    return this.overview?.jobs.filter((j) => j.state !== "synced" && j.state !== "cancelled").length ?? 0;
  }
}

export const sync = new SyncState();
