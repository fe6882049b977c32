// Keystroke → preview painted, in the real app (release build, under Xvfb): a 5,000-word piece
// is imported, opened, and typed into one key at a time; the page records the time from each
// keydown to the frame after the preview's HTML changed. Prints the median and p95.
// Run through scripts/bench-preview (it builds the app and starts Xvfb and a D-Bus session).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { closeApp, openApp, startDriver, until } from "../tests/e2e/app.mjs";

const WORDS = Number(process.env.WORDS ?? 5000);
const KEYS = Number(process.env.KEYS ?? 40);
const CLI = process.env.NEWSROOM_CLI;

const syllables = ["công", "đoàn", "người", "lao", "động", "Hà", "Nội", "thành", "phố", "việc", "làm", "tiền", "lương",
  "chương", "trình", "hội", "nghị", "nhà", "ở", "hỗ", "trợ", "bảo", "hiểm", "xã", "đời", "sống", "văn", "hóa"];
let seed = 7;
const pick = () => syllables[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % syllables.length];
let body = "";
for (let words = 0; words < WORDS; ) {
  const n = 40 + (words % 50);
  const sentence = Array.from({ length: n }, (_, i) => (i % 17 === 5 ? `**${pick()}**` : pick())).join(" ");
  body += `${sentence}.\n\n`;
  words += n;
}

const driver = await startDriver();
const file = join(driver.dataDir, "long.md");
writeFileSync(file, `---\nheadline: Bài dài để đo\nsapo: Đo thời gian từ phím đến xem trước.\nbyline: Đo Đạc\n---\n\n${body}`);
const id = execFileSync(CLI, ["--data-dir", driver.dataDir, "article", "import", file]).toString().trim();

const app = await openApp();
try {
  await (await app.$(`[data-testid=article-row][data-id="${id}"]`)).click();
  const editor = await app.$("[data-testid=body]");
  await editor.waitForExist();
  await until("the first preview", async () => (await (await app.$("[data-testid=preview-body]")).getText()).length > 1000);
  await app.execute(() => {
    const w = window;
    w.__samples = [];
    w.__typed = [];
    let pressed = 0;
    let typedAt = 0;
    w.__asked = [];
    w.__answered = [];
    let lastKey = 0;
    document.addEventListener("keydown", () => (pressed = typedAt = lastKey = performance.now()), { capture: true });
    // The editor marks when it asks for a render and when the answer comes back.
    new PerformanceObserver((list) => {
      for (const mark of list.getEntries()) {
        // Observers hear of marks a little later, so the key is the last one before the mark.
        if (!lastKey || mark.startTime < lastKey) continue;
        if (mark.name === "preview:asked") w.__asked.push(mark.startTime - lastKey);
        if (mark.name === "preview:answered") w.__answered.push(mark.startTime - lastKey);
      }
    }).observe({ entryTypes: ["mark"] });
    // When the page is free again after the frame that paints the letter: an answer from the
    // shell cannot be handled before then, however fast it comes.
    w.__frameEnd = [];
    new MutationObserver(() => {
      if (!typedAt) return;
      const at = typedAt;
      w.__typed.push(performance.now() - at);
      typedAt = 0;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.__frameEnd.push(performance.now() - at);
        channel.port2.postMessage(0);
      });
    }).observe(document.querySelector(".cm-content"), { childList: true, subtree: true, characterData: true });
    w.__updated = [];
    new MutationObserver(() => {
      if (!pressed) return;
      const at = pressed;
      pressed = 0;
      w.__updated.push(performance.now() - at);
      requestAnimationFrame(() => w.__samples.push(performance.now() - at));
    }).observe(document.querySelector("[data-testid=preview-body]"), { childList: true, subtree: true, characterData: true });
  });
  await editor.click();
  await app.keys(["Control", "End"]);
  for (let i = 0; i < KEYS; i++) {
    await app.keys(["x"]);
    await app.pause(250);
  }
  // The render call alone, from the page, for the same text: what the IPC round trip costs.
  const ipcTimes = await app.executeAsync(
    (articleId, markdown, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      const times = [];
      (async () => {
        for (let i = 0; i < 21; i++) {
          const t = performance.now();
          await invoke("markdown_render", { markdown, articleId, sapo: null });
          times.push(performance.now() - t);
        }
        done(times.sort((a, b) => a - b));
      })();
    },
    id,
    body,
  );
  console.log(`render through IPC alone: median ${ipcTimes[10].toFixed(1)} ms`);
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]?.toFixed(1);
  console.log(`keystroke → letter in the editor's DOM: median ${median(await app.execute(() => window.__typed))} ms`);
  console.log(`keystroke → the page free after the letter's frame: median ${median(await app.execute(() => window.__frameEnd))} ms`);
  console.log(`keystroke → render asked for: median ${median(await app.execute(() => window.__asked))} ms`);
  console.log(`keystroke → render's answer in the page: median ${median(await app.execute(() => window.__answered))} ms`);
  console.log(`keystroke → preview's DOM updated: median ${median(await app.execute(() => window.__updated))} ms`);
  const samples = (await app.execute(() => window.__samples)).sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))].toFixed(1);
  console.log(`keystroke → preview painted, ${WORDS} words, ${samples.length} of ${KEYS} keys: median ${at(0.5)} ms, p95 ${at(0.95)} ms`);
} finally {
  await closeApp(app);
  await driver.stop();
}
