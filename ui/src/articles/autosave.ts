// The save queue behind the editor. Its rules, which protect the reporter's text:
// - at most one save is in flight at a time (overlapping saves would race the version check
//   and report a false conflict); changes made meanwhile are saved right after;
// - typing is saved at most `debounceMs` after it pauses, and at least every `maxWaitMs`
//   while it goes on;
// - an autosave never fires in the middle of an IME composition (Telex/VNI): it waits for
//   the composition to end, so the composed letter is saved whole;
// - a failed save keeps the text dirty and is retried; nothing typed is dropped.
import type { ApiError, Article, ArticleFields, SaveKind } from "../bindings";
import { ipc } from "../app/ipc";

export type SaveState = "saved" | "pending" | "saving" | "error";

export interface AutosaveOptions {
  id: string;
  version: number;
  read: () => ArticleFields;
  isComposing: () => boolean;
  onSaved: (article: Article) => void;
  onState: (state: SaveState, error?: ApiError) => void;
  debounceMs?: number;
  maxWaitMs?: number;
  retryMs?: number;
}

export class Autosave {
  private version: number;
  private dirty = false;
  private manualWanted = false;
  private inflight: Promise<void> | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private maxWaitTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private blocked = false;

  constructor(private readonly options: AutosaveOptions) {
    this.version = options.version;
  }

  /** The version of the article the last save stored (or the editor loaded). */
  get storedVersion(): number {
    return this.version;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inflight !== null;
  }

  /** The text changed: schedule a save. */
  touch() {
    this.dirty = true;
    this.options.onState("pending");
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.timerFired(), this.options.debounceMs ?? 500);
    this.maxWaitTimer ??= setTimeout(() => this.timerFired(), this.options.maxWaitMs ?? 2000);
  }

  /** A timed autosave: waits for an IME composition to end rather than cutting into it. */
  private timerFired() {
    if (this.options.isComposing()) {
      clearTimeout(this.debounceTimer);
      // Try again shortly; compositionend also calls touch().
      this.debounceTimer = setTimeout(() => this.timerFired(), 150);
      return;
    }
    void this.flush("autosave");
  }

  /**
   * Saves now (if anything changed, or always for a manual save). Resolves to true when
   * everything typed is stored, false when a save failed and the text exists only on screen.
   */
  async flush(kind: SaveKind = "autosave"): Promise<boolean> {
    this.clearTimers();
    if (kind === "manual") this.manualWanted = true;
    if (this.inflight) {
      await this.inflight;
      return this.flush(this.manualWanted ? "manual" : kind);
    }
    if (!this.dirty && !this.manualWanted) return true;
    if (this.blocked) return false;
    const saveKind: SaveKind = this.manualWanted ? "manual" : "autosave";
    this.dirty = false;
    this.manualWanted = false;
    this.options.onState("saving");
    this.inflight = ipc
      .articleSave({ id: this.options.id, base_version: this.version, fields: this.options.read(), kind: saveKind })
      .then((article) => {
        this.version = article.version;
        this.options.onSaved(article);
        this.options.onState(this.dirty ? "pending" : "saved");
      })
      .catch((err: ApiError) => {
        this.dirty = true;
        if (saveKind === "manual") this.manualWanted = true;
        // A conflict or a missing article will not cure itself: stop and let the user choose.
        // Anything else (disk full, a locked file) is retried.
        if (err.code === "conflict" || err.code === "not_found" || err.code === "too_large") {
          this.blocked = true;
        } else {
          this.retryTimer = setTimeout(() => this.timerFired(), this.options.retryMs ?? 3000);
        }
        this.options.onState("error", err);
      })
      .finally(() => {
        this.inflight = null;
      });
    await this.inflight;
    return !this.dirty && !this.manualWanted;
  }

  /** Allows saving again after a blocking error (for example once a too-large body is cut). */
  unblock() {
    this.blocked = false;
  }

  dispose() {
    this.clearTimers();
  }

  private clearTimers() {
    clearTimeout(this.debounceTimer);
    clearTimeout(this.maxWaitTimer);
    clearTimeout(this.retryTimer);
    this.debounceTimer = undefined;
    this.maxWaitTimer = undefined;
    this.retryTimer = undefined;
  }
}
