// Code replacements as the user types: the newsroom's `=code=` list (read once, again after a
// change), and the rule that turns `=hn=` into "Hà Nội" the moment the closing `=` is typed, in
// every text field (`use:codes`) and in the body (a CodeMirror input handler). The rule is the
// store's (`newsroom-shortcuts`): codes of 1–32 letters, digits, - or _, in any case; an
// unknown code stays as typed.
import type { Shortcut } from "../bindings";
import { ipc } from "../app/commands";

class Codes {
  list = $state<Shortcut[]>([]);
  byCode = $derived(new Map(this.list.map((s) => [s.code, s.text])));
  private loaded: Promise<void> | null = null;

  load(): Promise<void> {
    this.loaded ??= ipc
      .shortcutList()
      .then((list) => {
        this.list = list;
      })
      .catch((err: unknown) => {
        // Typing still works without codes; the list screen shows the error when opened.
        console.warn("the code replacements could not be read", err);
        this.loaded = null;
      });
    return this.loaded;
  }

  async reload(): Promise<void> {
    this.loaded = null;
    await this.load();
  }
}

export const codes = new Codes();

const TYPED_CODE = /=([A-Za-z0-9_-]{1,32})=$/;

/** The expansion of a code just closed at the end of `before` (the text before the cursor):
 *  how many characters it replaces and with what, or nothing. */
export function closedCode(before: string): { length: number; text: string } | null {
  const found = TYPED_CODE.exec(before);
  if (!found) return null;
  const text = codes.byCode.get(found[1].toLowerCase());
  return text === undefined ? null : { length: found[0].length, text };
}

/** A Svelte action for an input or textarea: expands a code when its closing `=` is typed,
 *  as one step the field's own undo can take back. */
export function expandCodes(node: HTMLInputElement | HTMLTextAreaElement) {
  void codes.load();
  const onInput = (event: Event) => {
    const input = event as InputEvent;
    if (input.inputType !== "insertText" || input.data !== "=" || input.isComposing) return;
    const caret = node.selectionStart ?? node.value.length;
    const code = closedCode(node.value.slice(0, caret));
    if (!code) return;
    node.setSelectionRange(caret - code.length, caret);
    // execCommand keeps the change in the field's undo history; a field that refuses it
    // (or an engine without it) gets the value set directly.
    if (!document.execCommand("insertText", false, code.text)) {
      node.setRangeText(code.text, caret - code.length, caret, "end");
      node.dispatchEvent(new Event("input", { bubbles: true }));
    }
  };
  node.addEventListener("input", onInput);
  return {
    destroy() {
      node.removeEventListener("input", onInput);
    },
  };
}
