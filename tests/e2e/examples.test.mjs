// The example pieces in the real app: a new store holds nothing and offers them; once added
// they are ordinary drafts counted in the queues, and one click removes them for good (the
// open one with them), leaving the store as it was.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { beAs, cli, click, closeApp, openApp, startDriver, until } from "./app.mjs";

let driver;
before(async () => {
  driver = await startDriver(null, { examples: false });
});
after(async () => {
  await driver?.stop();
});

const rows = async (app) => (await app.$$("[data-testid=article-row]")).length;

test("a new store has no pieces nobody wrote; examples come when asked and go in one click", async () => {
  const app = await openApp();
  try {
    await beAs(app, "Lê Phóng Viên");
    await (await app.$("[data-testid=examples-offer]")).waitForExist();
    assert.equal(await rows(app), 0, "the first run adds nothing by itself");
    assert.equal(cli(driver.dataDir, ["demo", "count"]), "0");

    await click(app, "try-examples");
    await until("the three examples listed", async () => (await rows(app)) === 3);
    assert.equal(await (await app.$("[data-testid=examples]")).getAttribute("data-count"), "3");
    assert.equal(cli(driver.dataDir, ["demo", "count"]), "3");
    assert.match(await (await app.$("[data-testid=queue-draft]")).getText(), /3/);

    // One of them open in the editor, then all removed: the editor closes with them.
    await (await app.$("[data-testid=article-row]")).click();
    await (await app.$("[data-testid=headline]")).waitForExist();
    await app.execute(() => {
      window.confirm = () => true;
    });
    await click(app, "remove-examples");
    await until("the examples gone", async () => (await rows(app)) === 0);
    assert.equal(await (await app.$("[data-testid=headline]")).isExisting(), false);
    await (await app.$("[data-testid=examples-offer]")).waitForExist();
    assert.equal(cli(driver.dataDir, ["demo", "count"]), "0");
    assert.equal(cli(driver.dataDir, ["article", "list"]), "", "nothing left in the store");
  } finally {
    await closeApp(app);
  }
});
