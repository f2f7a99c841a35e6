// What the popup shows, as plain data: a pure function of the background's status reply. The
// popup script renders it; Copy diagnostics uses diagnosticsText (redacted).

import { BUTTON_TEXTS, MODES } from "./constants.js";
import { readinessText } from "./annotation-model.js";
import { redact } from "./redact.js";
import { routeFor } from "./routes.js";

/**
 * @param {object} reply  validated status reply (messages.js validateStatusReply), ok: true
 * @param {{t: Function, formatTime: (iso: string) => string}} context
 */
export function popupViewModel(reply, { t, formatTime }) {
  const { helper, status } = reply;
  const connection = helper.available
    ? { connected: true, text: t("popup_helper_connected"), version: helper.hostVersion ? t("popup_helper_version", [helper.hostVersion]) : null }
    : { connected: false, text: t("popup_helper_disconnected"), version: null };

  const route = routeFor({ page: reply.page, deviceClass: status?.deviceClass ?? null, helper });
  const nextStep = {
    context: t("popup_next_step_context", [BUTTON_TEXTS[reply.page]]),
    text: t(route.messageKey),
    details: [],
    links: route.links.map((link) => ({ text: t(link.labelKey), url: link.url })),
    route: route.route,
  };
  if (reply.problem) nextStep.details.push(t("check_device_problem", [reply.problem]));
  if (route.detailKey) nextStep.details.push(t(route.detailKey, helper.detail ? [helper.detail] : []));

  return {
    connection,
    device: status
      ? {
          deviceClass: status.deviceClass,
          label: t(`class_${status.deviceClass}`),
          decidedBy: t("popup_decided_by", [t(`decided_by_${status.decidedBy}`)]),
        }
      : null,
    nextStep,
    // null: not known (no status); []: the policy lists no checks.
    readiness: status?.readiness.map((item) => ({
      ok: item.ok,
      title: item.title,
      text: readinessText(item, t),
    })) ?? null,
    evidence: (status?.evidence ?? []).map((item) => ({
      probe: item.probe,
      kind: item.kind,
      outcome: item.outcome,
      outcomeText: t(`outcome_${item.outcome}`),
      detail: item.detail,
    })),
    evidenceTruncated: status?.evidenceTruncated ? t("popup_evidence_truncated", [String(status.evidenceTruncated)]) : null,
    checkedAt: status ? t("popup_checked_at", [formatTime(status.checkedAt)]) : null,
    policy: status ? t("popup_policy", [status.policy.source]) : null,
    enforced: reply.mode === MODES.enforce ? t("popup_mode_enforce") : null,
  };
}

/**
 * Plain text for a support request. Free text from the host goes through redact(); the token,
 * the TechPass ID and the page are never part of the reply this is built from.
 */
export function diagnosticsText(reply, { extensionVersion, browser }) {
  const { helper, status } = reply;
  const lines = [
    "SEED device check diagnostics",
    `extension: ${extensionVersion} (${browser})`,
    `helper: ${helper.available ? `connected, version ${helper.hostVersion ?? "?"}` : `not connected (${helper.reason})`}`,
  ];
  if (!helper.available && helper.detail) lines.push(`helper error: ${redact(helper.detail)}`);
  lines.push(`mode: ${reply.mode}`);
  if (reply.problem) lines.push(`problem: ${redact(reply.problem)}`);
  if (status) {
    lines.push(
      `device_class: ${status.deviceClass}`,
      `decided_by: ${status.decidedBy}`,
      `policy: ${status.policy.source} sha256=${status.policy.sha256 || "-"}`,
      `checked_at: ${status.checkedAt} (${status.durationMs} ms)`,
    );
    lines.push("readiness:");
    for (const item of status.readiness) {
      lines.push(`  [${item.ok ? "ok" : "--"}] ${item.check}: ${redact(item.title)}${item.detail ? ` (${redact(item.detail)})` : ""}`);
    }
    lines.push("evidence:");
    for (const item of status.evidence) {
      lines.push(`  ${item.probe} (${item.kind}): ${item.outcome}${item.detail ? ` (${redact(item.detail)})` : ""}`);
    }
    if (status.evidenceTruncated) lines.push(`  (${status.evidenceTruncated} more left out by the helper: its reply would have been too large)`);
  }
  return `${lines.join("\n")}\n`;
}
