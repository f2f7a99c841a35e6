import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { DeviceStatus } from "../../../extension/src/background/device-status.js";
import { MessageRouter } from "../../../extension/src/background/message-router.js";
import { NativeHostConnection } from "../../../extension/src/background/native-connection.js";
import { PageMemory } from "../../../extension/src/background/page-memory.js";
import { ManagedSettings } from "../../../extension/src/background/settings.js";
import { validateAttestReply, validateRouteReply, validateStatusReply } from "../../../extension/src/shared/messages.js";
import { FakeClock } from "../support/fake-clock.js";
import { FakeNativeHost } from "../support/fake-native-host.js";
import { NONCE, TOKEN, hostStatus } from "../support/fixtures.js";

const ID = "mmcnnnkjjcnbfgnfpdijcfnhicplpoak";
const SELF = { extensionId: ID, popupUrl: `chrome-extension://${ID}/src/popup/popup.html` };
const CONTENT = { id: ID, url: "https://portal.techpass.gov.sg/my-account", origin: "https://portal.techpass.gov.sg", tab: { id: 3 }, frameId: 0 };
const POPUP = { id: ID, url: SELF.popupUrl, origin: `chrome-extension://${ID}` };

function routerWith({ host = new FakeNativeHost(), managed = async () => ({}), logs = [] } = {}) {
  const clock = new FakeClock();
  const router = new MessageRouter({
    self: SELF,
    status: new DeviceStatus({ connection: new NativeHostConnection({ connect: host.connect, clock }), now: clock.now }),
    settings: new ManagedSettings(managed),
    pages: new PageMemory(null),
    log: (line) => logs.push(line),
  });
  return { router, host, logs };
}

describe("background message router", () => {
  test("a route for the portal's content script, in the shape the content script checks", async () => {
    const { router } = routerWith();
    const reply = await router.handle({ type: "seed-attest/route", page: "request_for_seed" }, CONTENT);
    assert.deepEqual(validateRouteReply(reply), reply);
    assert.equal(reply.route, "request_via_portal");
    assert.equal(reply.mode, "annotate");
  });

  test("each device class × page gives its route through the whole background", async () => {
    const expected = {
      non_se_gsib: ["request_via_portal", "onboard_elsewhere"],
      se_gsib: ["service_request", "onboard_elsewhere"],
      gmd: ["contact_manager", "already_onboarded"],
      internet_device: ["contact_manager", "onboard_device"],
      unknown: ["check_device", "check_device"],
    };
    for (const [deviceClass, routes] of Object.entries(expected)) {
      const { router } = routerWith({ host: new FakeNativeHost({ status: () => hostStatus({ device_class: deviceClass }) }) });
      const request = await router.handle({ type: "seed-attest/route", page: "request_for_seed" }, CONTENT);
      const onboard = await router.handle({ type: "seed-attest/route", page: "onboard_device" }, CONTENT);
      assert.deepEqual([request.route, onboard.route], routes, deviceClass);
    }
  });

  test("no helper: install_helper with the precise reason", async () => {
    const host = new FakeNativeHost();
    host.failWith = "Access to the specified native messaging host is forbidden.";
    const { router } = routerWith({ host });
    const reply = await router.handle({ type: "seed-attest/route", page: "request_for_seed" }, CONTENT);
    assert.equal(reply.route, "install_helper");
    assert.equal(reply.helper.reason, "not_allowed");
    validateRouteReply(reply);
  });

  test("an unknown class carries the host's reason to the page", async () => {
    const host = new FakeNativeHost({ status: () => hostStatus({ device_class: "unknown", decided_by: "default", error: "policy refused: unknown kind \"registry\"" }) });
    const reply = await routerWith({ host }).router.handle({ type: "seed-attest/route", page: "onboard_device" }, CONTENT);
    assert.equal(reply.route, "check_device");
    assert.equal(reply.problem, 'policy refused: unknown kind "registry"');
  });

  test("enforce mode comes from managed storage", async () => {
    const { router } = routerWith({ managed: async () => ({ mode: "enforce" }) });
    assert.equal((await router.handle({ type: "seed-attest/route", page: "request_for_seed" }, CONTENT)).mode, "enforce");
    const firefoxWithoutPolicy = routerWith({ managed: async () => { throw new Error("Managed storage manifest not found"); } });
    assert.equal((await firefoxWithoutPolicy.router.handle({ type: "seed-attest/route", page: "request_for_seed" }, CONTENT)).mode, "annotate");
  });

  test("a Request route that stays locked in enforce mode waits for the administrator's mode; others do not", async () => {
    let release;
    const slowManaged = () => new Promise((resolve) => (release = () => resolve({ mode: "enforce" })));
    const { router } = routerWith({ managed: slowManaged, host: new FakeNativeHost({ status: () => hostStatus({ device_class: "se_gsib" }) }) });
    const onboard = await router.handle({ type: "seed-attest/route", page: "onboard_device" }, CONTENT);
    assert.equal(onboard.mode, "annotate");
    let request = null;
    const pending = router.handle({ type: "seed-attest/route", page: "request_for_seed" }, CONTENT).then((reply) => (request = reply));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(request, null, "no verdict on a Request button enforce mode would lock before the mode is known");
    release();
    await pending;
    assert.equal(request.route, "service_request");
    assert.equal(request.mode, "enforce");
  });

  test("a Request route that unlocks in either mode answers before the administrator's mode is known", async () => {
    const neverAnswers = () => new Promise(() => {});
    const { router } = routerWith({ managed: neverAnswers });
    const reply = await router.handle({ type: "seed-attest/route", page: "request_for_seed" }, CONTENT);
    assert.equal(reply.route, "request_via_portal");
    assert.equal(reply.mode, "annotate", "the mode as far as known: the default");
  });

  test("the popup gets the status and the page the portal showed last", async () => {
    const { router } = routerWith();
    const before = await router.handle({ type: "seed-attest/status" }, POPUP);
    assert.equal(before.page, "request_for_seed");
    await router.handle({ type: "seed-attest/route", page: "onboard_device" }, CONTENT);
    const after = validateStatusReply(await router.handle({ type: "seed-attest/status" }, POPUP));
    assert.equal(after.page, "onboard_device");
    assert.equal(after.status.deviceClass, "non_se_gsib");
    assert.equal(after.helper.hostVersion, "0.1.0");
  });

  test("a route asked ahead of the button is answered but not remembered as the page shown", async () => {
    const host = new FakeNativeHost();
    const { router } = routerWith({ host });
    await router.handle({ type: "seed-attest/route", page: "request_for_seed" }, CONTENT);
    const early = validateRouteReply(await router.handle({ type: "seed-attest/route", page: "onboard_device", ahead: true }, CONTENT));
    const shown = validateRouteReply(await routerWith().router.handle({ type: "seed-attest/route", page: "onboard_device" }, CONTENT));
    assert.deepEqual(early, shown, "the same answer as for a button shown");
    const status = validateStatusReply(await router.handle({ type: "seed-attest/status" }, POPUP));
    assert.equal(status.page, "request_for_seed", "still the page the portal showed");
    assert.equal(host.requestsOf("status").length, 1, "one status for all three questions");
  });

  test("the prepare message of earlier versions is refused", async () => {
    const { router } = routerWith();
    assert.deepEqual(await router.handle({ type: "seed-attest/prepare" }, CONTENT), { ok: false, error: "bad_message" });
  });

  test("attest relays the origin the browser reported, and the token", async () => {
    const host = new FakeNativeHost({ attest: () => ({ ...hostStatus(), type: "attest", token: TOKEN }) });
    const { router } = routerWith({ host });
    const reply = await router.handle({ type: "seed-attest/attest", nonce: NONCE }, CONTENT);
    assert.deepEqual(validateAttestReply(reply), { ok: true, token: TOKEN });
    assert.equal(host.requestsOf("attest")[0].origin, "https://portal.techpass.gov.sg");
  });

  test("a token error is passed on as the error", async () => {
    const host = new FakeNativeHost({ attest: () => ({ ...hostStatus(), type: "attest", token: null, token_error: "no_device_key" }) });
    assert.deepEqual(await routerWith({ host }).router.handle({ type: "seed-attest/attest", nonce: NONCE }, CONTENT), {
      ok: false,
      error: "no_device_key",
    });
  });

  const forbidden = [
    ["the popup asking for a token", { type: "seed-attest/attest", nonce: NONCE }, POPUP],
    ["a content script asking for the popup's status", { type: "seed-attest/status" }, CONTENT],
    ["another extension", { type: "seed-attest/route", page: "request_for_seed" }, { ...CONTENT, id: "abcdefghijklmnopabcdefghijklmnop" }],
    ["a page on another origin", { type: "seed-attest/attest", nonce: NONCE }, { ...CONTENT, url: "https://evil.example/", origin: "https://evil.example" }],
    ["a portal subframe", { type: "seed-attest/attest", nonce: NONCE }, { ...CONTENT, frameId: 2 }],
  ];
  for (const [name, message, sender] of forbidden) {
    test(`refuses ${name}, without asking the host`, async () => {
      const { router, host, logs } = routerWith({ host: new FakeNativeHost({ attest: () => ({ ...hostStatus(), type: "attest", token: TOKEN }) }) });
      assert.deepEqual(await router.handle(message, sender), { ok: false, error: "forbidden" });
      assert.equal(host.connections, 0);
      assert.equal(logs.length, 1);
    });
  }

  test("a malformed message is bad_message from our own parts, forbidden from others", async () => {
    const { router, host } = routerWith();
    assert.deepEqual(await router.handle({ type: "seed-attest/route", page: "elsewhere" }, CONTENT), { ok: false, error: "bad_message" });
    assert.deepEqual(await router.handle("hello", POPUP), { ok: false, error: "bad_message" });
    assert.deepEqual(await router.handle({ type: "seed-attest/route" }, { id: "other" }), { ok: false, error: "forbidden" });
    assert.equal(host.connections, 0);
  });

  test("an internal failure is answered, never thrown", async () => {
    const { router } = routerWith({ managed: () => Promise.resolve(null) });
    const broken = new MessageRouter({
      self: SELF,
      status: { get: async () => { throw new Error("boom"); } },
      settings: new ManagedSettings(async () => ({})),
      pages: new PageMemory(null),
    });
    assert.deepEqual(await broken.handle({ type: "seed-attest/route", page: "request_for_seed" }, CONTENT), { ok: false, error: "internal" });
    assert.equal((await router.handle({ type: "seed-attest/route", page: "request_for_seed" }, CONTENT)).mode, "annotate");
  });
});
