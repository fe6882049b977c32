// The UI's way into the desktop shell. `ipc` holds a typed wrapper for every command, generated
// from the shell's declarations (./commands.ts); this file adds what is the UI's own.
import type { Imported, Rendition } from "../bindings";
import { ipc } from "./commands";

export { ipc };
export { toApiError } from "./invoke";

/** Imports a pasted image: its bytes go as the raw request body, names percent-encoded in headers. */
export function importPastedImage(name: string, bytes: Uint8Array, articleId: string | null): Promise<Imported> {
  return ipc.photoImportBytes(bytes, {
    "x-file-name": encodeURIComponent(name),
    "x-article-id": encodeURIComponent(articleId ?? ""),
  });
}

/** Where the webview loads a stored image from (the shell's `photo:` scheme). */
/** The photo turned and straightened but not cropped, made on request: what the crop tool
 * draws on. */
export function wholeUrl(id: string, version = ""): string {
  return photoUrl(id, "whole", version);
}

export function photoUrl(id: string, rendition: Rendition | "whole" = "thumb", version = ""): string {
  const windows = navigator.userAgent.includes("Windows");
  // The version (the photo's last change) makes a framed photo's new renditions load instead
  // of the webview's cached ones; the scheme reads only the path.
  const query = version ? `?v=${encodeURIComponent(version)}` : "";
  return windows ? `http://photo.localhost/${id}/${rendition}${query}` : `photo://localhost/${id}/${rendition}${query}`;
}
