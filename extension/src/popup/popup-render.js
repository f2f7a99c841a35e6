// Puts a popup view model (shared/popup-view.js) into popup.html: DOM calls and textContent
// only. Kept apart from popup.js so tests render it in jsdom.

/** Fills every element marked data-i18n with its message. */
export function applyI18n(doc, t) {
  for (const node of doc.querySelectorAll("[data-i18n]")) {
    const text = t(node.dataset.i18n);
    if (text) node.textContent = text;
  }
}

function byId(doc, id) {
  return doc.getElementById(id);
}

function setText(doc, id, text) {
  const node = byId(doc, id);
  node.textContent = text ?? "";
  return node;
}

export function setBusy(doc, busy) {
  byId(doc, "popup").setAttribute("aria-busy", busy ? "true" : "false");
  byId(doc, "recheck").disabled = busy;
}

export function renderPopup(doc, view, t) {
  const connection = byId(doc, "connection");
  connection.dataset.state = view.connection.connected ? "connected" : "disconnected";
  setText(doc, "connection-text", view.connection.text);
  setText(doc, "host-version", view.connection.version);

  setText(doc, "device-class", view.device ? view.device.label : t("popup_not_checked"));
  setText(doc, "decided-by", view.device?.decidedBy);

  const next = byId(doc, "next-step");
  next.dataset.route = view.nextStep.route;
  setText(doc, "next-context", view.nextStep.context);
  setText(doc, "next-text", view.nextStep.text);
  byId(doc, "next-details").replaceChildren(
    ...view.nextStep.details.map((detail) => {
      const p = doc.createElement("p");
      p.textContent = detail;
      return p;
    }),
  );
  byId(doc, "next-links").replaceChildren(
    ...view.nextStep.links.map((link) => {
      const a = doc.createElement("a");
      a.href = link.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.textContent = link.text;
      return a;
    }),
  );
  const enforced = setText(doc, "enforced", view.enforced);
  enforced.hidden = !view.enforced;

  const readiness = byId(doc, "readiness");
  if (!view.readiness?.length) {
    const li = doc.createElement("li");
    li.className = "muted";
    li.textContent = t(view.readiness ? "popup_readiness_empty" : "popup_readiness_unknown");
    readiness.replaceChildren(li);
  } else {
    readiness.replaceChildren(
      ...view.readiness.map((item) => {
        const li = doc.createElement("li");
        li.dataset.ok = String(item.ok);
        const mark = doc.createElement("span");
        mark.className = "mark";
        mark.setAttribute("aria-hidden", "true");
        mark.textContent = item.ok ? "✓" : "✗";
        const text = doc.createElement("span");
        text.textContent = item.text;
        li.append(mark, text);
        return li;
      }),
    );
  }

  setText(doc, "evidence-count", `(${view.evidence.length})`);
  byId(doc, "evidence-table").hidden = view.evidence.length === 0;
  byId(doc, "evidence-empty").hidden = view.evidence.length !== 0;
  setText(doc, "evidence-truncated", view.evidenceTruncated ?? "");
  byId(doc, "evidence-truncated").hidden = !view.evidenceTruncated;
  byId(doc, "evidence-rows").replaceChildren(
    ...view.evidence.map((item) => {
      const row = doc.createElement("tr");
      const probe = doc.createElement("td");
      probe.textContent = item.probe;
      if (item.detail) {
        const detail = doc.createElement("span");
        detail.className = "detail";
        detail.textContent = item.detail;
        probe.append(detail);
      }
      const kind = doc.createElement("td");
      kind.textContent = item.kind;
      const outcome = doc.createElement("td");
      outcome.dataset.outcome = item.outcome;
      outcome.textContent = item.outcomeText;
      row.append(probe, kind, outcome);
      return row;
    }),
  );

  setText(doc, "checked-at", view.checkedAt);
  setText(doc, "policy", view.policy);
  byId(doc, "copy").disabled = false;
}

/** The background could not be asked: say so, and keep Re-check available. */
export function renderFailure(doc, t) {
  byId(doc, "connection").dataset.state = "disconnected";
  setText(doc, "connection-text", t("popup_helper_disconnected"));
  setText(doc, "host-version", "");
  setText(doc, "next-text", t("popup_error"));
  byId(doc, "copy").disabled = true;
}

export function notify(doc, text) {
  setText(doc, "notice", text);
}
