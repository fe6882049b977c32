// The Rust side counts text in Unicode characters (code points); the editor counts UTF-16
// code units. They differ only after characters outside the Basic Multilingual Plane (emoji),
// but a highlight must land on the right letters whatever the text holds.

/** Maps `[start, end)` code-point ranges in `text` to UTF-16 ranges, in order. */
export function codePointRangesToUtf16(text: string, ranges: [number, number][]): [number, number][] {
  const points: number[] = [];
  let unit = 0;
  for (const ch of text) {
    points.push(unit);
    unit += ch.length;
  }
  points.push(unit);
  return ranges
    .filter(([a, b]) => a < b && b < points.length)
    .map(([a, b]) => [points[a], points[b]] as [number, number]);
}
