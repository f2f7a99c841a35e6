#pragma once

#include <string_view>

// The routes table of contract section 1: what the person should do, from the button the portal
// shows and the device class.
namespace seed::attestation {

enum class PortalPage { request_for_seed, onboard_device };

// "request_via_portal", "service_request", "contact_manager", "onboard_device",
// "onboard_elsewhere", "already_onboarded" or "check_device".
std::string_view route_for(PortalPage page, std::string_view device_class);

// One or two sentences telling the person what the route means for them.
std::string_view next_step(std::string_view route);

inline constexpr std::string_view kServiceRequestUrl = "https://go.gov.sg/techpass-sr";
inline constexpr std::string_view kOnboardingPrerequisitesUrl =
    "https://docs.developer.tech.gov.sg/docs/security-suite-for-engineering-endpoint-devices/"
    "prerequisites-for-onboarding";

}  // namespace seed::attestation
