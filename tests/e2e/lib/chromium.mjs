// Debian's Chromium with the real unpacked extension, driven through playwright-core over CDP.
// The suite starts the browser itself (in its own process group, see processes.mjs) so that it
// can be stopped for certain, and, for managed policies, inside a private mount namespace.

import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startGroup, waitFor } from "./processes.mjs";

export const CHROMIUM_BINARY = process.env.SEED_E2E_CHROMIUM ?? "/usr/lib/chromium/chromium";
const POLICY_NAMESPACE = fileURLToPath(new URL("./chromium-policy-namespace.mjs", import.meta.url));

// Headless, offline and quiet; --no-sandbox because the suite may run as root (CI does).
const BASE_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--password-store=basic",
  "--enable-logging=stderr",
  "--window-size=1100,800",
];

/**
 * @param {object} options
 * @param {{home: string, env: Record<string,string>, file: Function}} options.profile
 * @param {string} options.extensionDir
 * @param {Record<string, number>} options.hostMap   host name -> local port (--host-resolver-rules)
 * @param {object} [options.managedPolicy]  a Chromium policy document, applied as the machine's
 *   managed policy (needs root for the mount namespace)
 * @param {string} options.logFile  Chromium's (and so the native host's) stderr
 */
export async function launchChromium({ profile, extensionDir, hostMap, managedPolicy, logFile }) {
  // The default Chromium profile folder, where `seed-attest install --browser chromium` writes.
  const userDataDir = path.join(profile.home, ".config", "chromium");
  await mkdir(userDataDir, { recursive: true });
  const rules = Object.entries(hostMap).map(([name, port]) => `MAP ${name} 127.0.0.1:${port}`);
  const flags = [
    ...BASE_FLAGS,
    `--user-data-dir=${userDataDir}`,
    "--remote-debugging-port=0",
    `--load-extension=${extensionDir}`,
    `--disable-extensions-except=${extensionDir}`,
    `--host-resolver-rules=${rules.join(", ")}`,
    "about:blank",
  ];

  let file = CHROMIUM_BINARY;
  let args = flags;
  if (managedPolicy) {
    const etcDir = await privateChromiumEtc(profile, managedPolicy);
    file = "unshare";
    args = ["--mount", "--propagation", "private", "--", process.execPath, POLICY_NAMESPACE, etcDir, CHROMIUM_BINARY, ...flags];
  }

  let endpoint = null;
  const started = startGroup(file, args, {
    env: profile.env,
    logFile,
    onLine: (line) => {
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (found) endpoint = found[1];
    },
  });
  let exited = false;
  started.exited.then(() => {
    exited = true;
  });
  try {
    await waitFor(() => endpoint, {
      abortIf: () => exited && `Chromium exited during start; see ${logFile}`,
      timeoutMs: 20_000,
      what: "Chromium's DevTools endpoint",
    });
    const browser = await chromium.connectOverCDP(endpoint, { timeout: 20_000 });
    return new ChromiumSession(browser, started, endpoint);
  } catch (error) {
    await started.stop();
    throw error;
  }
}

// /etc/chromium as it is, plus the test's managed policy, in the profile's folder.
async function privateChromiumEtc(profile, managedPolicy) {
  const etcDir = profile.file("etc-chromium");
  await cp("/etc/chromium", etcDir, { recursive: true });
  const managed = path.join(etcDir, "policies", "managed");
  await mkdir(managed, { recursive: true });
  await writeFile(path.join(managed, "seed-attest-e2e.json"), JSON.stringify(managedPolicy, null, 2));
  return etcDir;
}

class ChromiumSession {
  constructor(browser, processGroup, endpoint) {
    this.browser = browser;
    this.endpoint = endpoint;
    this.context = browser.contexts()[0];
    this.processGroup = processGroup;
  }

  async newPage() {
    const page = await this.context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  /**
   * The extension's service worker. It may not be running yet (or any more): opening the
   * extension's popup page wakes it (the page asks the background for the status), then we
   * wait for it.
   */
  async serviceWorker(extensionId, { wakeWith = "src/popup/popup.html" } = {}) {
    const running = await this.runningServiceWorker(extensionId, 0);
    if (running) return running;
    const waiting = this.#nextServiceWorker(extensionId, 15_000);
    const page = await this.context.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/${wakeWith}`).catch(() => {});
      return (await this.runningServiceWorker(extensionId, 0)) ?? (await waiting);
    } finally {
      await page.close();
    }
  }

  /** The extension's service worker if it runs now or starts within `waitMs`, else null. */
  async runningServiceWorker(extensionId, waitMs) {
    const ours = (worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`);
    const now = this.context.serviceWorkers().find(ours);
    if (now || waitMs <= 0) return now ?? null;
    return this.#nextServiceWorker(extensionId, waitMs).catch(() => null);
  }

  #nextServiceWorker(extensionId, timeout) {
    const waiting = this.context.waitForEvent("serviceworker", {
      predicate: (worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`),
      timeout,
    });
    waiting.catch(() => {});
    return waiting;
  }

  /** The DevTools targets of the browser (pages, workers, popups), as CDP lists them. */
  async targets() {
    const cdp = await this.browser.newBrowserCDPSession();
    try {
      return (await cdp.send("Target.getTargets")).targetInfos;
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  /** The DevTools WebSocket address of one target, for targets Playwright does not attach to. */
  targetEndpoint(targetId) {
    const url = new URL(this.endpoint);
    url.pathname = `/devtools/page/${targetId}`;
    return url.toString();
  }

  /**
   * Stops the extension's service worker, as Chromium does after it has been idle; true once
   * the browser has listed it no more for a moment. Only a worker that has finished installing
   * is stopped: Chromium never stops one mid-installation by itself, and one stopped then was
   * seen to stay unregistered, deaf to every later event, for the rest of the browser's life.
   * Events right after start (the extension's first storage reads and changes) can wake the
   * worker again, so this tries for a few seconds.
   */
  async stopServiceWorkers(extensionId, { timeoutMs = 10_000, activationTimeoutMs = 20_000 } = {}) {
    const ours = (url) => url.startsWith(`chrome-extension://${extensionId}/`);
    const running = async () => (await this.targets()).some((target) => target.type === "service_worker" && ours(target.url));
    const page = await this.context.newPage();
    try {
      const cdp = await this.context.newCDPSession(page);
      const versions = new Map();
      cdp.on("ServiceWorker.workerVersionUpdated", ({ versions: updated }) => {
        for (const version of updated) if (ours(version.scriptURL)) versions.set(version.versionId, version);
      });
      await cdp.send("ServiceWorker.enable");
      await waitFor(() => [...versions.values()].some((version) => version.status === "activated"), {
        timeoutMs: activationTimeoutMs,
        what: "the extension's service worker to be installed and activated",
      });
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        await cdp.send("ServiceWorker.stopAllWorkers");
        const stopped = await waitFor(async () => !(await running()), { timeoutMs: 1000, what: "the service worker to stop" }).catch(() => false);
        if (stopped) {
          await new Promise((resolve) => setTimeout(resolve, 300));
          if (!(await running())) return true;
        }
      }
      return false;
    } finally {
      await page.close();
    }
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    try {
      await Promise.race([this.browser.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    } finally {
      await this.processGroup.stop();
    }
  }
}
