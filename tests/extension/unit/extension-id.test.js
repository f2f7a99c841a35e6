// The Chromium extension ID follows from the manifest's public key (docs/EXTENSION-ID.md): the
// first 32 hex digits of SHA-256 over the DER key, each mapped 0-9a-f -> a-p. The host has the
// same ID built in; this test keeps the two from drifting apart.

import assert from "node:assert/strict";
import { createHash, createPublicKey } from "node:crypto";
import { test } from "node:test";

import { readJson, readText } from "../support/repo.js";

function extensionIdFromKey(base64Key) {
  const der = Buffer.from(base64Key, "base64");
  const hex = createHash("sha256").update(der).digest("hex").slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode("a".charCodeAt(0) + Number.parseInt(digit, 16))).join("");
}

const manifest = readJson("extension/manifest.json");
const identity = readText("host/src/common/identity.hpp");

test("the manifest key is an RSA public key (SubjectPublicKeyInfo DER), no private part", () => {
  const key = createPublicKey({ key: Buffer.from(manifest.key, "base64"), format: "der", type: "spki" });
  assert.equal(key.asymmetricKeyType, "rsa");
  assert.ok(key.asymmetricKeyDetails.modulusLength >= 2048);
});

test("the ID computed from the key is the one built into the host", () => {
  const id = extensionIdFromKey(manifest.key);
  assert.equal(id, "mmcnnnkjjcnbfgnfpdijcfnhicplpoak");
  assert.match(identity, new RegExp(`kChromiumExtensionId = "${id}"`));
  assert.match(identity, new RegExp(`kChromiumExtensionOrigin =\\s*"chrome-extension://${id}/"`));
});

test("the Firefox add-on ID is the one built into the host", () => {
  const geckoId = manifest.browser_specific_settings.gecko.id;
  assert.match(identity, new RegExp(`kFirefoxAddonId = "${geckoId.replace(/[.@]/g, "\\$&")}"`));
});

test("the documented ID matches", () => {
  assert.match(readText("docs/EXTENSION-ID.md"), /mmcnnnkjjcnbfgnfpdijcfnhicplpoak/);
});
