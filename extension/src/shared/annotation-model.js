// What the annotation next to a portal button says, and whether the button is locked: a pure
// function of the background's route reply, the page and the mode. The content script only
// turns this model into DOM nodes.

import { MODES, PAGE_STATES, ROUTES } from "./constants.js";
import { describeRoute, unlocksRequest } from "./routes.js";
import { techpassIdHint } from "./techpass-id.js";

const MAX_PROBLEM = 300;

/**
 * @typedef {{text: string, url: string}} Link
 * @typedef {{text: string, ok: boolean}} ChecklistItem
 * @typedef {{route: string, lines: string[], links: Link[], checklistTitle: string|null,
 *   checklist: ChecklistItem[], note: string|null, retry: boolean, locked: boolean,
 *   lockText: string|null}} AnnotationModel
 */

/** While the verdict is not known. @returns {AnnotationModel} */
export function checkingModel({ t, page, mode }) {
  const locked = mode === MODES.enforce && page === PAGE_STATES.request;
  return {
    route: "checking",
    lines: [t("annotation_checking")],
    links: [],
    checklistTitle: null,
    checklist: [],
    note: null,
    retry: false,
    locked,
    lockText: locked ? t("lock_while_checking") : null,
  };
}

/**
 * @param {object} reply  a validated route reply (messages.js validateRouteReply), ok: true
 * @param {{t: Function, techpassId?: string|null}} context
 * @returns {AnnotationModel}
 */
export function annotationModel(reply, { t, techpassId = null }) {
  const described = describeRoute(reply.route, reply.helper.reason);
  const lines = [t(described.messageKey)];
  if (reply.route === ROUTES.checkDevice && reply.problem) lines.push(t("check_device_problem", [clip(reply.problem)]));
  if (described.detailKey) lines.push(t(described.detailKey, reply.helper.detail ? [clip(reply.helper.detail)] : []));

  const checklist =
    reply.route === ROUTES.onboardDevice
      ? reply.readiness.map((item) => ({ text: readinessText(item, t), ok: item.ok }))
      : [];

  const hint = reply.deviceClass ? techpassIdHint(techpassId, reply.deviceClass, reply.page) : { mismatch: false };
  const note = hint.mismatch
    ? t("id_mismatch_note", [t(`id_kind_${hint.kind}`), t(`class_${reply.deviceClass}`)])
    : null;

  const locked = reply.mode === MODES.enforce && reply.page === PAGE_STATES.request && !unlocksRequest(reply.route);
  return {
    route: reply.route,
    lines,
    links: described.links.map((link) => ({ text: t(link.labelKey), url: link.url })),
    checklistTitle: checklist.length ? t("readiness_heading") : null,
    checklist,
    note,
    retry: reply.route === ROUTES.installHelper || reply.route === ROUTES.checkDevice,
    locked,
    lockText: locked ? t(reply.route === ROUTES.installHelper ? "lock_helper_missing" : "lock_not_eligible") : null,
  };
}

/** When the background itself could not be reached or answered nonsense. @returns {AnnotationModel} */
export function unavailableModel({ t, page, mode }) {
  return annotationModel(
    {
      route: ROUTES.installHelper,
      page,
      helper: { available: false, reason: "unknown", hostVersion: null, detail: t("extension_unavailable") },
      deviceClass: null,
      decidedBy: null,
      readiness: [],
      problem: null,
      mode,
    },
    { t },
  );
}

export function readinessText(item, t) {
  if (item.ok) return t("readiness_ok", [item.title]);
  return item.detail ? t("readiness_not_ok_detail", [item.title, clip(item.detail)]) : t("readiness_not_ok", [item.title]);
}

function clip(text) {
  return text.length > MAX_PROBLEM ? `${text.slice(0, MAX_PROBLEM - 1)}…` : text;
}
