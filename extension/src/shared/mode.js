// The administrator's mode (managed storage key `mode`): only the exact word "enforce" enforces;
// anything else, or nothing, is the default "annotate".

import { MODES } from "./constants.js";

export function modeFrom(value) {
  return value === MODES.enforce ? MODES.enforce : MODES.annotate;
}

// Where the background remembers the last mode read from managed storage (storage.local).
export const REMEMBERED_MODE_KEY = "seedAttest.mode";
