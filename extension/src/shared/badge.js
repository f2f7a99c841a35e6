// The toolbar badge for a status result: short text, colour and tooltip (as i18n keys).

const COLOURS = Object.freeze({
  ok: "#1b6e3a",      // verified GSIB or managed device
  neutral: "#2f4b7c", // a known class with another route
  warn: "#8a5300",    // class not determined
  error: "#a4262c",   // helper not connected
});

const CLASS_COLOURS = Object.freeze({
  non_se_gsib: COLOURS.ok,
  gmd: COLOURS.ok,
  se_gsib: COLOURS.neutral,
  internet_device: COLOURS.neutral,
  unknown: COLOURS.warn,
});

/**
 * @param {{helper: {available: boolean}, status: {deviceClass: string}|null}} result
 * @returns {{textKey: string, colour: string, titleKey: string, titleClassKey: string|null}}
 */
export function badgeFor(result) {
  if (!result.helper.available) {
    return { textKey: "badge_helper", colour: COLOURS.error, titleKey: "badge_title_helper", titleClassKey: null };
  }
  const deviceClass = result.status?.deviceClass ?? "unknown";
  return {
    textKey: `badge_${deviceClass}`,
    colour: CLASS_COLOURS[deviceClass] ?? COLOURS.warn,
    titleKey: "badge_title_class",
    titleClassKey: `class_${deviceClass}`,
  };
}
