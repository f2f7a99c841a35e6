// What a person sees of the SEED button on the stand-in portal, read inside the page. These
// functions run in the browser (Playwright's page.evaluate, or BiDi script.evaluate via their
// source), so each is self-contained: no imports, no closures, JSON in and out.

/**
 * The button, its route mark and lock state, and the annotation its aria-describedby points at.
 * @returns {{buttons: number, button: object|null, annotation: object|null, statusElements: number,
 *   describedByTargets: number, timeline: object, clicks: number, submitted: string|null}}
 */
export function readSeedButton() {
  const clean = (text) => (text ?? "").replace(/\s+/g, " ").trim();
  const visible = (node) => {
    const box = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none";
  };
  const texts = ["Request for SEED", "Onboard device to SEED"];
  const buttons = [...document.querySelectorAll("button")].filter((node) => texts.includes(clean(node.textContent)));
  const button = document.getElementById("seed-button");
  let annotation = null;
  let describedByTargets = 0;
  if (button) {
    const ids = (button.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    const targets = ids.map((id) => document.getElementById(id)).filter(Boolean);
    describedByTargets = targets.length;
    const note = targets.find((node) => node.getAttribute("role") === "status") ?? targets[0];
    if (note) {
      annotation = {
        role: note.getAttribute("role"),
        text: clean(note.innerText),
        visible: visible(note),
        nextToButton: button.parentElement?.contains(note) ?? false,
        links: [...note.querySelectorAll("a[href]")].map((link) => ({ text: clean(link.textContent), href: link.href, target: link.target })),
        items: [...note.querySelectorAll("li")].map((item) => clean(item.innerText)),
        hasRetry: [...note.querySelectorAll("button")].length > 0,
      };
    }
  }
  const actions = document.getElementById("seed-actions");
  const submitted = document.getElementById("submitted");
  return {
    buttons: buttons.length,
    button: button && {
      text: clean(button.textContent),
      route: button.getAttribute("data-seed-attest-route"),
      disabled: button.disabled,
      ariaDisabled: button.getAttribute("aria-disabled"),
      visible: visible(button),
      describedBy: button.getAttribute("aria-describedby"),
    },
    annotation,
    describedByTargets,
    // Anything with role="status" beside the portal's own button is the extension's note.
    statusElements: actions ? actions.querySelectorAll('[role="status"]').length : 0,
    timeline: { ...window.standIn.timeline },
    clicks: window.standIn.clicks.length,
    submitted: submitted ? clean(submitted.textContent) : null,
  };
}

/** True once the button carries a final route (not absent, not "checking"). */
export function buttonHasVerdict() {
  const route = document.getElementById("seed-button")?.getAttribute("data-seed-attest-route");
  return Boolean(route) && route !== "checking";
}

/** Every trace the extension could leave on a page: route marks, describedby, notes. */
export function readExtensionTraces() {
  const marked = document.querySelectorAll("[data-seed-attest-route]").length;
  const describedBy = document.querySelectorAll("[aria-describedby]").length;
  const foreign = [...document.querySelectorAll("*")].filter((node) =>
    [...node.attributes].some((attribute) => attribute.name.startsWith("data-seed-attest")) ||
    [...node.classList].some((name) => name.startsWith("seed-attest"))).length;
  const button = document.getElementById("seed-button");
  return {
    buttonRendered: Boolean(button),
    marked,
    describedBy,
    foreign,
    statusElements: document.querySelectorAll('#seed-actions [role="status"]').length,
    disabled: button ? button.disabled || button.getAttribute("aria-disabled") === "true" : null,
  };
}
