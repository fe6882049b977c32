// Anchors as the store keeps them: the quoted passage, 32 characters either side, and where
// it starts, all counted in Unicode characters (code points). The editor counts UTF-16 units.
import type { Anchor } from "../bindings";

const CONTEXT = 32;

/** The anchor of UTF-16 range `[from, to)` of `text`. */
export function anchorOf(text: string, from: number, to: number): Anchor {
  const before = [...text.slice(0, from)];
  const quote = text.slice(from, to);
  const after = [...text.slice(to)];
  return {
    quote,
    prefix: before.slice(-CONTEXT).join(""),
    suffix: after.slice(0, CONTEXT).join(""),
    position: before.length,
  };
}

/** UTF-16 offsets of code-point offsets into `text` (an offset past the end is the end). */
export function utf16Offsets(text: string, offsets: number[]): number[] {
  const units: number[] = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return offsets.map((o) => units[Math.min(o, units.length - 1)]);
}
