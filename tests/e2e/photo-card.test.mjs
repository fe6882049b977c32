// A photo editor's card of 30 photos, as Photo Mechanic users work one: a metadata template
// made and applied on ingest, the card's folder chosen in the system's dialog, every photo
// captioned with the newsroom's codes from the keyboard, the best rated and picked, one
// cropped to 16:9 and one turned. Every click, key chord and text typed into a field is
// counted; the goal is 100 for the 30 (Photo Mechanic takes about 90–100). The store
// is asserted through the CLI, the exported files through exiftool.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerFileDialog, cli, closeApp, jpegsInPage, openApp, startDriver, until } from "./app.mjs";

let driver;
before(async () => {
  // A store of its own: the desk shows this card and nothing else.
  driver = await startDriver(null, { examples: false });
});
after(async () => {
  await driver?.stop();
});

const PHOTOS = 30;

/** 30 distinct real JPEGs made by the webview's encoder, written as a camera's card. */
async function card(app) {
  const files = await jpegsInPage(
    app,
    Array.from({ length: PHOTOS }, (_, i) => ({
      width: 960,
      height: 640,
      background: `hsl(${i * 12}, 60%, 45%)`,
      shapes: [{ fill: "#fff", x: 40 + i * 10, y: 40, width: 200, height: 120 }],
    })),
  );
  const root = mkdtempSync(join(tmpdir(), "newsroom-card30-"));
  const folder = join(root, "DCIM", "100CANON");
  mkdirSync(folder, { recursive: true });
  files.forEach((bytes, i) => writeFileSync(join(folder, `IMG_${String(i + 1).padStart(4, "0")}.JPG`), bytes));
  return folder;
}

/** A photo as the store has it, by the CLI. */
const stored = (id) => JSON.parse(cli(driver.dataDir, ["photo", "list", "--json"])).find((p) => p.id === id);

const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

test("a card of 30 photos is ingested with a template, captioned with codes, rated, picked, cropped and turned in at most 100 actions", async () => {
  const app = await openApp();
  let actions = 0;
  /** One user action: a click, a key chord, or text typed into one field. */
  const act = async (what) => {
    actions += 1;
    return what();
  };
  const click = (testid) => act(async () => (await app.$(`[data-testid=${testid}]`)).click());
  const type = (selector, text) => act(async () => (await app.$(selector)).setValue(text));
  const chord = (keys) => act(() => app.keys(keys));
  try {
    const folder = await card(app);
    // The newsroom's codes exist before the day starts, as Photo Mechanic's code file does.
    cli(driver.dataDir, ["shortcut", "add", "hn", "Hà Nội"]);
    cli(driver.dataDir, ["shortcut", "add", "ldld", "Liên đoàn Lao động"]);
    cli(driver.dataDir, ["shortcut", "add", "cn", "công nhân"]);

    await click("open-photo-desk");
    // The template: credit, city by its code, the event.
    await click("open-templates");
    await type("[data-testid=template-name]", "Hội nghị công nhân");
    await type("[data-testid=template-credit]", "Ảnh: Thu Quỳnh");
    await type("[data-testid=template-city]", "=hn=");
    await type("[data-testid=template-event]", "Hội nghị =cn= lao động giỏi");
    await click("template-save");
    await (await app.$("[data-testid=template-said]")).waitForExist();
    await act(async () => (await app.$("[data-testid=ingest-template]")).selectByAttribute("value", "Hội nghị công nhân"));

    // The card's folder, in the system's dialog: its path typed, Enter goes in, "Mở" takes it.
    await click("ingest-folder");
    actions += 4;
    await answerFileDialog("Chọn thư mục ảnh|Select Folder", ["ctrl+l"], `${folder}/`, ["alt+m"]);
    const summary = await app.$("[data-testid=ingest-summary]");
    await until("the card's import to finish", async () => (await summary.isExisting()) && (await summary.getAttribute("data-created")) === String(PHOTOS), 120000);
    assert.equal(await summary.getAttribute("data-failed"), "0");

    // Captions: the first photo opened by a click, then a caption and Ctrl+Enter each.
    const cell = (i) => app.$(`[data-testid=desk-cell][data-index="${i}"]`);
    await until("the card on the desk", async () => (await app.$$("[data-testid=desk-cell]")).length >= 12);
    await act(async () => (await cell(0)).click());
    const caption = "[data-testid=desk-viewer] [data-testid=photo-description]";
    for (let i = 0; i < PHOTOS; i++) {
      await until(`photo ${i + 1} open, its caption focused`, () =>
        app.execute(() => document.activeElement?.getAttribute("data-testid") === "photo-description"),
      );
      await type(caption, `Đại biểu =cn= số ${i + 1} phát biểu tại hội nghị của =ldld= =hn=`);
      await chord(["Control", "Enter"]);
    }
    // Back on the grid, on the last photo: the best ones rated and picked, one rejected.
    await chord(["Escape"]);
    await until("the keys back on the grid", () => app.execute(() => document.activeElement?.hasAttribute("data-index") ?? false));
    await chord(["5"]);
    await chord(["p"]);
    await chord(["ArrowLeft"]);
    await chord(["4"]);
    await chord(["p"]);
    await chord(["ArrowLeft"]);
    await chord(["x"]);
    // One cropped to 16:9 and one turned, in the viewer.
    await chord(["ArrowLeft"]);
    await chord(["Enter"]);
    await click("crop-16-9");
    await until("the crop made", async () => (await (await app.$("[data-testid=framed-size]")).getText()).includes("960×540"));
    await chord(["Alt", "ArrowLeft"]);
    await click("rotate-right");
    await until("the turn made", async () => (await (await app.$("[data-testid=framed-size]")).getText()).includes("640×960"));
    await chord(["Escape"]);

    console.log(`photo card: ${PHOTOS} photos ingested with a template, captioned, rated, picked, cropped and turned in ${actions} actions`);
    assert.ok(actions <= 100, `${actions} actions for ${PHOTOS} photos`);

    // What the store holds, by the CLI.
    const photos = JSON.parse(cli(driver.dataDir, ["photo", "list", "--json", "--sort", "name"]));
    assert.equal(photos.length, PHOTOS);
    const captions = new Set(photos.map((p) => p.description));
    for (let i = 1; i <= PHOTOS; i++) {
      assert.ok(captions.has(`Đại biểu công nhân số ${i} phát biểu tại hội nghị của Liên đoàn Lao động Hà Nội`), `caption ${i}`);
    }
    for (const p of photos) {
      assert.equal(p.credit, "Ảnh: Thu Quỳnh");
      assert.equal(p.city, "Hà Nội");
      assert.equal(p.event, "Hội nghị công nhân lao động giỏi");
      // The originals are the card's bytes.
      assert.equal(p.sha256, sha256(join(folder, p.original_name)));
    }
    const byRating = photos.map((p) => [p.rating, p.pick]).filter(([r, k]) => r > 0 || k !== "unmarked");
    assert.deepEqual(
      byRating.sort(),
      [
        [0, "rejected"],
        [4, "picked"],
        [5, "picked"],
      ].sort(),
    );
    const cropped = photos.filter((p) => p.framing.crop);
    assert.equal(cropped.length, 1);
    assert.deepEqual([cropped[0].framing.crop.width, cropped[0].framing.crop.height], [960, 540]);
    assert.equal(photos.filter((p) => p.framing.rotation === 90).length, 1);

    // exiftool reads every field, the rating and the framed size back from exported files.
    const out = mkdtempSync(join(tmpdir(), "newsroom-card30-out-"));
    cli(driver.dataDir, ["photo", "export-dir", out, ...photos.map((p) => p.id)]);
    assert.equal(readdirSync(out).length, PHOTOS);
    const read = JSON.parse(
      execFileSync("exiftool", ["-j", "-XMP-dc:Description", "-XMP-photoshop:Credit", "-XMP-photoshop:City", "-XMP-iptcExt:Event", "-XMP-xmp:Rating", out], { encoding: "utf8" }),
    );
    const picked5 = photos.find((p) => p.rating === 5);
    // Exported under its own name, as a .jpg.
    const file5 = read.find((f) => f.SourceFile.endsWith(`/${picked5.original_name.replace(/\.JPG$/, "")}.jpg`));
    assert.equal(file5.Rating, 5);
    assert.equal(file5.City, "Hà Nội");
    assert.equal(file5.Credit, "Ảnh: Thu Quỳnh");
    assert.equal(file5.Event, "Hội nghị công nhân lao động giỏi");
    assert.equal(file5.Description, picked5.description);
    const web = join(out, "cropped-web.jpg");
    cli(driver.dataDir, ["photo", "export", cropped[0].id, web, "--rendition", "web"]);
    const size = JSON.parse(execFileSync("exiftool", ["-j", "-ImageWidth", "-ImageHeight", web], { encoding: "utf8" }))[0];
    assert.deepEqual([size.ImageWidth, size.ImageHeight], [960, 540]);
  } finally {
    await closeApp(app);
  }
});

test("a photo is straightened with the slider and cropped freely by dragging on the whole picture", async () => {
  const app = await openApp();
  try {
    // A light frame with a dark horizon falling 4° to the right.
    const [file] = await jpegsInPage(app, [
      { width: 1200, height: 800, background: "#f0f0f0", shapes: [{ fill: "#111", x: -200, y: 394, width: 1600, height: 12, degrees: 4 }] },
    ]);
    const path = join(mkdtempSync(join(tmpdir(), "newsroom-horizon-")), "chan-troi.jpg");
    writeFileSync(path, file);
    const [photo] = JSON.parse(cli(driver.dataDir, ["photo", "import", path, "--json"]));

    await (await app.$("[data-testid=open-photo-desk]")).click();
    await (await app.$("[data-testid=desk-missing]")).selectByAttribute("value", "all");
    // The newest import comes first.
    await until("the horizon photo first", async () =>
      (await app.execute(() => document.querySelector('[data-testid=desk-cell][data-index="0"]')?.textContent ?? "")).includes("chan-troi.jpg"),
    );
    await (await app.$('[data-testid=desk-cell][data-index="0"]')).click();
    await (await app.$("[data-testid=desk-viewer]")).waitForExist();

    // A slider cannot be dragged to an exact value by WebDriver: the value is set and the
    // browser's own events sent, as a release of the thumb there would.
    await app.execute(() => {
      const slider = document.querySelector("[data-testid=straighten]");
      slider.value = "-4";
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      slider.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await until("the straightening recorded", async () => stored(photo.id).framing.straighten === -4);
    await until("the angle shown", async () => (await (await app.$("[data-testid=straighten-angle]")).getText()) === "-4.0°");
    assert.equal(await (await app.$("[data-testid=framed-size]")).getText(), "1200×800", "straightening keeps the size");

    // The free crop: the whole picture shown, a rectangle dragged over its middle.
    await (await app.$("[data-testid=free-crop]")).click();
    const whole = await app.$("[data-testid=desk-whole]");
    await until("the whole picture loaded", () => app.execute(() => (document.querySelector("[data-testid=desk-whole]")?.naturalWidth ?? 0) > 0));
    const box = await app.execute(() => {
      const img = document.querySelector("[data-testid=desk-whole]");
      const r = img.getBoundingClientRect();
      const scale = Math.min(r.width / img.naturalWidth, r.height / img.naturalHeight);
      return { w: img.naturalWidth * scale, h: img.naturalHeight * scale };
    });
    // From a quarter across and down to three quarters, relative to the element's centre.
    await app
      .action("pointer", { parameters: { pointerType: "mouse" } })
      .move({ origin: whole, x: Math.round(-box.w / 4), y: Math.round(-box.h / 4) })
      .down()
      .move({ origin: whole, x: 0, y: 0, duration: 100 })
      .move({ origin: whole, x: Math.round(box.w / 4), y: Math.round(box.h / 4), duration: 100 })
      .up()
      .perform();
    await until("the crop made", async () => stored(photo.id).framing.crop !== null);
    const framed = stored(photo.id).framing;
    const near = (value, want) => Math.abs(value - want) <= 12;
    assert.ok(near(framed.crop.x, 300) && near(framed.crop.y, 200), `crop at ${framed.crop.x},${framed.crop.y}`);
    assert.ok(near(framed.crop.width, 600) && near(framed.crop.height, 400), `crop ${framed.crop.width}×${framed.crop.height}`);
    assert.equal(framed.straighten, -4, "the crop keeps the straightening");
    await until("the cropped picture shown", async () => await (await app.$("[data-testid=desk-preview]")).isExisting());
    assert.match(await (await app.$("[data-testid=framed-size]")).getText(), /^\d+×\d+$/);
  } finally {
    await closeApp(app);
  }
});
