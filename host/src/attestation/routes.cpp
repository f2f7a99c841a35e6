#include "attestation/routes.hpp"

namespace seed::attestation {

std::string_view route_for(PortalPage page, std::string_view device_class) {
  if (page == PortalPage::request_for_seed) {
    if (device_class == "non_se_gsib") return "request_via_portal";
    if (device_class == "se_gsib") return "service_request";
    if (device_class == "internet_device" || device_class == "gmd") return "contact_manager";
    return "check_device";
  }
  if (device_class == "internet_device") return "onboard_device";
  if (device_class == "non_se_gsib" || device_class == "se_gsib") return "onboard_elsewhere";
  if (device_class == "gmd") return "already_onboarded";
  return "check_device";
}

std::string_view next_step(std::string_view route) {
  if (route == "request_via_portal") {
    return "This device is eligible: click Request for SEED on the TechPass portal (My Account).";
  }
  if (route == "service_request") {
    return "SE-GSIB users request SEED through a service request: https://go.gov.sg/techpass-sr";
  }
  if (route == "contact_manager") {
    return "Contact your project manager or reporting officer to request SEED provisioning.";
  }
  if (route == "onboard_device") {
    return "Check the onboarding readiness below, then onboard this device; prerequisites: "
           "https://docs.developer.tech.gov.sg/docs/security-suite-for-engineering-endpoint-devices/"
           "prerequisites-for-onboarding";
  }
  if (route == "onboard_elsewhere") return "GSIB devices cannot be onboarded to SEED: onboard your Internet device instead.";
  if (route == "already_onboarded") return "This device is already managed by SEED.";
  return "The device could not be classified: fix what the report says failed, then run `seed-attest status` again.";
}

}  // namespace seed::attestation
