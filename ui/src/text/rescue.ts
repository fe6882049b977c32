// Text pasted from documents set in the old Vietnamese fonts (TCVN3, VNI, VIQR) arrives as
// mojibake (`Xin chµo`). The paste goes in as it came, so nothing waits on the check and nothing
// is lost; when the shell finds an old code, the pasted run is replaced by the converted text,
// and the reporter is told what changed and can put it back. The rule of what is an old code
// lives in Rust (`newsroom_text::legacy`); this file only wires it to the fields.
import type { Conversion } from "../bindings";
import { ipc } from "../app/ipc";

/** A run of pasted text and a way to replace it, provided by the field it was pasted into. */
export interface Pasted {
  text: string;
  /** Replaces `before` with `after` where the paste went, if it is still there; says whether it did. */
  replace: (before: string, after: string) => boolean;
}

/** What the notice shows, and how to undo the conversion. */
export interface Rescued {
  conversion: Conversion;
  undo: () => boolean;
}

/** Text with only ASCII and none of VIQR's marks cannot hold an old code, so it is not sent. */
function mayHoldOldCode(text: string): boolean {
  return /[^\u0000-\u007f]/.test(text) || /[a-zA-Z][`'?~.^(+]|dd/.test(text);
}

/** Checks a paste and converts it in place; resolves to what to tell the reporter, or null. */
export async function rescuePasted(pasted: Pasted): Promise<Rescued | null> {
  if (pasted.text.length < 2 || !mayHoldOldCode(pasted.text)) return null;
  let conversion: Conversion | null;
  try {
    conversion = await ipc.textRescue(pasted.text);
  } catch {
    // A check that fails leaves the paste exactly as it came; that is the safe answer.
    return null;
  }
  if (!conversion || conversion.text === pasted.text) return null;
  const converted = conversion.text;
  if (!pasted.replace(pasted.text, converted)) return null;
  return { conversion, undo: () => pasted.replace(converted, pasted.text) };
}

/** The paste into a native text field, read after the browser has put it in. */
export function pastedIntoField(field: HTMLInputElement | HTMLTextAreaElement, onrescued: (r: Rescued) => void) {
  const start = field.selectionStart ?? 0;
  // The browser inserts the paste after this event; read it on the next turn.
  setTimeout(() => {
    const end = field.selectionEnd ?? start;
    const text = field.value.slice(start, end);
    const replace = (before: string, after: string) => {
      if (field.value.slice(start, start + before.length) !== before) return false;
      field.setRangeText(after, start, start + before.length, "end");
      // Svelte's bind:value and the autosave listen for input events.
      field.dispatchEvent(new Event("input", { bubbles: true }));
      return true;
    };
    void rescuePasted({ text, replace }).then((r) => r && onrescued(r));
  }, 0);
}
