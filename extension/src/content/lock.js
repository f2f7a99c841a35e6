// Enforce mode's lock on the portal's Request button. The button is disabled where it can be and
// marked aria-disabled, and a capture-phase guard stops clicks, key presses and submits that
// reach it, even if the page's own code re-enables it. Unlocking restores what the page had.

const saved = new WeakMap(); // button -> {disabled, ariaDisabled}
const guarded = new WeakSet(); // windows with the guard installed

function lockedTarget(event) {
  for (const node of event.composedPath?.() ?? []) {
    if (node?.nodeType === 1 && saved.has(node)) return node;
  }
  return null;
}

function installGuard(win) {
  if (guarded.has(win)) return;
  guarded.add(win);
  const stop = (event) => {
    if (!lockedTarget(event)) return;
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  for (const type of ["click", "auxclick", "keydown", "pointerdown", "mousedown"]) {
    win.addEventListener(type, stop, true);
  }
}

export function isLocked(button) {
  return saved.has(button);
}

/** Locks `button`; `describedBy` already explains why (the annotation). */
export function lockButton(button) {
  installGuard(button.ownerDocument.defaultView);
  if (!saved.has(button)) {
    saved.set(button, {
      disabled: "disabled" in button ? button.disabled : null,
      ariaDisabled: button.getAttribute("aria-disabled"),
    });
  }
  if ("disabled" in button && button.localName !== "a") button.disabled = true;
  button.setAttribute("aria-disabled", "true");
}

export function unlockButton(button) {
  const before = saved.get(button);
  if (!before) return;
  saved.delete(button);
  if (before.disabled !== null && button.localName !== "a") button.disabled = before.disabled;
  if (before.ariaDisabled === null) button.removeAttribute("aria-disabled");
  else button.setAttribute("aria-disabled", before.ariaDisabled);
}
