// Photos in the real app: an image pasted into the editor is imported (through the shell's
// raw-bytes command, decoded and stored by the photos crate), captioned, placed in the body
// as a figure whose image loads through the app's photo scheme, and everything is still
// there after a restart. A file that is not an image gets the Vietnamese error and the app
// carries on.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerFileDialog, cli, closeApp, jpegsInPage, openApp, pastePhoto, startDriver, until } from "./app.mjs";

const HEADLINE = "Trao quà cho công nhân Khu công nghiệp Thăng Long";
const CAPTION = "Chủ tịch Công đoàn cơ sở trao quà cho nữ công nhân có hoàn cảnh khó khăn";
const CREDIT = "Ảnh: Mai Quý";
const ALT = "Hai người phụ nữ đứng cạnh nhau, một người cầm túi quà màu đỏ";

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});


async function openArticle(app) {
  await until("the article row", async () => {
    for (const row of await app.$$("[data-testid=article-row]")) {
      if ((await row.getText()).includes("Thăng Long")) {
        await row.click();
        return true;
      }
    }
    return false;
  });
  await (await app.$("[data-testid=photo-strip]")).waitForExist();
}

test("a pasted photo is captioned, placed in the body, and survives a restart", async () => {
  let app = await openApp();
  try {
    await (await app.$("[data-testid=new-article]")).click();
    const headline = await app.$("[data-testid=headline]");
    await headline.waitForExist();
    await headline.click();
    await headline.addValue(HEADLINE);

    await pastePhoto(app, "bien-ban.jpg", "text");
    const error = await app.$("[data-testid=photo-error]");
    await error.waitForExist({ timeout: 20000 });
    assert.equal(await error.getAttribute("data-code"), "not_an_image");
    assert.match(await error.getText(), /không phải là ảnh/);
    assert.match(await error.getText(), /bien-ban\.jpg/);

    await pastePhoto(app, "trao-qua.jpg", "jpeg");
    const thumb = await app.$("[data-testid=photo-thumb]");
    await thumb.waitForExist({ timeout: 20000 });
    await until("the thumbnail to load", () =>
      app.execute(() => {
        const img = document.querySelector("[data-testid=photo-thumb] img");
        return img !== null && img.complete && img.naturalWidth === 320;
      }),
    );
    await thumb.click();
    const description = await app.$("[data-testid=photo-description]");
    await description.waitForExist();
    await description.setValue(CAPTION);
    // The piece's caption starts as the archive description, in a field of its own that says so.
    assert.equal(await (await app.$("[data-testid=photo-article-caption]")).getValue(), CAPTION);
    assert.match(await (await app.$("[data-testid=caption-from-archive]")).getText(), /mô tả lưu trữ/);
    assert.equal(await (await app.$("[data-testid=insert-photo]")).getText(), "Chèn");
    await (await app.$("[data-testid=photo-credit]")).setValue(CREDIT);
    await (await app.$("[data-testid=photo-alt]")).setValue(ALT);
    // Leaving the field saves it.
    await headline.click();
    await until("the photo to lose its missing-field mark", async () => !(await (await app.$("[data-testid=photo-thumb] .missing")).isExisting()));

    // Placed with the cursor on the line right under a paragraph (one Enter after it), the
    // photo is still a figure of its own with caption and credit, not an image inside the
    // paragraph.
    const body = await app.$("[data-testid=body]");
    await body.click();
    await body.addValue("Đoạn mở đầu.");
    await app.keys(["Enter"]);
    await (await app.$("[data-testid=insert-photo]")).click();
    await until("the paragraph and the figure apart in the preview", () =>
      app.execute(() => {
        const blocks = [...document.querySelectorAll("[data-testid=preview-body] > *")].map((b) => b.tagName);
        return blocks.join() === "P,FIGURE" && !document.querySelector("[data-testid=preview-body] p img");
      }),
    );
    await until("the figure in the preview", () =>
      app.execute(() => {
        const caption = document.querySelector(".preview figure figcaption");
        const img = document.querySelector(".preview figure img");
        return caption !== null && img !== null && img.complete && img.naturalWidth === 1600 ? caption.textContent : null;
      }),
    );
    const figcaption = await app.execute(() => document.querySelector(".preview figure figcaption").textContent);
    assert.equal(figcaption, `${CAPTION} (${CREDIT})`);
    // In the body the placement shows as the photo, not as its id, and undoes like text.
    const placed = await app.$("[data-testid=body-photo]");
    await placed.waitForExist();
    assert.equal(await (await placed.$("figcaption")).getText(), `${CAPTION} (${CREDIT})`);
    assert.doesNotMatch(await (await app.$(".cm-content")).getText(), /photo:/);
    await app.keys(["Control", "z"]);
    await until("the placement undone", async () => !(await (await app.$("[data-testid=body-photo]")).isExisting()));
    await app.keys(["Control", "y"]);
    await (await app.$("[data-testid=body-photo]")).waitForExist();
    await until("the body to be saved", async () => (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved");
    if (process.env.SCREENSHOT_DIR) await app.saveScreenshot(`${process.env.SCREENSHOT_DIR}/photos.png`);
  } finally {
    await closeApp(app);
  }

  app = await openApp();
  try {
    await openArticle(app);
    const thumb = await app.$("[data-testid=photo-thumb]");
    await thumb.waitForExist({ timeout: 20000 });
    await thumb.click();
    const description = await app.$("[data-testid=photo-description]");
    await description.waitForExist();
    assert.equal(await description.getValue(), CAPTION);
    // The photo's fields open over the editor's side; the body keeps its height.
    const bodyHeight = await app.execute(() => document.querySelector(".body-editor").getBoundingClientRect().height);
    assert.ok(bodyHeight >= 250, `body ${bodyHeight}px high with the photo's fields open`);
    assert.equal(await (await app.$("[data-testid=photo-drawer]")).isDisplayed(), true);
    assert.equal(await (await app.$("[data-testid=photo-credit]")).getValue(), CREDIT);
    assert.equal(await (await app.$("[data-testid=photo-alt]")).getValue(), ALT);
    await until("the figure after the restart", () =>
      app.execute(() => document.querySelector(".preview figure figcaption")?.textContent ?? null),
    );

    // Taking the photo out of the piece can be undone: it comes back with its caption.
    const remove = await app.$("[data-testid=remove-photo]");
    assert.equal(await remove.getAttribute("aria-label"), "Bỏ ảnh khỏi bài");
    const size = await remove.getSize();
    assert.ok(size.width >= 32 && size.height >= 32, JSON.stringify(size));
    await remove.click();
    await until("the photo out of the strip", async () => (await app.$$("[data-testid=photo-thumb]")).length === 0);
    await (await app.$("[data-testid=undo-remove-photo]")).click();
    await until("the photo back", async () => (await app.$$("[data-testid=photo-thumb]")).length === 1);
    await (await app.$("[data-testid=photo-thumb]")).click();
    await until("its caption back", async () => (await (await app.$("[data-testid=photo-description]")).getValue()) === CAPTION);

    // The photo desk lists it among all photos, and not among those missing a field.
    await (await app.$("[data-testid=open-photo-desk]")).click();
    const count = await app.$("[data-testid=desk-count]");
    await count.waitForExist();
    await until("an empty desk", async () => (await count.getText()).startsWith("0 "));
    await (await app.$("[data-testid=desk-missing]")).selectByAttribute("value", "all");
    await until("one photo on the desk", async () => (await count.getText()).startsWith("1 "));
    // Dates are typed and shown as dd/MM/yyyy whatever the machine's locale.
    const to = await app.$("[data-testid=desk-to]");
    assert.equal(await to.getAttribute("placeholder"), "ngày/tháng/năm");
    await to.setValue("1/1/2020");
    await app.keys(["Enter"]);
    await until("no photo before 2020", async () => (await count.getText()).startsWith("0 "));
    assert.equal(await to.getValue(), "01/01/2020");
    await to.setValue("31/02/2026");
    await app.keys(["Enter"]);
    await until("an impossible date flagged", async () => (await to.getAttribute("aria-invalid")) === "true");
    await to.click();
    await app.keys(["Control", "a"]);
    await app.keys(["Backspace", "Enter"]);
    await until("the photo again", async () => (await count.getText()).startsWith("1 "));
    // The desk shows which piece the photo is in, and opens it; opening a photo puts the
    // cursor in its caption.
    await (await app.$("[data-testid=desk-cell]")).click();
    await until("the caption focused", () =>
      app.execute(() => document.activeElement?.getAttribute("data-testid") === "photo-description"),
    );
    const piece = await app.$("[data-testid=photo-piece]");
    await piece.waitForExist();
    assert.equal(await piece.getText(), HEADLINE);
    await piece.click();
    const headline = await app.$("[data-testid=headline]");
    await headline.waitForExist();
    assert.equal(await headline.getValue(), HEADLINE);
  } finally {
    await closeApp(app);
  }
});

test("photos are attached through the system file dialog", async () => {
  const app = await openApp();
  try {
    // A real JPEG written to disk, made by the webview's own encoder.
    const [jpeg] = await jpegsInPage(app, [{ width: 900, height: 600, background: "#27ae60" }]);
    const dir = mkdtempSync(join(tmpdir(), "newsroom-photos-"));
    const file = join(dir, "hop-bao.jpg");
    writeFileSync(file, jpeg);

    await (await app.$("[data-testid=new-article]")).click();
    await (await app.$("[data-testid=photo-strip]")).waitForExist();
    const before = (await app.$$("[data-testid=photo-thumb]")).length;
    await (await app.$("[data-testid=add-photos]")).click();
    // Ctrl+L opens the location field.
    await answerFileDialog("Chọn ảnh|Open File", ["ctrl+l"], file);
    await until("the new photo in the strip", async () => (await app.$$("[data-testid=photo-thumb]")).length === before + 1, 30000);
  } finally {
    await closeApp(app);
  }
});

test("a photo pasted into the text is placed where the cursor is, as a figure", async () => {
  const app = await openApp();
  try {
    await (await app.$("[data-testid=new-article]")).click();
    const headline = await app.$("[data-testid=headline]");
    await headline.waitForExist();
    await headline.addValue("Ảnh dán vào giữa bài");
    const body = await app.$("[data-testid=body]");
    await body.click();
    await body.addValue("Đoạn một.");
    await app.keys(["Enter"]);
    await pastePhoto(app, "dan-vao-bai.jpg", "jpeg", ".cm-content");
    await (await app.$("[data-testid=body-photo]")).waitForExist({ timeout: 30000 });
    await until("the placement stored", async () =>
      (await (await app.$("[data-testid=save-state]")).getAttribute("data-state")) === "saved",
    );
    const id = await (await app.$("[data-testid=article-row][aria-current=true]")).getAttribute("data-id");
    const stored = JSON.parse(cli(driver.dataDir, ["article", "show", id, "--json"]));
    assert.match(stored.body, /^Đoạn một\.\n+!\[\]\(photo:[0-9a-f-]+\)\n/, stored.body);
  } finally {
    await closeApp(app);
  }
});

/** Real JPEG files of these colours, made by the webview's own encoder: `prefix-1.jpg`… */
async function jpegFiles(app, prefix, colours) {
  const files = await jpegsInPage(
    app,
    colours.map((background) => ({ width: 640, height: 427, background })),
  );
  const dir = mkdtempSync(join(tmpdir(), "newsroom-card-"));
  return files.map((bytes, i) => {
    const path = join(dir, `${prefix}-${i + 1}.jpg`);
    writeFileSync(path, bytes);
    return path;
  });
}

test("a card is culled on the photo desk by key: stars, reject, a selection picked and labelled", async () => {
  const app = await openApp();
  try {
    // Four real JPEGs of different colours (so four photos, not one reused), imported by the
    // CLI as a card would be.
    const paths = await jpegFiles(app, "cull", ["#c0392b", "#2980b9", "#8e44ad", "#16a085"]);
    cli(driver.dataDir, ["photo", "import", ...paths]);

    await (await app.$("[data-testid=open-photo-desk]")).click();
    await (await app.$("[data-testid=desk-missing]")).selectByAttribute("value", "all");
    await (await app.$("[data-testid=desk-sort]")).selectByAttribute("value", "name");
    const cell = (i) => app.$(`[data-testid=desk-cell][data-index="${i}"]`);
    const cellState = async (i, name) => (await cell(i)).getAttribute(`data-${name}`);
    const cellText = (i) =>
      app.execute((i) => document.querySelector(`[data-testid=desk-cell][data-index="${i}"]`)?.textContent ?? "", i);
    await until("the card first, by file name", async () => (await cellText(3)).includes("cull-4.jpg"));

    // Open the first, close it: the keys now act on the grid, on that photo.
    await (await cell(0)).click();
    await (await app.$("[data-testid=desk-viewer]")).waitForExist();
    await app.keys(["Escape"]);
    await until("the viewer closed", async () => !(await (await app.$("[data-testid=desk-viewer]")).isExisting()));
    await until("the first photo focused", () => app.execute(() => document.activeElement?.getAttribute("data-index") === "0"));
    await app.keys(["4"]);
    await until("four stars", async () => (await cellState(0, "rating")) === "4");
    await app.keys(["ArrowRight"]);
    await app.keys(["x"]);
    await until("the second rejected", async () => (await cellState(1, "pick")) === "rejected");
    // A selection: the third, Shift+click on the fourth; P and 8 reach both.
    await app.keys(["ArrowRight"]);
    await app.execute(() =>
      document
        .querySelector('[data-testid=desk-cell][data-index="3"]')
        .dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true })),
    );
    await until("two chosen", async () => (await (await app.$("[data-testid=desk-selected]")).getText()).includes("2"));
    await app.keys(["p"]);
    await app.keys(["8"]);
    await until("both picked and green", async () =>
      (await cellState(2, "pick")) === "picked" &&
      (await cellState(3, "pick")) === "picked" &&
      (await cellState(2, "label")) === "green" &&
      (await cellState(3, "label")) === "green",
    );

    // The store agrees, as the CLI reads it.
    const list = (...args) => JSON.parse(cli(driver.dataDir, ["photo", "list", "--json", "--sort", "name", ...args]));
    const names = (photos) => photos.map((p) => p.original_name).filter((n) => n.startsWith("cull-"));
    assert.deepEqual(names(list("--min-stars", "4")), ["cull-1.jpg"]);
    assert.deepEqual(names(list("--pick", "rejected")), ["cull-2.jpg"]);
    assert.deepEqual(names(list("--pick", "picked", "--label", "green")), ["cull-3.jpg", "cull-4.jpg"]);

    // The filters: rejects hidden, then four stars and up.
    const count = await app.$("[data-testid=desk-count]");
    const before = Number.parseInt(await count.getText(), 10);
    await (await app.$("[data-testid=desk-mark]")).selectByAttribute("value", "hide");
    await until("the reject hidden", async () => Number.parseInt(await count.getText(), 10) === before - 1);
    await (await app.$("[data-testid=desk-mark]")).selectByAttribute("value", "any");
    await (await app.$("[data-testid=desk-stars]")).selectByAttribute("value", "4");
    await until("one photo with four stars", async () => Number.parseInt(await count.getText(), 10) === 1);
    // In the viewer, the stars are buttons as well.
    await (await cell(0)).click();
    await (await app.$("[data-testid=rate-5]")).click();
    await until("five stars shown", async () => (await (await app.$("[data-testid=photo-rating]")).getAttribute("data-rating")) === "5");
    assert.deepEqual(names(list("--min-stars", "5")), ["cull-1.jpg"]);

    // Framing in the viewer: 16:9, then a quarter turn; the preview is the framed picture.
    const framing = await app.$("[data-testid=photo-framing]");
    await (await app.$("[data-testid=crop-16-9]")).click();
    await until("cropped to 16:9", async () => (await framing.getAttribute("data-ratio")) === "16:9");
    assert.equal(await (await app.$("[data-testid=framed-size]")).getText(), "640×360");
    await (await app.$("[data-testid=rotate-right]")).click();
    await until("turned", async () => (await framing.getAttribute("data-rotation")) === "90");
    assert.equal(await (await app.$("[data-testid=framed-size]")).getText(), "360×640");
    await until("the preview framed", () =>
      app.execute(() => {
        const img = document.querySelector("[data-testid=desk-preview]");
        return img?.complete && img.naturalWidth === 360 && img.naturalHeight === 640;
      }),
    );
    const framed = list("--min-stars", "5").find((p) => p.original_name === "cull-1.jpg");
    assert.deepEqual([framed.framing.rotation, framed.framing.crop.width, framed.framing.crop.height], [90, 360, 640]);
  } finally {
    await closeApp(app);
  }
});

test("a newsroom code typed in a caption or the body becomes its text", async () => {
  const app = await openApp();
  try {
    cli(driver.dataDir, ["photo", "import", ...(await jpegFiles(app, "le-hoi", ["#f1c40f"]))]);
    await (await app.$("[data-testid=open-photo-desk]")).click();
    await (await app.$("[data-testid=open-shortcuts]")).click();
    await (await app.$("[data-testid=shortcut-code]")).setValue("hn");
    await (await app.$("[data-testid=shortcut-text]")).setValue("Hà Nội");
    await (await app.$("[data-testid=shortcut-add]")).click();
    await (await app.$("[data-testid=shortcut-row][data-code=hn]")).waitForExist();
    // A code that cannot be one is refused in words, and nothing is added.
    await (await app.$("[data-testid=shortcut-code]")).setValue("hà nội");
    await (await app.$("[data-testid=shortcut-text]")).setValue("x");
    await (await app.$("[data-testid=shortcut-add]")).click();
    await (await app.$("[data-testid=shortcut-error]")).waitForExist();
    assert.equal((await app.$$("[data-testid=shortcut-row]")).length, 1);
    assert.match(cli(driver.dataDir, ["shortcut", "list"]), /^=hn=\s+Hà Nội$/);

    // In a photo's caption on the desk.
    await (await app.$("[data-testid=desk-missing]")).selectByAttribute("value", "all");
    await until("a photo on the desk", async () => (await app.$$("[data-testid=desk-cell]")).length > 0);
    await (await app.$("[data-testid=desk-cell]")).click();
    const caption = await app.$("[data-testid=desk-viewer] [data-testid=photo-description]");
    await caption.waitForExist();
    await caption.setValue("Người dân =hn= xem pháo hoa; a == b");
    await until("the code expanded in the caption", async () => (await caption.getValue()) === "Người dân Hà Nội xem pháo hoa; a == b");
    await app.keys(["Escape"]);

    // In the body of a piece.
    await (await app.$("[data-testid=new-article]")).click();
    const body = await app.$(".cm-content");
    await body.waitForExist();
    await body.addValue("Tại =HN= hôm qua");
    await until("the code expanded in the body", async () => (await body.getText()).includes("Tại Hà Nội hôm qua"));
  } finally {
    await closeApp(app);
  }
});

test("photos are ingested on the photo desk with a template; a photo already there is said and kept", async () => {
  const app = await openApp();
  try {
    const paths = await jpegFiles(app, "IMG_000", ["#e67e22", "#2c3e50"]);
    const card = mkdtempSync(join(tmpdir(), "newsroom-the-card-"));
    const dcim = join(card, "DCIM", "100CANON");
    mkdirSync(dcim, { recursive: true });
    paths.forEach((path, i) => copyFileSync(path, join(dcim, `IMG_000${i + 1}.JPG`)));
    // The first frame was imported before and captioned by hand.
    const before = JSON.parse(cli(driver.dataDir, ["photo", "import", join(dcim, "IMG_0001.JPG"), "--json"]));
    cli(driver.dataDir, ["photo", "caption", before[0].id, "--caption", "Chú thích của phóng viên"]);
    cli(driver.dataDir, ["shortcut", "add", "hn", "Hà Nội"]);

    await (await app.$("[data-testid=open-photo-desk]")).click();
    await (await app.$("[data-testid=open-templates]")).click();
    await (await app.$("[data-testid=template-name]")).setValue("Lễ hội đường phố");
    await (await app.$("[data-testid=template-caption]")).setValue("Lễ hội đường phố tại =hn=, ảnh {seq}");
    await (await app.$("[data-testid=template-credit]")).setValue("Ảnh: Thu Quỳnh");
    await (await app.$("[data-testid=template-save]")).click();
    await (await app.$("[data-testid=template-said]")).waitForExist();
    await until("the template offered on import", async () =>
      (await (await app.$("[data-testid=ingest-template]")).getText()).includes("Lễ hội đường phố"),
    );
    await (await app.$("[data-testid=ingest-template]")).selectByAttribute("value", "Lễ hội đường phố");
    // Files picked in the file dialog; the folder dialog is driven in photo-card.test.mjs.
    const ingest = async (file) => {
      await (await app.$("[data-testid=ingest-files]")).click();
      await answerFileDialog("Chọn ảnh để nhập|Open File", ["ctrl+l"], file);
      const summary = await app.$("[data-testid=ingest-summary]");
      await until("the import's summary", async () => (await summary.isExisting()) && (await summary.getAttribute("data-file")) === file.split("/").pop(), 60000);
      return summary;
    };
    let summary = await ingest(join(dcim, "IMG_0001.JPG"));
    assert.equal(await summary.getAttribute("data-created"), "0");
    assert.equal(await summary.getAttribute("data-known"), "1");
    assert.match(await (await app.$("[data-testid=ingest-known]")).getText(), /IMG_0001\.JPG/);
    summary = await ingest(join(dcim, "IMG_0002.JPG"));
    assert.equal(await summary.getAttribute("data-created"), "1");
    assert.equal(await summary.getAttribute("data-failed"), "0");

    const photos = JSON.parse(cli(driver.dataDir, ["photo", "list", "--json", "--sort", "name"])).filter((p) =>
      /^IMG_000\d\.JPG$/.test(p.original_name),
    );
    assert.deepEqual(
      photos.map((p) => [p.original_name, p.description, p.credit]),
      [
        ["IMG_0001.JPG", "Chú thích của phóng viên", ""],
        ["IMG_0002.JPG", "Lễ hội đường phố tại Hà Nội, ảnh 1", "Ảnh: Thu Quỳnh"],
      ],
    );
  } finally {
    await closeApp(app);
  }
});
