// Backups in the real app: one made by itself at start, one by hand; a piece purged for good
// comes back from the backup after a preview that names it; the store before the restore is
// kept as a backup of its own.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cli, click, closeApp, newArticle, openApp, startDriver, until } from "./app.mjs";

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

const rows = async (app) => app.$$("[data-testid=backup-row]");
const listed = () => JSON.parse(cli(driver.dataDir, ["backup", "list", "--json"]));

test("a purged piece comes back from a backup the app made, after a preview that names it", async () => {
  const app = await openApp();
  try {
    // The first start holds the example pieces: the app backs them up by itself.
    await until("the backup at start", () => listed().some((b) => b.reason === "start"), 60000);

    const headline = await newArticle(app);
    await headline.addValue("Bài cần cứu từ bản sao lưu");
    await until("saved", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
    const id = await (await app.$("[data-testid=article-row][aria-current=true]")).getAttribute("data-id");

    await click(app, "open-backups");
    await until("the automatic backup listed", async () => (await rows(app)).length === 1);
    assert.match(await (await app.$("[data-testid=backups]")).getText(), /Tự động khi mở ứng dụng/);
    await click(app, "backup-create");
    await until("made by hand", async () => (await (await app.$("[data-testid=backup-done]")).getText()).includes("Đã sao lưu"));
    await until("two backups", async () => (await rows(app)).length === 2);
    const manual = listed().find((b) => b.reason === "manual");
    assert.ok(manual, "the store's own list has the backup made by hand");

    // Purged for good, as a script or another window could do.
    cli(driver.dataDir, ["article", "delete", id]);
    cli(driver.dataDir, ["article", "trash", "--purge", id]);

    const row = await app.$(`[data-testid=backup-row][data-id="${manual.id}"]`);
    await (await row.$("[data-testid=backup-look]")).click();
    const preview = await app.$("[data-testid=backup-preview]");
    await preview.waitForExist();
    assert.match(await (await app.$("[data-testid=backup-missing-here]")).getText(), /1 bài không còn trong kho/);
    assert.match(await preview.getText(), /Bài cần cứu từ bản sao lưu/);
    await click(app, "backup-restore");
    await click(app, "backup-restore-confirm");
    await until("restored", async () => (await (await app.$("[data-testid=backup-done]")).getText()).includes("Đã khôi phục"), 30000);

    await click(app, "open-backups");
    await until("the piece back in the list", async () => (await app.$(`[data-testid=article-row][data-id="${id}"]`)).isExisting());
    const after = listed();
    assert.ok(after.some((b) => b.reason === "before_restore"), "the store before the restore is a backup");
    assert.match(cli(driver.dataDir, ["article", "show", id]), /Bài cần cứu từ bản sao lưu/);
  } finally {
    await closeApp(app);
  }
});
