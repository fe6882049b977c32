// Tagging in the real app: suggestions from the text (with roles and highlighted mentions),
// accept and reject, both remembered after a restart, the directory's entity page, and a name the
// newsroom stops in every piece.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { closeApp, openApp, startDriver, until } from "./app.mjs";

let driver;
before(async () => {
  driver = await startDriver();
});
after(async () => {
  await driver?.stop();
});

async function openDongAnh(app) {
  const rows = await app.$$("[data-testid=article-row]");
  for (const row of rows) {
    if ((await row.getText()).includes("Đông Anh")) {
      await row.click();
      break;
    }
  }
  await (await app.$("[data-testid=suggestions]")).waitForExist();
}

async function suggestion(app, name) {
  return app.$(`[data-testid=suggestion][data-name="${name}"]`);
}

test("suggestions are accepted into tags and the directory, rejections are remembered", async () => {
  let app = await openApp();
  try {
    await openDongAnh(app);
    const khoa = await suggestion(app, "Trần Minh Khoa");
    await khoa.waitForExist({ timeout: 10000 });
    assert.match(await khoa.getText(), /Phó Chủ tịch Liên đoàn Lao động huyện Đông Anh/);
    await until("mentions highlighted in the body", async () => {
      const marked = await app.execute(() =>
        [...document.querySelectorAll(".cm-mention")].map((m) => m.textContent).join("|"),
      );
      return marked.includes("Trần Minh Khoa");
    });
    // Accepted with the pointer on the panel: the row stays where it was and says so, so the
    // next suggestion does not slide under the cursor; the lists are redrawn once it leaves.
    const thinh = await suggestion(app, "Phạm Đức Thịnh");
    await thinh.waitForExist();
    const before = await thinh.getLocation("y");
    await (await khoa.$("[data-action=accept]")).click();
    await until("the row says it is tagged", async () => (await khoa.getAttribute("data-settled")) === "accepted");
    assert.match(await khoa.getText(), /Đã gắn thẻ/);
    assert.equal(await thinh.getLocation("y"), before, "the next suggestion has not moved");
    await (await app.$("[data-testid=headline]")).moveTo();
    const tags = await app.$("[data-testid=tags]");
    await tags.waitForExist({ timeout: 15000 });
    assert.match(await tags.getText(), /Trần Minh Khoa[\s\S]*Phó Chủ tịch/);

    await (await (await suggestion(app, "Phạm Đức Thịnh")).$("[data-action=reject]")).click();
    await until("the row says it is rejected", async () => (await (await suggestion(app, "Phạm Đức Thịnh")).getAttribute("data-settled")) === "rejected");
    await (await app.$("[data-testid=headline]")).moveTo();
    await until("the rejected suggestion to go", async () => !(await (await suggestion(app, "Phạm Đức Thịnh")).isExisting()));
    if (process.env.SCREENSHOT_DIR) await app.saveScreenshot(`${process.env.SCREENSHOT_DIR}/tagging.png`);
  } finally {
    await closeApp(app);
  }

  app = await openApp();
  try {
    await openDongAnh(app);
    await (await app.$("[data-testid=tags]")).waitForExist({ timeout: 10000 });
    assert.match(await (await app.$("[data-testid=tags]")).getText(), /Trần Minh Khoa/);
    await (await suggestion(app, "Lê Thị Hồng Nhung")).waitForExist({ timeout: 10000 });
    assert.equal(await (await suggestion(app, "Phạm Đức Thịnh")).isExisting(), false, "a rejection is remembered");
    assert.equal(await (await suggestion(app, "Trần Minh Khoa")).isExisting(), false, "a tagged person is not suggested again");

    await (await app.$("[data-testid=open-directory]")).click();
    const search = await app.$("[data-testid=directory-search]");
    await search.waitForExist();
    await search.setValue("tran minh khoa");
    await until("the directory entry", async () => (await app.$$("[data-testid=entity-row]")).length === 1);
    await (await app.$("[data-testid=entity-row]")).click();
    const tagged = await app.$("[data-testid=entity-articles]");
    await tagged.waitForExist();
    assert.match(await tagged.getText(), /Đông Anh/);
    if (process.env.SCREENSHOT_DIR) await app.saveScreenshot(`${process.env.SCREENSHOT_DIR}/directory.png`);
  } finally {
    await closeApp(app);
  }
});

test("a tag added by hand, from the directory or new; an entry's kind corrected; an entry added", async () => {
  const app = await openApp();
  try {
    await (await app.$("[data-testid=open-directory]")).click();
    await (await app.$("[data-testid=directory-new-kind]")).selectByAttribute("value", "organisation");
    await (await app.$("[data-testid=directory-new-name]")).setValue("Hợp tác xã Nông nghiệp Tân Lập");
    await (await app.$("[data-testid=directory-add]")).click();
    const nameField = await app.$("[data-testid=entity-name]");
    await until("the new entry open", async () => (await nameField.getValue()) === "Hợp tác xã Nông nghiệp Tân Lập");

    // A person entered by mistake becomes an organisation in place.
    await (await app.$("[data-testid=directory-new-kind]")).selectByAttribute("value", "person");
    await (await app.$("[data-testid=directory-new-name]")).setValue("Siêu thị Đồng Xanh");
    await (await app.$("[data-testid=directory-add]")).click();
    await until("the mistaken entry open", async () => (await nameField.getValue()) === "Siêu thị Đồng Xanh");
    await (await app.$("[data-testid=entity-kind]")).selectByAttribute("value", "organisation");
    await (await app.$("[data-testid=entity-save]")).click();
    await until("its kind saved", async () => {
      const rows = await app.$$("[data-testid=entity-row]");
      for (const row of rows) {
        const text = await row.getText();
        if (text.includes("Siêu thị Đồng Xanh")) return text.includes("Tổ chức");
      }
      return false;
    });

    await (await app.$("[data-testid=new-article]")).click();
    await (await app.$("[data-testid=add-tag]")).waitForExist();
    await (await app.$("[data-testid=add-tag-kind]")).selectByAttribute("value", "organisation");
    await (await app.$("[data-testid=add-tag-name]")).setValue("hop tac xa nong nghiep tan lap");
    // The directory's spelling is offered as the name is typed without tones.
    await until("the directory's match offered", async () =>
      app.execute(() => [...document.querySelectorAll("[data-testid=add-tag] datalist option")].some((o) => o.value === "Hợp tác xã Nông nghiệp Tân Lập")),
    );
    await (await app.$("[data-testid=add-tag-name]")).setValue("Hợp tác xã Nông nghiệp Tân Lập");
    await (await app.$("[data-testid=add-tag-submit]")).click();
    await (await app.$("[data-testid=add-tag-kind]")).selectByAttribute("value", "person");
    await (await app.$("[data-testid=add-tag-name]")).setValue("Đinh Văn Thạo");
    await (await app.$("[data-testid=add-tag-role]")).setValue("Giám đốc Hợp tác xã Nông nghiệp Tân Lập");
    await (await app.$("[data-testid=add-tag-submit]")).click();
    const tags = await app.$("[data-testid=tags]");
    await until("both tags", async () => {
      const text = (await tags.isExisting()) ? await tags.getText() : "";
      return text.includes("Hợp tác xã Nông nghiệp Tân Lập") && text.includes("Đinh Văn Thạo");
    });

    // The new person is in the directory, with the role split into title and organisation.
    await (await app.$("[data-testid=open-directory]")).click();
    await (await app.$("[data-testid=directory-search]")).setValue("dinh van thao");
    await until("the person in the directory", async () => (await app.$$("[data-testid=entity-row]")).length === 1);
    await (await app.$("[data-testid=entity-row]")).click();
    const roles = await app.$("[data-testid=entity-roles]");
    await roles.waitForExist();
    // The internal URN is not shown; it sits behind "copy identifier". The merge says what it does.
    const detail = await app.$("[data-testid=entity-detail]");
    assert.doesNotMatch(await detail.getText(), /urn:newsroom/);
    assert.match(await (await app.$("[data-testid=copy-entity-id]")).getAttribute("title"), /^urn:newsroom:person:/);
    assert.match(await detail.getText(), /Gộp mục này \(trùng lặp\) vào/);
    const values = await app.execute(() => [...document.querySelectorAll("[data-testid=entity-roles] input, [data-testid=entity-roles] textarea")].map((i) => i.value));
    assert.deepEqual(values.slice(0, 2), ["Giám đốc", "Hợp tác xã Nông nghiệp Tân Lập"]);
    // The organisation picked from the directory was tagged, not made twice.
    await (await app.$("[data-testid=directory-search]")).setValue("tan lap");
    await until("one organisation", async () => (await app.$$("[data-testid=entity-row]")).length === 1);
  } finally {
    await closeApp(app);
  }
});

test("a name the newsroom stops is offered in no piece, listed in the directory, and can be allowed again", async () => {
  const app = await openApp();
  const story = "Bà Nguyễn Thị Lan và ông Trần Văn Bình dự buổi lễ.";
  const write = async () => {
    await (await app.$("[data-testid=new-article]")).click();
    const body = await app.$("[data-testid=body]");
    await body.waitForExist();
    await body.click();
    await body.addValue(story);
    await (await suggestion(app, "Nguyễn Thị Lan")).waitForExist({ timeout: 10000 });
  };
  try {
    await write();
    const binh = await suggestion(app, "Trần Văn Bình");
    await binh.waitForExist();
    await (await binh.$("[data-action=never]")).click();
    await until("the row says it will not be suggested", async () => (await binh.getAttribute("data-settled")) === "never");
    assert.match(await binh.getText(), /Sẽ không gợi ý nữa/);

    // Another piece with the same words: the name is not offered there either.
    await write();
    assert.equal(await (await suggestion(app, "Trần Văn Bình")).isExisting(), false);

    await (await app.$("[data-testid=open-directory]")).click();
    const list = await app.$("[data-testid=never-suggested]");
    await list.waitForExist();
    await (await list.$("summary")).click();
    assert.match(await (await list.$("summary")).getText(), /Tên không gợi ý \(1\)/);
    const row = await app.$('[data-testid=never-suggested-name][data-name="Trần Văn Bình"]');
    await row.waitForExist();
    await (await row.$("[data-testid=suggest-again]")).click();
    await until("the list empty", async () => /Tên không gợi ý \(0\)/.test(await (await list.$("summary")).getText()));

    await write();
    await (await suggestion(app, "Trần Văn Bình")).waitForExist({ timeout: 10000 });
  } finally {
    await closeApp(app);
  }
});
