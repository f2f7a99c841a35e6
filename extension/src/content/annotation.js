// The note next to a portal button: built with DOM calls only (no innerHTML), holding the
// message, the route's links, the onboarding checklist, the TechPass ID note and a retry button.

import { ANNOTATION_ATTRIBUTE } from "./button-finder.js";
import { claimNote } from "./our-notes.js";

export const ROUTE_ATTRIBUTE = "data-seed-attest-route";
export const NOTE_CLASS = "seed-attest-note";
export const NOTE_ID_PREFIX = "seed-attest-note-";

let nextNoteId = 1;

/** A new, empty note element with a unique id. */
export function createNote(doc, label) {
  const note = doc.createElement("div");
  let id;
  do {
    id = `${NOTE_ID_PREFIX}${nextNoteId++}`;
  } while (doc.getElementById(id));
  note.id = id;
  note.className = NOTE_CLASS;
  note.setAttribute(ANNOTATION_ATTRIBUTE, "");
  note.setAttribute("role", "status");
  note.setAttribute("aria-label", label);
  return claimNote(note);
}

function element(doc, tag, className, text) {
  const node = doc.createElement(tag);
  node.className = `${NOTE_CLASS}__${className}`;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Replaces the note's content with `model` (annotation-model.js).
 * @param {HTMLElement} note
 * @param {object} model
 * @param {{retryLabel: string, onRetry: () => void}} actions
 */
export function renderNote(note, model, { retryLabel, onRetry }) {
  const doc = note.ownerDocument;
  note.setAttribute(ROUTE_ATTRIBUTE, model.route);
  note.className = `${NOTE_CLASS} ${NOTE_CLASS}--${model.route}${model.locked ? ` ${NOTE_CLASS}--locked` : ""}`;
  note.replaceChildren();

  for (const line of model.lines) note.append(element(doc, "p", "line", line));
  if (model.lockText) note.append(element(doc, "p", "lock", model.lockText));

  if (model.checklist.length) {
    note.append(element(doc, "p", "checklist-title", model.checklistTitle));
    const list = element(doc, "ul", "checklist");
    for (const item of model.checklist) {
      const entry = element(doc, "li", `item ${NOTE_CLASS}__item--${item.ok ? "ok" : "todo"}`, item.text);
      list.append(entry);
    }
    note.append(list);
  }

  if (model.links.length) {
    const links = element(doc, "p", "links");
    for (const link of model.links) {
      const anchor = element(doc, "a", "link", link.text);
      anchor.href = link.url;
      anchor.target = "_blank";
      anchor.rel = "noopener noreferrer";
      links.append(anchor);
    }
    note.append(links);
  }

  if (model.note) note.append(element(doc, "p", "hint", model.note));

  if (model.retry) {
    const retry = element(doc, "button", "retry", retryLabel);
    retry.type = "button";
    retry.addEventListener("click", (event) => {
      event.preventDefault();
      event.stopPropagation();
      onRetry();
    });
    note.append(retry);
  }
}

/** Puts the note right after the button and points the button's aria-describedby at it. */
export function attachNote(button, note) {
  if (note.previousElementSibling !== button || !note.isConnected) button.insertAdjacentElement("afterend", note);
  const ids = (button.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  if (!ids.includes(note.id)) button.setAttribute("aria-describedby", [...ids, note.id].join(" "));
}

/** Undoes attachNote and the route mark; leaves the button as the page made it. */
export function detachNote(button, note) {
  note.remove();
  const ids = (button.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && id !== note.id);
  if (ids.length) button.setAttribute("aria-describedby", ids.join(" "));
  else button.removeAttribute("aria-describedby");
  button.removeAttribute(ROUTE_ATTRIBUTE);
}
