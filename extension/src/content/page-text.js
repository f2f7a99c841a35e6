// The signed-in TechPass ID, where the page shows it: the first *.gov.sg address in its text.

import { findTechpassId } from "../shared/techpass-id.js";
import { withinOurNote } from "./our-notes.js";

const MAX_TEXT_NODES = 5000;

export function techpassIdOnPage(doc) {
  if (!doc.body) return null;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let seen = 0; seen < MAX_TEXT_NODES && walker.nextNode(); seen += 1) {
    const node = walker.currentNode;
    if (!node.nodeValue.includes("@")) continue;
    const parent = node.parentElement;
    if (!parent || withinOurNote(parent) || parent.closest("script, style, template")) continue;
    const id = findTechpassId(node.nodeValue);
    if (id) return id;
  }
  return null;
}
