// Screenshots of every screen of the real app at laptop and desktop widths, for looking at
// before an interface change is called done. Run by scripts/screenshots (which builds the app
// and starts Xvfb); THEME names the set (the theme itself comes from the desktop's GTK theme).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { closeApp, openApp, startDriver, until } from "../tests/e2e/app.mjs";

const OUT = process.env.SCREENSHOT_DIR ?? "screenshots";
const THEME = process.env.THEME ?? "light";
const SIZES = [
  [1024, 700],
  [1440, 900],
];
mkdirSync(OUT, { recursive: true });

const driver = await startDriver();
const app = await openApp();
try {
  const shots = [];
  for (const [width, height] of SIZES) {
    await app.setWindowSize(width, height);
    const shot = async (name) => {
      const file = join(OUT, `${name}-${width}-${THEME}.png`);
      await app.saveScreenshot(file);
      shots.push(file);
    };
    // The list with the first demo piece open in the editor, with its preview.
    const row = await app.$("[data-testid=article-row]");
    await row.waitForExist();
    await row.click();
    await (await app.$("[data-testid=headline]")).waitForExist();
    await until("the preview", async () => (await (await app.$("[data-testid=preview-body]")).getText()) !== "");
    await shot("editor");
    // The spelling panel open over the editor.
    await (await app.$("[data-testid=spelling-tools]")).click();
    await (await app.$("[data-testid=spelling-panel]")).waitForExist();
    await shot("editor-spelling");
    await (await app.$("[data-testid=spelling-tools]")).click();
    for (const [name, button, ready] of [
      ["directory", "open-directory", "directory"],
      ["photo-desk", "open-photo-desk", "desk-count"],
      ["sync", "open-sync", "sync-screen"],
    ]) {
      const open = await app.$(`[data-testid=${button}]`);
      if (!(await open.isExisting())) continue;
      await open.click();
      await (await app.$(`[data-testid=${ready}]`)).waitForExist().catch(() => {});
      await shot(name);
      await open.click();
    }
  }
  console.log(shots.join("\n"));
} finally {
  await closeApp(app);
  await driver.stop();
}
