// Screenshots of every screen of the real app at laptop and desktop widths, for looking at
// before an interface change is called done. Run by scripts/screenshots (which builds the app
// and starts Xvfb); THEME names the set (the theme itself comes from the desktop's GTK theme).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { closeApp, openApp, pastePhoto, startDriver, until } from "../tests/e2e/app.mjs";

const OUT = process.env.SCREENSHOT_DIR ?? "screenshots";
const THEME = process.env.THEME ?? "light";
const SIZES = [
  [1024, 700],
  [1440, 900],
];
mkdirSync(OUT, { recursive: true });

const driver = await startDriver();
// A directory with a person holding long role titles and their organisations, so the
// directory's details panel shows how titles wrap at 1024 px.
const directory = join(driver.dataDir, "danh-ba.csv");
writeFileSync(
  directory,
  [
    "kind,name,aliases,parent,title,organisation",
    "organisation,Liên đoàn Lao động thành phố Hà Nội,LĐLĐ Hà Nội,,,",
    "person,Phạm Văn Hùng,ông Hùng,,Phó Chủ tịch Thường trực,Liên đoàn Lao động thành phố Hà Nội",
    "person,Phạm Văn Hùng,ông Hùng,,Trưởng Ban Tổ chức Hội nghị Đại biểu Người lao động,Công đoàn các Khu công nghiệp và chế xuất Hà Nội",
  ].join("\n"),
);
execFileSync(process.env.NEWSROOM_CLI, ["--data-dir", driver.dataDir, "entity", "import", directory]);
const app = await openApp();
try {
  const shots = [];
  // The first run asks who is using the app; after that shot, a profile is saved so the other
  // screens show the app as it is used every day.
  await app.setWindowSize(1024, 700);
  await (await app.$("[data-testid=profile-name]")).waitForExist();
  const firstRun = join(OUT, `first-run-1024-${THEME}.png`);
  await app.saveScreenshot(firstRun);
  shots.push(firstRun);
  await (await app.$("[data-testid=profile-name]")).setValue("Minh An");
  await (await app.$("[data-testid=profile-save]")).click();
  await until("the profile saved", async () => !(await (await app.$("[data-testid=profile-name]")).isExisting()));
  // A photo in the first demo piece, so the photo strip, the drawer and the photo desk show one.
  const first = await app.$("[data-testid=article-row]");
  await first.waitForExist();
  await first.click();
  await (await app.$("[data-testid=photo-strip]")).waitForExist();
  await pastePhoto(app, "hoi-nghi.jpg", "jpeg");
  await (await app.$("[data-testid=photo-thumb]")).waitForExist({ timeout: 30000 });
  // A draft in the trash, so the trash screen shows one.
  await (await app.$("[data-testid=new-article]")).click();
  await (await app.$("[data-testid=headline]")).addValue("Bản nháp đã bỏ");
  await until("saved", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
  await (await app.$("[data-testid=trash-draft]")).click();
  await (await app.$("[data-testid=trash-notice] button[aria-label]")).click();
  for (const [width, height] of SIZES) {
    await app.setWindowSize(width, height);
    const shot = async (name) => {
      const file = join(OUT, `${name}-${width}-${THEME}.png`);
      await app.saveScreenshot(file);
      shots.push(file);
    };
    // The list with the first demo piece open in the editor, with its preview where the
    // window is wide enough to show it by default.
    const row = await app.$("[data-testid=article-row]");
    await row.waitForExist();
    await row.click();
    await (await app.$("[data-testid=headline]")).waitForExist();
    await (await app.$(".cm-content")).waitForExist();
    if (await (await app.$("[data-testid=preview]")).isExisting()) {
      await until("the preview", async () => (await (await app.$("[data-testid=preview-body]")).getText()) !== "");
    }
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
      ["trash", "open-trash", "trash"],
    ]) {
      const open = await app.$(`[data-testid=${button}]`);
      if (!(await open.isExisting())) continue;
      await open.click();
      await (await app.$(`[data-testid=${ready}]`)).waitForExist().catch(() => {});
      await shot(name);
      if (name === "directory") {
        await (await app.$("[data-testid=entity-row]")).click();
        await (await app.$("[data-testid=entity-detail]")).waitForExist();
        await shot("directory-entry");
      }
      if (name === "photo-desk") {
        // The photo opened in the desk's viewer, its fields beside it.
        await (await app.$("[data-testid=desk-cell]")).click();
        await (await app.$("[data-testid=desk-viewer]")).waitForExist();
        await shot("photo-desk-viewer");
      }
      await open.click();
    }
  }
  console.log(shots.join("\n"));
} finally {
  await closeApp(app);
  await driver.stop();
}
