// background.js itself: the browser wiring around the tested parts, run against a fake browser.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { EXTENSION_ID, deliver, fakeBrowser } from "../support/fake-browser.js";
import { hostHello, hostStatus } from "../support/fixtures.js";

const CONTENT = {
  id: EXTENSION_ID,
  url: "https://portal.techpass.gov.sg/my-account",
  origin: "https://portal.techpass.gov.sg",
  tab: { id: 1 },
  frameId: 0,
};
const POPUP = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/src/popup/popup.html` };

// The worker's own timers (idle close after 5 minutes) must not keep this test process alive.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = (fn, ms, ...args) => {
  const handle = realSetTimeout(fn, ms, ...args);
  handle.unref?.();
  return handle;
};

let instance = 0;
/** A fresh background.js (a new worker) on `browser`, as `chrome` or as Firefox's `browser`. */
async function startBackground(browser, { namespace = "chrome" } = {}) {
  delete globalThis.chrome;
  delete globalThis.browser;
  globalThis[namespace] = browser.api;
  instance += 1;
  await import(`../../../extension/src/background/background.js?worker=${instance}`);
}

function answeringHost(status = hostStatus()) {
  return (port) => {
    port.onPost = (message) => {
      if (message.type === "hello") port.reply({ ...hostHello(), id: message.id });
      if (message.type === "status") port.reply({ ...status, id: message.id });
    };
  };
}

describe("background wiring", () => {
  test("registers its listeners when loaded, and answers through sendResponse", async () => {
    const browser = fakeBrowser({ onConnectNative: answeringHost() });
    await startBackground(browser);
    assert.equal(browser.api.runtime.onMessage.listeners.length, 1);
    assert.equal(browser.api.storage.onChanged.listeners.length, 1);
    const reply = await deliver(browser.api, { type: "seed-attest/route", page: "request_for_seed" }, CONTENT);
    assert.equal(reply.route, "request_via_portal");
    assert.equal(browser.nativeConnections.length, 1);
    assert.equal(browser.nativeConnections[0].name, "sg.techpass.seed_attest");
  });

  test("sets the badge and its tooltip from the status", async () => {
    const browser = fakeBrowser({ onConnectNative: answeringHost(hostStatus({ device_class: "se_gsib" })) });
    await startBackground(browser);
    await deliver(browser.api, { type: "seed-attest/status" }, POPUP);
    assert.deepEqual(browser.badge, { text: "SE", colour: "#2f4b7c", title: "SEED device check: SE-GSIB (Secured-Email GSIB)" });
  });

  test("Chromium's lastError on disconnect becomes the install_helper reason", async () => {
    const browser = fakeBrowser({ onConnectNative: (port) => port.closeChromium("Specified native messaging host not found.") });
    await startBackground(browser);
    const reply = await deliver(browser.api, { type: "seed-attest/route", page: "request_for_seed" }, CONTENT);
    assert.equal(reply.route, "install_helper");
    assert.equal(reply.helper.reason, "not_installed");
    assert.equal(browser.badge.text, "!");
  });

  test("Firefox's port.error becomes the reason, under the browser namespace too", async () => {
    const browser = fakeBrowser({
      onConnectNative: (port) => port.closeFirefox("This extension does not have permission to use native application sg.techpass.seed_attest"),
    });
    await startBackground(browser, { namespace: "browser" });
    const reply = await deliver(browser.api, { type: "seed-attest/route", page: "onboard_device" }, { ...CONTENT, origin: undefined });
    assert.equal(reply.helper.reason, "not_allowed");
  });

  test("a restarted worker answers from session storage without starting the host", async () => {
    const browser = fakeBrowser({ onConnectNative: answeringHost() });
    await startBackground(browser);
    await deliver(browser.api, { type: "seed-attest/route", page: "request_for_seed" }, CONTENT);
    browser.api.runtime.onMessage.listeners.length = 0; // the old worker is gone
    await startBackground(browser);
    const reply = await deliver(browser.api, { type: "seed-attest/route", page: "request_for_seed" }, CONTENT);
    assert.equal(reply.route, "request_via_portal");
    assert.equal(browser.nativeConnections.length, 1);
  });

  test("senders other than our popup and portal content script are refused", async () => {
    const browser = fakeBrowser({ onConnectNative: answeringHost() });
    await startBackground(browser);
    const reply = await deliver(browser.api, { type: "seed-attest/status" }, { ...POPUP, id: "someone-else" });
    assert.deepEqual(reply, { ok: false, error: "forbidden" });
    assert.equal(browser.nativeConnections.length, 0);
  });

  test("a managed-storage change is read again", async () => {
    const browser = fakeBrowser({ onConnectNative: answeringHost(), managed: { mode: "annotate" } });
    await startBackground(browser);
    assert.equal((await deliver(browser.api, { type: "seed-attest/status" }, POPUP)).mode, "annotate");
    browser.api.storage.managed.get = async () => ({ mode: "enforce" });
    for (const fn of browser.api.storage.onChanged.listeners) fn({ mode: { newValue: "enforce" } }, "managed");
    assert.equal((await deliver(browser.api, { type: "seed-attest/status" }, POPUP)).mode, "enforce");
  });
});
