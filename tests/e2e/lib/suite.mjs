// What every scenario of one browser shares: the options run.mjs passed, the test PKI, the
// stand-in portal's TLS and server, and the artifacts folder. Built once per browser suite.

import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startConnectProxy } from "./connect-proxy.mjs";
import { loadMessages } from "./extension-messages.mjs";
import { startPortalServer } from "./portal-server.mjs";
import { run } from "./processes.mjs";
import { makeServerCertificates, trustInNssDatabase } from "./tls.mjs";

export const REPOSITORY = fileURLToPath(new URL("../../../", import.meta.url));
export const PORTAL_HOST = "portal.techpass.gov.sg";
export const PORTAL_ORIGIN = `https://${PORTAL_HOST}`;
// A sibling on the same domain and a look-alike: the extension must leave both alone.
export const OTHER_HOSTS = Object.freeze(["docs.techpass.gov.sg", "portal.techpass.gov.sg.example.com"]);

// What each kind of navigation -> annotation sample means (timing.json carries this too).
export const TIMING_KINDS = Object.freeze({
  first_run: "a new profile: nothing remembered yet, no service worker, no host process",
  cold: "the browser restarted on that profile: no service worker, no host process",
  warm: "the next navigations in the same browser: service worker and host running",
});

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through tests/e2e/run.mjs (ctest does)`);
  return value;
}

/**
 * @param {"chromium"|"firefox"} browser
 */
export async function openSuite(browser) {
  const program = required("SEED_E2E_PROGRAM");
  const work = path.join(required("SEED_E2E_WORK"), browser);
  const artifacts = path.join(required("SEED_E2E_ARTIFACTS"), browser);
  const extensionDir = process.env.SEED_E2E_EXTENSION ?? path.join(REPOSITORY, "extension");
  await rm(artifacts, { recursive: true, force: true });
  await mkdir(artifacts, { recursive: true });
  await mkdir(work, { recursive: true });

  const pkiDir = path.join(work, "pki");
  await run(required("SEED_E2E_MAKE_TEST_PKI"), [pkiDir]);
  const tls = await makeServerCertificates(path.join(work, "tls"), [PORTAL_HOST, ...OTHER_HOSTS]);
  const nssDatabase = path.join(work, "nssdb");
  await trustInNssDatabase(nssDatabase, tls.caCertificate);
  const server = await startPortalServer(tls);
  const proxy = browser === "firefox" ? await startConnectProxy([PORTAL_HOST, ...OTHER_HOSTS], server.port) : null;
  const { stdout: version } = await run(program, ["--version"]);

  const hostMap = Object.fromEntries([PORTAL_HOST, ...OTHER_HOSTS].map((host) => [host, server.port]));
  const timings = [];
  let profiles = 0;
  return {
    browser,
    program,
    hostVersion: version.trim().split(/\s+/).pop(),
    work,
    artifacts,
    extensionDir,
    message: loadMessages(extensionDir),
    pkiDir,
    tls,
    nssDatabase,
    hostMap,
    proxyPort: proxy?.port,
    // docs/images is refreshed from a run only when asked (SEED_E2E_UPDATE_DOCS=1).
    docsImages: process.env.SEED_E2E_UPDATE_DOCS === "1" ? path.join(REPOSITORY, "docs", "images") : null,
    // Short folder names: Chromium's singleton socket path under TMPDIR must fit in 108 bytes.
    nextProfileName() {
      profiles += 1;
      return `p${String(profiles).padStart(2, "0")}`;
    },
    recordTiming(sample) {
      timings.push(sample);
    },
    async close() {
      await writeFile(path.join(artifacts, "timing.json"), `${JSON.stringify({ browser, kinds: TIMING_KINDS, samples: timings }, null, 2)}\n`);
      await proxy?.close();
      await server.close();
    },
  };
}

/** A page URL on the stand-in: `state` request|onboard, `delay` ms before the button appears. */
export function portalUrl({ host = PORTAL_HOST, path: pagePath = "/my-account", state = "request", delay = 300, id } = {}) {
  const query = new URLSearchParams({ state, delay: String(delay) });
  if (id) query.set("id", id);
  return `https://${host}${pagePath}?${query}`;
}

/** A base64url nonce of 32 random bytes, as a portal server would issue. */
export function freshNonce() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

/** A folder name for a test's title. */
export function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
}
