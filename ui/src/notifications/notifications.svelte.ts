// The inbox every screen reads: what other people did to this person's pieces. The shell finds
// new events in the store's history when asked (`notificationsCollect`); this module asks when
// the worker says the store changed (a pull brought the desk's moves), when the window comes
// back to the front, and every 20 s (the same store may be written by the CLI). New ones are
// also shown by the operating system, in the UI's language, while the window is not in front
// and the person wants them.
import { listen } from "@tauri-apps/api/event";
import type { Notification, NotificationKind, NotificationSettings } from "../bindings";
import { ipc } from "../app/ipc";
import { i18n } from "../i18n/i18n.svelte";

const LOOK_EVERY_MS = 20_000;
const SHOWN = 50;
/** More new ones than this at once are shown by the system as one summary. */
const ONE_BY_ONE = 3;

class Inbox {
  items = $state<Notification[]>([]);
  unread = $state(0);
  settings = $state<NotificationSettings>({ system: true, muted: [] });
  /** The system refused to show a notification (no notification service): said in the inbox. */
  systemFailed = $state(false);
  private started = false;
  private looking = false;

  start() {
    if (this.started) return;
    this.started = true;
    void ipc.notificationSettings().then((s) => (this.settings = s)).catch(() => {});
    void listen("sync-changed", () => void this.look());
    window.addEventListener("focus", () => void this.look());
    setInterval(() => void this.look(), LOOK_EVERY_MS);
    void this.look();
  }

  /** Looks for what is new, tells it, and reloads the inbox. */
  async look() {
    if (this.looking) return;
    this.looking = true;
    try {
      const fresh = await ipc.notificationsCollect();
      if (fresh.length > 0 && this.settings.system && !document.hasFocus()) await this.tellSystem(fresh);
      await this.reload();
    } catch {
      // A failed look (the store busy) leaves the inbox as it was until the next one.
    } finally {
      this.looking = false;
    }
  }

  async reload() {
    const inbox = await ipc.notificationsInbox(SHOWN);
    this.items = inbox.items;
    this.unread = inbox.unread;
  }

  private async tellSystem(fresh: Notification[]) {
    const t = i18n.t.inbox;
    const told =
      fresh.length > ONE_BY_ONE
        ? [{ title: t.unreadCount(fresh.length), body: fresh.map((n) => n.headline || t.untitled).join(" · ") }]
        : fresh.map((n) => ({
            title: `${t.kinds[n.kind]} · ${n.actor}`,
            body: [n.headline || t.untitled, n.note].filter(Boolean).join("\n"),
          }));
    try {
      for (const { title, body } of told) await ipc.notificationShowSystem(title, body);
      this.systemFailed = false;
    } catch {
      this.systemFailed = true;
    }
  }

  async read(id: number) {
    this.unread = await ipc.notificationRead(id);
    this.items = this.items.map((n) => (n.id === id ? { ...n, read: true } : n));
  }

  /** The piece was opened: all its notifications are read. */
  async readPiece(articleId: string) {
    if (this.unread === 0) return;
    this.unread = await ipc.notificationsReadPiece(articleId);
    this.items = this.items.map((n) => (n.article_id === articleId ? { ...n, read: true } : n));
  }

  async readAll() {
    this.unread = await ipc.notificationsReadAll();
    this.items = this.items.map((n) => ({ ...n, read: true }));
  }

  async save(settings: NotificationSettings) {
    this.settings = await ipc.notificationSettingsSave(settings);
    await this.reload();
  }

  async setKind(kind: NotificationKind, on: boolean) {
    const muted = this.settings.muted.filter((k) => k !== kind);
    await this.save({ ...this.settings, muted: on ? muted : [...muted, kind] });
  }
}

export const inbox = new Inbox();
