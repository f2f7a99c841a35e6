// End to end in Chromium: Debian's browser, the real unpacked extension, the real seed-attest
// registered in a fresh profile, and the stand-in portal under its real name. Each scenario
// asserts what a person sees: the route mark, the annotation's text and links, the button
// enabled or locked, and whether clicks reach the portal's own handler.
// Run through run.mjs (ctest does); see tests/e2e/README.md.

import assert from "node:assert/strict";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import {
  assertAnnotated,
  clickSeedButton,
  extensionModePolicy,
  openPortalAndWaitForVerdict,
  withChromium,
  CHROMIUM_EXTENSION_ID,
} from "./lib/chromium-scenario.mjs";
import { BROKEN_POLICY_FIELD, READINESS } from "./lib/device.mjs";
import { openPopup } from "./lib/popup.mjs";
import { buttonHasVerdict, readExtensionTraces, readSeedButton } from "./lib/page-probe.mjs";
import { delay, run, waitFor } from "./lib/processes.mjs";
import { freshNonce, openSuite, OTHER_HOSTS, PORTAL_ORIGIN, portalUrl } from "./lib/suite.mjs";

const SERVICE_REQUEST_URL = "https://go.gov.sg/techpass-sr";
const PREREQUISITES_URL =
  "https://docs.developer.tech.gov.sg/docs/security-suite-for-engineering-endpoint-devices/prerequisites-for-onboarding";
const SCENARIO = { timeout: 90_000 };
const isRoot = process.getuid?.() === 0;

let suite;
before(async () => {
  suite = await openSuite("chromium");
});
after(async () => {
  await suite?.close();
});

async function keepScreenshot(locator, artifacts, name) {
  const file = path.join(artifacts, name);
  await locator.screenshot({ path: file });
  if (suite.docsImages) {
    await mkdir(suite.docsImages, { recursive: true });
    await copyFile(file, path.join(suite.docsImages, name));
  }
}

// The routes table of the contract, section 1: page state x device class -> route, plus what
// the person must be told for that row.
const ROUTES_TABLE = [
  {
    state: "request", device: "non_se_gsib", route: "request_via_portal",
    check: (snapshot) => assert.match(snapshot.annotation.text, /verified/i),
  },
  {
    state: "request", device: "se_gsib", route: "service_request",
    check: (snapshot) => {
      assert.match(snapshot.annotation.text, /service request/i);
      assert.ok(snapshot.annotation.links.some((link) => link.href === SERVICE_REQUEST_URL), "links to the service request form");
    },
  },
  {
    state: "request", device: "internet_device", route: "contact_manager",
    check: (snapshot) => assert.match(snapshot.annotation.text, /project manager or reporting officer/i),
  },
  {
    state: "request", device: "gmd", route: "contact_manager",
    check: (snapshot) => assert.match(snapshot.annotation.text, /project manager or reporting officer/i),
  },
  {
    state: "onboard", device: "internet_device", route: "onboard_device",
    check: (snapshot) => {
      assert.ok(snapshot.annotation.links.some((link) => link.href === PREREQUISITES_URL), "links to the onboarding prerequisites");
      assert.equal(snapshot.annotation.items.length, READINESS.length, `one checklist line per readiness check: ${snapshot.annotation.items}`);
      for (const [index, check] of READINESS.entries()) {
        const wanted = suite.message(check.ok ? "readiness_ok" : "readiness_not_ok", [check.title]);
        assert.ok(snapshot.annotation.items[index].startsWith(wanted), `checklist line ${index}: "${snapshot.annotation.items[index]}" starts with "${wanted}"`);
      }
    },
  },
  {
    state: "onboard", device: "non_se_gsib", route: "onboard_elsewhere",
    check: (snapshot) => assert.match(snapshot.annotation.text, /cannot be onboarded.*Internet device/i),
  },
  {
    state: "onboard", device: "se_gsib", route: "onboard_elsewhere",
    check: (snapshot) => assert.match(snapshot.annotation.text, /cannot be onboarded.*Internet device/i),
  },
  {
    state: "onboard", device: "gmd", route: "already_onboarded",
    check: (snapshot) => assert.match(snapshot.annotation.text, /already managed by SEED/i),
  },
  {
    state: "request", device: "unknown", route: "check_device",
    check: (snapshot) => {
      assert.ok(snapshot.annotation.text.includes(BROKEN_POLICY_FIELD), `says what failed (the policy field): ${snapshot.annotation.text}`);
      assert.ok(snapshot.annotation.text.includes(suite.message("check_device_retry")), "says how to retry");
      assert.equal(snapshot.annotation.hasRetry, true, "offers to check again");
    },
  },
  {
    state: "onboard", device: "unknown", route: "check_device",
    check: (snapshot) => assert.ok(snapshot.annotation.text.includes(BROKEN_POLICY_FIELD), "says what failed"),
  },
  {
    state: "request", device: "non_se_gsib", helper: false, route: "install_helper",
    check: (snapshot) => {
      assert.ok(snapshot.annotation.text.includes(suite.message("helper_reason_not_installed")), "says the helper is not installed for this browser");
      assert.match(snapshot.annotation.text, /seed-attest install/);
      assert.match(snapshot.annotation.text, /seed-attest doctor/);
      assert.equal(snapshot.annotation.hasRetry, true, "offers to check again");
    },
  },
];

describe("chromium: every row of the routes table", () => {
  for (const row of ROUTES_TABLE) {
    const helper = row.helper ?? true;
    const title = `${row.route}: ${row.state === "request" ? "Request for SEED" : "Onboard device to SEED"} on ${helper ? row.device : "a device without the helper"}`;
    test(title, SCENARIO, async (t) => {
      await withChromium(suite, t, { device: row.device, helper }, async ({ page, artifacts }) => {
        const snapshot = await openPortalAndWaitForVerdict(page, { state: row.state });
        assertAnnotated(snapshot, row.route, suite.message);
        row.check(snapshot);
        // annotate mode (the default) never locks or hides the portal's own control
        assert.equal(snapshot.button.disabled, false);
        assert.notEqual(snapshot.button.ariaDisabled, "true");
        assert.equal(await clickSeedButton(page), 1, "the click reaches the portal's own handler");
        assert.ok((await page.evaluate(readSeedButton)).submitted, "the portal shows its own response to the click");
        if (row.route === "request_via_portal") {
          await page.goto(portalUrl({ state: "request" }));
          await page.waitForFunction(buttonHasVerdict, undefined, { polling: 25 });
          await keepScreenshot(page.locator(".seed-card"), artifacts, "annotated-button.png");
        }
      });
    });
  }
});

describe("chromium: a single-page app", () => {
  test("late render: the button appears after client-side navigation and a delay", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "se_gsib" }, async ({ page }) => {
      await page.goto(portalUrl({ path: "/dashboard", delay: 1500 }));
      await delay(500);
      assert.equal((await page.evaluate(readExtensionTraces)).marked, 0, "nothing is marked before there is a button");
      await page.getByRole("link", { name: "My Account" }).click();
      await page.waitForFunction(buttonHasVerdict, undefined, { timeout: 20_000, polling: 25 });
      const snapshot = await page.evaluate(readSeedButton);
      assertAnnotated(snapshot, "service_request", suite.message);
      assert.ok(snapshot.timeline.annotatedAt >= snapshot.timeline.buttonRenderedAt, "annotated after the button appeared");
    });
  });

  test("re-render: a replaced button or section gets one annotation, never two", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "internet_device" }, async ({ page }) => {
      const first = await openPortalAndWaitForVerdict(page, { state: "request" });
      assertAnnotated(first, "contact_manager", suite.message);

      for (const scope of ["button", "section", "button"]) {
        await page.evaluate((which) => window.standIn.rerender(which), scope);
        await page.waitForFunction(buttonHasVerdict, undefined, { polling: 25 });
        await delay(200); // let any late duplicate show up
        const snapshot = await page.evaluate(readSeedButton);
        assertAnnotated(snapshot, "contact_manager", suite.message);
        assert.notEqual(snapshot.button.describedBy, null);
      }

      // The account becomes provisioned: the page now shows the other button.
      await page.evaluate(() => window.standIn.setState("onboard"));
      await page.waitForFunction(buttonHasVerdict, undefined, { polling: 25 });
      await delay(200);
      const onboard = await page.evaluate(readSeedButton);
      assert.equal(onboard.button.text, "Onboard device to SEED");
      assertAnnotated(onboard, "onboard_device", suite.message);
    });
  });

  test("a TechPass ID that does not fit the device is shown as a note", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "non_se_gsib" }, async ({ page }) => {
      const snapshot = await openPortalAndWaitForVerdict(page, { state: "request", id: "alex.tan@techpass.gov.sg" });
      assertAnnotated(snapshot, "request_via_portal", suite.message);
      const note = suite.message("id_mismatch_note", [suite.message("id_kind_vendor_internet"), suite.message("class_non_se_gsib")]);
      assert.ok(snapshot.annotation.text.includes(note), `mismatch note in: ${snapshot.annotation.text}`);
    });
  });
});

describe("chromium: other origins", () => {
  test("a page on another origin is left untouched and gets no relay answer", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "non_se_gsib" }, async ({ page }) => {
      // First the portal, so the extension and host are known to be working in this browser.
      const portal = await openPortalAndWaitForVerdict(page, { state: "request" });
      assertAnnotated(portal, "request_via_portal", suite.message);
      const verdictMs = portal.timeline.annotatedAt - portal.timeline.buttonRenderedAt;

      for (const host of OTHER_HOSTS) {
        await page.goto(portalUrl({ host, state: "request", delay: 0 }));
        await page.waitForSelector("#seed-button");
        await delay(Math.max(2000, 5 * verdictMs));
        const traces = await page.evaluate(readExtensionTraces);
        assert.deepEqual(traces, { buttonRendered: true, marked: 0, describedBy: 0, foreign: 0, statusElements: 0, disabled: false }, `untouched on ${host}`);
        assert.equal(await clickSeedButton(page), 1, `the button works as the page made it on ${host}`);
        const relay = await page.evaluate((nonce) => window.standIn.requestAttestation(nonce, 1500).then(() => "answered", () => "no answer"), freshNonce());
        assert.equal(relay, "no answer", `no attestation is offered to ${host}`);
      }
    });
  });
});

describe("chromium: enforce mode, set by the administrator's managed policy", { skip: !isRoot && "needs root to give Chromium a private /etc/chromium" }, () => {
  const enforce = extensionModePolicy("enforce");

  // Chromium reads machine policy at start; these scenarios open the portal once the extension
  // can see it, the last one right after start.
  async function policyLoaded(session) {
    const worker = await session.serviceWorker(CHROMIUM_EXTENSION_ID);
    await waitFor(() => worker.evaluate(() => chrome.storage.managed.get().then((stored) => stored.mode === "enforce")), {
      timeoutMs: 15_000,
      intervalMs: 100,
      what: "the extension to see the managed mode",
    });
  }

  async function assertLocked(page, snapshot, why) {
    assert.ok(snapshot.button.disabled || snapshot.button.ariaDisabled === "true", `the button is locked (disabled ${snapshot.button.disabled}, aria-disabled ${snapshot.button.ariaDisabled})`);
    assert.ok(snapshot.annotation.text.includes(suite.message(why)), `says why: ${snapshot.annotation.text}`);
    assert.equal(await clickSeedButton(page), 0, "a click does not reach the portal");
    await page.locator("#seed-button").focus().catch(() => {});
    await page.keyboard.press("Enter");
    await delay(150);
    assert.equal(await page.evaluate(() => window.standIn.clicks.length), 0, "neither does the keyboard");
  }

  test("enforce: locked while checking, unlocked for a verified non-SE GSIB", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "non_se_gsib", managedPolicy: enforce }, async ({ session, page }) => {
      await policyLoaded(session);
      const snapshot = await openPortalAndWaitForVerdict(page, { state: "request" });
      assertAnnotated(snapshot, "request_via_portal", suite.message);
      assert.ok(snapshot.timeline.lockedAt !== null && snapshot.timeline.lockedAt <= snapshot.timeline.annotatedAt, "the button was locked while the device was checked");
      assert.equal(snapshot.button.disabled, false, "unlocked after the verdict");
      assert.notEqual(snapshot.button.ariaDisabled, "true");
      assert.equal(await clickSeedButton(page), 1, "the click reaches the portal");
    });
  });

  test("enforce: stays locked on an Internet device, and says why", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "internet_device", managedPolicy: enforce }, async ({ session, page }) => {
      await policyLoaded(session);
      const snapshot = await openPortalAndWaitForVerdict(page, { state: "request" });
      assertAnnotated(snapshot, "contact_manager", suite.message);
      await assertLocked(page, snapshot, "lock_not_eligible");
    });
  });

  test("enforce: fails closed when the helper is missing", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "non_se_gsib", helper: false, managedPolicy: enforce }, async ({ session, page }) => {
      await policyLoaded(session);
      const snapshot = await openPortalAndWaitForVerdict(page, { state: "request" });
      assertAnnotated(snapshot, "install_helper", suite.message);
      await assertLocked(page, snapshot, "lock_helper_missing");
    });
  });

  test("enforce never locks the Onboard button", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "non_se_gsib", managedPolicy: enforce }, async ({ session, page }) => {
      await policyLoaded(session);
      const snapshot = await openPortalAndWaitForVerdict(page, { state: "onboard" });
      assertAnnotated(snapshot, "onboard_elsewhere", suite.message);
      assert.equal(snapshot.button.disabled, false);
      assert.equal(await clickSeedButton(page), 1);
    });
  });

  test("enforce holds on the first portal page after the browser starts", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "internet_device", managedPolicy: enforce }, async ({ page }) => {
      // As when the portal is the start page or a restored tab: no waiting for anything.
      const snapshot = await openPortalAndWaitForVerdict(page, { state: "request", delay: 0 });
      assertAnnotated(snapshot, "contact_manager", suite.message);
      const { annotatedAt, lockedAt } = snapshot.timeline;
      if (lockedAt === null || lockedAt > annotatedAt) {
        // Say how long the button stayed usable: when, if at all, the lock came.
        const lateLock = await waitFor(() => page.evaluate(() => window.standIn.timeline.lockedAt), { timeoutMs: 10_000 }).catch(() => null);
        t.diagnostic(`verdict at ${annotatedAt.toFixed(0)} ms after navigation with the button unlocked; ` +
          (lateLock ? `locked at ${lateLock.toFixed(0)} ms` : "still unlocked 10 s later"));
      }
      assert.ok(lockedAt !== null && lockedAt <= annotatedAt, "locked while checking, before the verdict");
      await assertLocked(page, snapshot, "lock_not_eligible");
    });
  });
});

describe("chromium: the page relay", () => {
  test("relay: the portal gets a token that seed-attest verify accepts for its nonce and origin", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "non_se_gsib" }, async ({ page, artifacts }) => {
      await openPortalAndWaitForVerdict(page, { state: "request" });
      const nonce = freshNonce();
      const reply = await page.evaluate((value) => window.standIn.requestAttestation(value, 20_000), nonce);
      assert.equal(reply.error, undefined, `the relay answered an error: ${reply.error}`);
      assert.equal(typeof reply.token, "string", "the relay answered with a token");
      assert.equal(reply.token.split(".").length, 3, "a compact JWS");
      const tokenFile = path.join(artifacts, "token.jws");
      await writeFile(tokenFile, reply.token);

      const verify = (args) => run(suite.program, ["verify", "--token", tokenFile, "--ca", path.join(suite.pkiDir, "root-ca.pem"), ...args], { allowFailure: true });
      const accepted = await verify(["--nonce", nonce, "--origin", PORTAL_ORIGIN]);
      assert.equal(accepted.code, 0, `verify accepts it for this nonce and origin: ${accepted.stdout}${accepted.stderr}`);
      const otherNonce = await verify(["--nonce", freshNonce(), "--origin", PORTAL_ORIGIN]);
      assert.equal(otherNonce.code, 1, "and rejects it for another nonce");
      const otherOrigin = await verify(["--nonce", nonce, "--origin", `https://${OTHER_HOSTS[0]}`]);
      assert.equal(otherOrigin.code, 1, "and for another origin");

      const again = await page.evaluate((value) => window.standIn.requestAttestation(value, 5000), nonce);
      assert.equal(again.token, undefined, "a nonce is answered with a token once");
    });
  });

  test("relay: a device without a device key gets no token", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "internet_device" }, async ({ page }) => {
      await openPortalAndWaitForVerdict(page, { state: "request" });
      const reply = await page.evaluate((value) => window.standIn.requestAttestation(value, 20_000), freshNonce());
      assert.equal(reply.token ?? null, null, "no token");
      assert.equal(typeof reply.error, "string", "an error says why");
    });
  });
});

describe("chromium: the popup", () => {
  test("popup on a non-portal tab shows this device's status", SCENARIO, async (t) => {
    await withChromium(suite, t, { device: "non_se_gsib" }, async ({ session, page, artifacts }) => {
      await page.goto(portalUrl({ host: OTHER_HOSTS[0], delay: 0 }));
      const popup = await openPopup(session, CHROMIUM_EXTENSION_ID);
      try {
        const wanted = [suite.message("class_non_se_gsib"), suite.message("decided_by_certificate"), suite.hostVersion, ...READINESS.map((check) => check.title)];
        const text = await popup.waitForText(wanted, { timeoutMs: 20_000 });
        t.diagnostic(`popup opened ${popup.how}`);
        for (const part of wanted) assert.ok(text.includes(part), `the popup shows "${part}"`);
        const png = await popup.screenshot();
        assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
        await writeFile(path.join(artifacts, "popup.png"), png);
        if (suite.docsImages) await writeFile(path.join(suite.docsImages, "popup.png"), png);
      } finally {
        await popup.close();
      }
    });
  });
});

describe("chromium: timing", () => {
  const ROUNDS = 3;
  const WARM_RUNS = 5;
  for (let round = 1; round <= ROUNDS; round += 1) {
    test(`timing round ${round}: navigation -> annotation, first run, warm, then cold after a restart`, SCENARIO, async (t) => {
      await withChromium(suite, t, { device: "non_se_gsib" }, async ({ session, page, relaunch }) => {
        const measure = async (kind, onPage) => {
          const snapshot = await openPortalAndWaitForVerdict(onPage, { state: "request", delay: 0 });
          assert.equal(snapshot.button.route, "request_via_portal", `the ${kind} verdict (annotation: ${snapshot.annotation?.text})`);
          // Where the page's own part of the time goes: the response, the parse, the button.
          const page = await onPage.evaluate(() => {
            const entry = performance.getEntriesByType("navigation")[0];
            return { responseEnd: entry?.responseEnd ?? null, domContentLoaded: entry?.domContentLoadedEventEnd ?? null };
          });
          const sample = {
            browser: "chromium",
            kind,
            round,
            navigationToAnnotationMs: tenths(snapshot.timeline.annotatedAt),
            buttonToAnnotationMs: tenths(snapshot.timeline.annotatedAt - snapshot.timeline.buttonRenderedAt),
            navigationToButtonMs: tenths(snapshot.timeline.buttonRenderedAt),
            navigationToResponseEndMs: page.responseEnd === null ? null : tenths(page.responseEnd),
            navigationToDomContentLoadedMs: page.domContentLoaded === null ? null : tenths(page.domContentLoaded),
          };
          suite.recordTiming(sample);
          t.diagnostic(`${kind}: navigation -> annotation ${sample.navigationToAnnotationMs} ms (response ${sample.navigationToResponseEndMs} ms, ` +
            `DOMContentLoaded ${sample.navigationToDomContentLoadedMs} ms, button ${sample.navigationToButtonMs} ms, button -> annotation ${sample.buttonToAnnotationMs} ms)`);
        };
        // Without a running worker: it starts once when the extension loads, and is then stopped
        // as Chromium stops an idle one.
        const stopWorker = async (browser) => {
          assert.ok(await browser.runningServiceWorker(CHROMIUM_EXTENSION_ID, 15_000), "the service worker started with the browser");
          assert.equal(await browser.stopServiceWorkers(CHROMIUM_EXTENSION_ID), true, "the service worker was stopped");
        };

        await stopWorker(session);
        await measure("first_run", page);
        for (let i = 0; i < WARM_RUNS; i += 1) await measure("warm", page);
        const restarted = await relaunch();
        await stopWorker(restarted.session);
        await measure("cold", restarted.page);
      });
    });
  }
});

function tenths(value) {
  return Math.round(value * 10) / 10;
}
