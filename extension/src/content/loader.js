// Content scripts cannot be ES modules, so this classic script loads the module that does the
// work (content.js, a web-accessible resource on the portal origin only). It also asks the
// background to start the helper at once, while the page is still loading.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  // content.js and everything it imports, fetched in parallel instead of one import level after
  // another (a test keeps this list equal to the real import graph).
  const MODULES = [
    "src/content/content.js",
    "src/shared/constants.js",
    "src/shared/messages.js",
    "src/shared/validate.js",
    "src/shared/mode.js",
    "src/content/ask-background.js",
    "src/content/page-relay.js",
    "src/content/portal-buttons.js",
    "src/shared/annotation-model.js",
    "src/shared/routes.js",
    "src/shared/techpass-id.js",
    "src/content/button-finder.js",
    "src/content/our-notes.js",
    "src/content/annotation.js",
    "src/content/lock.js",
    "src/content/page-text.js",
  ];
  try {
    // MESSAGE_TYPES.prepare in src/shared/messages.js (a test keeps the two equal).
    Promise.resolve(api.runtime.sendMessage({ type: "seed-attest/prepare" })).catch(() => {});
  } catch {
    // the background is being updated or reloaded; the module's own request will retry
  }
  const [entry, ...dependencies] = MODULES.map((path) => api.runtime.getURL(path));
  for (const url of dependencies) import(url).catch(() => {});
  import(entry)
    .then((module) => module.run(api))
    .catch((error) => console.warn("seed-attest: the content script could not start", error));
})();
