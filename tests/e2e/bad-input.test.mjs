// Bad input in the real webview: hostile Markdown renders inert, and text typed more than a
// second before the process is killed is there on restart.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { appPids, closeApp, newArticle, openApp, startDriver, until } from "./app.mjs";

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

test("script, event handlers and javascript: links in the body never run", async () => {
  const app = await openApp();
  try {
    await newArticle(app);
    await app.execute(() => {
      window.__pwned = 0;
    });
    const body = await app.$("[data-testid=body]");
    await body.click();
    const hostile = [
      "<script>window.__pwned = 1</script>",
      "",
      "<img src=x onerror=\"window.__pwned = 2\">",
      "",
      "[click](javascript:window.__pwned=3)",
      "",
      "<iframe srcdoc=\"<script>parent.__pwned=4</script>\"></iframe>",
      "",
      "<svg onload=\"window.__pwned=5\"></svg> xong",
    ].join("\n");
    // Pasted, as a reporter would bring in text copied from a web page.
    await app.execute((text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      const paste = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      document.querySelector(".cm-content").dispatchEvent(paste);
    }, hostile);
    const preview = await app.$("[data-testid=preview-body]");
    await until("the preview", async () => (await preview.getText()).includes("xong"));
    const html = await preview.getHTML({ includeSelectorTag: false });
    const dangerous = await app.execute(() => {
      const root = document.querySelector("[data-testid=preview-body]");
      return [...root.querySelectorAll("*")]
        .filter(
          (el) =>
            ["script", "img", "iframe", "svg", "object", "embed"].includes(el.localName) ||
            [...el.attributes].some((a) => a.name.startsWith("on") || /^\s*javascript:/i.test(a.value)),
        )
        .map((el) => el.outerHTML);
    });
    assert.deepEqual(dangerous, [], html);
    assert.match(await preview.getText(), /<script>window.__pwned = 1<\/script>/, "the reporter still sees the text");
    const href = await app.execute(() => location.href);
    for (const link of await preview.$$("a")) await link.click();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await app.execute(() => window.__pwned), 0, "no script ran and the page did not reload");
    assert.equal(await app.execute(() => location.href), href, "the window stayed on the app");
    // Even a navigation forced from script is refused by the shell.
    await app.execute(() => {
      location.href = "https://example.org/";
    });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await app.execute(() => location.href), href, "the shell refused to leave the app");
  } finally {
    await closeApp(app);
  }
});

test("text typed more than a second before SIGKILL is there after restart", async () => {
  let app = await openApp();
  const text = "Chủ tịch Liên đoàn Lao động thành phố phát biểu: “Đoàn viên là gốc”.";
  let id;
  try {
    await newArticle(app);
    const headline = await app.$("[data-testid=headline]");
    await headline.click();
    await headline.addValue("Tin nóng");
    const body = await app.$("[data-testid=body]");
    await body.click();
    await body.addValue(text);
    id = await (await app.$("[data-testid=article-row][aria-current=true]")).getAttribute("data-id");
    // The promise: typing that stopped more than one second ago is on disk.
    await new Promise((r) => setTimeout(r, 1100));
    const pids = appPids(driver.dataDir);
    assert.equal(pids.length, 1, `one app process, found ${pids}`);
    process.kill(pids[0], "SIGKILL");
    await until("the app to die", () => appPids(driver.dataDir).length === 0);
  } finally {
    // The app is gone; closing ends its session and driver.
    await closeApp(app);
  }

  app = await openApp();
  try {
    const row = await app.$(`[data-testid=article-row][data-id="${id}"]`);
    await row.click();
    await (await app.$("[data-testid=headline]")).waitForExist();
    assert.equal(await (await app.$("[data-testid=headline]")).getValue(), "Tin nóng");
    assert.equal(await (await app.$("[data-testid=body]")).getText(), text);
  } finally {
    await closeApp(app);
  }
});

test("a site that cannot be reached is said beside the form in the UI's language, the detail folded away", async () => {
  const app = await openApp();
  try {
    await (await app.$("[data-testid=open-sync]")).click();
    await (await app.$("[data-testid=add-backend]")).waitForExist();
    await (await app.$("[data-testid=backend-name]")).setValue("Trang thử");
    await (await app.$("[data-testid=backend-url]")).setValue("http://127.0.0.1:9");
    await (await app.$("[data-testid=backend-user]")).setValue("phongvien");
    await (await app.$("[data-testid=backend-password]")).setValue("abcd efgh ijkl mnop");
    await (await app.$("[data-testid=backend-connect]")).click();
    const error = await app.$("[data-testid=add-backend] [data-testid=backend-error]");
    await error.waitForExist({ timeout: 30000 });
    assert.equal(await error.getAttribute("data-code"), "network");
    const shown = await (await error.$("span")).getText();
    assert.match(shown, /Không kết nối được tới trang này/);
    assert.doesNotMatch(shown, /os error|refused|hàng đợi/i, shown);
    // The technical detail is folded away, one click from view.
    const details = await error.$("details");
    assert.equal(await details.getAttribute("open"), null);
    await (await error.$("summary")).click();
    await until("the detail open", async () => (await details.getAttribute("open")) !== null);
    assert.match(await details.getText(), /127\.0\.0\.1/);
  } finally {
    await closeApp(app);
  }
});

test("a refused directory file says what is wrong and where in the UI's language, and imports nothing", async () => {
  const app = await openApp();
  // The file chooser is the system's; the test hands the input a file the way a drop would.
  const pick = (name, text) =>
    app.execute(
      (name, text) => {
        const input = document.querySelector("[data-testid=directory-import]");
        const files = new DataTransfer();
        files.items.add(new File([text], name, { type: "text/csv" }));
        input.files = files.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      },
      name,
      text,
    );
  try {
    await (await app.$("[data-testid=open-directory]")).click();
    await (await app.$("[data-testid=directory]")).waitForExist();
    await pick("danh-ba-hong.csv", "kind,name\nperson,Vũ Thị Hồng Nhung\ncon vật,Con mèo\n");
    const refused = await app.$("[data-testid=directory-import-refused]");
    await refused.waitForExist();
    assert.equal(await refused.getAttribute("data-problem"), "bad_kind");
    assert.equal(
      await refused.getText(),
      "Chưa nhập gì từ danh-ba-hong.csv: dòng 3: loại phải là person (người) hoặc organisation (tổ chức), không phải “con vật”.",
    );
    await (await app.$("[data-testid=directory-search]")).setValue("Hồng Nhung");
    await until("nothing imported", async () => (await app.$$("[data-testid=entity-row]")).length === 0);

    await (await app.$("[data-testid=lang]")).click();
    await until("worded in English", async () =>
      (await refused.getText()).startsWith("Nothing was imported from danh-ba-hong.csv: row 3: the kind must be"),
    );
    await (await app.$("[data-testid=lang]")).click();

    // A good file clears the refusal, and a refused one clears the old success line.
    await pick("danh-ba.csv", "kind,name\nperson,Vũ Thị Hồng Nhung\n");
    await until("imported", async () => (await app.$$("[data-testid=entity-row]")).length === 1);
    assert.equal(await refused.isExisting(), false);
    await pick("danh-ba.txt", "kind,name\n");
    await until("refused again", async () => (await app.$("[data-testid=directory-import-refused]")).isExisting());
    assert.match(await (await app.$("[data-testid=directory-import-refused]")).getText(), /chỉ nhập được tệp \.csv hoặc \.json/);
    assert.equal(await (await app.$(".directory .ok")).isExisting(), false, "no old success line");
  } finally {
    await closeApp(app);
  }
});
