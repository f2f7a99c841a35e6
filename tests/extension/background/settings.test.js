import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { ManagedSettings } from "../../../extension/src/background/settings.js";
import { deferred } from "../support/deferred.js";

describe("managed settings", () => {
  test("mode is enforce only for the exact word", async () => {
    for (const [stored, mode] of [
      [{ mode: "enforce" }, "enforce"],
      [{ mode: "annotate" }, "annotate"],
      [{}, "annotate"],
      [{ mode: "ENFORCE" }, "annotate"],
      [{ mode: true }, "annotate"],
      [null, "annotate"],
    ]) {
      assert.equal(await new ManagedSettings(async () => stored).mode(), mode, JSON.stringify(stored));
    }
  });

  test("no managed storage at all (Firefox rejects) is the default", async () => {
    const settings = new ManagedSettings(() => Promise.reject(new Error("Managed storage manifest not found")));
    assert.equal(await settings.mode(), "annotate");
  });

  test("is read once, and again after a change", async () => {
    let reads = 0;
    let stored = { mode: "annotate" };
    const settings = new ManagedSettings(async () => {
      reads += 1;
      return stored;
    });
    await settings.mode();
    await settings.mode();
    assert.equal(reads, 1);
    stored = { mode: "enforce" };
    settings.invalidate();
    assert.equal(await settings.mode(), "enforce");
    assert.equal(reads, 2);
  });

  test("a slow read delays answers only until waitMs after it began", async () => {
    const slow = deferred();
    let now = 0;
    const settings = new ManagedSettings(() => slow.promise, () => now);
    settings.load();
    const started = Date.now();
    assert.equal(await settings.mode({ waitMs: 30 }), "annotate", "the default after the wait");
    assert.ok(Date.now() - started >= 25);
    now = 31;
    const again = Date.now();
    assert.equal(await settings.mode({ waitMs: 30 }), "annotate");
    assert.ok(Date.now() - again < 20, "past the window: no more waiting");
    const popup = settings.mode({ waitMs: 1000 });
    slow.resolve({ mode: "enforce" });
    assert.equal(await popup, "enforce", "a longer wait gets the real answer");
    assert.equal(await settings.mode({ waitMs: 0 }), "enforce");
  });

  test("a finished read is remembered in storage.local", async () => {
    const remembered = new Map();
    const area = { get: async (key) => remembered.get(key), set: async (key, value) => remembered.set(key, value) };
    await new ManagedSettings(async () => ({ mode: "enforce" }), { remembered: area }).mode();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(remembered.get("seedAttest.mode"), "enforce");
  });

  test("while a slow read runs, the remembered mode answers at once", async () => {
    const slow = deferred();
    const area = { get: async () => "enforce", set: async () => {} };
    const settings = new ManagedSettings(() => slow.promise, { remembered: area });
    const started = Date.now();
    assert.equal(await settings.mode({ waitMs: 10, mustKnow: true }), "enforce");
    assert.ok(Date.now() - started < 1000);
    slow.resolve({ mode: "annotate" });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await settings.mode({ waitMs: 0 }), "annotate", "the fresh read wins once it is in");
  });

  test("with nothing remembered, a must-know answer waits for the read; others do not", async () => {
    const slow = deferred();
    const area = { get: async () => undefined, set: async () => {} };
    const settings = new ManagedSettings(() => slow.promise, { remembered: area });
    assert.equal(await settings.mode({ waitMs: 10 }), "annotate", "the Onboard page and the like take the default");
    let answered = null;
    const mustKnow = settings.mode({ waitMs: 10, mustKnow: true }).then((mode) => (answered = mode));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(answered, null, "still waiting for the administrator's word");
    slow.resolve({ mode: "enforce" });
    assert.equal(await mustKnow, "enforce");
  });

  test("a must-know answer waits at most 10 s after the read began, however late it is asked", async () => {
    let now = 0;
    const area = { get: async () => undefined, set: async () => {} };
    const settings = new ManagedSettings(() => new Promise(() => {}), { remembered: area, now: () => now });
    settings.load();
    now = 10_000; // asked again when the whole wait is already over
    const began = Date.now();
    assert.equal(await settings.mode({ waitMs: 10, mustKnow: true }), "annotate", "the default, at once");
    assert.ok(Date.now() - began < 1000);
  });
});
