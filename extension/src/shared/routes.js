// The routes table of design contract section 1, as one pure function: what the page shows, the
// device class the host reported and whether the helper answered decide what a person is told.

import {
  DEVICE_CLASSES,
  HELPER_REASONS,
  PAGE_STATES,
  PREREQUISITES_URL,
  ROUTES,
  SERVICE_REQUEST_URL,
} from "./constants.js";

const REQUEST_ROUTES = Object.freeze({
  non_se_gsib: ROUTES.requestViaPortal,
  se_gsib: ROUTES.serviceRequest,
  internet_device: ROUTES.contactManager,
  gmd: ROUTES.contactManager,
});

const ONBOARD_ROUTES = Object.freeze({
  internet_device: ROUTES.onboardDevice,
  non_se_gsib: ROUTES.onboardElsewhere,
  se_gsib: ROUTES.onboardElsewhere,
  gmd: ROUTES.alreadyOnboarded,
});

// The links a route offers, as i18n label keys and fixed addresses (never from the host or page).
const ROUTE_LINKS = Object.freeze({
  [ROUTES.serviceRequest]: [{ labelKey: "link_service_request", url: SERVICE_REQUEST_URL }],
  [ROUTES.onboardDevice]: [{ labelKey: "link_prerequisites", url: PREREQUISITES_URL }],
});

/**
 * @param {{page: string, deviceClass?: string|null, helper: {available: boolean, reason?: string}}} input
 *   page: PAGE_STATES value; deviceClass: from the host's status (ignored when the helper is
 *   unavailable); helper.reason: one of HELPER_REASONS when unavailable.
 * @returns {{route: string, messageKey: string, detailKey: string|null, links: {labelKey: string, url: string}[]}}
 */
export function routeFor({ page, deviceClass, helper }) {
  if (page !== PAGE_STATES.request && page !== PAGE_STATES.onboard) {
    throw new TypeError(`unknown page state: ${String(page)}`);
  }
  if (!helper || helper.available !== true) {
    return describeRoute(ROUTES.installHelper, helper?.reason);
  }
  const table = page === PAGE_STATES.request ? REQUEST_ROUTES : ONBOARD_ROUTES;
  const known = DEVICE_CLASSES.includes(deviceClass) && Object.hasOwn(table, deviceClass);
  return describeRoute(known ? table[deviceClass] : ROUTES.checkDevice);
}

/**
 * What a person is told for a route: the message key, an optional detail key (install_helper's
 * reason-specific advice, check_device's how-to-retry) and the route's fixed links.
 */
export function describeRoute(route, reason = null) {
  if (!Object.values(ROUTES).includes(route)) throw new TypeError(`unknown route: ${String(route)}`);
  let detailKey = null;
  if (route === ROUTES.installHelper) {
    detailKey = `helper_reason_${HELPER_REASONS.includes(reason) ? reason : "unknown"}`;
  } else if (route === ROUTES.checkDevice) {
    detailKey = "check_device_retry";
  }
  return {
    route,
    messageKey: `route_${route}`,
    detailKey,
    links: (ROUTE_LINKS[route] ?? []).map((link) => ({ ...link })),
  };
}

// True when the portal's own Request button may be used as is (the only unlocked route in enforce mode).
export function unlocksRequest(route) {
  return route === ROUTES.requestViaPortal;
}
