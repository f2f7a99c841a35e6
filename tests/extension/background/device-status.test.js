import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { DeviceStatus } from "../../../extension/src/background/device-status.js";
import { NativeHostConnection } from "../../../extension/src/background/native-connection.js";
import { FakeClock } from "../support/fake-clock.js";
import { FakeNativeHost } from "../support/fake-native-host.js";
import { NONCE, TOKEN, hostStatus } from "../support/fixtures.js";

// storage.session as the browser keeps it: values are copied in and out.
class MemoryStorage {
  values = new Map();
  get = async (key) => structuredClone(this.values.get(key));
  set = async (key, value) => {
    this.values.set(key, structuredClone(value));
  };
}

function worker({ host, clock, storage, ttlMs = 60_000 }) {
  const results = [];
  const connection = new NativeHostConnection({ connect: host.connect, clock });
  const status = new DeviceStatus({ connection, storage, now: clock.now, ttlMs, onResult: (r) => results.push(r) });
  return { status, results, connection };
}

describe("device status", () => {
  test("the first call asks the host; later calls within the TTL use the cache", async () => {
    const host = new FakeNativeHost();
    const clock = new FakeClock();
    const { status, results } = worker({ host, clock, storage: new MemoryStorage() });
    const first = await status.get();
    assert.equal(first.helper.available, true);
    assert.equal(first.helper.hostVersion, "0.1.0");
    assert.equal(first.status.deviceClass, "non_se_gsib");
    await clock.advance(59_000);
    assert.deepEqual(await status.get(), first);
    assert.equal(host.requestsOf("status").length, 1);
    await clock.advance(1_000);
    await status.get();
    assert.equal(host.requestsOf("status").length, 2, "stale after the TTL");
    assert.equal(results.length, 2, "the badge hears of each fresh result");
  });

  test("callers arriving together share one request", async () => {
    const host = new FakeNativeHost();
    const { status } = worker({ host, clock: new FakeClock(), storage: null });
    const all = await Promise.all([status.get(), status.get(), status.get()]);
    assert.equal(host.requestsOf("status").length, 1);
    assert.ok(all.every((result) => result === all[0]));
  });

  test("refresh asks the host to evaluate again, past the cache", async () => {
    const host = new FakeNativeHost();
    const { status } = worker({ host, clock: new FakeClock(), storage: null });
    await status.get();
    await status.get({ refresh: true });
    assert.deepEqual(
      host.requestsOf("status").map((request) => request.refresh),
      [false, true],
    );
  });

  test("a restarted service worker answers from session storage without starting the host", async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock();
    const firstHost = new FakeNativeHost();
    await worker({ host: firstHost, clock, storage }).status.get();

    const secondHost = new FakeNativeHost();
    const restarted = worker({ host: secondHost, clock, storage });
    await clock.advance(10_000);
    const result = await restarted.status.get();
    assert.equal(result.status.deviceClass, "non_se_gsib");
    assert.equal(secondHost.connections, 0);
    await clock.advance(50_000);
    await restarted.status.get();
    assert.equal(secondHost.connections, 1, "past the TTL the new worker starts the host");
  });

  test("callers arriving while a restarted worker reads session storage all get the stored status", async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock();
    await worker({ host: new FakeNativeHost(), clock, storage }).status.get();
    const slowStorage = {
      get: (key) => new Promise((resolve) => setTimeout(() => resolve(storage.get(key)), 20)),
      set: storage.set,
    };
    const secondHost = new FakeNativeHost();
    const restarted = worker({ host: secondHost, clock, storage: slowStorage });
    const results = await Promise.all([restarted.status.get(), restarted.status.get(), restarted.status.get()]);
    assert.ok(results.every((result) => result.status?.deviceClass === "non_se_gsib"));
    assert.equal(secondHost.connections, 0);
  });

  test("a missing helper is reported, not cached, and not thrown", async () => {
    const host = new FakeNativeHost();
    const clock = new FakeClock();
    host.failWith = "Specified native messaging host not found.";
    const storage = new MemoryStorage();
    const { status } = worker({ host, clock, storage });
    const result = await status.get();
    assert.deepEqual(result.helper, {
      available: false,
      reason: "not_installed",
      hostVersion: null,
      detail: "Specified native messaging host not found.",
    });
    assert.equal(result.status, null);
    assert.equal(storage.values.size, 0);

    host.failWith = null; // the person installs the helper and presses Check again
    const again = await status.get({ refresh: true });
    assert.equal(again.helper.available, true);
  });

  test("a host error on status leaves the helper available with the problem (check_device)", async () => {
    const host = new FakeNativeHost({ status: () => ({ type: "error", code: "unknown_type", message: "status is not available in this build" }) });
    const { status } = worker({ host, clock: new FakeClock(), storage: null });
    const result = await status.get();
    assert.equal(result.helper.available, true);
    assert.equal(result.status, null);
    assert.equal(result.problem, "status is not available in this build");
  });

  test("attest passes the nonce and origin and returns the token or the reason", async () => {
    const host = new FakeNativeHost({
      attest: (request) =>
        request.nonce === NONCE
          ? { ...hostStatus(), type: "attest", token: TOKEN }
          : { ...hostStatus(), type: "attest", token: null, token_error: "no_device_key" },
    });
    const { status } = worker({ host, clock: new FakeClock(), storage: null });
    assert.deepEqual(await status.attest(NONCE, "https://portal.techpass.gov.sg"), { token: TOKEN });
    assert.deepEqual(host.requestsOf("attest")[0], { nonce: NONCE, origin: "https://portal.techpass.gov.sg", type: "attest", id: host.requestsOf("attest")[0].id });
    assert.deepEqual(await status.attest("B".repeat(22), "https://portal.techpass.gov.sg"), { error: "no_device_key" });
  });

  test("attest without a helper is helper_unavailable; a host error is host_error", async () => {
    const missing = new FakeNativeHost();
    missing.failWith = "No such native application sg.techpass.seed_attest";
    assert.deepEqual(await worker({ host: missing, clock: new FakeClock(), storage: null }).status.attest(NONCE, "https://portal.techpass.gov.sg"), {
      error: "helper_unavailable",
    });
    const failing = new FakeNativeHost({ attest: () => ({ type: "error", code: "bad_request", message: "nonce too short" }) });
    assert.deepEqual(await worker({ host: failing, clock: new FakeClock(), storage: null }).status.attest(NONCE, "https://portal.techpass.gov.sg"), {
      error: "host_error",
    });
  });

  test("a status is answered without waiting for session storage to keep it", async () => {
    const kept = [];
    const stuck = { get: async () => undefined, set: (key, value) => { kept.push(key); return new Promise(() => {}); } };
    const { status, results } = worker({ host: new FakeNativeHost(), clock: new FakeClock(), storage: stuck });
    const answered = await Promise.race([
      status.get(),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 200)),
    ]);
    assert.equal(answered.status?.deviceClass, "non_se_gsib");
    assert.deepEqual(kept, ["seedAttest.status"], "the status was handed to session storage");
    assert.equal(results.length, 1);
  });

  test("broken session storage is survived", async () => {
    const broken = { get: async () => { throw new Error("gone"); }, set: async () => { throw new Error("full"); } };
    const { status } = worker({ host: new FakeNativeHost(), clock: new FakeClock(), storage: broken });
    assert.equal((await status.get()).status.deviceClass, "non_se_gsib");
  });
});
