// Which elements are our notes, known by identity. The page can copy every attribute and class a
// note carries, so those only style it; a node is ours only if we created it here.

const notes = new WeakSet();

/** Records `note` as one of ours. */
export function claimNote(note) {
  notes.add(note);
  return note;
}

/** True when `node` is one of our notes or lies inside one. */
export function withinOurNote(node) {
  for (let current = node; current; current = current.parentElement) {
    if (notes.has(current)) return true;
  }
  return false;
}
