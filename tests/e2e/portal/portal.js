// A stand-in for the TechPass portal's My Account page, as a single-page app: it draws the
// page client-side, renders the SEED button only after a delay (as if waiting for an API), can
// re-render it, and shows the signed-in TechPass ID. Tests steer it through the query string
// and window.standIn; nothing here knows about the extension beyond the page relay messages
// and the data-seed-attest-route attribute it times.
//
// Query string: state=request|onboard (which button), delay=ms before the button appears,
// id=the signed-in TechPass ID.
(() => {
  "use strict";

  const BUTTON_TEXT = { request: "Request for SEED", onboard: "Onboard device to SEED" };
  const params = new URLSearchParams(location.search);
  const settings = {
    state: params.get("state") === "onboard" ? "onboard" : "request",
    delay: Math.max(0, Number(params.get("delay") ?? 400) || 0),
    id: params.get("id") || "lim_mei_ling@tech.gov.sg",
  };

  const app = document.getElementById("app");
  const clicks = [];
  const timeline = { buttonRenderedAt: null, annotatedAt: null, route: null, lockedAt: null, renders: 0 };
  let renderTimer = null;

  document.getElementById("signed-in-id").textContent = settings.id;

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  function seedButton() {
    // Inner markup and extra whitespace, as component libraries render them.
    const button = element("button", { type: "button", class: "portal-button", id: "seed-button" },
      element("span", { class: "icon", "aria-hidden": "true" }),
      element("span", {}, `  ${BUTTON_TEXT[settings.state]}\n `));
    button.addEventListener("click", () => {
      clicks.push({ state: settings.state, at: performance.now() });
      showSubmitted();
    });
    return button;
  }

  function showSubmitted() {
    const text = settings.state === "request"
      ? "Your request for SEED has been submitted."
      : "Device onboarding has started.";
    let note = document.getElementById("submitted");
    if (!note) {
      note = element("p", { id: "submitted", class: "submitted", role: "status" });
      document.querySelector(".seed-card")?.append(note);
    }
    note.textContent = text;
  }

  function profileCard() {
    const rows = [["Name", "Lim Mei Ling"], ["TechPass ID", settings.id], ["Agency", "GovTech"], ["Account status", "Active"]];
    const list = element("dl");
    for (const [term, value] of rows) list.append(element("dt", {}, term), element("dd", {}, value));
    return element("section", { class: "card" }, element("h2", {}, "Profile"), list);
  }

  function seedCard() {
    const actions = element("div", { class: "seed-actions", id: "seed-actions" },
      element("p", { class: "loading" }, "Loading your SEED status…"));
    return element("section", { class: "card seed-card" },
      element("h2", {}, "Security Suite for Engineering Endpoint Devices (SEED)"), actions);
  }

  function renderButton() {
    const actions = document.getElementById("seed-actions");
    if (!actions) return;
    actions.replaceChildren(element("div", { class: "seed-button-slot" }, seedButton()));
    timeline.renders += 1;
    if (timeline.buttonRenderedAt === null) timeline.buttonRenderedAt = performance.now();
  }

  function renderAccount() {
    app.replaceChildren(element("h1", {}, "My Account"), profileCard(), seedCard());
    clearTimeout(renderTimer);
    renderTimer = setTimeout(renderButton, settings.delay);
  }

  function renderDashboard() {
    app.replaceChildren(element("h1", {}, "Dashboard"),
      element("section", { class: "card" }, element("h2", {}, "Welcome back"),
        element("p", {}, "Open My Account to manage your devices.")));
  }

  function render() {
    const onAccount = location.pathname !== "/dashboard";
    for (const link of document.querySelectorAll(".tabs a")) {
      const current = (link.getAttribute("href") === "/my-account") === onAccount;
      if (current) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    }
    if (onAccount) renderAccount(); else renderDashboard();
  }

  // Client-side navigation, as the portal's router does it.
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[data-nav]");
    if (!link) return;
    event.preventDefault();
    history.pushState(null, "", link.getAttribute("href") + location.search);
    render();
  });
  addEventListener("popstate", render);

  // When the extension's verdict lands on the button (the navigation -> annotation time), and
  // whether the button was ever locked before it.
  new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target;
      if (node.id !== "seed-button") continue;
      if (timeline.lockedAt === null && (node.disabled || node.getAttribute("aria-disabled") === "true")) {
        timeline.lockedAt = performance.now();
      }
      const route = node.getAttribute("data-seed-attest-route");
      if (timeline.annotatedAt === null && route && route !== "checking") {
        timeline.annotatedAt = performance.now();
        timeline.route = route;
      }
    }
  }).observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-seed-attest-route", "disabled", "aria-disabled"],
  });

  function requestAttestation(nonce, timeoutMs = 10_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        removeEventListener("message", onMessage);
        reject(new Error("no answer from the extension"));
      }, timeoutMs);
      function onMessage(event) {
        if (event.source !== window || event.data?.source !== "seed-attest-extension") return;
        if (event.data.type !== "attestation") return;
        clearTimeout(timer);
        removeEventListener("message", onMessage);
        resolve(event.data);
      }
      addEventListener("message", onMessage);
      window.postMessage({ source: "seed-attest-page", type: "attest", nonce }, location.origin);
    });
  }

  window.standIn = Object.freeze({
    clicks,
    timeline,
    requestAttestation,
    // scope "button": only the button is replaced (a keyed re-render); "section": the whole slot.
    rerender(scope = "button") {
      if (scope === "section") {
        renderButton();
        return;
      }
      const old = document.getElementById("seed-button");
      if (!old) throw new Error("no button to re-render");
      old.replaceWith(seedButton());
      timeline.renders += 1;
    },
    setState(state) {
      settings.state = state === "onboard" ? "onboard" : "request";
      renderButton();
    },
  });

  render();
})();
