// content.js and popup.js themselves: the browser wiring around the tested parts, run in jsdom
// against a fake browser.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { JSDOM } from "jsdom";

import { PORTAL_URL, deferred, openPage, settleDom } from "../support/dom.js";
import { fakeBrowser } from "../support/fake-browser.js";
import { NONCE, TOKEN, routeReply } from "../support/fixtures.js";
import { readJson, readText } from "../support/repo.js";

let instance = 0;
async function freshModule(path) {
  instance += 1;
  return import(`../../../extension/src/${path}?copy=${instance}`);
}

function useWindow(win) {
  globalThis.window = win;
  globalThis.document = win.document;
}

describe("content script wiring", () => {
  test("asks the background for each button's route and renders the validated reply", async () => {
    const browser = fakeBrowser({ sendMessage: async (message) => (message.type === "seed-attest/route" ? routeReply({ route: "contact_manager", deviceClass: "gmd" }) : undefined) });
    const win = openPage('<button id="b">Request for SEED</button>');
    useWindow(win);
    (await freshModule("content/content.js")).run(browser.api);
    await settleDom();
    assert.deepEqual(browser.sent, [
      { type: "seed-attest/route", page: "request_for_seed", ahead: true },
      { type: "seed-attest/route", page: "onboard_device", ahead: true },
      { type: "seed-attest/route", page: "request_for_seed" },
    ], "both routes asked while the page loads; the button shown is then only told");
    assert.equal(win.document.getElementById("b").dataset.seedAttestRoute, "contact_manager");
  });

  test("a button asks afresh when the early answer failed", async () => {
    let routes = 0;
    const browser = fakeBrowser({
      sendMessage: async (message) => {
        if (message.type !== "seed-attest/route") return undefined;
        routes += 1;
        return routes <= 2 ? { ok: false, error: "internal" } : routeReply({ route: "contact_manager", deviceClass: "gmd" });
      },
    });
    const win = openPage('<button id="b">Request for SEED</button>');
    useWindow(win);
    (await freshModule("content/content.js")).run(browser.api);
    await settleDom();
    assert.deepEqual(browser.sent.at(-1), { type: "seed-attest/route", page: "request_for_seed", refresh: false });
    assert.equal(win.document.getElementById("b").dataset.seedAttestRoute, "contact_manager");
  });

  test("the bundled script the manifest lists runs content.js at document_start", async () => {
    const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { url: PORTAL_URL, runScripts: "outside-only", pretendToBeVisual: true });
    const win = dom.window;
    // The browser hands the content script a copy made in its own realm.
    const inPage = (value) => (value === undefined ? undefined : win.JSON.parse(JSON.stringify(value)));
    const browser = fakeBrowser({ sendMessage: async (message) => inPage(message.type === "seed-attest/route" ? routeReply({ route: "contact_manager", deviceClass: "gmd" }) : undefined) });
    win.chrome = browser.api;
    const [script] = readJson("extension/manifest.json").content_scripts;
    for (const file of script.js) win.eval(readText(`extension/${file}`));
    await settleDom();
    // Messages made in the page's realm: compared as JSON.
    const early = [
      { type: "seed-attest/route", page: "request_for_seed", ahead: true },
      { type: "seed-attest/route", page: "onboard_device", ahead: true },
    ];
    assert.deepEqual(JSON.parse(JSON.stringify(browser.sent)), early, "only the early questions before a button exists");
    // The button arrives later, as a single-page app renders it.
    const button = win.document.createElement("button");
    button.textContent = "Request for SEED";
    win.document.body.append(button);
    await settleDom();
    assert.equal(button.dataset.seedAttestRoute, "contact_manager");
    assert.deepEqual(JSON.parse(JSON.stringify(browser.sent.at(-1))), { type: "seed-attest/route", page: "request_for_seed" });
  });

  test("a reply that does not validate is treated as no answer", async () => {
    const browser = fakeBrowser({ sendMessage: async () => ({ ok: true, route: "<script>" }) });
    const win = openPage('<button id="b">Request for SEED</button>');
    useWindow(win);
    (await freshModule("content/content.js")).run(browser.api);
    await settleDom();
    assert.equal(win.document.getElementById("b").dataset.seedAttestRoute, "install_helper");
  });

  test("enforce from managed storage locks without waiting for the background", async () => {
    const never = deferred();
    const browser = fakeBrowser({ managed: { mode: "enforce" }, sendMessage: () => never.promise });
    const win = openPage('<button id="b">Request for SEED</button>');
    useWindow(win);
    (await freshModule("content/content.js")).run(browser.api);
    await settleDom();
    assert.equal(win.document.getElementById("b").disabled, true);
    assert.equal(win.document.getElementById("b").dataset.seedAttestRoute, "checking");
    never.resolve(routeReply({ mode: "enforce" }));
    await settleDom();
    assert.equal(win.document.getElementById("b").disabled, false, "unlocked once verified");
  });

  test("enforce remembered from an earlier start locks while managed storage is still loading", async () => {
    const never = deferred();
    const browser = fakeBrowser({ local: { "seedAttest.mode": "enforce" }, sendMessage: () => never.promise });
    browser.api.storage.managed.get = () => new Promise(() => {});
    const win = openPage('<button id="b">Request for SEED</button>');
    useWindow(win);
    (await freshModule("content/content.js")).run(browser.api);
    await settleDom();
    assert.equal(win.document.getElementById("b").disabled, true);
    never.resolve(routeReply({ route: "contact_manager", mode: "enforce" }));
    await settleDom();
  });

  test("relays the page's attest request with the nonce only", async () => {
    const browser = fakeBrowser({ sendMessage: async (message) => (message.type === "seed-attest/attest" ? { ok: true, token: TOKEN } : routeReply()) });
    const win = openPage("");
    useWindow(win);
    const answers = [];
    win.addEventListener("message", (event) => {
      if (event.data?.type === "attestation") answers.push(event.data);
    });
    (await freshModule("content/content.js")).run(browser.api);
    win.dispatchEvent(new win.MessageEvent("message", { data: { source: "seed-attest-page", type: "attest", nonce: NONCE }, origin: "https://portal.techpass.gov.sg", source: win }));
    await settleDom();
    assert.deepEqual(browser.sent.filter((message) => message.type === "seed-attest/attest"), [{ type: "seed-attest/attest", nonce: NONCE }]);
    assert.equal(browser.sent.length, 3, "the two early route questions and the attest");
    assert.deepEqual(answers, [{ source: "seed-attest-extension", type: "attestation", nonce: NONCE, token: TOKEN }]);
  });

  test("does nothing off the portal", async () => {
    const browser = fakeBrowser({ sendMessage: async () => routeReply() });
    const win = openPage('<button id="b">Request for SEED</button>', { url: "https://example.com/" });
    useWindow(win);
    (await freshModule("content/content.js")).run(browser.api);
    await settleDom();
    assert.deepEqual(browser.sent, []);
    assert.equal(win.document.getElementById("b").hasAttribute("data-seed-attest-route"), false);
  });
});

describe("popup wiring", () => {
  const reply = {
    ok: true,
    helper: { available: true, reason: null, hostVersion: "0.1.0", detail: null },
    status: {
      deviceClass: "non_se_gsib",
      decidedBy: "certificate",
      readiness: [],
      evidence: [{ probe: "gsib-cert", kind: "device_certificate", outcome: "match", detail: "serial 0a:1b:2c:3d:4e:5f" }],
      policy: { source: "system", sha256: "d".repeat(64) },
      error: null,
      checkedAt: "2026-11-27T10:15:30Z",
      durationMs: 9,
    },
    problem: null,
    page: "request_for_seed",
    mode: "annotate",
  };

  async function openPopup(browser) {
    const html = readText("extension/src/popup/popup.html").replace(/<script[^>]*><\/script>/, "");
    const { window: win } = new JSDOM(html, { url: "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/src/popup/popup.html" });
    const copied = [];
    useWindow(win);
    Object.defineProperty(globalThis, "navigator", {
      value: { clipboard: { writeText: async (text) => copied.push(text) } },
      configurable: true,
    });
    globalThis.chrome = browser.api;
    await freshModule("popup/popup.js");
    await settleDom();
    return { win, copied };
  }

  test("asks for the status, renders it, re-checks and copies redacted diagnostics", async () => {
    const browser = fakeBrowser({ sendMessage: async () => reply });
    const { win, copied } = await openPopup(browser);
    const doc = win.document;
    assert.equal(doc.getElementById("device-class").textContent, "non-SE GSIB laptop");
    assert.equal(doc.getElementById("popup").getAttribute("aria-busy"), "false");
    doc.getElementById("recheck").click();
    await settleDom();
    assert.deepEqual(browser.sent, [
      { type: "seed-attest/status", refresh: false },
      { type: "seed-attest/status", refresh: true },
    ]);
    doc.getElementById("copy").click();
    await settleDom();
    assert.equal(copied.length, 1);
    assert.match(copied[0], /device_class: non_se_gsib/);
    assert.doesNotMatch(copied[0], /0a:1b:2c/);
    assert.match(doc.getElementById("notice").textContent, /copied/);
  });

  test("a background that does not answer leaves a clear message", async () => {
    const browser = fakeBrowser({ sendMessage: async () => undefined });
    const { win } = await openPopup(browser);
    assert.match(win.document.getElementById("next-text").textContent, /could not get the device status/);
    assert.equal(win.document.getElementById("recheck").disabled, false);
  });
});
