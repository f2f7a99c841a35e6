// Independent verification: tokens made by the real seed-attest over the native-messaging protocol
// are verified by `jose`, a mainstream JOSE library, and the x5c chain by Node's own X.509 code.
//
// Run by ctest (tests/host/integration/token/CMakeLists.txt) with SEED_ATTEST_BINARY and
// SEED_ATTEST_MAKE_TEST_PKI naming the built programs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compactVerify, decodeProtectedHeader, importX509, jwtVerify } from "jose";

const host = process.env.SEED_ATTEST_BINARY;
const makeTestPki = process.env.SEED_ATTEST_MAKE_TEST_PKI;
assert.ok(host && makeTestPki, "SEED_ATTEST_BINARY and SEED_ATTEST_MAKE_TEST_PKI must name the built programs");

const PORTAL = "https://portal.techpass.gov.sg";
const NONCE = "AAECAwQFBgcICQoLDA0ODw";
const CALLER = "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/";
const NON_SE_OID = "1.3.6.1.4.1.99999.1.1";

const workdir = mkdtempSync(path.join(tmpdir(), "seed-attest-jose-"));
process.on("exit", () => rmSync(workdir, { recursive: true, force: true }));
const pki = path.join(workdir, "pki");
execFileSync(makeTestPki, [pki]);
const pem = (name) => readFileSync(path.join(pki, `${name}.pem`), "utf8");

function policyFor(device) {
  const file = path.join(workdir, `${device}.policy.json`);
  writeFileSync(file, JSON.stringify({
    version: 1,
    probes: [{
      id: "gsib-cert", kind: "device_certificate",
      certificate: path.join(pki, `${device}.pem`), key: path.join(pki, `${device}.key`),
      anchors: [path.join(pki, "root-ca.pem")], intermediates: [path.join(pki, "issuing-ca.pem")],
      policy_oids: [NON_SE_OID], subject: { OU: "^GSIB" },
    }],
    classes: [{ class: "non_se_gsib", any: ["gsib-cert"] }],
    default: "internet_device",
  }));
  return file;
}

// One attest request to the real host, started as our Chromium extension's browser would.
function attest(device) {
  return new Promise((resolve, reject) => {
    const child = spawn(host, [CALLER], {
      env: { ...process.env, SEED_ATTEST_POLICY: policyFor(device) },
      stdio: ["pipe", "pipe", "inherit"],
    });
    const timer = setTimeout(() => { child.kill(); reject(new Error("no reply within 30 s")); }, 30_000);
    let buffered = Buffer.alloc(0);
    child.stdout.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length >= 4 && buffered.length >= 4 + buffered.readUInt32LE(0)) {
        clearTimeout(timer);
        child.stdin.end();
        resolve(JSON.parse(buffered.subarray(4, 4 + buffered.readUInt32LE(0)).toString("utf8")));
      }
    });
    child.on("error", reject);
    const body = Buffer.from(JSON.stringify({ type: "attest", nonce: NONCE, origin: PORTAL }));
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32LE(body.length);  // native byte order on the little-endian machines we test on
    child.stdin.write(Buffer.concat([prefix, body]));
  });
}

const derToPem = (base64) => `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g).join("\n")}\n-----END CERTIFICATE-----\n`;

// The chain check a portal would do with Node alone: each certificate signed by the next, the last
// by the agency root, all valid now.
function checkChain(x5c) {
  const chain = x5c.map((der) => new X509Certificate(Buffer.from(der, "base64")));
  const root = new X509Certificate(pem("root-ca"));
  const now = Date.now();
  [...chain, root].forEach((certificate, i, all) => {
    assert.ok(Date.parse(certificate.validFrom) <= now && now <= Date.parse(certificate.validTo), `x5c[${i}] is valid now`);
    const issuer = all[Math.min(i + 1, all.length - 1)];
    assert.ok(certificate.verify(issuer.publicKey), `x5c[${i}] is signed by its issuer`);
  });
  return chain[0];
}

for (const [device, alg] of [["device-non-se", "ES256"], ["device-rsa", "RS256"]]) {
  test(`jose verifies an ${alg} token from ${device}`, async () => {
    const reply = await attest(device);
    assert.equal(reply.type, "attest");
    assert.equal(typeof reply.token, "string", `token_error: ${reply.token_error}`);

    const header = decodeProtectedHeader(reply.token);
    assert.equal(header.alg, alg);
    assert.equal(header.typ, "seed-attest+jwt");
    const leaf = checkChain(header.x5c);

    const key = await importX509(derToPem(header.x5c[0]), alg);
    const { payload, protectedHeader } = await jwtVerify(reply.token, key, {
      algorithms: [alg], issuer: "seed-attest", audience: PORTAL, typ: "seed-attest+jwt", maxTokenAge: "300s",
    });
    assert.equal(protectedHeader.alg, alg);
    assert.equal(payload.nonce, NONCE);
    assert.equal(payload.sub, leaf.serialNumber.toLowerCase());
    assert.equal(payload.exp - payload.iat, 300);
    assert.equal(payload.device_class, "non_se_gsib");
    assert.equal(payload.decided_by, "certificate");
    assert.equal(payload.caller, CALLER);
    assert.equal(payload.policy_sha256, reply.policy.sha256);
    assert.match(payload.host_version, /^\d+\.\d+\.\d+/);

    // The same library refuses the token once its payload changes: the check above is not vacuous.
    const [h, , s] = reply.token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...payload, device_class: "se_gsib" })).toString("base64url");
    await assert.rejects(compactVerify(`${h}.${forged}.${s}`, key), { code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
  });
}
