// End to end in Firefox ESR: the same extension installed as a temporary add-on over WebDriver
// BiDi, the real seed-attest registered through the Firefox host manifest
// (~/.mozilla/native-messaging-hosts, allowed_extensions), and the stand-in portal reached
// under its real name through the suite's CONNECT proxy. Run through run.mjs (ctest does).

import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { prepareDevice } from "./lib/device.mjs";
import { launchFirefox } from "./lib/firefox.mjs";
import { FIREFOX_ADDON_ID, registerHost } from "./lib/host-registration.mjs";
import { buttonHasVerdict, readSeedButton } from "./lib/page-probe.mjs";
import { makeProfile } from "./lib/profile.mjs";
import { delay, waitFor } from "./lib/processes.mjs";
import { openSuite, portalUrl, slug } from "./lib/suite.mjs";

const SCENARIO = { timeout: 120_000 };

let suite;
before(async () => {
  suite = await openSuite("firefox");
});
after(async () => {
  await suite?.close();
});

async function withFirefox(t, { device, helper = true }, body) {
  const name = slug(t.name);
  const profile = await makeProfile(suite.work, suite.nextProfileName());
  profile.env.SEED_ATTEST_POLICY = await prepareDevice(profile.dir, device, suite.pkiDir);
  if (helper) {
    await registerHost({ program: suite.program, profile, browser: "firefox" });
  }
  const artifacts = path.join(suite.artifacts, name);
  await mkdir(artifacts, { recursive: true });
  const firefox = await launchFirefox({
    profile,
    extensionDir: suite.extensionDir,
    proxyPort: suite.proxyPort,
    caCertificate: suite.tls.caCertificate,
    logFile: path.join(artifacts, "firefox.log"),
  });
  try {
    assert.equal(firefox.extensionId, FIREFOX_ADDON_ID, "the add-on installs under its fixed ID");
    await body(firefox);
  } catch (error) {
    await firefox.screenshot().then((png) => writeFile(path.join(artifacts, "failure.png"), png)).catch(() => {});
    throw error;
  } finally {
    await firefox.close();
  }
}

async function openPortalAndWaitForVerdict(firefox, urlOptions) {
  await firefox.goto(portalUrl(urlOptions));
  await waitFor(() => firefox.evaluate(buttonHasVerdict), { timeoutMs: 20_000, intervalMs: 25, what: "the extension's verdict on the button" });
  return firefox.evaluate(readSeedButton);
}

function assertAnnotated(snapshot, route) {
  assert.equal(snapshot.button?.route, route, `route of the button (annotation: ${snapshot.annotation?.text})`);
  assert.ok(snapshot.annotation, "the button's aria-describedby names the annotation");
  assert.equal(snapshot.annotation.role, "status");
  assert.equal(snapshot.annotation.visible, true);
  assert.equal(snapshot.statusElements, 1, "one button, one annotation");
  assert.ok(snapshot.annotation.text.includes(suite.message(`route_${route}`)), `annotation says the ${route} message: ${snapshot.annotation.text}`);
}

describe("firefox", () => {
  test("request_via_portal: Request for SEED on a non-SE GSIB, first run then warm", SCENARIO, async (t) => {
    await withFirefox(t, { device: "non_se_gsib" }, async (firefox) => {
      const measure = async (kind) => {
        const snapshot = await openPortalAndWaitForVerdict(firefox, { state: "request", delay: 0 });
        assertAnnotated(snapshot, "request_via_portal");
        const sample = {
          browser: "firefox",
          kind,
          navigationToAnnotationMs: Math.round(snapshot.timeline.annotatedAt * 10) / 10,
          buttonToAnnotationMs: Math.round((snapshot.timeline.annotatedAt - snapshot.timeline.buttonRenderedAt) * 10) / 10,
        };
        suite.recordTiming(sample);
        t.diagnostic(`${kind}: navigation -> annotation ${sample.navigationToAnnotationMs} ms`);
        return snapshot;
      };
      const first = await measure("first_run");
      assert.match(first.annotation.text, /verified/i);
      assert.equal(first.button.disabled, false);
      for (let i = 0; i < 3; i += 1) await measure("warm");

      await firefox.click("#seed-button");
      await delay(150);
      assert.equal(await firefox.evaluate(() => window.standIn.clicks.length), 1, "the click reaches the portal's own handler");
    });
  });

  test("install_helper: no host manifest for Firefox", SCENARIO, async (t) => {
    await withFirefox(t, { device: "non_se_gsib", helper: false }, async (firefox) => {
      const snapshot = await openPortalAndWaitForVerdict(firefox, { state: "request" });
      assertAnnotated(snapshot, "install_helper");
      assert.match(snapshot.annotation.text, /seed-attest doctor/);
      assert.equal(snapshot.button.disabled, false, "annotate mode leaves the button usable");
    });
  });
});
