import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { HelperUnavailable, HostError, NativeHostConnection } from "../../../extension/src/background/native-connection.js";
import { FakeClock, settle } from "../support/fake-clock.js";
import { FakeNativeHost } from "../support/fake-native-host.js";
import { hostStatus } from "../support/fixtures.js";

function setup(answers, options = {}) {
  const host = new FakeNativeHost(answers);
  const clock = new FakeClock();
  const connection = new NativeHostConnection({ connect: host.connect, clock, ...options });
  return { host, clock, connection };
}

async function rejectsWith(promise, check) {
  await assert.rejects(promise, (error) => {
    check(error);
    return true;
  });
}

describe("native connection", () => {
  test("says hello first, then asks; one port serves many requests; ids are echoed", async () => {
    const { host, connection } = setup();
    const status = await connection.request("status", { refresh: false });
    assert.equal(status.deviceClass, "non_se_gsib");
    await connection.request("ping");
    assert.equal(host.connections, 1);
    assert.deepEqual(
      host.sent.map((m) => m.type),
      ["hello", "status", "ping"],
    );
    assert.deepEqual(host.sent[0], { protocol: 1, type: "hello", id: host.sent[0].id });
    assert.equal(new Set(host.sent.map((m) => m.id)).size, 3, "every request has its own id");
    assert.deepEqual(connection.hostInfo, { hostVersion: "0.1.0", capabilities: ["hello", "ping", "status", "attest"] });
  });

  test("requests made while connecting share one hello", async () => {
    const { host, connection } = setup();
    const results = await Promise.all([connection.request("status"), connection.request("status"), connection.request("ping")]);
    assert.equal(results.length, 3);
    assert.equal(host.requestsOf("hello").length, 1);
    assert.equal(host.connections, 1);
  });

  test("a helper that is not installed: install_helper reason, then backoff without new ports", async () => {
    const { host, clock, connection } = setup();
    host.failWith = "Specified native messaging host not found.";
    await rejectsWith(connection.request("status"), (error) => {
      assert.ok(error instanceof HelperUnavailable);
      assert.equal(error.reason, "not_installed");
      assert.equal(error.detail, "Specified native messaging host not found.");
    });
    await rejectsWith(connection.request("status"), (error) => assert.equal(error.reason, "not_installed"));
    assert.equal(host.connections, 1, "the second request failed fast, inside the backoff");

    host.failWith = null;
    await clock.advance(500);
    await connection.request("status");
    assert.equal(host.connections, 2, "after the backoff a new port is opened");
  });

  test("backoff doubles with each failure and is capped; a forced request ignores it", async () => {
    const { host, clock, connection } = setup({}, { backoffInitialMs: 100, backoffMaxMs: 350 });
    host.failWith = "Native host has exited.";
    for (const wait of [100, 200, 350, 350]) {
      await assert.rejects(connection.request("status"));
      await clock.advance(wait - 1);
      await assert.rejects(connection.request("status"));
      await clock.advance(1);
    }
    assert.equal(host.connections, 4);
    await assert.rejects(connection.request("status", {}, { force: true }));
    assert.equal(host.connections, 5, "force connects at once");
  });

  test("a success resets the backoff", async () => {
    const { host, clock, connection } = setup({}, { backoffInitialMs: 100 });
    host.failWith = "Native host has exited.";
    await assert.rejects(connection.request("status"));
    await clock.advance(100);
    await assert.rejects(connection.request("status"));
    host.failWith = null;
    await clock.advance(200);
    await connection.request("status");
    host.exit("Native host has exited."); // between requests: no backoff needed
    await connection.request("status");
    assert.equal(host.connections, 4);
  });

  test("a request with no reply times out after 5 s as not_responding and the port is replaced", async () => {
    let hang = true;
    const { host, clock, connection } = setup({ status: (request) => (hang ? undefined : hostStatus({ id: request.id })) });
    const pending = connection.request("status");
    let settled = false;
    pending.catch(() => {}).finally(() => (settled = true));
    await settle();
    await clock.advance(4999);
    assert.equal(settled, false, "not before 5 s");
    await clock.advance(1);
    await rejectsWith(pending, (error) => assert.equal(error.reason, "not_responding"));
    assert.equal(host.open, false, "the stuck port was closed");
    hang = false;
    await clock.advance(1000);
    await connection.request("status");
    assert.equal(host.connections, 2);
  });

  test("a hello with no reply also times out", async () => {
    const { clock, connection } = setup({ hello: () => undefined });
    const outcome = rejectsWith(connection.request("status"), (error) => assert.equal(error.reason, "not_responding"));
    await settle();
    await clock.advance(5000);
    await outcome;
  });

  test("the host exiting mid-request fails that request as host_exited", async () => {
    const { host, connection } = setup({ status: () => undefined });
    const pending = connection.request("status");
    await settle();
    await settle();
    host.exit("Native host has exited.");
    await rejectsWith(pending, (error) => assert.equal(error.reason, "host_exited"));
  });

  test("Firefox's disconnect with no error text is host_exited too", async () => {
    const { host, connection } = setup({ status: () => undefined });
    const pending = connection.request("status");
    await settle();
    await settle();
    host.exit("");
    await rejectsWith(pending, (error) => assert.equal(error.reason, "host_exited"));
  });

  test("another protocol version is incompatible", async () => {
    const { connection } = setup({ hello: () => ({ type: "error", code: "unsupported_protocol", message: "this host speaks protocol version 2 only" }) });
    await rejectsWith(connection.request("status"), (error) => {
      assert.equal(error.reason, "incompatible");
      assert.match(error.detail, /version 2/);
    });
  });

  test("a hello naming another protocol, or malformed, is incompatible", async () => {
    const { connection } = setup({ hello: () => ({ type: "hello", protocol: 2, host_version: "2.0.0", capabilities: [] }) });
    await rejectsWith(connection.request("status"), (error) => assert.equal(error.reason, "incompatible"));
  });

  test("forbidden_caller means the helper refuses this extension", async () => {
    const refusal = () => ({ type: "error", code: "forbidden_caller", message: "caller chrome-extension://x/ is not in this host's allow-list" });
    const { connection } = setup({ hello: refusal });
    await rejectsWith(connection.request("status"), (error) => assert.equal(error.reason, "caller_refused"));
  });

  test("a protocol error on a request is a HostError and keeps the connection", async () => {
    const { host, connection } = setup({ status: () => ({ type: "error", code: "internal", message: "probe engine failed" }) });
    await rejectsWith(connection.request("status"), (error) => {
      assert.ok(error instanceof HostError);
      assert.equal(error.code, "internal");
      assert.equal(error.hostMessage, "probe engine failed");
    });
    await connection.request("ping");
    assert.equal(host.connections, 1);
  });

  test("an error reply without an id belongs to the oldest request (the host answers in order)", async () => {
    const { connection } = setup({ status: () => ({ type: "error", id: null, code: "bad_json", message: "invalid UTF-8" }) });
    await rejectsWith(connection.request("status"), (error) => assert.equal(error.code, "bad_json"));
  });

  test("a reply that does not validate makes the helper incompatible", async () => {
    const { connection } = setup({ status: () => hostStatus({ device_class: "toaster" }) });
    await rejectsWith(connection.request("status"), (error) => {
      assert.equal(error.reason, "incompatible");
      assert.match(error.detail, /device_class/);
    });
  });

  test("replies nobody asked for are ignored", async () => {
    const { host, connection } = setup({ status: () => undefined });
    const pending = connection.request("status");
    await settle();
    await settle();
    host.push({ type: "status", id: 999, ...hostStatus() });
    host.push({ type: "pong" });
    host.push("garbage");
    host.push({ type: "status", id: host.sent[1].id, ...hostStatus({ device_class: "gmd" }) });
    assert.equal((await pending).deviceClass, "gmd");
  });

  test("a capability the host does not offer is incompatible, without sending it", async () => {
    const { host, connection } = setup({ hello: () => ({ type: "hello", protocol: 1, host_version: "0.0.1", capabilities: ["hello", "ping"] }) });
    await rejectsWith(connection.request("attest", { nonce: "x", origin: "https://portal.techpass.gov.sg" }), (error) =>
      assert.equal(error.reason, "incompatible"),
    );
    assert.equal(host.requestsOf("attest").length, 0);
  });

  test("connectNative throwing (no permission, no API) is a reason too", async () => {
    const { host, connection } = setup();
    host.throwOnConnect = new TypeError("chrome.runtime.connectNative is not a function");
    await rejectsWith(connection.request("status"), (error) => assert.equal(error.reason, "unsupported"));
  });

  test("an idle port is closed, and the next request opens a new one", async () => {
    const { host, clock, connection } = setup({}, { idleMs: 60_000 });
    await connection.request("status");
    await clock.advance(59_999);
    assert.equal(host.open, true);
    await clock.advance(1);
    assert.equal(host.open, false);
    assert.equal(connection.connected, false);
    await connection.request("status");
    assert.equal(host.connections, 2);
  });
});
