// The parts of the app's fonts that Vietnamese text uses, loaded before the first paint.
// Loaded on first use instead (the browser's way with unicode-range), a face that arrives a
// moment after a notice or a menu appears reflows it and moves its buttons from under the
// pointer that was reaching for them.

/** Upright and italic, sans and serif; bold is the same variable file. */
const FACES = [
  '400 16px "Noto Sans Variable"',
  'italic 400 16px "Noto Sans Variable"',
  '400 16px "Noto Serif Variable"',
  'italic 400 16px "Noto Serif Variable"',
];

/** One letter from each part's range: Latin, Latin Extended (Polish or Turkish names), Vietnamese. */
const SAMPLE = "aŁạ";

/** The files are the app's own, so this is only a bound for a webview that never answers. */
const WAIT_AT_MOST_MS = 1500;

/** Resolves when the faces are loaded, failed (the system's fonts stand in), or the bound passed. */
export async function loadFonts(): Promise<void> {
  const loaded = Promise.all(FACES.map((face) => document.fonts.load(face, SAMPLE))).then(
    () => undefined,
    () => undefined,
  );
  await Promise.race([loaded, new Promise<void>((done) => setTimeout(done, WAIT_AT_MOST_MS))]);
}
