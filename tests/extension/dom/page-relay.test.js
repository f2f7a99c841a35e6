import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { installPageRelay } from "../../../extension/src/content/page-relay.js";
import { deferred, openPage, settleDom } from "../support/dom.js";
import { NONCE, TOKEN } from "../support/fixtures.js";

const PORTAL = "https://portal.techpass.gov.sg";

/** A portal page with the relay installed; `attest` plays the background. */
function relayPage({ attest = async () => ({ ok: true, token: TOKEN }), url, timeoutMs } = {}) {
  const win = openPage("", url ? { url } : undefined);
  const asked = [];
  const answers = [];
  const posted = [];
  const realPost = win.postMessage.bind(win);
  win.postMessage = (message, targetOrigin) => {
    posted.push(targetOrigin);
    realPost(message, targetOrigin);
  };
  win.addEventListener("message", (event) => {
    if (event.data?.source === "seed-attest-extension" && event.data.type === "attestation") answers.push(event.data);
  });
  installPageRelay({
    win,
    attest: (nonce) => {
      asked.push(nonce);
      return attest(nonce);
    },
    timeoutMs,
  });
  // What the browser delivers for the page's window.postMessage(data, ...).
  const pagePosts = (data, { origin = PORTAL, source = win } = {}) =>
    win.dispatchEvent(new win.MessageEvent("message", { data, origin, source }));
  return { win, asked, answers, posted, pagePosts };
}

const request = (nonce) => ({ source: "seed-attest-page", type: "attest", nonce });

describe("page relay", () => {
  test("answers the portal page with a token, once, to the portal origin only", async () => {
    const page = relayPage();
    page.pagePosts(request(NONCE));
    await settleDom();
    assert.deepEqual(page.asked, [NONCE], "the background gets the nonce, not an origin from the page");
    assert.deepEqual(page.answers, [{ source: "seed-attest-extension", type: "attestation", nonce: NONCE, token: TOKEN }]);
    assert.deepEqual(page.posted, [PORTAL]);
  });

  test("passes on why there is no token", async () => {
    const page = relayPage({ attest: async () => ({ ok: false, error: "no_device_key" }) });
    page.pagePosts(request(NONCE));
    await settleDom();
    assert.deepEqual(page.answers, [{ source: "seed-attest-extension", type: "attestation", nonce: NONCE, error: "no_device_key" }]);
  });

  test("refuses messages from other origins and other windows, silently", async () => {
    const page = relayPage();
    page.pagePosts(request(NONCE), { origin: "https://evil.example" });
    page.pagePosts(request(NONCE), { origin: "http://portal.techpass.gov.sg" });
    page.pagePosts(request(NONCE), { origin: "null" });
    const frame = page.win.document.createElement("iframe");
    page.win.document.body.append(frame);
    page.pagePosts(request(NONCE), { source: frame.contentWindow });
    page.pagePosts(request(NONCE), { source: null });
    await settleDom();
    assert.deepEqual(page.asked, []);
    assert.deepEqual(page.answers, []);
  });

  test("is not installed at all off the portal", async () => {
    const page = relayPage({ url: "https://evil.example/" });
    page.pagePosts(request(NONCE), { origin: "https://evil.example" });
    page.pagePosts(request(NONCE));
    await settleDom();
    assert.deepEqual(page.asked, []);
    assert.deepEqual(page.answers, []);
  });

  for (const [name, nonce] of [
    ["too short", "abc"],
    ["not base64url", "!".repeat(24)],
    ["padded", `${NONCE}==`],
    ["missing", undefined],
    ["a number", 12345678901234567890],
    ["too long", "A".repeat(300)],
  ]) {
    test(`answers a bad nonce (${name}) with bad_nonce, without asking the helper`, async () => {
      const page = relayPage();
      page.pagePosts(request(nonce));
      await settleDom();
      assert.deepEqual(page.asked, []);
      assert.deepEqual(page.answers, [{ source: "seed-attest-extension", type: "attestation", error: "bad_nonce" }]);
    });
  }

  test("a nonce is used once", async () => {
    const page = relayPage();
    page.pagePosts(request(NONCE));
    page.pagePosts(request(NONCE));
    await settleDom();
    assert.deepEqual(page.asked, [NONCE]);
    assert.deepEqual(
      page.answers.map((answer) => answer.token ?? answer.error),
      ["nonce_reused", TOKEN],
    );
  });

  test("ignores messages that are not attest requests", async () => {
    const page = relayPage();
    for (const data of [null, "attest", { type: "attest", nonce: NONCE }, { source: "seed-attest-page", type: "status" }, { source: "seed-attest-extension", type: "attest", nonce: NONCE }]) {
      page.pagePosts(data);
    }
    await settleDom();
    assert.deepEqual(page.asked, []);
    assert.deepEqual(page.answers, []);
  });

  test("a background that fails still gives one answer", async () => {
    const page = relayPage({ attest: () => Promise.reject(new Error("Could not establish connection")) });
    page.pagePosts(request(NONCE));
    await settleDom();
    assert.deepEqual(page.answers, [{ source: "seed-attest-extension", type: "attestation", nonce: NONCE, error: "helper_unavailable" }]);
  });

  test("a background that never answers times out, and a late answer is not sent twice", async () => {
    const late = deferred();
    const page = relayPage({ attest: () => late.promise, timeoutMs: 20 });
    page.pagePosts(request(NONCE));
    await new Promise((resolve) => setTimeout(resolve, 40));
    await settleDom();
    late.resolve({ ok: true, token: TOKEN });
    await settleDom();
    assert.deepEqual(page.answers, [{ source: "seed-attest-extension", type: "attestation", nonce: NONCE, error: "timeout" }]);
  });

  test("at most four requests at a time", async () => {
    const hold = deferred();
    const page = relayPage({ attest: () => hold.promise });
    const nonces = ["A", "B", "C", "D", "E"].map((letter) => `${letter.repeat(21)}A`);
    for (const nonce of nonces) page.pagePosts(request(nonce));
    await settleDom();
    assert.equal(page.asked.length, 4);
    assert.deepEqual(page.answers, [{ source: "seed-attest-extension", type: "attestation", nonce: nonces[4], error: "busy" }]);
    hold.resolve({ ok: true, token: TOKEN });
    await settleDom();
    assert.equal(page.answers.filter((answer) => answer.token === TOKEN).length, 4);
  });
});
