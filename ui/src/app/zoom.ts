// Text zoom for the whole window (Ctrl+= larger, Ctrl+- smaller, Ctrl+0 back to 100%),
// remembered between sessions. WebKit's CSS zoom scales every size alike, so pixel-sized
// layouts grow with the text instead of overflowing.
const STORAGE_KEY = "newsroom.zoom";
const STEPS = [0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];

function apply(level: number) {
  document.documentElement.style.setProperty("zoom", String(level));
  document.documentElement.dataset.zoom = String(level);
}

function saved(): number {
  const level = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
  return STEPS.includes(level) ? level : 1;
}

/** Applies the remembered zoom; called once at start. */
export function restoreZoom() {
  apply(saved());
}

/** Steps the zoom up (+1), down (-1) or back to 100% (0), and remembers it. */
export function stepZoom(direction: -1 | 0 | 1) {
  const at = STEPS.indexOf(saved());
  const next = direction === 0 ? 1 : STEPS[Math.max(0, Math.min(STEPS.length - 1, at + direction))];
  localStorage.setItem(STORAGE_KEY, String(next));
  apply(next);
}
