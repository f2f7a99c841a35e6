import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { EARLY_ANSWER_MAX_AGE_MS, RouteQuestions } from "../../../extension/src/content/early-routes.js";
import { deferred } from "../support/deferred.js";
import { routeReply } from "../support/fixtures.js";

function questions({ answer = (message) => routeReply({ page: message.page }) } = {}) {
  const asked = [];
  const told = [];
  const clock = { now: 1_000 };
  const routes = new RouteQuestions({
    ask: async (message) => {
      asked.push(message);
      return answer(message);
    },
    tell: (message) => told.push(message),
    now: () => clock.now,
  });
  return { routes, asked, told, clock };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("route questions", () => {
  test("asks for both page states early and answers the first check of each from them", async () => {
    const { routes, asked, told } = questions();
    routes.askEarly();
    await settle();
    assert.deepEqual(asked, [
      { type: "seed-attest/route", page: "request_for_seed", ahead: true },
      { type: "seed-attest/route", page: "onboard_device", ahead: true },
    ]);
    assert.equal((await routes.route("onboard_device", false)).page, "onboard_device");
    assert.equal(asked.length, 2, "no second question");
    assert.deepEqual(told, [{ type: "seed-attest/route", page: "onboard_device" }], "the background learns the page shown");
  });

  test("an early answer is used once: the next check asks afresh", async () => {
    const { routes, asked } = questions();
    routes.askEarly();
    await routes.route("request_for_seed", false);
    await routes.route("request_for_seed", false);
    assert.deepEqual(asked.at(-1), { type: "seed-attest/route", page: "request_for_seed", refresh: false });
    assert.equal(asked.length, 3);
  });

  test("check again never uses the early answer", async () => {
    const { routes, asked, told } = questions();
    routes.askEarly();
    await routes.route("request_for_seed", true);
    await settle();
    assert.deepEqual(asked.filter((message) => !message.ahead), [{ type: "seed-attest/route", page: "request_for_seed", refresh: true }]);
    assert.deepEqual(told, []);
  });

  test("a button that appears before the early answer waits for it instead of asking again", async () => {
    const early = deferred();
    const { routes, asked } = questions({ answer: (message) => (message.ahead ? early.promise : routeReply({ route: "install_helper" })) });
    routes.askEarly();
    const route = routes.route("request_for_seed", false);
    await settle();
    early.resolve(routeReply({ route: "contact_manager", deviceClass: "gmd" }));
    assert.equal((await route).route, "contact_manager");
    assert.equal(asked.length, 2);
  });

  test(`an answer older than ${EARLY_ANSWER_MAX_AGE_MS / 1000} s is not used`, async () => {
    const { routes, asked, clock } = questions();
    routes.askEarly();
    await settle();
    clock.now += EARLY_ANSWER_MAX_AGE_MS + 1;
    await routes.route("request_for_seed", false);
    assert.deepEqual(asked.at(-1), { type: "seed-attest/route", page: "request_for_seed", refresh: false });
  });

  test("a failed or refused early question leads to a fresh one", async () => {
    for (const failure of [() => ({ ok: false, error: "internal" }), () => Promise.reject(new Error("port closed"))]) {
      const { routes, asked, told } = questions({ answer: (message) => (message.ahead ? failure() : routeReply({ route: "contact_manager" })) });
      routes.askEarly();
      assert.equal((await routes.route("request_for_seed", false)).route, "contact_manager");
      assert.equal(asked.length, 3);
      assert.deepEqual(told, []);
    }
  });

  test("without early questions every check asks", async () => {
    const { routes, asked } = questions();
    await routes.route("onboard_device", false);
    assert.deepEqual(asked, [{ type: "seed-attest/route", page: "onboard_device", refresh: false }]);
  });
});
