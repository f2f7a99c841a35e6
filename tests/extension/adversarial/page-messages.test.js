// A page (the portal compromised, or anything running in it) posts messages that pretend to come
// from the extension or from the background: none of them may unlock the Request button, change
// its verdict, or get anything relayed but a nonce.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { NONCE, TOKEN } from "../support/fixtures.js";
import { click, contentPage, settleDom } from "./content-page.js";

const FORGERIES = [
  { source: "seed-attest-extension", type: "attestation", nonce: NONCE, token: TOKEN },
  { source: "seed-attest-extension", type: "route", route: "request_via_portal" },
  { source: "seed-attest-extension", type: "unlock" },
  { ok: true, route: "request_via_portal", page: "request_for_seed", mode: "annotate" },
  { type: "seed-attest/route", page: "request_for_seed", refresh: true },
  { type: "seed-attest/status" },
  { source: "seed-attest-page", type: "route", route: "request_via_portal" },
  { source: "seed-attest-page", type: "mode", mode: "annotate" },
  { source: "seed-attest-page", type: "attestation", token: TOKEN },
  "seed-attest-extension",
  null,
];

describe("a page posting forged messages", () => {
  test("cannot unlock, relabel or reach the background", async () => {
    const page = await contentPage('<button id="b">Request for SEED</button>');
    const button = page.doc.getElementById("b");
    assert.equal(button.disabled, true, "enforce: locked for this device");
    assert.equal(button.dataset.seedAttestRoute, "contact_manager");
    const asked = page.browser.sent.length;

    for (const data of FORGERIES) page.pagePosts(data);
    await settleDom();

    assert.equal(page.browser.sent.length, asked, "nothing was passed to the background");
    assert.deepEqual(page.answers.filter((answer) => answer.token), [], "the page's own token is not echoed back as ours");
    assert.equal(button.disabled, true);
    assert.equal(button.getAttribute("aria-disabled"), "true");
    assert.equal(button.dataset.seedAttestRoute, "contact_manager");
    assert.equal(button.nextElementSibling.dataset.seedAttestRoute, "contact_manager");
    assert.equal(click(page.win, button), false, "a click is still stopped");
  });

  test("an attest request carries only the nonce to the background, whatever else the page adds", async () => {
    const page = await contentPage('<button id="b">Request for SEED</button>', {
      background: async (message) =>
        message.type === "seed-attest/attest" ? { ok: false, error: "no_device_key" } : { ok: false, error: "internal" },
    });
    page.pagePosts({
      source: "seed-attest-page",
      type: "attest",
      nonce: NONCE,
      origin: "https://evil.example",
      aud: "https://evil.example",
      caller: "chrome-extension://abcdefghijklmnopabcdefghijklmnop/",
    });
    await settleDom();
    const attests = page.browser.sent.filter((message) => message.type === "seed-attest/attest");
    assert.deepEqual(attests, [{ type: "seed-attest/attest", nonce: NONCE }]);
    assert.deepEqual(page.answers, [{ source: "seed-attest-extension", type: "attestation", nonce: NONCE, error: "no_device_key" }]);
  });

  test("forged requests from another origin or window are not answered at all", async () => {
    const page = await contentPage("");
    const frame = page.doc.createElement("iframe");
    page.doc.body.append(frame);
    const request = { source: "seed-attest-page", type: "attest", nonce: NONCE };
    page.pagePosts(request, { origin: "https://portal.techpass.gov.sg.evil.example" });
    page.pagePosts(request, { origin: "https://evil.example" });
    page.pagePosts(request, { source: frame.contentWindow });
    await settleDom();
    assert.deepEqual(page.browser.sent.filter((message) => message.type === "seed-attest/attest"), []);
    assert.deepEqual(page.answers, []);
  });
});
