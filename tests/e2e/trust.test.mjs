// What the app says is what the site has, in the real app on two machines (a reporter's store
// and a desk's, one after the other) against the test WordPress with the companion plugin:
// - a reporter with no site connected is told before submitting that nothing will leave the
//   machine; the piece and its row say "not sent" until a connected site has it;
// - lines typed with single Enters are paragraphs, and a photo placed on the line under a
//   paragraph is a figure with caption and credit, in the preview and on the site;
// - the desk's machine pulls by hand while its worker's first pull runs: one piece per post;
// - the desk publishes the piece, then spikes it: it asks why, the post is taken off the site
//   (a draft there; its public URL answers 404) and only then does the editor say so;
// - back on the reporter's machine, the piece is spiked and off the site, with the desk's
//   reason and name in its history.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { anonymous, badgeWords, cli, click, closeApp, openApp, pastePhoto, request, sendState, startDriver, until, untilOnTheSite } from "./app.mjs";

const { WP_URL, WP_USER, WP_APP_PASSWORD, WP_REPORTER_USER, WP_REPORTER_PASSWORD } = process.env;
const admin = `Basic ${Buffer.from(`${WP_USER}:${WP_APP_PASSWORD}`).toString("base64")}`;
const reporterAuth = `Basic ${Buffer.from(`${WP_REPORTER_USER}:${WP_REPORTER_PASSWORD}`).toString("base64")}`;

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

async function site(path, auth = admin, method = "GET", body) {
  const answer = await request(`${WP_URL}/wp-json/wp/v2${path}`, {
    method,
    headers: { Authorization: auth, "Content-Type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  return JSON.parse(answer.text);
}

async function status(app) {
  return (await app.$("[data-testid=status]")).getText();
}

/** Opens the row whose headline is `headline`, once the list has it. */
async function openRow(app, headline) {
  await until(`“${headline}” in the list`, async () =>
    app.execute((h) => {
      const row = [...document.querySelectorAll("[data-testid=article-row]")].find((r) => r.textContent.includes(h));
      row?.click();
      return row !== undefined;
    }, headline),
    60000,
  );
  await until(`“${headline}” open`, async () => (await (await app.$("[data-testid=headline]")).getValue()) === headline);
}

/** "Lấy bài": a pull by hand, waited out. */
async function pull(app) {
  await click(app, "open-sync");
  await click(app, "pull");
  await (await app.$("[data-testid=pull]")).waitForClickable({ timeout: 60000 });
  await click(app, "open-sync");
}

test(
  "the app and the site agree, on two machines: nothing sent shown as sent, one piece per post, a spiked piece off the site on both",
  { skip: (!WP_URL || !WP_REPORTER_USER) && "no WordPress (scripts/test starts one)" },
  async () => {
    const unique = Date.now();
    const headline = `Bài của phóng viên ${unique}`;
    const reporter = driver.dataDir;

    // The reporter's machine, with no site connected yet.
    let app = await openApp();
    try {
      await (await app.$("[data-testid=profile-form]")).waitForExist();
      await (await app.$("[data-testid=profile-name]")).setValue("Mai Quý");
      await (await app.$("[data-testid=profile-role]")).selectByAttribute("value", "reporter");
      await click(app, "profile-save");
      await click(app, "new-article");
      const title = await app.$("[data-testid=headline]");
      await title.waitForExist();
      await title.addValue(headline);
      await (await app.$("[data-testid=sapo]")).addValue("Sapo của bài.");

      // A photo with its caption, credit and alt text…
      await pastePhoto(app, "trao-qua.jpg", "jpeg");
      const thumb = await app.$("[data-testid=photo-thumb]");
      await thumb.waitForExist({ timeout: 20000 });
      await thumb.click();
      await (await app.$("[data-testid=photo-description]")).setValue("Đoàn viên nhận quà");
      await (await app.$("[data-testid=photo-credit]")).setValue("Ảnh: Mai Quý");
      await (await app.$("[data-testid=photo-alt]")).setValue("Một nữ công nhân cầm túi quà");
      await title.click();
      await until("the photo's fields saved", async () => !(await (await app.$("[data-testid=photo-thumb] .missing")).isExisting()));
      await click(app, "close-photo");

      // …placed on the line under three lines typed with single Enters.
      const body = await app.$("[data-testid=body]");
      await body.click();
      for (const line of ["Dòng một.", "Dòng hai.", "Dòng ba."]) {
        await body.addValue(line);
        await app.keys(["Enter"]);
      }
      await click(app, "insert-photo");
      await until("three paragraphs and a figure in the preview", async () =>
        (await app.execute(() => [...document.querySelectorAll("[data-testid=preview-body] > *")].map((b) => b.tagName).join())) ===
        "P,P,P,FIGURE",
      );
      await until("saved", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");

      // Submitting with no site says so first; submitted anyway, the piece says it is not sent.
      await click(app, "submit");
      await click(app, "submit-confirm");
      const warning = await app.$("[data-testid=submit-no-site]");
      await warning.waitForExist();
      assert.match(await warning.getText(), /Chưa kết nối trang nào/);
      await click(app, "submit-anyway");
      await until("submitted", async () => (await status(app)) === "Đã nộp");
      await until("not sent", async () => (await sendState(app))[0] === "no_site");
      assert.match(await badgeWords(app), /Chưa gửi/);
      const row = await app.$("[data-testid=article-row][aria-current=true] [data-testid=row-send]");
      await row.waitForExist({ timeout: 10000 });
      assert.equal(await row.getText(), "Chưa gửi lên trang", "the list says so too");
      const unsent = await app.$("[data-testid=queue-unsent]");
      await until("the queues to count it", async () => (await unsent.isExisting()) && (await unsent.getAttribute("data-count")) === "1");

      // Connecting a site sends it; only then is it "on the site".
      await click(app, "open-sync");
      await (await app.$("[data-testid=backend-name]")).setValue("Báo thử");
      await (await app.$("[data-testid=backend-url]")).setValue(WP_URL);
      await (await app.$("[data-testid=backend-user]")).setValue(WP_REPORTER_USER);
      await (await app.$("[data-testid=backend-password]")).setValue(WP_REPORTER_PASSWORD);
      await click(app, "backend-connect");
      await until("the site to be listed", async () => (await app.$$("[data-testid=backend]")).length === 1, 30000);
      await click(app, "open-sync");
      assert.equal(await untilOnTheSite(app, "pending"), "Trên trang: chờ duyệt");
      await until("the row's mark gone", async () => !(await row.isExisting()));
      await until("the queues' count gone", async () => !(await unsent.isExisting()));

      // A section the site lacks, which a reporter's account may not add: refused before
      // anything is sent, in words; the site's own sections are offered in the field.
      await click(app, "new-article");
      await (await app.$("[data-testid=headline]")).addValue(`Chuyên mục lạ ${unique}`);
      await (await app.$("[data-testid=sapo]")).addValue("Sapo.");
      const section = await app.$("[data-testid=section]");
      await section.setValue(`Không có trên trang ${unique}`);
      await until("saved", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
      await click(app, "submit");
      await click(app, "submit-confirm");
      const refused = await app.$("[data-testid=error]");
      await refused.waitForExist({ timeout: 20000 });
      assert.equal(await refused.getAttribute("data-code"), "unknown_section");
      assert.match(await refused.getText(), /Trang chưa có chuyên mục này/);
      assert.equal(await status(app), "Bản nháp", "not submitted");
      const offered = await app.execute(() => [...document.querySelectorAll("[data-testid=site-sections] option")].map((o) => o.value));
      assert.ok(offered.includes("Uncategorized"), JSON.stringify(offered));
    } finally {
      await closeApp(app);
    }
    const [sent] = await site(`/posts?context=edit&status=pending&search=${encodeURIComponent(headline)}`);
    assert.ok(sent, "the piece is on the site");
    const stored = sent.content.raw;
    assert.equal(stored.match(/<p>/g)?.length, 3, stored);
    assert.match(stored, /Dòng ba\.<\/p>\n<figure class="photo"><img [^>]+><figcaption>Đoàn viên nhận quà <span class="credit">\(Ảnh: Mai Quý\)<\/span><\/figcaption><\/figure>/);

    // Two more pieces waiting on the site for the desk, submitted from elsewhere.
    const waiting = [];
    for (const i of [1, 2]) {
      const post = await site("/posts", reporterAuth, "POST", {
        title: `Chờ duyệt ${i} ${unique}`,
        content: "<p>Nội dung chờ duyệt.</p>",
        excerpt: "Sapo chờ duyệt.",
        status: "pending",
      });
      waiting.push(post.title.raw);
    }

    // The desk's machine, connected by the CLI.
    const desk = (await startDriver()).dataDir;
    cli(desk, ["profile", "set", "--name", "Trần Biên", "--role", "desk_editor"]);
    cli(desk, ["backend", "add", "wordpress", "--name", "Báo thử", "--url", WP_URL, "--user", WP_USER], {
      NEWSROOM_BACKEND_PASSWORD: WP_APP_PASSWORD,
    });
    app = await openApp();
    try {
      // "Lấy bài chờ duyệt" pressed while the worker's first pull runs: one piece per post.
      await pull(app);
      await openRow(app, headline);
      const listed = JSON.parse(cli(desk, ["article", "list", "--limit", "1000", "--json"]));
      for (const h of [headline, ...waiting]) {
        assert.equal(listed.filter((a) => a.headline === h).length, 1, `${h}: one piece for its post`);
      }

      // Taken, approved, published: the editor says so once the site has it.
      await click(app, "take");
      await until("in review", async () => (await status(app)) === "Đang biên tập");
      await click(app, "approve");
      await until("approved", async () => (await status(app)) === "Đã duyệt");
      await click(app, "publish");
      assert.equal(await untilOnTheSite(app, "publish"), "Đã đăng trên trang");
      const publicUrl = `${WP_URL}/?p=${sent.id}`;
      assert.equal((await anonymous(publicUrl)).status, 200);

      // Spiking it asks why, then takes it off the site; the editor says so only then.
      await click(app, "spike");
      const confirm = await app.$("[data-testid=unpublish-confirm]");
      assert.equal(await confirm.isEnabled(), false, "no reason, no take-down");
      await (await app.$("[data-testid=unpublish-note]")).setValue("Sai số liệu, chờ xác minh.");
      await click(app, "unpublish-confirm");
      assert.equal(await untilOnTheSite(app, "draft"), "Đã gỡ khỏi trang");
      assert.equal((await site(`/posts/${sent.id}?context=edit`)).status, "draft");
      assert.equal((await anonymous(publicUrl)).status, 404, "gone for readers");
    } finally {
      await closeApp(app);
    }

    // Back on the reporter's machine: spiked, off the site, with the desk's reason and name.
    await startDriver(reporter);
    app = await openApp();
    try {
      await openRow(app, headline);
      await pull(app);
      await until("spiked here too", async () => (await status(app)) === "Đã hủy", 60000);
      assert.equal(await untilOnTheSite(app, "draft"), "Đã gỡ khỏi trang");
      await click(app, "more-actions");
      await click(app, "open-history");
      await until("the spike in the history", async () =>
        app.execute(() =>
          [...document.querySelectorAll("[data-testid=history-row][data-to=spiked]")].some(
            (r) => r.textContent.includes("Trần Biên") && r.textContent.includes("Sai số liệu, chờ xác minh."),
          ),
        ),
      );
    } finally {
      await closeApp(app);
    }
  },
);
