// Drives the real desktop app: Xvfb (started by scripts/test) → tauri-driver → WebKitWebDriver
// → the app binary in $NEWSROOM_APP. Each test file gets its own data directory and driver.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import http from "node:http";
import net from "node:net";
import { remote } from "webdriverio";

const APP = process.env.NEWSROOM_APP;
if (!APP) throw new Error("set NEWSROOM_APP to the newsroom-desktop binary");

// Another port lets a developer run one file while a full run uses the default.
const PORT = Number(process.env.NEWSROOM_E2E_PORT ?? 4444);
/** The data directory of the running driver; its app instances are found through it. */
let currentDataDir = null;

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function until(what, check, timeoutMs = 20000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The tauri-driver of the app now running, if any. */
let runningDriver = null;

async function spawnDriver(dataDir) {
  for (const port of [PORT, PORT + 1]) {
    if (await portOpen(port)) throw new Error(`port ${port} is busy: a tauri-driver is still running`);
  }
  const driver = spawn("tauri-driver", ["--port", String(PORT), "--native-port", String(PORT + 1)], {
    env: { ...process.env, NEWSROOM_DATA_DIR: dataDir },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await until("tauri-driver", () => portOpen(PORT));
  runningDriver = driver;
}

async function stopDriver() {
  if (!runningDriver) return;
  // SIGTERM, not SIGKILL: a killed driver leaves WebKitWebDriver holding its port.
  runningDriver.kill("SIGTERM");
  runningDriver = null;
  await until("tauri-driver to stop", async () => !(await portOpen(PORT)) && !(await portOpen(PORT + 1)));
}

/**
 * A fresh data directory for one test file. Each app launch gets its own tauri-driver (and so
 * its own WebKitWebDriver) with this directory in its environment: a driver reused after the
 * app was killed or closed mid-save can wait on the old browser and never start the next one.
 */
export async function startDriver(again = null, { examples = true } = {}) {
  // A test of two machines goes back to the first one's store by naming its directory.
  const dataDir = again ?? mkdtempSync(join(tmpdir(), "newsroom-e2e-"));
  // The app adds its example pieces only when asked; most tests start from them, as a person
  // trying the editor does after "Thử với bài mẫu".
  if (!again && examples) cli(dataDir, ["demo", "add"]);
  await stopDriver();
  await untilNoApp();
  currentDataDir = dataDir;
  return {
    dataDir,
    async stop() {
      await stopDriver();
    },
  };
}

/**
 * Waits until no app process of this data directory is left. The app is single instance: one
 * started while the last is still exiting would hand over to it and quit.
 */
async function untilNoApp() {
  if (!currentDataDir) return;
  try {
    await until("the previous app and its WebKit processes to exit", () => dataDirPids(currentDataDir).length === 0, 30000);
  } catch {
    // On a loaded machine WebKit's helpers can take longer than that to go. Say which ones
    // were still there, then end them, so one slow exit does not fail every later test.
    for (const pid of dataDirPids(currentDataDir)) {
      let command = "?";
      try {
        command = readFileSync(`/proc/${pid}/cmdline`, "latin1").split("\0").join(" ");
      } catch {
        // Gone meanwhile.
      }
      console.error(`e2e: process ${pid} (${command}) outlived its app by 30 s; killing it`);
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Gone meanwhile.
      }
    }
    await until("the killed processes to go", () => dataDirPids(currentDataDir).length === 0, 10000);
  }
}

/** Starts the app (a new driver and session) and waits until its article list is on screen. */
export async function openApp() {
  await stopDriver();
  await untilNoApp();
  await spawnDriver(currentDataDir);
  const browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "error",
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: APP },
    },
  });
  await (await browser.$("[data-testid=article-list]")).waitForExist({ timeout: 20000 });
  return browser;
}

/** Closes the app's window the way a user does; the app saves what is pending, then exits. */
export async function closeApp(browser) {
  try {
    await browser.closeWindow();
  } catch {
    // The window may already be gone when the app exits on close.
  }
  // The app refuses the first close when the last save failed, so the reporter sees the
  // error with their text still on screen. If that happened, say what the screen showed
  // (the cause of a refused close must never be silent) and close again, as a user would.
  try {
    await until("the app to exit", () => appPids(currentDataDir).length === 0, 10000);
  } catch {
    try {
      const shown = await browser.execute(() => ({
        save: document.querySelector("[data-testid=save-state]")?.getAttribute("data-state") ?? "none",
        alerts: [...document.querySelectorAll("[role=alert]")].map((a) => a.textContent?.trim()).join(" | "),
      }));
      console.error(`e2e: the app refused to close: save state ${shown.save}; ${shown.alerts || "no alert"}`);
      await browser.closeWindow();
    } catch {
      // The window went meanwhile.
    }
  }
  try {
    await browser.deleteSession();
  } catch {
    // The session ends with the app.
  }
  await stopDriver();
  await untilNoApp();
}

/** The PIDs of every process started with this data directory: the app, WebKit's helper
 * processes (they inherit the environment) and the driver. */
export function dataDirPids(dataDir) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, "latin1").split("\0");
      if (env.includes(`NEWSROOM_DATA_DIR=${dataDir}`)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** The PIDs of app processes started for this data directory. */
export function appPids(dataDir) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readlinkSync(`/proc/${entry}/exe`).endsWith("newsroom-desktop")) continue;
      const env = readFileSync(`/proc/${entry}/environ`, "latin1").split("\0");
      if (env.includes(`NEWSROOM_DATA_DIR=${dataDir}`)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

export { until };

/** Starts a new piece (the "Bài mới" button) and waits for its editor; returns the headline. */
export async function newArticle(app) {
  await (await app.$("[data-testid=new-article]")).click();
  const headline = await app.$("[data-testid=headline]");
  await headline.waitForExist();
  return headline;
}

/** Pastes a file named `name` into the editor the way the clipboard delivers it (a paste event
 *  with files): a real JPEG made by the webview's own encoder (`kind` "jpeg"), or text that
 *  only calls itself one ("text"). */
export async function pastePhoto(app, name, kind, where = "[data-testid=editor]") {
  await app.execute(
    async (name, kind, where) => {
      let blob;
      if (kind === "jpeg") {
        const canvas = document.createElement("canvas");
        canvas.width = 1600;
        canvas.height = 1000;
        const g = canvas.getContext("2d");
        g.fillStyle = "#c0392b";
        g.fillRect(0, 0, 800, 500);
        g.fillStyle = "#2c3e50";
        g.fillRect(800, 0, 800, 1000);
        blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.9));
      } else {
        blob = new Blob(["Biên bản họp, không phải ảnh"], { type: "image/jpeg" });
      }
      const data = new DataTransfer();
      data.items.add(new File([blob], name, { type: "image/jpeg" }));
      const target = document.querySelector(where);
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    name,
    kind,
    where,
  );
}

/** Real JPEGs encoded by the webview, each drawn from a plain description (WebDriver passes
 * data to the page, not functions): `{ width, height, background, shapes }`, a shape being
 * `{ fill, x, y, width, height, degrees }`, turned `degrees` clockwise about the picture's
 * centre. Returns their bytes. */
export async function jpegsInPage(app, pictures) {
  const encoded = await app.execute(async (pictures) => {
    const out = [];
    for (const picture of pictures) {
      const canvas = document.createElement("canvas");
      canvas.width = picture.width;
      canvas.height = picture.height;
      const g = canvas.getContext("2d");
      g.fillStyle = picture.background;
      g.fillRect(0, 0, picture.width, picture.height);
      for (const shape of picture.shapes ?? []) {
        const [cx, cy] = [picture.width / 2, picture.height / 2];
        g.save();
        g.translate(cx, cy);
        g.rotate(((shape.degrees ?? 0) * Math.PI) / 180);
        g.fillStyle = shape.fill;
        g.fillRect(shape.x - cx, shape.y - cy, shape.width, shape.height);
        g.restore();
      }
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.9));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = "";
      for (const b of bytes) text += String.fromCharCode(b);
      out.push(btoa(text));
    }
    return out;
  }, pictures);
  return encoded.map((base64) => Buffer.from(base64, "base64"));
}

/** Where the open piece stands with the site, as its editor says: `[stage, post status]`. */
export async function sendState(app) {
  const el = await app.$("[data-testid=send-state]");
  return (await el.isExisting()) ? [await el.getAttribute("data-stage"), await el.getAttribute("data-site-status")] : [null, null];
}

/**
 * The sync badge's words, whole. Read as text, not with getText(): the badge's words may end in
 * "…" on a narrow status line (whole in the tooltip), and WebDriver's visibility rule then reads
 * the clipped line as hidden and returns nothing.
 */
export async function badgeWords(app) {
  return app.execute(() =>
    (document.querySelector("[data-testid=sync-badge]")?.textContent ?? "").replace(/\s+/g, " ").trim(),
  );
}

/** Waits until the editor says the site has the open piece with this post status (only once
 *  the site confirmed it does the editor say so), and returns the badge's words. The bound is
 *  generous: on a loaded two-core machine one request to the shared `php -S` site may stall
 *  (10 s), and the outbox then waits out its backoff before sending again; this is a bound on
 *  waiting, not a measure of speed. */
export async function untilOnTheSite(app, status, timeoutMs = 150000) {
  await until(`the piece on the site (${status})`, async () => (await sendState(app)).join() === `on_site,${status}`, timeoutMs);
  return badgeWords(app);
}

/**
 * One HTTP request on a connection of its own. Not fetch(): webdriverio installs its own
 * keep-alive dispatcher for fetch, and `php -S` closes every connection after its answer, which
 * that dispatcher's parser sometimes meets as an uncaught error between two requests.
 */
export function request(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

/** What an anonymous reader gets for a URL of the site, following its redirects. */
export async function anonymous(url) {
  for (let hops = 0; hops < 5; hops++) {
    const answer = await request(url);
    if (answer.status < 300 || answer.status >= 400 || !answer.headers.location) return answer;
    url = new URL(answer.headers.location, url).href;
  }
  throw new Error(`${url}: too many redirects`);
}

/** Clicks the element with this test id once it can be clicked. */
export async function click(app, testid) {
  const el = await app.$(`[data-testid=${testid}]`);
  await el.waitForClickable({ timeout: 20000 });
  await el.click();
}

/** Runs xdotool (X's input and window tool) and says what it printed. */
function xdotool(...args) {
  const result = spawnSync("xdotool", args, { encoding: "utf8", timeout: 20000 });
  if (result.status !== 0) throw new Error(`xdotool ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Answers the system's file dialog (GTK's) as a user would: waits for the window whose title
 * matches `titles`, presses `keys` in it, types `path` and presses Enter. The dialog window
 * exists a moment before it is mapped, and X refuses to focus an unmapped window (BadMatch),
 * so it waits for a visible one and retries the focus until X reports it; there is no window
 * manager under Xvfb, so the dialog is focused directly (XTEST events go to the focused window).
 * Keys in `then` are pressed after that, a moment apart.
 */
export async function answerFileDialog(titles, keys, path, then = []) {
  await until("the file dialog, focused", () => {
    try {
      // GTK titles the dialog itself on some versions, so either title will do.
      const dialog = xdotool("search", "--onlyvisible", "--name", titles).split("\n")[0];
      if (!dialog) return null;
      xdotool("windowfocus", "--sync", dialog);
      return xdotool("getwindowfocus") === dialog ? dialog : null;
    } catch {
      return null;
    }
  });
  await new Promise((r) => setTimeout(r, 500));
  for (const key of keys) xdotool("key", key);
  xdotool("type", "--delay", "20", path);
  await new Promise((r) => setTimeout(r, 300));
  xdotool("key", "Return");
  // A folder dialog goes into the folder typed on the first Enter; `then` answers it there
  // (its accept button is GTK's "_Mở" in Vietnamese: Alt+M). The app opens its dialogs in a
  // folder, never on the recent files, where no folder can be chosen.
  for (const key of then) {
    await new Promise((r) => setTimeout(r, 500));
    xdotool("key", key);
  }
}

/** Acts as a person from here on: the profile form (open on a first run, else opened from
 * the sidebar) filled in and saved. */
export async function beAs(app, name, role = "reporter") {
  const form = await app.$("[data-testid=profile-form]");
  if (!(await form.isExisting())) await (await app.$("[data-testid=open-profile]")).click();
  await form.waitForExist();
  await (await app.$("[data-testid=profile-name]")).setValue(name);
  await (await app.$("[data-testid=profile-initials]")).clearValue();
  await (await app.$("[data-testid=profile-role]")).selectByAttribute("value", role);
  await (await app.$("[data-testid=profile-save]")).click();
  await until("the profile to be saved", async () => !(await form.isExisting()));
}

/** The headless CLI built beside the app, on a machine's store (the same keychain as the app). */
export function cli(dataDir, args, env = {}) {
  const binary = join(dirname(process.env.NEWSROOM_APP ?? "."), "newsroom");
  return execFileSync(binary, ["--data-dir", dataDir, ...args], { env: { ...process.env, ...env }, encoding: "utf8" }).trim();
}
