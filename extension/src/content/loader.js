// Content scripts cannot be ES modules, so this classic script loads the module that does the
// work (content.js, a web-accessible resource on the portal origin only). It also asks the
// background to start the helper at once, while the page is still loading.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  try {
    // MESSAGE_TYPES.prepare in src/shared/messages.js (a test keeps the two equal).
    Promise.resolve(api.runtime.sendMessage({ type: "seed-attest/prepare" })).catch(() => {});
  } catch {
    // the background is being updated or reloaded; the module's own request will retry
  }
  import(api.runtime.getURL("src/content/content.js"))
    .then((module) => module.run(api))
    .catch((error) => console.warn("seed-attest: the content script could not start", error));
})();
