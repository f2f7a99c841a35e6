#include "install/manifest.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "common/identity.hpp"
#include "support/files.hpp"

using namespace seed::install;
using nlohmann::json;

TEST_CASE("the embedded templates are the files in manifests/", "[install][manifest]") {
  CHECK(manifest_template(Flavour::chromium) ==
        seed::test::read_file(SEED_ATTEST_SOURCE_DIR "/manifests/chromium-host.json"));
  CHECK(manifest_template(Flavour::firefox) ==
        seed::test::read_file(SEED_ATTEST_SOURCE_DIR "/manifests/firefox-host.json"));
}

TEST_CASE("the templates name our host and our extension IDs", "[install][manifest]") {
  const json chromium = json::parse(manifest_template(Flavour::chromium));
  CHECK(chromium["name"] == seed::identity::kHostName);
  CHECK(chromium["type"] == "stdio");
  CHECK(chromium["allowed_origins"] == json::array({seed::identity::kChromiumExtensionOrigin}));
  CHECK_FALSE(chromium.contains("allowed_extensions"));
  const json firefox = json::parse(manifest_template(Flavour::firefox));
  CHECK(firefox["name"] == seed::identity::kHostName);
  CHECK(firefox["allowed_extensions"] == json::array({seed::identity::kFirefoxAddonId}));
  CHECK_FALSE(firefox.contains("allowed_origins"));
}

TEST_CASE("a manifest names the program and adds the policy's callers after ours", "[install][manifest]") {
  const json manifest = host_manifest(Flavour::chromium, "/opt/seed/seed-attest",
                                      {"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"});
  CHECK(render_manifest(host_manifest(Flavour::chromium, "/x", {})).find("{\n  \"name\"") == 0);
  CHECK(manifest["path"] == "/opt/seed/seed-attest");
  CHECK(manifest["allowed_origins"] == json::array({seed::identity::kChromiumExtensionOrigin,
                                                    "chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}));
  const std::string text = render_manifest(manifest);
  CHECK(text.back() == '\n');
  CHECK(json::parse(text) == manifest);
}

TEST_CASE("our own ID is never listed twice", "[install][manifest]") {
  const json manifest = host_manifest(Flavour::firefox, "/x", {std::string(seed::identity::kFirefoxAddonId)});
  CHECK(manifest["allowed_extensions"].size() == 1);
}

TEST_CASE("policy callers are sorted by flavour, origins get their trailing slash", "[install][manifest]") {
  const CallerSplit split = split_callers({"chrome-extension://abcdefghijklmnopabcdefghijklmnop",
                                           "helper@agency.gov.sg", "{12345678-9abc-def0-1234-56789abcdef0}",
                                           "chrome-extension://not-an-id/", "https://portal.techpass.gov.sg", ""});
  CHECK(split.chromium == std::vector<std::string>{"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"});
  CHECK(split.firefox == std::vector<std::string>{"helper@agency.gov.sg", "{12345678-9abc-def0-1234-56789abcdef0}"});
  CHECK(split.rejected ==
        std::vector<std::string>{"chrome-extension://not-an-id/", "https://portal.techpass.gov.sg", ""});
}
