// Signing in with the site, in the real app against the test WordPress: the app asks the
// site for its approval page and opens it in "the browser"; the person signs in to wp-admin
// and approves; WordPress makes an Application Password and sends the browser back to the
// app's newsroom:// address, which the operating system hands to the running app as the
// argument of a second launch. The site is then connected with that password.
//
// The browser is played by this test: `xdg-open` on the app's PATH is a script that writes
// down the address it was given, and the approval is what WordPress's own page script
// (wp-admin/js/auth-app.js) does on "Approve" or "Reject", with the values the page hands it
// (`authApp`) and a cookie from a real wp-admin sign-in. The redirect is then delivered the
// way the desktop does: the app binary launched with the address as its only argument.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beAs, cli, click, closeApp, openApp, startDriver, until } from "./app.mjs";

const { WP_URL, WP_USER, WP_LOGIN_PASSWORD, WP_APP_PASSWORD } = process.env;
const skip = WP_URL && WP_LOGIN_PASSWORD ? false : "needs the test WordPress (scripts/wordpress/run)";

// The browser the app opens: a script that writes down every address it is given.
const browserDir = mkdtempSync(join(tmpdir(), "newsroom-browser-"));
const opened = join(browserDir, "opened");
writeFileSync(join(browserDir, "xdg-open"), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
chmodSync(join(browserDir, "xdg-open"), 0o755);

let driver;
before(async () => {
  process.env.PATH = `${browserDir}:${process.env.PATH}`;
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

/** The cookies of a wp-admin sign-in, as a Cookie header. */
async function signInToWpAdmin() {
  const form = new URLSearchParams({ log: WP_USER, pwd: WP_LOGIN_PASSWORD, "wp-submit": "Log In", testcookie: "1" });
  const response = await fetch(`${WP_URL}/wp-login.php`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { Cookie: "wordpress_test_cookie=WP%20Cookie%20check" },
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  assert.ok(cookies.some((c) => c.startsWith("wordpress_logged_in_")), `signed in to wp-admin (${response.status})`);
  return cookies.join("; ");
}

/** Opens the approval page as the browser would and reads what its script is handed. */
async function approvalPage(address, cookie) {
  const page = await fetch(address, { headers: { Cookie: cookie } });
  const html = await page.text();
  assert.equal(page.status, 200, `the site accepts the app's request: ${html.slice(0, 300)}`);
  const authApp = JSON.parse(html.match(/var authApp = (\{.*?\});/s)[1]);
  const restNonce = html.match(/"nonce":"([0-9a-f]+)"/)[1];
  return { authApp, restNonce };
}

/** Clicks "Approve" as the page's script does: a new Application Password by REST, then the
 * browser sent to the app's address with the site, the user and the password. */
async function approve(address, cookie) {
  const { authApp, restNonce } = await approvalPage(address, cookie);
  const asked = new URL(address).searchParams;
  const made = await fetch(`${WP_URL}/wp-json/wp/v2/users/me/application-passwords`, {
    method: "POST",
    headers: { Cookie: cookie, "X-WP-Nonce": restNonce, "Content-Type": "application/json" },
    body: JSON.stringify({ name: asked.get("app_name"), app_id: asked.get("app_id") }),
  });
  const { password } = await made.json();
  assert.ok(password, `the site made a password (${made.status})`);
  const raw = authApp.success;
  return (
    raw +
    (raw.includes("?") ? "&" : "?") +
    `site_url=${encodeURIComponent(authApp.site_url)}&user_login=${encodeURIComponent(authApp.user_login)}` +
    `&password=${encodeURIComponent(password)}`
  );
}

/** The operating system handing the app an address: a second launch with it as the only
 * argument, which passes it to the running app and ends. */
function handToTheApp(address) {
  const launched = spawnSync(process.env.NEWSROOM_APP, [address], {
    env: { ...process.env, NEWSROOM_DATA_DIR: driver.dataDir },
    timeout: 60000,
  });
  assert.equal(launched.status, 0, `the second launch hands over and ends: ${launched.stderr}`);
}

/** The address the app last opened in the browser. */
function lastOpened() {
  return existsSync(opened) ? readFileSync(opened, "utf8").trim().split("\n").at(-1) : null;
}

async function startSignIn(app, name) {
  const before = lastOpened();
  await (await app.$("[data-testid=backend-name]")).setValue(name);
  await (await app.$("[data-testid=backend-url]")).setValue(WP_URL);
  await click(app, "site-sign-in-start");
  const waiting = await app.$("[data-testid=site-sign-in-waiting]");
  await waiting.waitForExist({ timeout: 30000 });
  assert.equal(await waiting.getAttribute("data-browser"), "true", "the browser was opened");
  const address = await until("the browser given the page", async () => {
    const last = lastOpened();
    return last && last !== before ? last : null;
  });
  assert.equal(await (await app.$("[data-testid=site-sign-in-page]")).getValue(), address, "the page shown to copy");
  return address;
}

test("a site connected by signing in on it: approved in the browser, the password handed back to the app", { skip }, async () => {
  const app = await openApp();
  try {
    await beAs(app, "Lê Phóng Viên");
    await click(app, "open-sync");
    const cookie = await signInToWpAdmin();

    // Declined on the site: the app says so, and nothing is connected.
    let address = await startSignIn(app, "Báo thử (đăng nhập)");
    const page = new URL(address);
    assert.match(page.pathname, /\/wp-admin\/authorize-application\.php$/);
    assert.match(page.searchParams.get("success_url"), /^newsroom:\/\/connected\?token=[0-9a-f]{32}$/);
    assert.match(page.searchParams.get("app_name"), /^Tòa soạn · Lê Phóng Viên · \d\d\/\d\d\/\d{4}/);
    const { authApp } = await approvalPage(address, cookie);
    handToTheApp(authApp.reject);
    let error = await app.$("[data-testid=site-sign-in-error]");
    await error.waitForExist({ timeout: 30000 });
    assert.equal(await error.getAttribute("data-code"), "site_approval_refused");
    assert.equal((await app.$$("[data-testid=backend]")).length, 0);

    // Approved: the site is connected with the password WordPress made, which works.
    address = await startSignIn(app, "Báo thử (đăng nhập)");
    const approved = new URL(address).searchParams;
    const back = await approve(address, cookie);
    assert.ok(back.startsWith("newsroom://connected?token="), back);
    handToTheApp(back);
    await (await app.$("[data-testid=site-sign-in-done]")).waitForExist({ timeout: 30000 });
    assert.equal((await app.$$("[data-testid=site-sign-in-error]")).length, 0);
    await until("the site listed", async () => (await app.$$("[data-testid=backend]")).length === 1);
    const listed = await app.$("[data-testid=backend]");
    assert.match(await listed.getText(), new RegExp(`Báo thử \\(đăng nhập\\) — ${WP_URL}\\s?\\(${WP_USER}\\)`));
    // The store has the site, under the user WordPress named; its password went to the keychain.
    assert.match(cli(driver.dataDir, ["backend", "list"]), new RegExp(`Báo thử \\(đăng nhập\\).*${WP_USER}`, "s"));
    // Signed requests with the new password reached the companion plugin.
    assert.equal(await (await listed.$("[data-testid=desk-support]")).getAttribute("data-state"), "active");

    // The same address again (an old link, a reload): the request is used up, nothing happens.
    handToTheApp(back);
    error = await app.$("[data-testid=site-sign-in-error]");
    await error.waitForExist({ timeout: 30000 });
    assert.equal(await error.getAttribute("data-code"), "site_approval_unexpected");
    assert.equal((await app.$$("[data-testid=backend]")).length, 1);

    // The site lists the password under the app's name, for its owner to revoke.
    const passwords = await (
      await fetch(`${WP_URL}/wp-json/wp/v2/users/me/application-passwords`, {
        headers: { Authorization: `Basic ${Buffer.from(`${WP_USER}:${WP_APP_PASSWORD}`).toString("base64")}` },
      })
    ).json();
    assert.ok(
      passwords.some((p) => p.app_id === approved.get("app_id") && p.name === approved.get("app_name")),
      "WordPress keeps the app's password by its name and id",
    );
  } finally {
    await closeApp(app);
  }
});
