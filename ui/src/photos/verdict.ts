// A photo editor's verdict (stars, pick or reject, colour label) as the photo desk changes it,
// and the full change the API takes (every other field left as it is).
import type { ColourLabel, PhotoEdit, Pick } from "../bindings";
import { matches } from "../help/shortcuts";

export interface Verdict {
  rating?: number;
  pick?: Pick;
  label?: ColourLabel;
}

export function verdictEdit(verdict: Verdict): PhotoEdit {
  return {
    description: null,
    credit: null,
    creator: null,
    copyright: null,
    alt_text: null,
    headline: null,
    keywords: null,
    date_created: null,
    city: null,
    province: null,
    country: null,
    event: null,
    instructions: null,
    job_id: null,
    people: null,
    rating: verdict.rating ?? null,
    pick: verdict.pick ?? null,
    label: verdict.label ?? null,
  };
}

/** Keys 6–9 give the labels in the order culling tools use. */
const LABEL_KEYS: ColourLabel[] = ["red", "yellow", "green", "blue"];

/** The verdict a key press gives (0–5, P, X, U, 6–9), or nothing. */
export function verdictKey(event: KeyboardEvent): Verdict | null {
  if (matches("photoStars", event)) return { rating: Number(event.key) };
  if (matches("photoPick", event)) return { pick: "picked" };
  if (matches("photoReject", event)) return { pick: "rejected" };
  if (matches("photoUnmark", event)) return { pick: "unmarked" };
  if (matches("photoLabel", event)) return { label: LABEL_KEYS[Number(event.key) - 6] };
  return null;
}

/** Whether a key press is for a field being typed in, not for the grid. */
export function typing(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}
