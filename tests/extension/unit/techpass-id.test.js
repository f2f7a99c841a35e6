import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { findTechpassId, techpassIdHint, techpassIdKind } from "../../../extension/src/shared/techpass-id.js";

describe("TechPass ID kind", () => {
  const cases = [
    ["tan_ah_kow@tech.gov.sg", "public_officer"],
    ["Jane.Lim@MOH.GOV.SG", "public_officer"],
    ["someone@mindef.defence.gov.sg", "public_officer"],
    ["john_from.acme@tech.gov.sg", "vendor_gsib"],
    ["mary.ong_from.big-vendor@hdb.gov.sg", "vendor_gsib"],
    ["vendor.dev@techpass.gov.sg", "vendor_internet"],
    ["x_from.acme@techpass.gov.sg", "vendor_internet"],
    ["  padded@tech.gov.sg  ", "public_officer"],
  ];
  for (const [id, kind] of cases) {
    test(`${id.trim()} is ${kind}`, () => assert.equal(techpassIdKind(id), kind));
  }

  for (const id of ["someone@gmail.com", "someone@gov.sg.evil.com", "@tech.gov.sg", "no-at-sign", "", null, 42, "a@b@tech.gov.sg", `${"a".repeat(300)}@tech.gov.sg`]) {
    test(`${JSON.stringify(id)?.slice(0, 30)} is not a TechPass ID`, () => assert.equal(techpassIdKind(id), null));
  }
});

describe("TechPass ID hint", () => {
  test("a vendor's Internet-device ID on a GSIB is a mismatch on either page", () => {
    for (const page of ["request_for_seed", "onboard_device"]) {
      for (const deviceClass of ["non_se_gsib", "se_gsib"]) {
        assert.deepEqual(techpassIdHint("dev@techpass.gov.sg", deviceClass, page), { kind: "vendor_internet", mismatch: true });
      }
    }
  });

  test("a vendor's Internet-device ID on an Internet device or GMD is consistent", () => {
    for (const deviceClass of ["internet_device", "gmd"]) {
      assert.equal(techpassIdHint("dev@techpass.gov.sg", deviceClass, "request_for_seed").mismatch, false);
    }
  });

  test("a vendor's GSIB ID asking for SEED from a non-GSIB is a mismatch", () => {
    for (const deviceClass of ["internet_device", "gmd"]) {
      assert.deepEqual(techpassIdHint("li_from.acme@tech.gov.sg", deviceClass, "request_for_seed"), {
        kind: "vendor_gsib",
        mismatch: true,
      });
    }
    assert.equal(techpassIdHint("li_from.acme@tech.gov.sg", "non_se_gsib", "request_for_seed").mismatch, false);
  });

  test("onboarding an Internet device is expected of a vendor with a GSIB ID", () => {
    assert.equal(techpassIdHint("li_from.acme@tech.gov.sg", "internet_device", "onboard_device").mismatch, false);
  });

  test("public officers use every kind of device", () => {
    for (const deviceClass of ["non_se_gsib", "se_gsib", "gmd", "internet_device"]) {
      assert.equal(techpassIdHint("po@tech.gov.sg", deviceClass, "request_for_seed").mismatch, false);
    }
  });

  test("no ID, or an unknown class, gives no note", () => {
    assert.deepEqual(techpassIdHint(null, "non_se_gsib", "request_for_seed"), { kind: null, mismatch: false });
    assert.equal(techpassIdHint("dev@techpass.gov.sg", "unknown", "request_for_seed").mismatch, false);
  });
});

describe("TechPass ID in page text", () => {
  test("finds the first gov.sg address", () => {
    assert.equal(findTechpassId("Signed in as  dev@techpass.gov.sg  | Log out"), "dev@techpass.gov.sg");
    assert.equal(findTechpassId("Contact help@support.com or li_from.acme@tech.gov.sg"), "li_from.acme@tech.gov.sg");
  });
  test("ignores other addresses and non-text", () => {
    assert.equal(findTechpassId("write to help@example.com"), null);
    assert.equal(findTechpassId(undefined), null);
  });
});
