import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { PREREQUISITES_URL, SERVICE_REQUEST_URL } from "../../../extension/src/shared/constants.js";
import { describeRoute, routeFor, unlocksRequest } from "../../../extension/src/shared/routes.js";
import { catalog } from "../support/i18n.js";

const REQUEST = "request_for_seed";
const ONBOARD = "onboard_device";
const CONNECTED = { available: true };

// The routes table of design contract section 1, row by row.
const TABLE = [
  [REQUEST, "non_se_gsib", "request_via_portal", []],
  [REQUEST, "se_gsib", "service_request", [SERVICE_REQUEST_URL]],
  [REQUEST, "internet_device", "contact_manager", []],
  [REQUEST, "gmd", "contact_manager", []],
  [ONBOARD, "internet_device", "onboard_device", [PREREQUISITES_URL]],
  [ONBOARD, "non_se_gsib", "onboard_elsewhere", []],
  [ONBOARD, "se_gsib", "onboard_elsewhere", []],
  [ONBOARD, "gmd", "already_onboarded", []],
  [REQUEST, "unknown", "check_device", []],
  [ONBOARD, "unknown", "check_device", []],
];

describe("routes table", () => {
  for (const [page, deviceClass, route, urls] of TABLE) {
    test(`${page} × ${deviceClass} → ${route}`, () => {
      const result = routeFor({ page, deviceClass, helper: CONNECTED });
      assert.equal(result.route, route);
      assert.equal(result.messageKey, `route_${route}`);
      assert.deepEqual(
        result.links.map((link) => link.url),
        urls,
      );
    });
  }

  for (const page of [REQUEST, ONBOARD]) {
    for (const deviceClass of ["non_se_gsib", "se_gsib", "gmd", "internet_device", "unknown", null]) {
      test(`${page} × ${deviceClass} with the helper missing → install_helper`, () => {
        const result = routeFor({ page, deviceClass, helper: { available: false, reason: "not_installed" } });
        assert.equal(result.route, "install_helper");
        assert.equal(result.detailKey, "helper_reason_not_installed");
      });
    }
  }

  test("the helper answering without a status (host error) is check_device, with retry advice", () => {
    const result = routeFor({ page: REQUEST, deviceClass: null, helper: CONNECTED });
    assert.equal(result.route, "check_device");
    assert.equal(result.detailKey, "check_device_retry");
  });

  test("a class this extension does not know is check_device, never a guess", () => {
    assert.equal(routeFor({ page: REQUEST, deviceClass: "toString", helper: CONNECTED }).route, "check_device");
    assert.equal(routeFor({ page: ONBOARD, deviceClass: "laptop", helper: CONNECTED }).route, "check_device");
  });

  test("an unknown helper reason falls back to the generic advice", () => {
    const result = routeFor({ page: REQUEST, deviceClass: null, helper: { available: false, reason: "bogus" } });
    assert.equal(result.detailKey, "helper_reason_unknown");
    assert.equal(routeFor({ page: REQUEST, deviceClass: "non_se_gsib", helper: undefined }).route, "install_helper");
  });

  test("an unknown page state is a programming error", () => {
    assert.throws(() => routeFor({ page: "profile", deviceClass: "gmd", helper: CONNECTED }), TypeError);
    assert.throws(() => describeRoute("somewhere"), TypeError);
  });

  test("only request_via_portal unlocks the Request button", () => {
    const unlocking = TABLE.map((row) => row[2]).filter(unlocksRequest);
    assert.deepEqual([...new Set(unlocking)], ["request_via_portal"]);
    assert.equal(unlocksRequest("install_helper"), false);
  });

  test("every route's message and link label exists in the English catalogue", () => {
    for (const [page, deviceClass] of TABLE) {
      const result = routeFor({ page, deviceClass, helper: CONNECTED });
      assert.ok(catalog[result.messageKey], result.messageKey);
      for (const link of result.links) assert.ok(catalog[link.labelKey], link.labelKey);
    }
    assert.ok(catalog.route_install_helper);
  });

  test("links are copies: a caller cannot change the table", () => {
    const first = routeFor({ page: REQUEST, deviceClass: "se_gsib", helper: CONNECTED });
    first.links[0].url = "https://evil.example/";
    assert.equal(routeFor({ page: REQUEST, deviceClass: "se_gsib", helper: CONNECTED }).links[0].url, SERVICE_REQUEST_URL);
  });
});
