// Every keyboard shortcut of the app, in one table: the handlers ask it whether a key press is
// theirs, and the help screen (F1) lists it, so what the help says and what the keys do cannot
// drift apart. A shortcut's words are in the catalogues (`help.shortcuts`), keyed by its name.
import { onMac } from "../i18n/messages";

/** One key press: a key (as `KeyboardEvent.key`, letters in lower case) and its modifiers.
 *  `ctrl` is Ctrl, or ⌘ on a Mac (the handlers take either). */
export interface Chord {
  key: string;
  ctrl?: true;
  shift?: true;
  alt?: true;
}

/** Where a shortcut works, which is also the help screen's grouping. */
export type Place = "everywhere" | "list" | "editor" | "photos" | "menu";

export const PLACES: readonly Place[] = ["everywhere", "list", "editor", "photos", "menu"];

export const SHORTCUTS = {
  help: { place: "everywhere", chords: [{ key: "F1" }] },
  newPiece: { place: "everywhere", chords: [{ ctrl: true, key: "n" }] },
  save: { place: "everywhere", chords: [{ ctrl: true, key: "s" }] },
  print: { place: "everywhere", chords: [{ ctrl: true, key: "p" }] },
  preview: { place: "everywhere", chords: [{ ctrl: true, shift: true, key: "p" }] },
  zoomIn: { place: "everywhere", chords: [{ ctrl: true, key: "=" }, { ctrl: true, key: "+" }] },
  zoomOut: { place: "everywhere", chords: [{ ctrl: true, key: "-" }] },
  zoomReset: { place: "everywhere", chords: [{ ctrl: true, key: "0" }] },
  nextRegion: { place: "everywhere", chords: [{ key: "F6" }] },
  previousRegion: { place: "everywhere", chords: [{ shift: true, key: "F6" }] },
  listMove: { place: "list", chords: [{ key: "ArrowDown" }, { key: "ArrowUp" }] },
  listEnds: { place: "list", chords: [{ key: "Home" }, { key: "End" }] },
  listOpen: { place: "list", chords: [{ key: "Enter" }] },
  listTrash: { place: "list", chords: [{ key: "Delete" }] },
  spelling: { place: "editor", chords: [{ ctrl: true, key: "." }] },
  lineBreak: { place: "editor", chords: [{ shift: true, key: "Enter" }] },
  undo: { place: "editor", chords: [{ ctrl: true, key: "z" }] },
  redo: { place: "editor", chords: [{ ctrl: true, key: "y" }, { ctrl: true, shift: true, key: "z" }] },
  pastePhoto: { place: "editor", chords: [{ ctrl: true, key: "v" }] },
  photoNext: { place: "photos", chords: [{ ctrl: true, key: "Enter" }, { alt: true, key: "ArrowRight" }] },
  photoPrevious: { place: "photos", chords: [{ alt: true, key: "ArrowLeft" }] },
  photoClose: { place: "photos", chords: [{ key: "Escape" }] },
  photoMove: {
    place: "photos",
    chords: [{ key: "ArrowRight" }, { key: "ArrowLeft" }, { key: "ArrowDown" }, { key: "ArrowUp" }],
  },
  photoOpen: { place: "photos", chords: [{ key: "Enter" }] },
  photoSelectAll: { place: "photos", chords: [{ ctrl: true, key: "a" }] },
  photoStars: {
    place: "photos",
    chords: [{ key: "0" }, { key: "1" }, { key: "2" }, { key: "3" }, { key: "4" }, { key: "5" }],
  },
  photoPick: { place: "photos", chords: [{ key: "p" }] },
  photoReject: { place: "photos", chords: [{ key: "x" }] },
  photoUnmark: { place: "photos", chords: [{ key: "u" }] },
  photoLabel: { place: "photos", chords: [{ key: "6" }, { key: "7" }, { key: "8" }, { key: "9" }] },
  menuMove: { place: "menu", chords: [{ key: "ArrowDown" }, { key: "ArrowUp" }] },
  menuClose: { place: "menu", chords: [{ key: "Escape" }] },
} as const satisfies Record<string, { place: Place; chords: readonly Chord[] }>;

export type ShortcutName = keyof typeof SHORTCUTS;

/** Shift is part of a letter's, a named key's or an F-key's chord; for a symbol it is how the
 *  keyboard reaches it (`+` is Shift+= on many layouts), so there it is not compared. */
function shiftMatters(key: string): boolean {
  return key.length > 1 || /^[a-z0-9]$/i.test(key);
}

function pressed(chord: Chord, event: KeyboardEvent): boolean {
  if (event.key.toLowerCase() !== chord.key.toLowerCase()) return false;
  if ((event.ctrlKey || event.metaKey) !== (chord.ctrl ?? false)) return false;
  if (event.altKey !== (chord.alt ?? false)) return false;
  return !shiftMatters(chord.key) || event.shiftKey === (chord.shift ?? false);
}

/** Whether the key press is one of the shortcut's chords (never while an IME composes). */
export function matches(name: ShortcutName, event: KeyboardEvent): boolean {
  return !event.isComposing && SHORTCUTS[name].chords.some((chord: Chord) => pressed(chord, event));
}

/** The first of the shortcuts the key press is, among those named. */
export function which<N extends ShortcutName>(names: readonly N[], event: KeyboardEvent): N | undefined {
  return names.find((name) => matches(name, event));
}

const KEY_NAMES: Record<string, string> = {
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
  Escape: "Esc",
};

/** A chord as this keyboard prints it: "Ctrl+Shift+P" on Windows and Linux, "⇧⌘P" on a Mac. */
export function chordLabel(chord: Chord): string {
  const key = KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  if (onMac) {
    return `${chord.alt ? "⌥" : ""}${chord.shift ? "⇧" : ""}${chord.ctrl ? "⌘" : ""}${key}`;
  }
  return [chord.ctrl && "Ctrl", chord.alt && "Alt", chord.shift && "Shift", key].filter(Boolean).join("+");
}

/** Every chord of a shortcut, as labels. */
export function labels(name: ShortcutName): string[] {
  return SHORTCUTS[name].chords.map((chord: Chord) => chordLabel(chord));
}

/** The shortcut's first chord in CodeMirror's notation ("Mod-." for Ctrl+. or ⌘.). */
export function codeMirrorKey(name: ShortcutName): string {
  const chord: Chord = SHORTCUTS[name].chords[0];
  return [chord.ctrl && "Mod", chord.alt && "Alt", chord.shift && "Shift", chord.key].filter(Boolean).join("-");
}
