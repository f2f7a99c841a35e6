#pragma once

#include <string_view>

// The fixed names of section 2 of the design contract. The Chromium extension ID follows from the
// public `key` in extension/manifest.json (docs/EXTENSION-ID.md shows how); a test recomputes it.
namespace seed::identity {

inline constexpr std::string_view kHostName = "sg.techpass.seed_attest";
inline constexpr std::string_view kProgramName = "seed-attest";
inline constexpr std::string_view kChromiumExtensionId = "mmcnnnkjjcnbfgnfpdijcfnhicplpoak";
inline constexpr std::string_view kChromiumExtensionOrigin =
    "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/";
inline constexpr std::string_view kFirefoxAddonId = "seed-attest@techpass.sg";
inline constexpr std::string_view kPortalOrigin = "https://portal.techpass.gov.sg";

}  // namespace seed::identity
