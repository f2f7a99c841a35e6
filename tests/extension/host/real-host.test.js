// The extension's background code against the real seed-attest program, started the way each
// browser starts it. This is where the ID derived from the manifest's key meets the host's
// built-in allow-list, and where the host's replies meet the extension's validators.
//
// ctest passes the built program in SEED_ATTEST_BINARY; run by hand without it, the suite is skipped.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { after, describe, test } from "node:test";

import { HelperUnavailable, HostError, NativeHostConnection } from "../../../extension/src/background/native-connection.js";
import { NONCE } from "../support/fixtures.js";
import { readJson } from "../support/repo.js";
import { allExited, stdioHost } from "../support/stdio-port.js";

const binary = process.env.SEED_ATTEST_BINARY;
const manifest = readJson("extension/manifest.json");
const chromiumId = [...createHash("sha256").update(Buffer.from(manifest.key, "base64")).digest("hex").slice(0, 32)]
  .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
  .join("");
const firefoxId = manifest.browser_specific_settings.gecko.id;
const hostManifestPath = "/usr/lib/mozilla/native-messaging-hosts/sg.techpass.seed_attest.json";

const started = [];
after(() => allExited(started.flat()));

function connectionAs(args) {
  const host = stdioHost(binary, args);
  started.push(host.children);
  return new NativeHostConnection({ connect: host.connect });
}

const skip = binary ? false : "SEED_ATTEST_BINARY is not set (ctest sets it)";

describe("the real host", { skip }, () => {
  test("the program exists", () => assert.ok(existsSync(binary), binary));

  test("the host manifests name the IDs the extension has", () => {
    assert.deepEqual(readJson("manifests/chromium-host.json").allowed_origins, [`chrome-extension://${chromiumId}/`]);
    assert.deepEqual(readJson("manifests/firefox-host.json").allowed_extensions, [firefoxId]);
  });

  test("accepts this extension started by Chromium (ID from the manifest key)", async () => {
    const connection = connectionAs([`chrome-extension://${chromiumId}/`]);
    await connection.request("ping");
    assert.match(connection.hostInfo.hostVersion, /^\d+\.\d+\.\d+/);
    assert.ok(connection.hostInfo.capabilities.includes("status"));
    connection.close();
  });

  test("accepts this extension started by Chromium on Windows (with --parent-window)", async () => {
    const connection = connectionAs([`chrome-extension://${chromiumId}/`, "--parent-window=0"]);
    await connection.request("ping");
    connection.close();
  });

  test("accepts this add-on started by Firefox", async () => {
    const connection = connectionAs([hostManifestPath, firefoxId]);
    await connection.request("ping");
    connection.close();
  });

  for (const [name, args] of [
    ["another Chromium extension", ["chrome-extension://abcdefghijklmnopabcdefghijklmnop/"]],
    ["a Chromium ID one letter off", [`chrome-extension://${chromiumId.slice(0, -1)}a/`]],
    ["another Firefox add-on", [hostManifestPath, "someone-else@example.com"]],
  ]) {
    test(`refuses ${name}: the extension reads it as caller_refused`, async () => {
      const connection = connectionAs(args);
      await assert.rejects(connection.request("ping"), (error) => {
        assert.ok(error instanceof HelperUnavailable, String(error));
        assert.equal(error.reason, "caller_refused");
        return true;
      });
    });
  }

  test("its status reply passes the extension's validation", async (t) => {
    const connection = connectionAs([`chrome-extension://${chromiumId}/`]);
    try {
      const status = await connection.request("status", { refresh: false });
      assert.ok(["non_se_gsib", "se_gsib", "gmd", "internet_device", "unknown"].includes(status.deviceClass));
      assert.ok(status.policy.source.length > 0, "the report names its policy");
    } catch (error) {
      if (error instanceof HostError && error.code === "unknown_type") {
        t.skip("this build of the host does not evaluate status yet");
        return;
      }
      throw error;
    } finally {
      connection.close();
    }
  });

  test("its attest reply passes the extension's validation", async (t) => {
    const connection = connectionAs([`chrome-extension://${chromiumId}/`]);
    try {
      const reply = await connection.request("attest", { nonce: NONCE, origin: "https://portal.techpass.gov.sg" });
      assert.ok(reply.token !== null || typeof reply.tokenError === "string");
    } catch (error) {
      if (error instanceof HostError && error.code === "unknown_type") {
        t.skip("this build of the host does not attest yet");
        return;
      }
      throw error;
    } finally {
      connection.close();
    }
  });
});
