// Two desk editors never edit the same piece unknowingly: in the real app, signed in to the
// test WordPress (with the companion plugin), a piece held by another desk editor (who took
// the post's edit lock, as wp-admin would) opens read-only with their name (as their own app
// names them in the piece's review) and since when; the
// user takes over after confirming, the other editor's lock is gone on the site, the take-over
// is in the piece's history, and closing the piece releases the lock.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { click, closeApp, openApp, startDriver, until, untilOnTheSite } from "./app.mjs";

const { WP_URL, WP_USER, WP_APP_PASSWORD, WP_EDITOR_USER, WP_EDITOR_PASSWORD } = process.env;

/** A call to the site's REST API as `user`. */
async function site(path, [user, password], method = "GET", body = undefined) {
  const response = await fetch(`${WP_URL}/wp-json${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
      "Content-Type": "application/json",
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return response.json();
}

const admin = [WP_USER, WP_APP_PASSWORD];
const editor = [WP_EDITOR_USER, WP_EDITOR_PASSWORD];

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

test("a piece another desk editor holds opens read-only with their name, and is taken over only after confirming", { skip: !WP_EDITOR_USER && "no WordPress (scripts/test starts one)" }, async () => {
  const app = await openApp();
  try {
    await click(app, "open-sync");
    // With no site yet, the sync screen says so rather than checking a network forever.
    const net = await app.$("[data-testid=connectivity]");
    await net.waitForExist();
    assert.equal(await net.getAttribute("data-state"), "no_site");
    assert.match(await net.getText(), /Chưa kết nối trang xuất bản nào/);
    await (await app.$("[data-testid=backend-name]")).setValue("Báo thử (khóa bài)");
    await (await app.$("[data-testid=backend-url]")).setValue(WP_URL);
    await (await app.$("[data-testid=backend-user]")).setValue(WP_USER);
    await (await app.$("[data-testid=backend-password]")).setValue(WP_APP_PASSWORD);
    await click(app, "backend-connect");
    await until("the site to be listed", async () => (await app.$$("[data-testid=backend]")).length === 1, 30000);
    await until("the plugin to be found", async () => {
      const support = await app.$("[data-testid=desk-support]");
      return (await support.isExisting()) && (await support.getAttribute("data-state")) === "active";
    }, 60000);
    // This machine's user is a desk editor.
    const form = await app.$("[data-testid=profile-form]");
    if (!(await form.isExisting())) await click(app, "open-profile");
    await (await app.$("[data-testid=profile-name]")).setValue("Trần Biên Tập");
    await (await app.$("[data-testid=profile-role]")).selectByAttribute("value", "desk_editor");
    await click(app, "profile-save");

    // A piece on the site.
    const unique = Date.now();
    await click(app, "new-article");
    const headline = await app.$("[data-testid=headline]");
    await headline.waitForExist();
    await headline.addValue(`Khóa bài giữa hai biên tập viên ${unique}`);
    await (await app.$("[data-testid=sapo]")).addValue("Sáng nay, hai biên tập viên cùng mở một bài.");
    const body = await app.$("[data-testid=body]");
    await body.click();
    await body.addValue("Người lao động được hỗ trợ nhà ở.");
    await until("autosave", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
    const id = await (await app.$("[data-testid=article-row][aria-current=true]")).getAttribute("data-id");
    await click(app, "submit");
    await click(app, "submit-confirm");
    assert.equal(await untilOnTheSite(app, "pending"), "Trên trang: chờ duyệt");
    const [post] = await site(`/wp/v2/posts?context=edit&status=pending&search=${unique}`, admin);
    assert.ok(post, "the piece is on the site");

    // The piece is closed here; another desk editor opens it in wp-admin (or their app):
    // they hold the post's lock.
    await click(app, "new-article");
    const held = await site(`/newsroom/v1/posts/${post.id}/lock`, editor, "POST", {});
    assert.equal(held.mine, true);
    // Their app names them in the piece's review as their profile does ("Minh Bàn Biên Tập",
    // not the site's "Biên tập viên Minh"); this machine reads it with its next pull.
    const review = await site(`/newsroom/v1/posts/${post.id}/review`, editor);
    const shared = review.review ? JSON.parse(review.review) : { format: 1 };
    shared.people = [{ user: held.user.id, name: "Minh Bàn Biên Tập", at: new Date().toISOString() }];
    await site(`/newsroom/v1/posts/${post.id}/review`, editor, "PUT", { base_revision: review.revision, review: shared });
    await click(app, "open-sync");
    await click(app, "pull");
    await (await app.$("[data-testid=pull]")).waitForClickable({ timeout: 60000 });
    await click(app, "open-sync");

    // Opened here, it is theirs: read-only, with the name they gave themselves.
    await (await app.$(`[data-testid=article-row][data-id="${id}"]`)).click();
    const banner = await app.$("[data-testid=lock-held]");
    await banner.waitForExist({ timeout: 30000 });
    assert.match(await banner.getText(), /Đang được sửa bởi Minh Bàn Biên Tập/);
    assert.equal(await (await app.$("[data-testid=headline]")).getAttribute("readonly"), "true");
    assert.equal(await (await app.$("[data-testid=body]")).getAttribute("contenteditable"), "false");
    // Typing into it is not silently lost: the editor says why and keeps what was typed.
    await (await app.$("[data-testid=body]")).click();
    await app.keys(["x", "i", "n"]);
    const typedNotice = await app.$("[data-testid=read-only-typing]");
    await typedNotice.waitForExist({ timeout: 10000 });
    assert.match(await typedNotice.getText(), /Sửa thay/);
    assert.equal(await (await app.$("[data-testid=read-only-typed]")).getValue(), "xin");

    // Taking over asks first, then the lock is this machine's and the piece editable.
    await click(app, "lock-take-over");
    await click(app, "lock-take-over-confirm");
    await until("the banner to go", async () => !(await banner.isExisting()));
    assert.equal(await (await app.$("[data-testid=headline]")).getAttribute("readonly"), null);
    const after = await site(`/newsroom/v1/posts/${post.id}/lock`, editor);
    assert.equal(after.held, true);
    assert.equal(after.mine, false, "the other editor no longer holds it");
    await click(app, "more-actions");
    await click(app, "open-history");
    await (await app.$("[data-testid=history-takeover]")).waitForExist({ timeout: 20000 });
    assert.match(await (await app.$("[data-testid=history-takeover]")).getText(), /sửa thay Biên tập viên Minh/);

    // Returning the piece hands it on: the lock is released at once, while the piece is still
    // open here, so its reporter can edit it (the editor stops renewing it too).
    await click(app, "history-close");
    await click(app, "return");
    await (await app.$("[data-testid=return-note]")).setValue("Cần thêm số liệu.");
    await click(app, "return-confirm");
    await until("the lock to be released on return", async () => !(await site(`/newsroom/v1/posts/${post.id}/lock`, editor)).held, 20000);
    assert.equal(await (await app.$("[data-testid=article-row][aria-current=true]")).getAttribute("data-id"), id);
    await until("returned", async () => (await (await app.$("[data-testid=status]")).getText()) === "Trả lại");

    // Closing the piece gives the lock back.
    await click(app, "new-article");
    await until("the lock to be released", async () => !(await site(`/newsroom/v1/posts/${post.id}/lock`, editor)).held, 20000);
  } finally {
    await closeApp(app);
  }
});
