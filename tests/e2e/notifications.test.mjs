// The inbox in the real app, on two machines against the test WordPress: the reporter's piece
// is taken, commented on and returned with a note on the desk's machine (the CLI); the
// reporter's app hears of each once a pull brings them, by the bell's count and the inbox's
// rows in words, never of the reporter's own acts; a row opens its piece and reads it; the
// settings say what the reporter hears of and are kept in the store.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, click, closeApp, openApp, startDriver, until } from "./app.mjs";

const { WP_URL, WP_USER, WP_APP_PASSWORD } = process.env;
const REPORTER = "Mai Quý";
const DESK = "Trần Biên";

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

function connect(dataDir, name, role) {
  cli(dataDir, ["profile", "set", "--name", name, "--role", role]);
  cli(dataDir, ["backend", "add", "wordpress", "--name", "Báo thử", "--url", WP_URL, "--user", WP_USER], {
    NEWSROOM_BACKEND_PASSWORD: WP_APP_PASSWORD,
  });
}

async function unread(app) {
  return Number(await (await app.$("[data-testid=open-inbox]")).getAttribute("data-unread"));
}

test(
  "the reporter hears of the desk's take, comment and return (with its note) from another machine, and a row opens the piece",
  { skip: !WP_URL && "no WordPress (scripts/test starts one)" },
  async () => {
    const reporter = driver.dataDir;
    const headline = `Công đoàn trao quà Tết ${Date.now()}`;
    connect(reporter, REPORTER, "reporter");
    const files = mkdtempSync(join(tmpdir(), "bai-"));
    const file = join(files, "bai.md");
    writeFileSync(
      file,
      `---\nheadline: "${headline}"\nsapo: Sáng nay, Công đoàn trao 500 suất quà.\nbyline: ${REPORTER}\ndateline: Hà Nội\nsection: Uncategorized\n---\n\nĐoàn viên nhận quà tại trụ sở.\n`,
    );
    const id = cli(reporter, ["article", "import", file]);
    cli(reporter, ["article", "tag", id, "--org", "Công đoàn Hà Nội"]);

    const app = await openApp();
    try {
      // Nothing yet: the bell has no count, the inbox says what will appear there.
      assert.equal(await unread(app), 0);
      await click(app, "open-inbox");
      await (await app.$("[data-testid=inbox-empty]")).waitForDisplayed();
      await click(app, "open-inbox");

      // The reporter's own submit (sent to the site) is not told to them.
      cli(reporter, ["article", "submit", id]);
      cli(reporter, ["sync", "run"]);

      // The desk's machine takes the piece, comments and returns it with a note.
      const desk = mkdtempSync(join(tmpdir(), "ban-bien-tap-"));
      connect(desk, DESK, "desk_editor");
      cli(desk, ["sync", "pull"]);
      const pieces = JSON.parse(cli(desk, ["article", "list", "--limit", "1000", "--json"]));
      const there = pieces.find((a) => a.headline === headline);
      assert.ok(there, "the desk has the piece");
      cli(desk, ["article", "review", there.id]);
      cli(desk, ["comment", "add", there.id, "--quote", "trụ sở", "--text", "Trụ sở nào? Ghi rõ."]);
      cli(desk, ["article", "return", there.id, "--note", "Thiếu số liệu ở đoạn hai."]);
      cli(desk, ["sync", "run"]);
      const deskInbox = JSON.parse(cli(desk, ["notifications", "list", "--json"]));
      assert.equal(deskInbox.unread, 0, "the desk hears nothing of its own acts");

      // A pull on the reporter's machine brings them: the bell counts three.
      await click(app, "open-sync");
      await click(app, "pull");
      await (await app.$("[data-testid=pull]")).waitForClickable({ timeout: 60000 });
      await click(app, "open-sync");
      await until("three unread", async () => (await unread(app)) === 3, 60000);
      assert.equal(await (await app.$("[data-testid=inbox-count]")).getText(), "3");

      await click(app, "open-inbox");
      const rows = await app.execute(() =>
        [...document.querySelectorAll("[data-testid=inbox-item]")].map((r) => ({
          kind: r.dataset.kind,
          read: r.dataset.read,
          text: r.textContent,
        })),
      );
      assert.deepEqual(
        rows.map((r) => r.kind),
        ["returned", "comment", "taken"],
        "newest first, and no row for the reporter's own submit",
      );
      assert.match(rows[0].text, /Bài bị trả lại/);
      assert.match(rows[0].text, /Thiếu số liệu ở đoạn hai\./);
      assert.match(rows[0].text, new RegExp(`bởi ${DESK}`));
      assert.match(rows[0].text, /\d\d\/\d\d\/\d{4} \d\d:\d\d/, "the time in Vietnamese form");
      assert.ok(rows[0].text.includes(headline));
      assert.match(rows[1].text, /Trụ sở nào\? Ghi rõ\./);

      // The return opens its piece, with the desk's note at its head; the piece's three rows
      // are read.
      const returned = await app.$("[data-testid=inbox-item][data-kind=returned]");
      await returned.click();
      await until("the piece open", async () => (await (await app.$("[data-testid=headline]")).getValue()) === headline);
      await until("the returned state", async () => (await (await app.$("[data-testid=status]")).getText()) === "Trả lại", 30000);
      assert.match(await (await app.$("[data-testid=returned-note]")).getText(), /Thiếu số liệu ở đoạn hai\./);
      await until("all read", async () => (await unread(app)) === 0);
      assert.equal(await (await app.$("[data-testid=inbox-count]")).isExisting(), false);

      // Comments muted and the computer's notifications off, from the inbox's settings: kept.
      await click(app, "open-inbox");
      await click(app, "inbox-settings");
      await (await app.$("[data-testid=inbox-kind][data-kind=comment]")).click();
      await (await app.$("[data-testid=inbox-system]")).click();
      await until("the settings kept", async () => {
        const kept = JSON.parse(cli(reporter, ["notifications", "settings"]));
        return kept.system === false && kept.muted.join() === "comment";
      });
    } finally {
      await closeApp(app);
    }
  },
);
