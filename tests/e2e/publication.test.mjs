// A piece's life after the desk's word, in the real app against the test WordPress: the desk
// embargoes an approved piece (it goes to the site scheduled for the embargo's end, not public),
// lifts the embargo and the schedule, schedules it in Vietnam time, publishes it now, sends an
// edit with "Cập nhật lên trang", corrects it (the notice readers see), and takes it down after
// confirming with a reason. The editor says each state only once the site has it, and the
// history lists every move.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anonymous, cli, click, closeApp, openApp, request, startDriver, until, untilOnTheSite } from "./app.mjs";

const { WP_URL, WP_USER, WP_APP_PASSWORD } = process.env;
const admin = `Basic ${Buffer.from(`${WP_USER}:${WP_APP_PASSWORD}`).toString("base64")}`;

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

async function post(id) {
  return JSON.parse((await request(`${WP_URL}/wp-json/wp/v2/posts/${id}?context=edit`, { headers: { Authorization: admin } })).text);
}

/** Sets a `datetime-local` field as a person picking a time would (the field reads Vietnam time). */
async function pickTime(app, testid, value) {
  const field = await app.$(`[data-testid=${testid}]`);
  await field.waitForExist();
  await app.execute(
    (testid, value) => {
      const input = document.querySelector(`[data-testid=${testid}]`);
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
    testid,
    value,
  );
}

/** A time ahead on the newsroom's clock (UTC+7), as the field shows it, and in UTC. */
function ahead(hours) {
  const at = new Date(Date.now() + hours * 3600_000);
  at.setUTCSeconds(0, 0);
  const vietnam = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
  return { vietnam, utc: at.toISOString().slice(0, 19) };
}

async function saved(app) {
  await until("saved", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
}

test(
  "after the desk's word: embargo, schedule, publish, update, correct and take down, each as the site has it",
  { skip: !WP_URL && "no WordPress (scripts/test starts one)" },
  async () => {
    const desk = driver.dataDir;
    const headline = `Hẹn giờ, cấm đăng, đính chính ${Date.now()}`;
    cli(desk, ["profile", "set", "--name", "Trần Biên", "--role", "desk_editor"]);
    cli(desk, ["backend", "add", "wordpress", "--name", "Báo thử", "--url", WP_URL, "--user", WP_USER], {
      NEWSROOM_BACKEND_PASSWORD: WP_APP_PASSWORD,
    });
    const files = mkdtempSync(join(tmpdir(), "bai-"));
    const file = join(files, "bai.md");
    writeFileSync(
      file,
      `---\nheadline: "${headline}"\nsapo: Sáng nay, Công đoàn trao 500 suất quà.\nbyline: Mai Quý\ndateline: Hà Nội\nsection: Uncategorized\n---\n\nĐoàn viên nhận quà tại trụ sở.\n`,
    );
    const id = cli(desk, ["article", "import", file]);
    for (const step of ["submit", "review", "approve"]) cli(desk, ["article", step, id]);
    cli(desk, ["sync", "run"]);
    const [sent] = JSON.parse(
      (await request(`${WP_URL}/wp-json/wp/v2/posts?context=edit&status=pending&search=${encodeURIComponent(headline)}`, { headers: { Authorization: admin } })).text,
    );
    const postId = sent.id;

    const app = await openApp();
    try {
      await until(`“${headline}” open`, async () =>
        app.execute((h) => {
          const row = [...document.querySelectorAll("[data-testid=article-row]")].find((r) => r.textContent.includes(h));
          row?.click();
          return row !== undefined;
        }, headline),
      );
      await until("the piece open", async () => (await (await app.$("[data-testid=headline]")).getValue()) === headline);
      await untilOnTheSite(app, "pending");

      // An embargo, picked in Vietnam time: the approved piece goes to the site scheduled for
      // the embargo's end; publishing now is offered as "when the embargo ends".
      const embargo = ahead(30);
      await click(app, "embargo");
      await pickTime(app, "embargo-time", embargo.vietnam);
      await click(app, "embargo-confirm");
      assert.equal(await untilOnTheSite(app, "future"), "Trên trang: hẹn giờ đăng");
      const embargoed = await app.$("[data-testid=embargoed-until]");
      const [date, time] = embargo.vietnam.split("T");
      const [y, m, d] = date.split("-");
      assert.equal(await embargoed.getText(), `Cấm đăng trước ${d}/${m}/${y} ${time}`);
      assert.match(await (await app.$("[data-testid=publish]")).getText(), /Xuất bản lúc hết cấm đăng/);
      let onSite = await post(postId);
      assert.equal(onSite.status, "future");
      assert.equal(onSite.date_gmt, embargo.utc);
      assert.equal((await anonymous(`${WP_URL}/?p=${postId}`)).status, 404, "not public");

      // Lifted, and the schedule it made lifted: with the desk again.
      await click(app, "lift-embargo");
      await (await app.$("[data-testid=scheduled-at]")).waitForExist({ timeout: 20000 });
      await click(app, "unschedule");
      assert.equal(await untilOnTheSite(app, "pending"), "Trên trang: chờ duyệt");

      // Scheduled in two hours, then published now instead.
      const at = ahead(2);
      await click(app, "schedule");
      await pickTime(app, "schedule-time", at.vietnam);
      await click(app, "schedule-confirm");
      await untilOnTheSite(app, "future");
      assert.equal((await post(postId)).date_gmt, at.utc);
      await click(app, "publish");
      assert.equal(await untilOnTheSite(app, "publish"), "Đã đăng trên trang");
      const published = await post(postId);
      assert.ok(Date.parse(`${published.date_gmt}Z`) <= Date.now() + 60_000, "dated now, not at the schedule");
      assert.equal((await anonymous(`${WP_URL}/?p=${postId}`)).status, 200);

      // An edit goes with one click; a second click says the site has it already.
      const body = await app.$("[data-testid=body]");
      await body.click();
      await app.keys(["Control", "End"]);
      await app.keys(["Enter"]);
      await body.addValue("Đến trưa đã trao 300 suất.");
      await saved(app);
      await click(app, "update-site");
      await until("the edit on the site", async () => (await post(postId)).content.raw.includes("Đến trưa đã trao 300 suất."), 60000);
      const updated = await post(postId);
      assert.equal(updated.status, "publish");
      assert.notEqual(updated.modified_gmt, published.modified_gmt, "the site's updated time moved");
      await untilOnTheSite(app, "publish");
      await click(app, "update-site");
      await (await app.$("[data-testid=up-to-date]")).waitForExist({ timeout: 20000 });

      // A correction: the note is required, and readers see it at the end of the story.
      await click(app, "correct");
      assert.equal(await (await app.$("[data-testid=correct-confirm]")).isEnabled(), false);
      await (await app.$("[data-testid=correct-note]")).setValue("Bài trước ghi nhầm 50 suất; đúng là 500 suất.");
      await click(app, "correct-confirm");
      await until(
        "the notice on the public page",
        async () => (await anonymous(`${WP_URL}/?p=${postId}`)).text.includes("đúng là 500 suất."),
        60000,
      );
      const page = (await anonymous(`${WP_URL}/?p=${postId}`)).text;
      assert.ok(page.indexOf("Đính chính") > page.indexOf("Đến trưa đã trao 300 suất."), "after the story");
      // The editor's preview ends with the same notice.
      const notice = await app.$("[data-testid=preview] [data-testid=correction]");
      await notice.waitForExist({ timeout: 20000 });
      assert.match(await notice.getText(), /^Đính chính \(\d\d\/\d\d\/\d{4}\): Bài trước ghi nhầm 50 suất; đúng là 500 suất\.$/);

      // Taken down only after confirming with a reason; the editor says so once the site has.
      await click(app, "spike");
      assert.equal(await (await app.$("[data-testid=unpublish-confirm]")).isEnabled(), false, "no reason, no take-down");
      await (await app.$("[data-testid=unpublish-note]")).setValue("Nguồn tin chưa được xác minh.");
      await click(app, "unpublish-confirm");
      assert.equal(await untilOnTheSite(app, "draft"), "Đã gỡ khỏi trang");
      assert.equal((await post(postId)).status, "draft", "kept for the site's editors");
      assert.equal((await anonymous(`${WP_URL}/?p=${postId}`)).status, 404, "gone for readers");

      // The history tells every move, newest first.
      await click(app, "more-actions");
      await click(app, "open-history");
      await until("the history", async () => (await app.$$("[data-testid=history-row]")).length >= 9);
      const actions = await app.execute(() =>
        [...document.querySelectorAll("[data-testid=history-row]")].map((r) => `${r.dataset.action}:${r.dataset.to}`),
      );
      assert.deepEqual(actions.slice(0, 9), [
        "move:spiked",
        "correct:published",
        "update:published",
        "move:published",
        "schedule:approved",
        "schedule:approved",
        "embargo:approved",
        "embargo:approved",
        "move:approved",
      ]);
      const correction = await app.execute(
        () => document.querySelector("[data-testid=history-row][data-action=correct]").textContent,
      );
      assert.match(correction, /Trần Biên/);
      assert.match(correction, /đúng là 500 suất/);
    } finally {
      await closeApp(app);
    }
  },
);
