// Text from documents set in the old Vietnamese fonts, pasted into the real app: converted in
// place with a notice that names the code and puts the paste back on request.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { closeApp, newArticle, openApp, startDriver, until } from "./app.mjs";

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

// "Hà Nội: Công đoàn thành phố tổ chức hội nghị tổng kết" typed in a TCVN3 (.VnTime) font and
// copied out of the document: the code's bytes show as Western letters.
const TCVN3 = "Hµ Néi: C«ng ®oµn thµnh phè tæ chøc héi nghÞ tæng kÕt";
const UNICODE = "Hà Nội: Công đoàn thành phố tổ chức hội nghị tổng kết";

async function paste(app, selector, text) {
  await app.execute(
    (selector, text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      const target = document.querySelector(selector);
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      // Native fields insert a paste themselves; a synthetic event does not, so the test puts
      // the text in as the browser would when nothing cancelled the event.
      if (target.dispatchEvent(event) && !target.classList.contains("cm-content")) {
        target.setRangeText(text, target.selectionStart, target.selectionEnd, "end");
        target.dispatchEvent(new Event("input", { bubbles: true }));
      }
    },
    selector,
    text,
  );
}

test("TCVN3 mojibake pasted into the body is converted, named, and can be put back", async () => {
  const app = await openApp();
  try {
    await (await app.$("[data-testid=new-article]")).click();
    const body = await app.$("[data-testid=body]");
    await body.waitForExist();
    await body.click();
    await paste(app, ".cm-content", TCVN3);
    const notice = await app.$("[data-testid=conversion-notice]");
    await notice.waitForExist();
    await until("the body to hold the converted text", async () => (await body.getText()) === UNICODE);
    assert.equal(await notice.getAttribute("data-from"), "tcvn3");
    const said = await notice.getText();
    assert.match(said, /TCVN3 \(ABC\)/);
    assert.match(said, /Đã chuyển \d+ từ/);
    assert.match(said, /“Hµ” → “Hà”|“Néi:” → “Nội:”/);
    // Drawn in the app's own fonts, which have every Vietnamese letter on every system.
    const drawn = await app.execute(
      () =>
        ["Noto Sans Variable", "Noto Serif Variable"].map((family) =>
          [...document.fonts].some((f) => f.family.replaceAll('"', "") === family && f.status === "loaded" && /U\+0*1EA0/i.test(f.unicodeRange)),
        ),
    );
    assert.deepEqual(drawn, [true, true]);

    await (await app.$("[data-testid=conversion-undo]")).click();
    await until("the paste to be back as it came", async () => (await body.getText()) === TCVN3);
    await (await app.$("[data-testid=conversion-undo]")).waitForExist({ reverse: true });

    // The editor's own undo steps back over the conversion too, not over the paste with it.
    await paste(app, ".cm-content", ` ${TCVN3}`);
    await until("the second paste converted", async () => (await body.getText()) === `${TCVN3} ${UNICODE}`);
    await body.click();
    await app.keys(["Control", "z"]);
    await until("Ctrl+Z to undo only the conversion", async () => (await body.getText()) === `${TCVN3} ${TCVN3}`);
  } finally {
    await closeApp(app);
  }
});

test("VNI text pasted into the headline is converted; good Unicode is left alone", async () => {
  const app = await openApp();
  try {
    const headline = await newArticle(app);
    await headline.click();
    await paste(app, "[data-testid=headline]", "Coâng ñoaøn Vieät Nam");
    await until("the headline converted", async () => (await headline.getValue()) === "Công đoàn Việt Nam");
    const notice = await app.$("[data-testid=conversion-notice]");
    assert.equal(await notice.getAttribute("data-from"), "vni");
    await (await app.$("[data-testid=conversion-notice] .close")).click();
    await notice.waitForExist({ reverse: true });

    const sapo = await app.$("[data-testid=sapo]");
    await sapo.click();
    await paste(app, "[data-testid=sapo]", "Người lao động được hỗ trợ; tôi có ý kiến.");
    // Good Unicode goes in as it is and stays: the converted headline beside it shows the
    // editor has answered, and no notice comes.
    await until("the sapo saved", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
    assert.equal(await sapo.getValue(), "Người lao động được hỗ trợ; tôi có ý kiến.");
    assert.equal(await (await app.$("[data-testid=conversion-notice]")).isExisting(), false);
  } finally {
    await closeApp(app);
  }
});
