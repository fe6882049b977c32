// Help, printing and the Word file in the real app: F1 lists every shortcut from the table the keys obey,
// Ctrl+Shift+P shows and hides the preview, and Ctrl+P prints the piece as the reader sees it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerFileDialog, cli, click, closeApp, newArticle, openApp, startDriver, until } from "./app.mjs";

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

test("F1 opens the help with the workflow and every shortcut; Esc closes it", async () => {
  const app = await openApp();
  try {
    await (await app.$("[data-testid=article-list]")).waitForExist();
    await app.keys(["F1"]);
    const help = await app.$("[data-testid=help]");
    await help.waitForDisplayed();
    assert.match(await help.getText(), /Đường đi của một bài/);
    const rows = await app.$$("[data-testid=help-shortcut]");
    assert.ok(rows.length >= 20, `${rows.length} shortcuts listed`);
    const row = async (name) => (await app.$(`[data-testid=help-shortcut][data-name=${name}]`)).getText();
    assert.match(await row("newPiece"), /Ctrl\+N\s*Viết bài mới/);
    assert.match(await row("print"), /Ctrl\+P\s*In bài/);
    assert.match(await row("preview"), /Ctrl\+Shift\+P/);
    assert.match(await row("photoNext"), /Ctrl\+Enter \/ Alt\+→/);
    await app.keys(["Escape"]);
    await help.waitForExist({ reverse: true });

    // The same screen from the sidebar's button, in English when switched.
    await (await app.$("[data-testid=lang]")).click();
    await (await app.$("[data-testid=open-help]")).click();
    await (await app.$("[data-testid=help]")).waitForDisplayed();
    assert.match(await row("newPiece"), /Ctrl\+N\s*Write a new piece/);
    // The choice is kept where the shell reads it at start, for the system's own dialogs.
    await until("English kept for the dialogs", () => cli(driver.dataDir, ["profile", "language"]) === '"en"');
    await (await app.$("[data-testid=help-close]")).click();
    await (await app.$("[data-testid=help]")).waitForExist({ reverse: true });
    await (await app.$("[data-testid=lang]")).click();
    await until("Vietnamese kept for the dialogs", () => cli(driver.dataDir, ["profile", "language"]) === '"vi"');
  } finally {
    await closeApp(app);
  }
});

test("Ctrl+Shift+P shows and hides the preview; Ctrl+P prints the piece as the reader will see it", async () => {
  const app = await openApp();
  try {
    const headline = await newArticle(app);
    await headline.setValue("Công nhân được hỗ trợ tiền thuê nhà");
    await (await app.$("[data-testid=sapo]")).setValue("Mỗi người nhận 500.000 đồng một tháng.");
    const body = await app.$("[data-testid=body]");
    await body.addValue("Công đoàn quận **hỗ trợ** ngay trong tháng.");
    const preview = await app.$("[data-testid=preview]");
    await preview.waitForExist();

    await app.keys(["Control", "Shift", "p"]);
    await preview.waitForExist({ reverse: true });
    await app.keys(["Control", "Shift", "p"]);
    await preview.waitForExist();

    // The system's print dialog is modal and outside the page, where WebDriver cannot reach;
    // the test stands in for it and reads the sheet it would have printed.
    await app.execute(() => {
      window.print = () => {
        const sheet = document.querySelector(".print-root");
        window.__printed = {
          text: sheet?.innerText ?? "",
          html: sheet?.innerHTML ?? "",
          // On paper, everything but the sheet is hidden (app.css's print rules).
          hidesTheApp: [...document.styleSheets].some((sheet) =>
            [...sheet.cssRules].some(
              (rule) => rule instanceof CSSMediaRule && rule.media.mediaText === "print" && /body > :not\(\.print-root\)/.test(rule.cssText),
            ),
          ),
        };
      };
    });
    await app.keys(["Control", "p"]);
    await until("the print", async () => (await app.execute(() => window.__printed ?? null)) !== null);
    const printed = await app.execute(() => window.__printed);
    assert.match(printed.text, /Công nhân được hỗ trợ tiền thuê nhà/);
    assert.match(printed.text, /Mỗi người nhận 500\.000 đồng một tháng\./);
    assert.match(printed.html, /<strong>hỗ trợ<\/strong>/);
    assert.ok(printed.hidesTheApp);
    // Printing left the screen as it was: the preview is still on, the editor still there.
    assert.equal(await preview.isDisplayed(), true);
    await app.execute(() => window.dispatchEvent(new Event("afterprint")));
    await until("the sheet gone after printing", async () => (await app.execute(() => document.querySelector(".print-root") === null)));
  } finally {
    await closeApp(app);
  }
});

test("⋯ › Save as a Word file writes the piece as a .docx that Word's readers open", async () => {
  const app = await openApp();
  try {
    const headline = await newArticle(app);
    await headline.setValue("Công nhân được hỗ trợ tiền thuê nhà");
    await (await app.$("[data-testid=sapo]")).setValue("Mỗi người nhận 500.000 đồng một tháng.");
    await (await app.$("[data-testid=body]")).addValue("Công đoàn quận **hỗ trợ** ngay trong tháng.");
    const dir = mkdtempSync(join(tmpdir(), "newsroom-docx-"));
    const file = join(dir, "bai-viet.docx");
    await click(app, "more-actions");
    await click(app, "export-docx");
    // The name field holds the suggested name (the headline): replaced with a whole path.
    await answerFileDialog("Save File|Lưu", ["ctrl+a"], file);
    const said = await app.$("[data-testid=exported]");
    await said.waitForExist({ timeout: 20000 });
    // Its text, not getText(): WebDriver's visibility atom reads a line that may end in "…" as hidden.
    assert.match(await said.getProperty("textContent"), /Đã lưu bài thành tệp Word: .*bai-viet\.docx/);
    const read = spawnSync(
      "/usr/bin/python3",
      ["-c", "import sys, docx; [print(p.text) for p in docx.Document(sys.argv[1]).paragraphs]", file],
      { encoding: "utf8" },
    );
    assert.equal(read.status, 0, read.stderr);
    assert.deepEqual(read.stdout.trim().split("\n"), [
      "Công nhân được hỗ trợ tiền thuê nhà",
      "Mỗi người nhận 500.000 đồng một tháng.",
      "Công đoàn quận hỗ trợ ngay trong tháng.",
    ]);
  } finally {
    await closeApp(app);
  }
});
