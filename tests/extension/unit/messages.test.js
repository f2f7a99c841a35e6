import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  MESSAGE_TYPES,
  mayAsk,
  senderKind,
  senderOrigin,
  validateAttestReply,
  validateRequest,
  validateRouteReply,
  validateStatusReply,
} from "../../../extension/src/shared/messages.js";
import { ValidationError, nonceProblem } from "../../../extension/src/shared/validate.js";
import { NONCE, TOKEN, routeReply } from "../support/fixtures.js";

const SELF = { extensionId: "mmcnnnkjjcnbfgnfpdijcfnhicplpoak", popupUrl: "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/src/popup/popup.html" };
const portalTab = { id: 4, url: "https://portal.techpass.gov.sg/my-account" };

describe("requests to the background", () => {
  test("each kind of request validates and is copied clean", () => {
    assert.deepEqual(validateRequest({ type: MESSAGE_TYPES.route, page: "onboard_device" }), {
      type: "seed-attest/route",
      page: "onboard_device",
      refresh: false,
      ahead: false,
    });
    assert.deepEqual(validateRequest({ type: MESSAGE_TYPES.route, page: "request_for_seed", ahead: true }), {
      type: "seed-attest/route",
      page: "request_for_seed",
      refresh: false,
      ahead: true,
    });
    assert.deepEqual(validateRequest({ type: MESSAGE_TYPES.status, refresh: true }), { type: "seed-attest/status", refresh: true });
    assert.deepEqual(validateRequest({ type: MESSAGE_TYPES.attest, nonce: NONCE }), { type: "seed-attest/attest", nonce: NONCE });
  });

  const bad = [
    ["not an object", "route", /object/],
    ["an array", [], /object/],
    ["no type", {}, /unknown message type/],
    ["an unknown type", { type: "seed-attest/explain" }, /unknown message type/],
    ["a route for another page", { type: MESSAGE_TYPES.route, page: "profile" }, /page/],
    ["refresh that is not boolean", { type: MESSAGE_TYPES.status, refresh: "yes" }, /refresh/],
    ["ahead that is not boolean", { type: MESSAGE_TYPES.route, page: "onboard_device", ahead: 1 }, /ahead/],
    ["an extra field", { type: MESSAGE_TYPES.route, page: "onboard_device", origin: "https://evil.example" }, /unexpected field origin/],
    ["an attest naming its own origin", { type: MESSAGE_TYPES.attest, nonce: NONCE, origin: "https://evil.example" }, /origin/],
    ["an attest with a bad nonce", { type: MESSAGE_TYPES.attest, nonce: "short" }, /nonce/],
  ];
  for (const [name, message, pattern] of bad) {
    test(`refuses ${name}`, () => {
      assert.throws(() => validateRequest(message), (error) => error instanceof ValidationError && pattern.test(error.message));
    });
  }
});

describe("nonce rule (mirrors the host)", () => {
  test("22 to 256 canonical base64url characters carrying 16 bytes or more", () => {
    assert.equal(nonceProblem(NONCE), null);
    assert.equal(nonceProblem("A".repeat(256)), null);
    assert.equal(nonceProblem("AAAAAAAAAAAAAAAAAAAAAAAA"), null);
  });
  for (const [name, nonce] of [
    ["too short", "A".repeat(21)],
    ["too long", "A".repeat(257)],
    ["padding", `${"A".repeat(22)}==`],
    ["standard base64 characters", `${"A".repeat(21)}+`],
    ["a length no base64 has", "A".repeat(25)],
    ["non-zero unused bits", `${"A".repeat(21)}B`],
    ["not a string", 1234567890123456789012],
  ]) {
    test(`refuses ${name}`, () => assert.notEqual(nonceProblem(nonce), null));
  }
});

describe("who is asking", () => {
  test("our content script in the portal's top frame", () => {
    const sender = { id: SELF.extensionId, url: portalTab.url, origin: "https://portal.techpass.gov.sg", tab: portalTab, frameId: 0 };
    assert.equal(senderKind(sender, SELF), "content");
    assert.equal(senderOrigin(sender), "https://portal.techpass.gov.sg");
  });
  test("Firefox gives no sender.origin: the URL decides", () => {
    assert.equal(senderKind({ id: SELF.extensionId, url: portalTab.url, tab: portalTab, frameId: 0 }, SELF), "content");
  });
  test("our popup, also when opened in a tab", () => {
    assert.equal(senderKind({ id: SELF.extensionId, url: SELF.popupUrl, origin: "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak" }, SELF), "popup");
    assert.equal(senderKind({ id: SELF.extensionId, url: `${SELF.popupUrl}?x#y`, tab: { id: 9 } }, SELF), "popup");
  });
  const refused = [
    ["another extension", { id: "abcdefghijklmnopabcdefghijklmnop", url: portalTab.url, tab: portalTab, frameId: 0 }],
    ["our script on another site", { id: SELF.extensionId, url: "https://evil.example/", tab: { id: 1 }, frameId: 0 }],
    ["a look-alike host", { id: SELF.extensionId, url: "https://portal.techpass.gov.sg.evil.example/", tab: { id: 1 }, frameId: 0 }],
    ["plain http", { id: SELF.extensionId, url: "http://portal.techpass.gov.sg/", tab: { id: 1 }, frameId: 0 }],
    ["a portal subframe", { id: SELF.extensionId, url: portalTab.url, tab: portalTab, frameId: 3 }],
    ["an about:blank frame claiming the portal URL", { id: SELF.extensionId, url: portalTab.url, origin: "null", tab: portalTab, frameId: 0 }],
    ["another extension page", { id: SELF.extensionId, url: "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/other.html" }],
    ["the portal without a tab", { id: SELF.extensionId, url: portalTab.url }],
    ["nothing", undefined],
  ];
  for (const [name, sender] of refused) {
    test(`refuses ${name}`, () => assert.equal(senderKind(sender, SELF), null));
  }
  test("each part may ask only its own questions", () => {
    assert.equal(mayAsk("content", MESSAGE_TYPES.route), true);
    assert.equal(mayAsk("content", MESSAGE_TYPES.attest), true);
    assert.equal(mayAsk("content", MESSAGE_TYPES.status), false);
    assert.equal(mayAsk("popup", MESSAGE_TYPES.status), true);
    assert.equal(mayAsk("popup", MESSAGE_TYPES.attest), false);
    assert.equal(mayAsk(null, MESSAGE_TYPES.route), false);
  });
});

describe("replies from the background", () => {
  test("a route reply validates and keeps only known fields", () => {
    const reply = validateRouteReply({ ...routeReply(), injected: "<img onerror=alert(1)>" });
    assert.equal(reply.route, "request_via_portal");
    assert.equal("injected" in reply, false);
  });
  test("a route reply with an unknown route, class or mode is refused", () => {
    assert.throws(() => validateRouteReply(routeReply({ route: "wherever" })), ValidationError);
    assert.throws(() => validateRouteReply(routeReply({ deviceClass: "laptop" })), ValidationError);
    assert.throws(() => validateRouteReply(routeReply({ mode: "strict" })), ValidationError);
    assert.throws(() => validateRouteReply(routeReply({ helper: { available: false, reason: "gremlins" } })), ValidationError);
    assert.throws(() => validateRouteReply(routeReply({ readiness: [{ check: "os" }] })), ValidationError);
  });
  test("failures are recognised", () => {
    assert.deepEqual(validateRouteReply({ ok: false, error: "forbidden" }), { ok: false, error: "forbidden" });
    assert.throws(() => validateRouteReply({ ok: false, error: "<b>" }), ValidationError);
  });
  test("a status reply for the popup", () => {
    const reply = validateStatusReply({
      ok: true,
      helper: { available: false, reason: "not_installed", hostVersion: null, detail: "Specified native messaging host not found." },
      status: null,
      problem: null,
      page: "request_for_seed",
      mode: "enforce",
    });
    assert.equal(reply.helper.reason, "not_installed");
    assert.equal(reply.status, null);
    assert.throws(() => validateStatusReply({ ...reply, status: "x" }), ValidationError);
  });
  test("an attest reply: a compact JWS or an error word", () => {
    assert.deepEqual(validateAttestReply({ ok: true, token: TOKEN }), { ok: true, token: TOKEN });
    assert.deepEqual(validateAttestReply({ ok: false, error: "no_device_key" }), { ok: false, error: "no_device_key" });
    assert.throws(() => validateAttestReply({ ok: true, token: "not a token" }), ValidationError);
    assert.throws(() => validateAttestReply({ ok: false, error: "<script>" }), ValidationError);
  });
});
