// Debian's Firefox ESR with the real extension installed as a temporary add-on, driven over
// WebDriver BiDi (no geckodriver). Firefox cannot map a host name to another port, so the
// profile sends HTTPS through the suite's CONNECT proxy, which leads the portal's name to the
// stand-in; the profile's own certificate database trusts the stand-in's test CA.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { trustInNssDatabase } from "./tls.mjs";
import { startGroup, waitFor } from "./processes.mjs";
import { WebSocketRpc } from "./websocket-rpc.mjs";

export const FIREFOX_BINARY = process.env.SEED_E2E_FIREFOX ?? "/usr/lib/firefox-esr/firefox-esr";

// Offline and quiet: no first-run pages, updates, telemetry or background downloads.
function preferences(proxyPort) {
  return {
    "network.proxy.type": 1,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": proxyPort,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": proxyPort,
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": false,
    "browser.shell.checkDefaultBrowser": false,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.aboutwelcome.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "toolkit.telemetry.reportingpolicy.firstRun": false,
    "app.update.enabled": false,
    "extensions.update.enabled": false,
    "extensions.getAddons.cache.enabled": false,
    "browser.safebrowsing.update.enabled": false,
    "services.settings.server": "https://remote-settings.invalid/v1",
    "security.enterprise_roots.enabled": false,
  };
}

/**
 * @param {object} options
 * @param {{home: string, env: Record<string,string>, file: Function}} options.profile
 * @param {string} options.extensionDir
 * @param {number} options.proxyPort
 * @param {string} options.caCertificate  the stand-in's test CA, trusted in the profile
 * @param {string} options.logFile
 */
export async function launchFirefox({ profile, extensionDir, proxyPort, caCertificate, logFile }) {
  const profileDir = profile.file("firefox-profile");
  await mkdir(profileDir, { recursive: true });
  const prefs = Object.entries(preferences(proxyPort)).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`);
  await writeFile(path.join(profileDir, "user.js"), `${prefs.join("\n")}\n`);
  await trustInNssDatabase(profileDir, caCertificate);

  let endpoint = null;
  const started = startGroup(FIREFOX_BINARY, ["--headless", "--no-remote", "--profile", profileDir, "--remote-debugging-port", "0"], {
    env: { ...profile.env, MOZ_CRASHREPORTER_DISABLE: "1" },
    logFile,
    onLine: (line) => {
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(line);
      if (found) endpoint = found[1];
    },
  });
  let exited = false;
  started.exited.then(() => {
    exited = true;
  });
  try {
    await waitFor(() => endpoint, {
      abortIf: () => exited && `Firefox exited during start; see ${logFile}`,
      timeoutMs: 30_000,
      what: "Firefox's WebDriver BiDi endpoint",
    });
    const bidi = await WebSocketRpc.connect(`${endpoint.replace(/\/$/, "")}/session`);
    await bidi.send("session.new", { capabilities: { alwaysMatch: { acceptInsecureCerts: false } } });
    const installed = await bidi.send("webExtension.install", { extensionData: { type: "path", path: extensionDir } });
    const tree = await bidi.send("browsingContext.getTree", { maxDepth: 0 });
    return new FirefoxSession(bidi, started, tree.contexts[0].context, installed.extension);
  } catch (error) {
    await started.stop();
    throw error;
  }
}

class FirefoxSession {
  constructor(bidi, processGroup, context, extensionId) {
    this.bidi = bidi;
    this.processGroup = processGroup;
    this.context = context;
    this.extensionId = extensionId;
  }

  async goto(url) {
    await this.bidi.send("browsingContext.navigate", { context: this.context, url, wait: "complete" });
  }

  /**
   * Runs `fn(...args)` in the page (its own world, as page code) and returns its JSON result.
   * @param {Function} fn  a self-contained function; its result must be JSON-serialisable
   */
  async evaluate(fn, ...args) {
    const expression = `(async () => JSON.stringify(await (${fn.toString()})(...${JSON.stringify(args)})))()`;
    const reply = await this.bidi.send("script.evaluate", {
      expression,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: "none",
    });
    if (reply.type === "exception") throw new Error(`page script failed: ${reply.exceptionDetails?.text ?? "exception"}`);
    const value = reply.result?.value;
    return value === undefined ? undefined : JSON.parse(value);
  }

  /** A real mouse click at the centre of the element `selector` names. */
  async click(selector) {
    const box = await this.evaluate((css) => {
      const rect = document.querySelector(css)?.getBoundingClientRect();
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    }, selector);
    if (!box) throw new Error(`nothing to click at ${selector}`);
    await this.bidi.send("input.performActions", {
      context: this.context,
      actions: [{
        type: "pointer",
        id: "mouse",
        parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", x: Math.round(box.x), y: Math.round(box.y) },
          { type: "pointerDown", button: 0 },
          { type: "pointerUp", button: 0 },
        ],
      }],
    });
  }

  /** A PNG of the viewport. */
  async screenshot() {
    const { data } = await this.bidi.send("browsingContext.captureScreenshot", { context: this.context });
    return Buffer.from(data, "base64");
  }

  async close() {
    try {
      await Promise.race([this.bidi.send("browser.close", {}).catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      this.bidi.close();
    } finally {
      await this.processGroup.stop();
    }
  }
}
