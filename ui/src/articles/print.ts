// Printing a piece (Ctrl+P): the piece is laid out as the reader will see it in a sheet of its
// own under <body>, which only the printer sees (app.css hides everything else in print), and
// the system's print dialog takes it from there, to paper or to a PDF.
import { flushSync, mount, unmount } from "svelte";
import PrintPiece from "./PrintPiece.svelte";

export interface Printable {
  headline: string;
  sapo: string;
  byline: string;
  dateline: string;
  /** The body as the renderer publishes it (sanitised HTML, one string per block). */
  blocks: string[];
}

/** How long the photos may take to be ready before the dialog opens anyway. */
const PHOTOS_AT_MOST_MS = 3000;

let shown: { host: HTMLElement; piece: ReturnType<typeof mount> } | null = null;

function clear() {
  if (!shown) return;
  void unmount(shown.piece);
  shown.host.remove();
  shown = null;
}

export async function printPiece(printable: Printable): Promise<void> {
  clear();
  const host = document.createElement("div");
  host.className = "print-root";
  document.body.append(host);
  shown = { host, piece: mount(PrintPiece, { target: host, props: printable }) };
  flushSync();
  // The photos are the app's own files; the sheet goes to the printer once they are decoded.
  const photos = [...host.querySelectorAll("img")].map((img) => img.decode().catch(() => undefined));
  await Promise.race([Promise.all(photos), new Promise((done) => setTimeout(done, PHOTOS_AT_MOST_MS))]);
  // Some webviews return from print() before the dialog closes and say so with `afterprint`;
  // the sheet stays until then (or until the next print replaces it).
  window.addEventListener("afterprint", clear, { once: true });
  window.print();
}
