// Finds the portal's Request for SEED and Onboard device to SEED buttons by what they say: any
// element acting as a button, whatever its case, spacing or inner markup.

import { BUTTON_TEXTS } from "../shared/constants.js";
import { withinOurNote } from "./our-notes.js";

export const CANDIDATE_SELECTOR = 'button, a, [role="button" i], input[type="submit" i], input[type="button" i]';
// Marks our notes for styling and for people reading the page; which notes are ours is known by
// identity (our-notes.js), never from this attribute, which the page can write too.
export const ANNOTATION_ATTRIBUTE = "data-seed-attest-annotation";

// The comparable form of a label: lower case, runs of anything but letters and digits as one
// space (so "Request  for\nSEED ›" and "request for seed" are the same).
export function normalizeLabel(text) {
  return String(text ?? "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const PAGE_BY_LABEL = new Map(Object.entries(BUTTON_TEXTS).map(([page, text]) => [normalizeLabel(text), page]));
const LONGEST_LABEL = Math.max(...[...PAGE_BY_LABEL.keys()].map((label) => label.length));

function visibleText(element) {
  if (element.localName === "input") return element.value ?? "";
  return element.textContent ?? "";
}

/** The page state this element's label stands for, or null. */
export function labelPageState(element) {
  const text = visibleText(element);
  // A button's label is short; a long text is a container, not one of these buttons.
  if (text.length > LONGEST_LABEL * 4) return null;
  return PAGE_BY_LABEL.get(normalizeLabel(text)) ?? null;
}

/**
 * The page state when `element` is one of the portal's buttons: a candidate whose label matches,
 * not inside our annotations, and not wrapping another matching candidate (for
 * <a><button>Request for SEED</button></a> the inner button is the one).
 */
export function buttonPageState(element) {
  if (!element?.matches?.(CANDIDATE_SELECTOR) || withinOurNote(element)) return null;
  const page = labelPageState(element);
  if (!page) return null;
  for (const inner of element.querySelectorAll(CANDIDATE_SELECTOR)) {
    if (labelPageState(inner) === page) return null;
  }
  return page;
}

/** Every candidate in `root` (itself included) and the candidate that contains it, if any. */
export function candidatesAround(root) {
  const found = [];
  if (root.nodeType !== 1) return found;
  const container = root.parentElement?.closest(CANDIDATE_SELECTOR);
  if (container) found.push(container);
  if (root.matches(CANDIDATE_SELECTOR)) found.push(root);
  found.push(...root.querySelectorAll(CANDIDATE_SELECTOR));
  return found;
}

/** The portal buttons in `root`: [{element, page}]. */
export function findButtons(root) {
  const buttons = [];
  for (const element of candidatesAround(root)) {
    const page = buttonPageState(element);
    if (page) buttons.push({ element, page });
  }
  return buttons;
}
