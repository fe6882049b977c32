// The writing loop in the real app: create, type Vietnamese, preview, close, restart, and
// every character is still there.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { beAs, click, closeApp, newArticle, openApp, startDriver, until } from "./app.mjs";

const HEADLINE = "Công đoàn các Khu công nghiệp và chế xuất Hà Nội";
const BODY = "Người lao động được **hỗ trợ** tiền thuê nhà trọ; Đoàn viên ở Đông Anh, Sóc Sơn.";

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

test("first run shows the demo articles in Vietnamese", async () => {
  const app = await openApp();
  try {
    // The list is painted first and filled when the store answers.
    await until("the demo articles listed", async () => (await app.$$("[data-testid=article-row]")).length >= 2);
    const text = await (await app.$("[data-testid=article-list]")).getText();
    assert.match(text, /Bản nháp/);
    assert.match(text, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, "times shown as dd/MM/yyyy HH:mm");
  } finally {
    await closeApp(app);
  }
});

test("a new article typed in Vietnamese is previewed and survives closing and reopening", async () => {
  let app = await openApp();
  let id;
  try {
    const headline = await newArticle(app);
    await headline.click();
    await headline.addValue(HEADLINE);
    const body = await app.$("[data-testid=body]");
    await body.click();
    await body.addValue(BODY);

    const preview = await app.$("[data-testid=preview]");
    await until("the preview to render the body", async () => (await preview.getText()).includes("hỗ trợ"));
    const previewHtml = await (await app.$("[data-testid=preview-body]")).getHTML({ includeSelectorTag: false });
    assert.match(previewHtml, /<strong>hỗ trợ<\/strong>/);
    assert.equal(await (await app.$(".preview-headline")).getText(), HEADLINE);
    // The counts follow the text when typing pauses.
    const counts = await app.$("[data-testid=counts]");
    await until("the counts", async () => /^17 chữ/.test(await counts.getText()));

    await until("autosave", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
    id = await (await app.$("[data-testid=article-row][aria-current=true]")).getAttribute("data-id");
  } finally {
    await closeApp(app);
  }

  app = await openApp();
  try {
    const row = await app.$(`[data-testid=article-row][data-id="${id}"]`);
    assert.equal(await (await row.$(".headline")).getText(), HEADLINE);
    await row.click();
    const headline = await app.$("[data-testid=headline]");
    await headline.waitForExist();
    assert.equal(await headline.getValue(), HEADLINE);
    const body = await app.$("[data-testid=body]");
    assert.equal(await body.getText(), BODY);
  } finally {
    await closeApp(app);
  }
});

/** Whether an X window of the app has exactly this title (xdotool reads WM_NAME). */
function windowTitled(title) {
  const found = spawnSync("xdotool", ["search", "--name", `^${title}$`], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() !== "";
}

test("the English switch changes the interface and is remembered", async () => {
  let app = await openApp();
  try {
    const button = await app.$("[data-testid=new-article]");
    assert.match(await button.getText(), /Bài mới/);
    await (await app.$("[data-testid=lang]")).click();
    assert.match(await button.getText(), /New article/);
    // The native window title follows, as the title bar and the task switcher show it.
    await until("the window titled in English", () => windowTitled("Newsroom"));
  } finally {
    await closeApp(app);
  }
  app = await openApp();
  try {
    assert.match(await (await app.$("[data-testid=new-article]")).getText(), /New article/);
    await until("the window titled in English after a restart", () => windowTitled("Newsroom"));
    await (await app.$("[data-testid=lang]")).click();
    await until("the window titled in Vietnamese", () => windowTitled("Tòa soạn"));
  } finally {
    await closeApp(app);
  }
});

test("the editor and the list count a piece the same way: sapo and body", async () => {
  const app = await openApp();
  try {
    const headline = await newArticle(app);
    await headline.click();
    await headline.addValue("Đếm chữ như nhau");
    const sapo = await app.$("[data-testid=sapo]");
    await sapo.click();
    await sapo.addValue("Sapo này có đúng sáu chữ.");
    const body = await app.$("[data-testid=body]");
    // A new body says what goes there.
    assert.match(await (await app.$(".cm-placeholder")).getText(), /Viết thân bài ở đây/);
    await body.click();
    // Markdown syntax and link targets are not words: the body is nine words.
    await body.addValue("**Công đoàn** quận [hỗ trợ](https://laodong.vn) công nhân khó khăn.");
    const counts = await app.$("[data-testid=counts]");
    await until("the counts of sapo and body", async () => /^15 chữ/.test(await counts.getText()));
    assert.match(await counts.getText(), /sapo \+ thân bài/);
    await until("autosave", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
    const row = await app.$("[data-testid=article-row][aria-current=true]");
    await until("the list's count", async () => (await (await row.$("[data-testid=row-words]")).getText()) === "15 chữ");
  } finally {
    await closeApp(app);
  }
});

test("Ctrl+N and leaving without typing keeps no empty draft", async () => {
  const app = await openApp();
  try {
    const rows = async () => (await app.$$("[data-testid=article-row]")).length;
    const before = await rows();
    await (await app.$("[data-testid=new-article]")).click();
    await (await app.$("[data-testid=headline]")).waitForExist();
    await until("the new piece in the list while it is open", async () => (await rows()) === before + 1);
    // Another new piece, then the directory: neither blank piece is kept.
    await app.keys(["Control", "n"]);
    await (await app.$("[data-testid=open-directory]")).click();
    await (await app.$("[data-testid=directory]")).waitForExist();
    await (await app.$("[data-testid=open-directory]")).click();
    await until("no empty draft left", async () => (await rows()) === before);
    assert.equal(await (await app.$("[data-testid=headline]")).isExisting(), false);
  } finally {
    await closeApp(app);
  }
});

test("text zoom with Ctrl+= and Ctrl+- is remembered", async () => {
  let app = await openApp();
  const zoom = () => app.execute(() => document.documentElement.dataset.zoom ?? "1");
  try {
    await (await app.$("[data-testid=article-list]")).click();
    await app.keys(["Control", "="]);
    await app.keys(["Control", "="]);
    await until("zoomed in twice", async () => (await zoom()) === "1.25");
    await app.keys(["Control", "-"]);
    await until("one step back", async () => (await zoom()) === "1.1");
  } finally {
    await closeApp(app);
  }
  app = await openApp();
  try {
    assert.equal(await zoom(), "1.1");
    await app.keys(["Control", "0"]);
    await until("back to 100%", async () => (await zoom()) === "1");
  } finally {
    await closeApp(app);
  }
});

test("the keyboard moves through the list, opens a piece into the editor and jumps between regions", async () => {
  const app = await openApp();
  const focused = () =>
    app.execute(() => {
      const a = document.activeElement;
      return a?.getAttribute("data-id") ?? a?.getAttribute("data-testid") ?? a?.className ?? "";
    });
  try {
    const rows = await app.$$("[data-testid=article-row]");
    assert.ok(rows.length >= 2);
    const second = await rows[1].getAttribute("data-id");
    await app.execute(() => document.querySelector("[data-testid=article-row]").focus());
    await app.keys(["ArrowDown"]);
    assert.equal(await focused(), second);
    await app.keys(["Enter"]);
    await until("the piece open with the body focused", async () =>
      app.execute(() => document.activeElement?.classList.contains("cm-content") ?? false),
    );
    assert.equal(await (await app.$("[data-testid=article-row][aria-current=true]")).getAttribute("data-id"), second);
    await app.keys(["F6"]);
    await until("the preview focused", async () => (await focused()) === "preview");
    await app.keys(["Shift", "F6"]);
    await until("the body again", async () =>
      app.execute(() => document.activeElement?.classList.contains("cm-content") ?? false),
    );
  } finally {
    await closeApp(app);
  }
});

test("on a 1024×700 laptop the text has the room: one toolbar row, no preview, a long line and most of the height", async (t) => {
  let app = await openApp();
  const laptop = async () => {
    await app.setWindowSize(1024, 700);
    await until("the window at laptop size", async () =>
      app.execute(() => window.innerWidth <= 1024 && window.innerHeight <= 700),
    );
  };
  try {
    await beAs(app, "Lê Phóng Viên");
    await laptop();
    const headline = await newArticle(app);
    await headline.setValue("Công nhân khu công nghiệp được hỗ trợ tiền thuê nhà");
    await (await app.$("[data-testid=body]")).addValue("Công đoàn quận hỗ trợ ngay trong tháng. ".repeat(20));
    const side = await app.$("[data-testid=side-panel]");
    await side.waitForExist();
    assert.match(await side.getAttribute("class"), /collapsed/, "the side panel folds on a laptop");
    assert.equal(await (await app.$("[data-testid=preview]")).isExisting(), false, "no preview by default");

    const room = await app.execute(() => {
      const rect = (el) => el.getBoundingClientRect();
      // Characters on the body's first line: where the text first wraps.
      const line = document.querySelector(".cm-line");
      const text = line.firstChild;
      const range = document.createRange();
      let perLine = text.length;
      const top = (i) => (range.setStart(text, i), range.setEnd(text, i + 1), range.getClientRects()[0]?.top ?? 0);
      const first = top(0);
      for (let i = 1; i < text.length; i++) {
        if (top(i) > first + 4) {
          perLine = i;
          break;
        }
      }
      const buttons = [...document.querySelectorAll("[data-testid=toolbar] button")].filter((b) => b.offsetParent);
      const saveState = rect(document.querySelector("[data-testid=save-state] .shown"));
      return {
        height: rect(document.querySelector(".body-editor")).height / window.innerHeight,
        perLine,
        rows: new Set(buttons.map((b) => Math.round(rect(b).top))).size,
        saveStateInside: saveState.width > 0 && saveState.right <= window.innerWidth,
      };
    });
    t.diagnostic(`body ${Math.round(room.height * 100)} % of the height, ${room.perLine} characters a line`);
    assert.ok(room.height >= 0.6, `the body takes ${Math.round(room.height * 100)} % of the height`);
    assert.ok(room.perLine >= 45, `${room.perLine} characters a line`);
    assert.equal(room.rows, 1, "the toolbar is one row");
    assert.ok(room.saveStateInside, "the save state is on screen, whole");

    // The less frequent tools are one click away, in a menu that stays inside the window.
    await click(app, "more-actions");
    const menu = await app.$("[data-testid=more-menu]");
    await menu.waitForDisplayed();
    const inside = (selector) =>
      app.execute((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
      }, selector);
    assert.ok(await inside("[data-testid=more-menu]"), "the menu is inside the window");
    await click(app, "open-history");
    await menu.waitForDisplayed({ reverse: true });
    await (await app.$("[data-testid=history]")).waitForExist();
    await click(app, "spelling-tools");
    await (await app.$("[data-testid=spelling-panel]")).waitForDisplayed();
    assert.ok(await inside("[data-testid=spelling-panel]"), "the spelling panel is inside the window");
    await click(app, "spelling-tools");

    // Opened by hand, the side panel stays open; folded again, it goes.
    await click(app, "side-fold");
    await until("the panel open", async () => !/collapsed/.test(await side.getAttribute("class")));
    await (await app.$("[data-testid=add-tag]")).waitForExist();
    await click(app, "side-fold");
    await until("folded again", async () => /collapsed/.test(await side.getAttribute("class")));

    // The preview, once asked for, is remembered: the next start shows it at this width too.
    await app.keys(["Control", "Shift", "p"]);
    await (await app.$("[data-testid=preview]")).waitForExist();
    await closeApp(app);
    app = await openApp();
    await laptop();
    await (await app.$("[data-testid=article-row]")).click();
    await (await app.$("[data-testid=preview]")).waitForExist();
    await app.keys(["Control", "Shift", "p"]);
    await (await app.$("[data-testid=preview]")).waitForExist({ reverse: true });
  } finally {
    await app.setWindowSize(1280, 800).catch(() => {});
    await closeApp(app);
  }
});

test("a counter warns near the headline's limit and the sapo's advised length", async () => {
  const app = await openApp();
  try {
    const headline = await newArticle(app);
    await headline.click();
    await headline.addValue("Công nhân");
    assert.equal(await (await app.$("[data-testid=headline-counter]")).isExisting(), false);
    // 100 + 9 characters: near the 120-character limit.
    await headline.addValue(" ".padEnd(100, "ạ"));
    const counter = await app.$("[data-testid=headline-counter]");
    await until("the counter near the limit", async () => (await counter.isExisting()) && (await counter.getText()) === "109/120");
    assert.doesNotMatch(await counter.getAttribute("class"), /over/);
    await headline.addValue("ạạạạạạạạạạạạ");
    await until("the counter over the limit", async () => /over/.test(await counter.getAttribute("class")));
    assert.equal(await counter.getText(), "121/120");
  } finally {
    await closeApp(app);
  }
});

test("a deleted draft goes to the trash, comes back with Undo, and the trash restores, deletes for good and empties", async () => {
  const app = await openApp();
  const row = (id) => app.$(`[data-testid=article-row][data-id="${id}"]`);
  const inTrash = async () => Number(await (await app.$("[data-testid=open-trash]")).getAttribute("data-count"));
  const draft = async (text) => {
    const headline = await newArticle(app);
    await headline.addValue(text);
    await until("saved", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
    return (await app.$("[data-testid=article-row][aria-current=true]")).getAttribute("data-id");
  };
  try {
    const first = await draft("Bản nháp bỏ đi lần một");
    await (await app.$("[data-testid=trash-draft]")).click();
    await until("the notice", async () => (await (await app.$("[data-testid=trash-notice]")).getText()).includes("Bản nháp bỏ đi lần một"));
    assert.match(await (await app.$("[data-testid=trash-notice]")).getText(), /thùng rác/);
    assert.equal(await (await row(first)).isExisting(), false, "gone from the list");
    assert.equal(await (await app.$("[data-testid=headline]")).isExisting(), false, "the editor closed");
    assert.equal(await inTrash(), 1);

    await (await app.$("[data-testid=trash-undo]")).click();
    await until("back in the list and open", async () =>
      (await (await row(first)).isExisting()) && (await (await app.$("[data-testid=headline]")).isExisting()),
    );
    assert.equal(await (await app.$("[data-testid=headline]")).getValue(), "Bản nháp bỏ đi lần một");
    assert.equal(await inTrash(), 0);

    // The Delete key on the list's row does the same.
    await app.execute((id) => document.querySelector(`[data-testid=article-row][data-id="${id}"]`).focus(), first);
    await app.keys(["Delete"]);
    await until("gone by the Delete key", async () => !(await (await row(first)).isExisting()));
    assert.equal(await inTrash(), 1);
    await (await app.$("[data-testid=search]")).setValue("bo di lan mot");
    await until("not found by search", async () => (await app.$$("[data-testid=article-row]")).length === 0);
    await (await app.$("[data-testid=search]")).click();
    await app.keys(["Control", "a"]);
    await app.keys(["Backspace"]);
    await until("the whole list again", async () => (await app.$$("[data-testid=article-row]")).length > 1);

    await (await app.$("[data-testid=open-trash]")).click();
    const trashed = await app.$(`[data-testid=trash-row][data-id="${first}"]`);
    await trashed.waitForExist();
    await (await trashed.$("[data-testid=trash-restore]")).click();
    await until("restored", async () => (await (await app.$("[data-testid=trash-done]")).getText()).includes("Đã khôi phục"));
    await until("in the list again", async () => (await (await row(first)).isExisting()) && (await inTrash()) === 0);
    await (await app.$("[data-testid=trash-is-empty]")).waitForExist();

    await (await app.$("[data-testid=open-trash]")).click();
    const second = await draft("Bản nháp bỏ đi lần hai");
    await (await app.$("[data-testid=trash-draft]")).click();
    await until("second in the trash", async () => (await inTrash()) === 1);
    await app.execute((id) => document.querySelector(`[data-testid=article-row][data-id="${id}"]`).focus(), first);
    await app.keys(["Delete"]);
    await until("both in the trash", async () => (await inTrash()) === 2);

    await (await app.$("[data-testid=open-trash]")).click();
    await until("two rows", async () => (await app.$$("[data-testid=trash-row]")).length === 2);
    const one = await app.$(`[data-testid=trash-row][data-id="${second}"]`);
    await (await one.$("[data-testid=trash-delete]")).click();
    await (await one.$("[data-testid=trash-delete-confirm]")).click();
    await until("deleted for good", async () => (await app.$$("[data-testid=trash-row]")).length === 1 && (await inTrash()) === 1);
    await (await app.$("[data-testid=trash-empty]")).click();
    await (await app.$("[data-testid=trash-empty-confirm]")).click();
    await (await app.$("[data-testid=trash-is-empty]")).waitForExist();
    await until("nothing in the trash", async () => (await inTrash()) === 0);
    assert.equal(await (await row(first)).isExisting(), false);
    assert.equal(await (await row(second)).isExisting(), false);
  } finally {
    await closeApp(app);
  }
});
