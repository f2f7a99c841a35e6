// One Chromium scenario: a fresh profile, the device and policy it needs, the host registered
// (or not), a browser with the real extension, and the browser stopped afterwards whatever
// happens. Failures leave a screenshot and the browser's log in the artifacts folder.

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { launchChromium } from "./chromium.mjs";
import { prepareDevice } from "./device.mjs";
import { CHROMIUM_EXTENSION_ID, registerHost } from "./host-registration.mjs";
import { buttonHasVerdict, readSeedButton } from "./page-probe.mjs";
import { makeProfile } from "./profile.mjs";
import { portalUrl, slug } from "./suite.mjs";

export { CHROMIUM_EXTENSION_ID };

/** The managed policy an administrator sets for the extension (storage.managed `mode`). */
export function extensionModePolicy(mode) {
  return { "3rdparty": { extensions: { [CHROMIUM_EXTENSION_ID]: { mode } } } };
}

/**
 * @param {object} suite  from openSuite("chromium")
 * @param {import("node:test").TestContext} t
 * @param {{device: string, helper?: boolean, managedPolicy?: object}} options
 * @param {(scenario: {session: object, page: import("playwright-core").Page, profile: object, artifacts: string,
 *   relaunch: () => Promise<{session: object, page: import("playwright-core").Page}>}) => Promise<void>} body
 */
export async function withChromium(suite, t, { device, helper = true, managedPolicy }, body) {
  const name = slug(t.name);
  const profile = await makeProfile(suite.work, suite.nextProfileName(), { nssDatabase: suite.nssDatabase });
  profile.env.SEED_ATTEST_POLICY = await prepareDevice(profile.dir, device, suite.pkiDir);
  if (helper) {
    await registerHost({ program: suite.program, profile, browser: "chromium" });
  }
  const artifacts = path.join(suite.artifacts, name);
  await mkdir(artifacts, { recursive: true });
  let launches = 0;
  const launch = () => {
    launches += 1;
    return launchChromium({
      profile,
      extensionDir: suite.extensionDir,
      hostMap: suite.hostMap,
      managedPolicy,
      logFile: path.join(artifacts, launches === 1 ? "chromium.log" : `chromium-${launches}.log`),
    });
  };
  let session = await launch();
  let page;
  // Stops the browser and starts it again on the same profile, as after a restart.
  const relaunch = async () => {
    await session.close();
    session = await launch();
    page = await session.newPage();
    return { session, page };
  };
  try {
    page = await session.newPage();
    await body({ session, page, profile, artifacts, relaunch });
  } catch (error) {
    if (page) await page.screenshot({ path: path.join(artifacts, "failure.png"), fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await session.close();
  }
}

/** Opens the stand-in's My Account page and waits until the extension has given its verdict. */
export async function openPortalAndWaitForVerdict(page, urlOptions = {}, { timeoutMs = 20_000 } = {}) {
  await page.goto(portalUrl(urlOptions));
  await page.waitForFunction(buttonHasVerdict, undefined, { timeout: timeoutMs, polling: 25 });
  return page.evaluate(readSeedButton);
}

/** The checks every annotated button must pass, whatever its route. */
export function assertAnnotated(snapshot, route, message) {
  assert.equal(snapshot.button?.route, route, `route of the button (annotation: ${snapshot.annotation?.text})`);
  assert.equal(snapshot.buttons, 1, "exactly one SEED button on the page");
  assert.equal(snapshot.button.visible, true, "the portal's button stays visible");
  assert.ok(snapshot.annotation, "the button's aria-describedby names the annotation");
  assert.equal(snapshot.annotation.role, "status");
  assert.equal(snapshot.annotation.visible, true, "the annotation is visible");
  assert.equal(snapshot.annotation.nextToButton, true, "the annotation sits next to the button");
  assert.equal(snapshot.statusElements, 1, "one button, one annotation");
  assert.ok(snapshot.annotation.text.includes(message(`route_${route}`)), `annotation says the ${route} message: ${snapshot.annotation.text}`);
}

/** A real mouse click on the portal's button; returns how many clicks its own handler saw. */
export async function clickSeedButton(page) {
  const box = await page.locator("#seed-button").boundingBox();
  assert.ok(box, "the button has a box to click");
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(150);
  return page.evaluate(() => window.standIn.clicks.length);
}
