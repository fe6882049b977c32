// The spell checker's state shared by the editor's fields: checking a text (the rule lives in
// Rust, `newsroom-spelling`), the newsroom's words changing (every field checks again), and a
// dictionary that is not installed (checking stops quietly and says so once).
import type { Issue, IssueKind, WordKind } from "../bindings";
import { ipc, toApiError } from "../app/ipc";
import { codePointRangesToUtf16 } from "../suggestions/offsets";

/** A marked word in UTF-16 offsets, as the editor and the fields count. */
export interface Mark {
  from: number;
  to: number;
  word: string;
  kind: IssueKind;
  replacement: string;
  /** For a context mark, the word with the neighbours it was read with. */
  phrase: string;
}

class Spelling {
  /** Grows when the newsroom's words or the house style change, so every field checks again. */
  version = $state(0);
  /** The dictionary is missing: nothing is checked, and the editor says so once. */
  unavailable = $state<string | null>(null);

  async check(text: string): Promise<Mark[]> {
    if (this.unavailable !== null || text.trim() === "") return [];
    let issues: Issue[];
    try {
      issues = await ipc.spellingCheck(text);
    } catch (err) {
      const error = toApiError(err);
      if (error.code === "spelling_unavailable") this.unavailable = error.message;
      return [];
    }
    const ranges = codePointRangesToUtf16(
      text,
      issues.map((i) => [i.start, i.end]),
    );
    return ranges.map(([from, to], n) => ({
      from,
      to,
      word: issues[n].word,
      kind: issues[n].kind,
      replacement: issues[n].replacement,
      phrase: issues[n].phrase,
    }));
  }

  async remember(word: string, kind: WordKind) {
    await ipc.spellingAddWord(word, kind);
    this.version++;
  }
}

export const spelling = new Spelling();

/** The mark under a UTF-16 offset, if any. */
export function markAt(marks: Mark[], at: number): Mark | undefined {
  return marks.find((m) => m.from <= at && at <= m.to);
}

/** What the spelling menu works on: a marked word and how to replace it where it is. */
export interface MenuTarget {
  x: number;
  y: number;
  mark: Mark;
  replace: (after: string) => void;
}

/** Checks a field's text once typing pauses, never during an IME composition, and shows the
 *  marks only if the text is still what was checked. */
export class PausedCheck {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #read: () => string | null;
  #composing: () => boolean;
  #show: (marks: Mark[]) => void;

  constructor(read: () => string | null, composing: () => boolean, show: (marks: Mark[]) => void) {
    this.#read = read;
    this.#composing = composing;
    this.#show = show;
  }

  schedule(delay = 500) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#composing()) return this.schedule(300);
      const text = this.#read();
      if (text === null) return;
      void spelling.check(text).then((marks) => {
        if (this.#read() === text) this.#show(marks);
      });
    }, delay);
  }

  stop() {
    clearTimeout(this.#timer);
  }
}
