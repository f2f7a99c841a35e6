// Answers the content script and the popup: checks who is asking and what, then turns the device
// status into the reply each part needs. No browser API here; background.js wires it up.

import { PAGE_STATES } from "../shared/constants.js";
import { MESSAGE_TYPES, failure, mayAsk, senderKind, senderOrigin, validateRequest } from "../shared/messages.js";
import { routeFor, unlocksRequest } from "../shared/routes.js";

// How long after start-up answers wait for a fresh read of the administrator's mode before using
// the remembered one (see settings.js).
const ROUTE_MODE_WAIT_MS = 50;
const POPUP_MODE_WAIT_MS = 1000;

export class MessageRouter {
  #self;
  #status;
  #settings;
  #pages;
  #log;

  /**
   * @param {object} options
   * @param {{extensionId: string, popupUrl: string}} options.self
   * @param {import("./device-status.js").DeviceStatus} options.status
   * @param {import("./settings.js").ManagedSettings} options.settings
   * @param {import("./page-memory.js").PageMemory} options.pages
   */
  constructor({ self, status, settings, pages, log = () => {} }) {
    this.#self = self;
    this.#status = status;
    this.#settings = settings;
    this.#pages = pages;
    this.#log = log;
  }

  /** One message in, one reply out (never throws). */
  async handle(message, sender) {
    const kind = senderKind(sender, this.#self);
    let request;
    try {
      request = validateRequest(message);
    } catch (error) {
      this.#log(`refused a malformed message: ${error.message}`);
      return failure(kind ? "bad_message" : "forbidden");
    }
    if (!mayAsk(kind, request.type)) {
      this.#log(`refused ${request.type} from ${sender?.url ?? "an unknown sender"}`);
      return failure("forbidden");
    }
    try {
      switch (request.type) {
        case MESSAGE_TYPES.route:
          return await this.#route(request);
        case MESSAGE_TYPES.status:
          return await this.#popupStatus(request);
        case MESSAGE_TYPES.attest:
          return await this.#attest(request, senderOrigin(sender));
        default:
          return failure("bad_message");
      }
    } catch (error) {
      this.#log(`failed to answer ${request.type}: ${error?.message ?? error}`);
      return failure("internal");
    }
  }

  // `ahead`: asked while the page loads, before it shows this button (content/early-routes.js), so
  // the page is not remembered as the one the portal showed.
  async #route({ page, refresh, ahead }) {
    const result = await this.#status.get({ refresh });
    const deviceClass = result.status?.deviceClass ?? null;
    const { route } = routeFor({ page, deviceClass, helper: result.helper });
    // The mode decides one thing here: whether a Request button this route does not unlock stays
    // locked. That answer must be right (enforce fails closed); every other may use the mode as
    // far as known now, so a first start does not wait seconds for the administrator's settings.
    const mustKnow = page === PAGE_STATES.request && !unlocksRequest(route);
    const [mode] = await Promise.all([
      this.#settings.mode({ waitMs: ROUTE_MODE_WAIT_MS, mustKnow }),
      ahead ? null : this.#pages.remember(page),
    ]);
    return {
      ok: true,
      route,
      page,
      helper: result.helper,
      deviceClass,
      decidedBy: result.status?.decidedBy ?? null,
      readiness: result.status?.readiness ?? [],
      problem: result.status?.error ?? result.problem ?? null,
      mode,
    };
  }

  async #popupStatus({ refresh }) {
    const [result, mode, page] = await Promise.all([
      this.#status.get({ refresh }),
      this.#settings.mode({ waitMs: POPUP_MODE_WAIT_MS }),
      this.#pages.last(),
    ]);
    const problem = result.status?.error ?? result.problem ?? null;
    return { ok: true, helper: result.helper, status: result.status, problem, page, mode };
  }

  // The origin is the browser's word for the sending frame (senderKind accepted only the portal's
  // top frame), never something the page said.
  async #attest({ nonce }, origin) {
    const answer = await this.#status.attest(nonce, origin);
    return answer.token ? { ok: true, token: answer.token } : { ok: false, error: answer.error };
  }
}
