// The extension's popup as a person opens it: the toolbar action's popup over the current tab
// (action.openPopup, asked of the service worker). Playwright does not attach to action popups,
// so the popup is read and photographed over its own DevTools connection. Should the browser
// refuse to open it, the popup page is opened in a tab instead, and `how` says so.

import { waitFor } from "./processes.mjs";
import { WebSocketRpc } from "./websocket-rpc.mjs";

const POPUP_PATH = "src/popup/popup.html";

export async function openPopup(session, extensionId) {
  const popupUrl = `chrome-extension://${extensionId}/${POPUP_PATH}`;
  const worker = await session.serviceWorker(extensionId);
  const opened = await worker.evaluate(() => chrome.action.openPopup().then(() => true, (error) => String(error)));
  let target = null;
  if (opened === true) {
    target = await waitFor(async () => (await session.targets()).find((info) => info.type === "page" && info.url === popupUrl), {
      timeoutMs: 5000,
      what: "the action popup",
    }).catch(() => null);
  }
  if (target) return popupOverDevTools(session, target);
  return popupInTab(session, popupUrl, opened === true ? "the popup did not appear" : opened);
}

async function popupOverDevTools(session, target) {
  const cdp = await WebSocketRpc.connect(session.targetEndpoint(target.targetId));
  await cdp.send("Page.enable");
  const bodyText = async () => {
    const reply = await cdp.send("Runtime.evaluate", { expression: "document.body ? document.body.innerText : ''", returnByValue: true });
    return reply.result.value ?? "";
  };
  return {
    how: "as the toolbar action's popup",
    waitForText: (parts, options) => waitForAll(bodyText, parts, options),
    // What the popup window shows, as a person sees it.
    async screenshot() {
      const { data } = await cdp.send("Page.captureScreenshot", { format: "png" });
      return Buffer.from(data, "base64");
    },
    async close() {
      await cdp.send("Runtime.evaluate", { expression: "window.close()" }).catch(() => {});
      cdp.close();
    },
  };
}

async function popupInTab(session, popupUrl, why) {
  const page = await session.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(popupUrl);
  return {
    how: `in a tab (action.openPopup: ${why})`,
    waitForText: (parts, options) => waitForAll(() => page.evaluate(() => document.body.innerText), parts, options),
    screenshot: () => page.screenshot({ fullPage: true }),
    close: () => page.close(),
  };
}

async function waitForAll(readText, parts, { timeoutMs = 15_000 } = {}) {
  let text = "";
  try {
    await waitFor(async () => {
      text = await readText();
      return parts.every((part) => text.includes(part));
    }, { timeoutMs, what: "the popup to show the device's status" });
  } catch {
    // the caller's assertions name what is missing
  }
  return text;
}
