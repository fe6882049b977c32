// The desk's loop in the real app, on one machine shared by a reporter and a desk editor (the
// profile says who is acting): the reporter submits; the desk filters "submitted", takes the
// piece, sees what changed since submission, comments on a sentence, suggests an edit and
// returns the piece with a note; the reporter sees the note, the changes, the comment and the
// proposal, accepts it, resolves the comment and resubmits; the desk approves and publishes
// to the test WordPress; the history names everyone.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { beAs, cli, click, closeApp, openApp, startDriver, until } from "./app.mjs";

const { WP_URL, WP_USER, WP_APP_PASSWORD } = process.env;
const REPORTER = "Mai Quý";
const DESK = "Trần Biên Tập";

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

async function status(app) {
  return (await app.$("[data-testid=status]")).getText();
}

/** The rows the editor's toolbar takes at a 1024×700 laptop's size (the window is put back
 * after): the desk's many buttons must still leave the text its room. */
async function toolbarRowsOnALaptop(app) {
  const { width, height } = await app.getWindowSize();
  await app.setWindowSize(1024, 700);
  try {
    await until("the window at laptop size", async () =>
      app.execute(() => window.innerWidth <= 1024 && window.innerHeight <= 700),
    );
    return await app.execute(() => {
      const buttons = [...document.querySelectorAll("[data-testid=toolbar] button")].filter((b) => b.offsetParent);
      return new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size;
    });
  } finally {
    await app.setWindowSize(width, height);
  }
}

async function saved(app) {
  await until("autosave", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
}

/** Submits the open piece with a note to the desk; with no site connected the editor first
 * says nothing will leave this machine, and the test submits anyway. */
async function submit(app, note = "") {
  await click(app, "submit");
  if (note) await (await app.$("[data-testid=submit-note]")).setValue(note);
  await click(app, "submit-confirm");
  if (!WP_URL) {
    await click(app, "submit-anyway");
    await until("the no-site state", async () => {
      const state = await app.$("[data-testid=send-state]");
      return (await state.isExisting()) && (await state.getAttribute("data-stage")) === "no_site";
    });
  }
}

test("reporter and desk take a piece through review, comments and proposals to publication", async () => {
  const app = await openApp();
  try {
    // First run: the profile is asked for without blocking anything.
    assert.ok(await (await app.$("[data-testid=profile-form]")).isExisting(), "the first run asks who is acting");
    if (WP_URL) {
      await click(app, "open-sync");
      await (await app.$("[data-testid=backend-name]")).setValue("Báo thử (bàn biên tập)");
      await (await app.$("[data-testid=backend-url]")).setValue(WP_URL);
      await (await app.$("[data-testid=backend-user]")).setValue(WP_USER);
      await (await app.$("[data-testid=backend-password]")).setValue(WP_APP_PASSWORD);
      await click(app, "backend-connect");
      await until("the site to be listed", async () => (await app.$$("[data-testid=backend]")).length === 1, 30000);
      await click(app, "open-sync");
      // The site knows its user by a name: the profile form offers it.
      await (await app.$("[data-testid=profile-offered]")).waitForExist({ timeout: 35000 });
    }
    await beAs(app, REPORTER, "reporter");

    // The reporter writes and submits; the byline comes from the profile.
    const unique = Date.now();
    await click(app, "new-article");
    const headline = await app.$("[data-testid=headline]");
    await headline.waitForExist();
    assert.equal(await (await app.$("[data-testid=byline]")).getValue(), REPORTER);
    await headline.addValue(`Ký kết chương trình phối hợp ${unique}`);
    await (await app.$("[data-testid=sapo]")).addValue("Sáng nay, hai bên ký kết chương trình phối hợp.");
    const body = await app.$("[data-testid=body]");
    await body.click();
    await body.addValue("Người lao động được hỗ trợ nhà ở.");
    await saved(app);
    const id = await (await app.$("[data-testid=article-row][aria-current=true]")).getAttribute("data-id");
    await submit(app, "Ảnh hiện trường gửi sau 15 giờ.");
    await until("submitted", async () => (await status(app)) === "Đã nộp");
    assert.ok(await (await app.$("[data-testid=read-only]")).isExisting(), "read-only for its reporter");

    // The desk filters the submitted queue and takes the piece.
    await beAs(app, DESK, "desk_editor");
    await click(app, "queue-submitted");
    // The queue also holds what the app pulled from the site by itself (other pieces waiting
    // there for review): every row is a submitted piece, and this one is among them.
    await until("the submitted queue", async () => {
      const states = await app.execute(() =>
        [...document.querySelectorAll("[data-testid=article-row]")].map((row) => [
          row.getAttribute("data-id"),
          row.querySelector("[data-testid=row-status]")?.getAttribute("data-status"),
        ]),
      );
      return states.some(([rowId]) => rowId === id) && states.every(([, state]) => state === "submitted");
    });
    await (await app.$(`[data-testid=article-row][data-id="${id}"]`)).click();
    // The reporter's note to the desk heads the piece, with who wrote it.
    const submitted = await app.$("[data-testid=submitted-note]");
    await submitted.waitForExist();
    assert.match(await submitted.getText(), /Phóng viên gửi kèm · .*\n?.*Ảnh hiện trường gửi sau 15 giờ\./s);
    const stored = JSON.parse(cli(driver.dataDir, ["article", "history", id, "--json"]));
    assert.ok(
      stored.some((c) => c.to === "submitted" && c.note === "Ảnh hiện trường gửi sau 15 giờ." && !c.received),
      "the note is stored with the reporter's move",
    );
    await click(app, "take");
    await until("in review", async () => (await status(app)) === "Đang biên tập");
    assert.equal(await toolbarRowsOnALaptop(app), 1, "the desk's toolbar is one row at 1024×700");
    // The list never says otherwise: the piece leaves the "submitted" queue at once.
    await until("the row gone from the submitted queue", async () =>
      app.execute((rowId) => !document.querySelector(`[data-testid=article-row][data-id="${rowId}"]`), id),
    );

    // An edit of the desk's own, seen in "changes since submitted" with the desk's name.
    const editor = await app.$("[data-testid=body]");
    await editor.click();
    await app.keys(["Control", "End"]);
    await editor.addValue(" Mức hỗ trợ là 500.000 đồng.");
    await saved(app);
    await click(app, "changes-since-submitted");
    const diff = await app.$("[data-testid=diff]");
    await until("the diff", async () => (await app.$$("[data-testid=diff-field]")).length > 0);
    const inserted = await diff.$("ins");
    assert.match(await inserted.getText(), /500\.000 đồng/);
    assert.equal(await inserted.getAttribute("data-by"), DESK);
    await click(app, "diff-side");
    assert.equal((await diff.$$(".columns")).length, 1, "side by side");
    await click(app, "diff-close");

    // A comment on the first sentence.
    await editor.click();
    await app.keys(["Control", "Home"]);
    await app.keys(["Shift", "End"]);
    await click(app, "tab-comments");
    await click(app, "comment-start");
    await (await app.$("[data-testid=comment-text]")).setValue("Cần nêu rõ hình thức hỗ trợ.");
    await click(app, "comment-send");
    await until("the thread", async () => (await app.$$("[data-testid=thread]")).length === 1);

    // A suggestion: typed in suggest mode, recorded as a proposal, the text left as it was.
    await click(app, "suggest-mode");
    await editor.click();
    await app.keys(["Control", "End"]);
    await editor.addValue(" Chương trình kéo dài đến năm 2025.");
    await until("the proposal", async () => (await app.$$("[data-testid=proposal]")).length === 1, 20000);
    // The typed words are shown as a marked insertion, not as text of the piece.
    const marked = await app.$(".cm-proposal-insert");
    await marked.waitForExist({ timeout: 10000 });
    assert.match(await marked.getText(), /đến năm 2025/);
    if (process.env.SCREENSHOT_DIR) await app.saveScreenshot(`${process.env.SCREENSHOT_DIR}/desk-suggest.png`);
    await click(app, "suggest-mode");

    // Returning needs a note.
    await click(app, "return");
    assert.equal(await (await app.$("[data-testid=return-confirm]")).isEnabled(), false, "no note, no return");
    await (await app.$("[data-testid=return-note]")).setValue("Bổ sung hình thức hỗ trợ rồi nộp lại.");
    await click(app, "return-confirm");
    await until("returned", async () => (await status(app)) === "Trả lại");
    assert.equal(await (await app.$("[data-testid=submit]")).isExisting(), false, "only its reporter submits it again");

    // The reporter sees the note, what the desk changed, the comment and the proposal.
    await click(app, "queue-all");
    await beAs(app, REPORTER, "reporter");
    await (await app.$(`[data-testid=article-row][data-id="${id}"]`)).click();
    const note = await app.$("[data-testid=returned-note]");
    await note.waitForExist({ timeout: 10000 });
    assert.match(await note.getText(), /Bổ sung hình thức hỗ trợ/);
    assert.match(await note.getText(), new RegExp(DESK));
    await click(app, "changes-by-desk");
    await until("the desk's changes", async () => (await app.$$("[data-testid=diff-field]")).length > 0);
    assert.match(await (await app.$("[data-testid=diff] ins")).getText(), /500\.000 đồng/);
    await click(app, "diff-close");

    await click(app, "tab-proposals");
    await until("the proposal listed", async () => (await app.$$("[data-testid=proposal]")).length === 1);
    await click(app, "proposal-accept");
    await until("the proposal applied", async () => {
      const text = await (await app.$("[data-testid=body]")).getText();
      return text.includes("đến năm 2025") && (await app.$$(".cm-proposal-insert")).length === 0;
    });

    await click(app, "tab-comments");
    await until("the comment listed", async () => (await app.$$("[data-testid=thread]")).length === 1);
    assert.match(await (await app.$("[data-testid=comment]")).getText(), /Cần nêu rõ hình thức hỗ trợ/);
    await click(app, "thread-resolve");
    await until("resolved", async () => (await (await app.$("[data-testid=thread]")).getAttribute("data-state")) === "resolved");
    await submit(app);
    await until("submitted again", async () => (await status(app)) === "Đã nộp");

    // The desk approves and publishes.
    await beAs(app, DESK, "desk_editor");
    await (await app.$(`[data-testid=article-row][data-id="${id}"]`)).click();
    await click(app, "take");
    await until("in review again", async () => (await status(app)) === "Đang biên tập");
    await click(app, "approve");
    await until("approved", async () => (await status(app)) === "Đã duyệt");
    assert.equal(await toolbarRowsOnALaptop(app), 1, "an approved piece's toolbar is one row at 1024×700");
    await click(app, "publish");
    await until("published", async () => (await status(app)) === "Đã xuất bản");

    if (WP_URL) {
      // The worker sends the publication by itself; the site is asked until it has it (the
      // badge may still show the earlier, synced submission for a moment).
      const auth = `Basic ${Buffer.from(`${WP_USER}:${WP_APP_PASSWORD}`).toString("base64")}`;
      const post = await until(
        "the piece to be published on the site",
        async () => {
          // php -S serves one request at a time: ask now and then, not in a tight loop.
          await new Promise((r) => setTimeout(r, 400));
          const response = await fetch(`${WP_URL}/wp-json/wp/v2/posts?context=edit&status=publish&search=${unique}`, {
            headers: { Authorization: auth },
          });
          const [found] = await response.json();
          return found;
        },
        60000,
      );
      assert.match(post.content.raw, /đến năm 2025/);
      assert.doesNotMatch(post.content.raw, /Cần nêu rõ/, "comments never reach the site");
    }

    // The history names everyone, with the note.
    await click(app, "more-actions");
    await click(app, "open-history");
    const history = await app.$("[data-testid=history]");
    await until("the history", async () => (await app.$$("[data-testid=history-row]")).length >= 7);
    const text = await history.getText();
    for (const expected of [REPORTER, DESK, "Bổ sung hình thức hỗ trợ", "Đã xuất bản", "Trả lại"]) {
      assert.ok(text.includes(expected), `history shows ${expected}: ${text}`);
    }
    if (process.env.SCREENSHOT_DIR) await app.saveScreenshot(`${process.env.SCREENSHOT_DIR}/desk.png`);
  } finally {
    await closeApp(app);
  }
});
