import { catalogues, type Lang, type Messages } from "./messages";
import { ipc } from "../app/commands";

const STORAGE_KEY = "newsroom.lang";

function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === "en" ? "en" : "vi";
}

/** The UI language, Vietnamese unless the user switched. Components read `i18n.t`. */
class I18n {
  lang = $state<Lang>(initialLang());
  t: Messages = $derived(catalogues[this.lang]);

  toggle() {
    this.lang = this.lang === "vi" ? "en" : "vi";
    localStorage.setItem(STORAGE_KEY, this.lang);
    document.documentElement.lang = this.lang;
    this.share();
  }

  /** Tells the shell the language, which the system's own dialogs (open and save a file)
   *  follow from the app's next start: they are worded before any page loads. */
  share() {
    ipc.languageSave(this.lang).catch((err: unknown) => console.warn("the language was not kept for the system's dialogs", err));
  }
}

export const i18n = new I18n();

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A stored UTC time shown as `dd/MM/yyyy HH:mm` in Vietnam time, whatever the machine's zone. */
export function vietnamTime(iso: string): string {
  const parts = Object.fromEntries(timeFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** A photo's capture time as the camera recorded it (its own clock, not converted), as
 *  `dd/MM/yyyy HH:mm`, or the date alone; text in another shape is shown as it is. */
export function captureTime(recorded: string): string {
  const found = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(recorded);
  if (!found) return recorded;
  const [, year, month, day, hour, minute] = found;
  return hour ? `${day}/${month}/${year} ${hour}:${minute}` : `${day}/${month}/${year}`;
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** A stored UTC time as a `datetime-local` field's value on the newsroom's clock (UTC+7). */
export function toVietnamInput(iso: string): string {
  return new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read on the newsroom's clock (UTC+7), as the UTC time to store. */
export function fromVietnamInput(value: string): string | null {
  const at = Date.parse(`${value}:00Z`);
  return Number.isNaN(at) ? null : new Date(at - VIETNAM_OFFSET_MS).toISOString();
}
