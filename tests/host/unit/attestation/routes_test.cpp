#include <catch2/catch.hpp>
#include <string>

#include "attestation/routes.hpp"

using namespace seed::attestation;

TEST_CASE("the routes table of contract section 1", "[routes]") {
  const auto request = PortalPage::request_for_seed;
  const auto onboard = PortalPage::onboard_device;
  CHECK(route_for(request, "non_se_gsib") == "request_via_portal");
  CHECK(route_for(request, "se_gsib") == "service_request");
  CHECK(route_for(request, "internet_device") == "contact_manager");
  CHECK(route_for(request, "gmd") == "contact_manager");
  CHECK(route_for(onboard, "internet_device") == "onboard_device");
  CHECK(route_for(onboard, "non_se_gsib") == "onboard_elsewhere");
  CHECK(route_for(onboard, "se_gsib") == "onboard_elsewhere");
  CHECK(route_for(onboard, "gmd") == "already_onboarded");
  CHECK(route_for(request, "unknown") == "check_device");
  CHECK(route_for(onboard, "unknown") == "check_device");
}

TEST_CASE("each route's next step says what the page tells the person", "[routes]") {
  CHECK(std::string(next_step("service_request")).find(kServiceRequestUrl) != std::string::npos);
  CHECK(std::string(next_step("onboard_device")).find(kOnboardingPrerequisitesUrl) != std::string::npos);
  CHECK(std::string(next_step("contact_manager")).find("project manager or reporting officer") != std::string::npos);
  CHECK(std::string(next_step("onboard_elsewhere")).find("onboard your Internet device") != std::string::npos);
  CHECK(std::string(next_step("already_onboarded")).find("already managed by SEED") != std::string::npos);
  CHECK(std::string(next_step("check_device")).find("seed-attest status") != std::string::npos);
}
