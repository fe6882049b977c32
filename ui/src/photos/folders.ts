// Where the system's file dialogs open for photos: where the last ones came from. A card
// mounts at the same place each time, so the next import starts one step from it.

const KEY = "newsroom.photos.lastFolder";

/** The folder the last photos were picked in, or null before any (the shell then opens the
 * user's pictures). */
export function lastFolder(): string | null {
  return globalThis.localStorage?.getItem(KEY) ?? null;
}

/** The folder a path sits in, for Unix and Windows paths alike; null for a bare name. */
export function folderOf(path: string): string | null {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  if (cut < 0) return null;
  // The root keeps its separator ("/", "C:\").
  return cut === 0 || path[cut - 1] === ":" ? path.slice(0, cut + 1) : path.slice(0, cut);
}

/** Remembers where picked photos were: the folder holding the first of them (for a picked
 * folder, the folder it sits in, so the next card's folder is in view). */
export function rememberPicked(paths: string[]) {
  const first = paths[0];
  if (!first) return;
  const folder = folderOf(first.replace(/[/\\]+$/, ""));
  if (folder) globalThis.localStorage?.setItem(KEY, folder);
}
