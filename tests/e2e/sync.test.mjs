// Publishing from the real app to the real WordPress that scripts/test starts: a site is
// connected (its password goes to the keychain of the test's D-Bus session), a submitted piece
// is sent by the background worker by itself, an edit made on the site to the same passage as
// the reporter's becomes a conflict settled passage by passage, and the site ends up with the
// chosen text in one post.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { closeApp, openApp, startDriver, until, untilOnTheSite } from "./app.mjs";

const { WP_URL, WP_USER, WP_APP_PASSWORD } = process.env;
const auth = `Basic ${Buffer.from(`${WP_USER}:${WP_APP_PASSWORD}`).toString("base64")}`;

async function site(path, body) {
  const response = await fetch(`${WP_URL}/wp-json/wp/v2${path}`, {
    method: body ? "POST" : "GET",
    headers: { Authorization: auth, "Content-Type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${path}: ${response.status}`);
  return response.json();
}

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

async function jobState(app, articleId) {
  const row = await app.$(`[data-testid=job][data-article="${articleId}"]`);
  return (await row.isExisting()) ? row.getAttribute("data-state") : null;
}

test("a submitted piece reaches WordPress by itself; a clash with a desk edit is settled passage by passage", { skip: !WP_URL && "no WordPress (scripts/test starts one)" }, async () => {
  const app = await openApp();
  try {
    // Connect the site.
    await (await app.$("[data-testid=open-sync]")).click();
    await (await app.$("[data-testid=backend-name]")).setValue("Báo Lao động Thủ đô (thử)");
    await (await app.$("[data-testid=backend-url]")).setValue(WP_URL);
    await (await app.$("[data-testid=backend-user]")).setValue(WP_USER);
    await (await app.$("[data-testid=backend-password]")).setValue(WP_APP_PASSWORD);
    await (await app.$("[data-testid=backend-connect]")).click();
    await until("the site to be listed", async () => (await app.$$("[data-testid=backend]")).length === 1, 30000);

    // Write and submit a piece.
    const unique = Date.now();
    await (await app.$("[data-testid=new-article]")).click();
    const headline = await app.$("[data-testid=headline]");
    await headline.waitForExist();
    await headline.addValue(`Công nhân nhận quà Tết ${unique}`);
    await (await app.$("[data-testid=sapo]")).addValue("Sáng nay, Công đoàn trao quà cho đoàn viên.");
    await (await app.$("[data-testid=byline]")).addValue("Mai Quý");
    const body = await app.$("[data-testid=body]");
    await body.click();
    await body.addValue("Đoạn một.");
    // One key at a time: CodeMirror reads a burst of Enters from WebKit as one.
    for (let i = 0; i < 2; i++) {
      await app.keys(["Enter"]);
      await app.pause(150);
    }
    await body.addValue("Đoạn hai.");
    await until("autosave", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
    const id = await (await app.$("[data-testid=article-row][aria-current=true]")).getAttribute("data-id");
    await (await app.$("[data-testid=submit]")).click();
    await (await app.$("[data-testid=submit-confirm]")).click();

    // The worker sends it without being asked; the editor's badge says so.
    assert.equal(await untilOnTheSite(app, "pending"), "Trên trang: chờ duyệt");
    const badge = await app.$("[data-testid=sync-badge]");
    assert.equal(await (await app.$("[data-testid=online-dot]")).getAttribute("data-state"), "online");
    const [post] = await site(`/posts?context=edit&status=pending&search=${unique}`);
    assert.ok(post, "one pending post on the site");
    assert.match(post.content.raw, /<p>Đoạn hai\.<\/p>/);

    // A desk editor changes the second passage on the site; the reporter changes it too.
    await new Promise((r) => setTimeout(r, 1100));
    await site(`/posts/${post.id}`, { content: post.content.raw.replace("<p>Đoạn hai.</p>", "<p>Đoạn hai, bản biên tập.</p>") });
    await body.click();
    await app.keys(["Control", "End"]);
    await body.addValue(" Thêm ý của phóng viên.");
    await until("autosave", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");

    // Sending the edits meets the desk's edit: nothing is overwritten, the job waits.
    await badge.click();
    await (await app.$("[data-testid=sync-screen]")).waitForExist();
    await (await app.$(`[data-testid=job][data-article="${id}"] [data-testid=send-edits]`)).click();
    await until("the conflict", async () => (await jobState(app, id)) === "conflict", 60000);
    const reason = await app.$(`[data-testid=job][data-article="${id}"] [data-testid=job-reason]`);
    assert.match(await reason.getText(), /cùng đoạn/);
    assert.match((await site(`/posts/${post.id}?context=edit`)).content.raw, /Đoạn hai, bản biên tập\./);

    // Passage by passage: the one clash shows both versions; keep both.
    await (await app.$(`[data-testid=job][data-article="${id}"] [data-testid=resolve]`)).click();
    // The passages are fetched when the view opens: wait for them rather than read at once.
    await until("the conflicting passages", async () => (await app.$$("[data-testid=conflict-passage]")).length > 0);
    const passages = await app.$$("[data-testid=conflict-passage]");
    assert.equal(passages.length, 1);
    const text = await passages[0].getText();
    assert.match(text, /Đoạn hai\. Thêm ý của phóng viên\./);
    assert.match(text, /Đoạn hai, bản biên tập\./);
    await (await passages[0].$("[data-testid=keep-both]")).click();
    if (process.env.SCREENSHOT_DIR) await app.saveScreenshot(`${process.env.SCREENSHOT_DIR}/conflict.png`);
    await (await app.$("[data-testid=apply-choices]")).click();
    await until("the piece to be sent again", async () => (await jobState(app, id)) === "synced", 60000);

    const after = (await site(`/posts/${post.id}?context=edit`)).content.raw;
    assert.match(after, /<p>Đoạn hai\. Thêm ý của phóng viên\.<\/p>\s*<p>Đoạn hai, bản biên tập\.<\/p>/);
    const copies = await site(`/posts?context=edit&status=any&search=${unique}`);
    assert.equal(copies.length, 1, "one post, never a second");

    // Back in the editor, the piece shows the settled text.
    await (await app.$("[data-testid=open-sync]")).click();
    await until("the editor to show the settled text", async () => {
      const text = await (await app.$("[data-testid=body]")).getText();
      return text.includes("Đoạn hai, bản biên tập.") && text.includes("Thêm ý của phóng viên.");
    });
  } finally {
    await closeApp(app);
  }
});
