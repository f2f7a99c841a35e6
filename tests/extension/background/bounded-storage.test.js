// Storage calls that never answer must not hold up an answer to the page.

import assert from "node:assert/strict";
import { test } from "node:test";

import { boundedStorage } from "../../../extension/src/background/bounded-storage.js";
import { FakeClock, settle } from "../support/fake-clock.js";

test("answers pass through untouched", async () => {
  const clock = new FakeClock();
  const stored = new Map([["k", { a: 1 }]]);
  const area = boundedStorage({ get: async (key) => stored.get(key), set: async (key, value) => void stored.set(key, value) }, { timers: clock });
  assert.deepEqual(await area.get("k"), { a: 1 });
  await area.set("j", 2);
  assert.equal(stored.get("j"), 2);
  assert.equal(clock.pendingTimers, 0);
});

test("a read that never answers is nothing stored, once the limit passes", async () => {
  const clock = new FakeClock();
  const area = boundedStorage({ get: () => new Promise(() => {}), set: () => new Promise(() => {}) }, { limitMs: 1000, timers: clock });
  let read = "pending";
  let written = false;
  area.get("k").then((value) => (read = value));
  area.set("k", 1).then(() => (written = true));
  await settle();
  await clock.advance(999);
  assert.equal(read, "pending");
  assert.equal(written, false);
  await clock.advance(1);
  assert.equal(read, undefined);
  assert.equal(written, true);
});

test("a failing area still fails", async () => {
  const area = boundedStorage({ get: async () => { throw new Error("gone"); }, set: async () => { throw new Error("full"); } });
  await assert.rejects(area.get("k"), /gone/);
  await assert.rejects(area.set("k", 1), /full/);
});
