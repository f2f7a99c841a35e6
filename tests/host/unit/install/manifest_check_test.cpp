#include "install/manifest_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "install/manifest.hpp"

using namespace seed::install;
using nlohmann::json;

namespace {

std::string good(Flavour flavour) {
  return render_manifest(host_manifest(flavour, "/usr/lib/seed-attest/seed-attest", {}));
}

std::string with(Flavour flavour, const char* field, const json& value) {
  json manifest = json::parse(good(flavour));
  manifest[field] = value;
  return manifest.dump();
}

ManifestCheck check(Flavour flavour, const std::string& text, const std::vector<std::string>& extra = {}) {
  return check_manifest_text(Platform::linux, flavour, text, extra, "seed-attest install --browser x");
}

// The one problem the check found; fails the test when there is not exactly one.
std::string only_problem(const ManifestCheck& result) {
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].status == Status::problem);
  CHECK(result.findings[0].fix == "seed-attest install --browser x");
  return result.findings[0].message;
}

}  // namespace

TEST_CASE("the manifests install writes pass the check", "[install][doctor]") {
  for (const Flavour flavour : {Flavour::chromium, Flavour::firefox}) {
    const ManifestCheck result = check(flavour, good(flavour));
    CHECK(result.findings.empty());
    CHECK(result.program == "/usr/lib/seed-attest/seed-attest");
  }
}

TEST_CASE("broken JSON is named, with what the browser then says", "[install][doctor]") {
  const std::string message = only_problem(check(Flavour::chromium, R"({"name": "sg.techpass.seed_attest",)"));
  CHECK_THAT(message, Catch::StartsWith("is not valid JSON"));
  CHECK_THAT(message, Catch::Contains("Specified native messaging host not found."));
  CHECK_THAT(only_problem(check(Flavour::firefox, "[1,2]")), Catch::Contains("not a JSON object"));
}

TEST_CASE("a relative program path is a problem on Linux and macOS", "[install][doctor]") {
  const ManifestCheck result = check(Flavour::chromium, with(Flavour::chromium, "path", "bin/seed-attest"));
  CHECK_THAT(only_problem(result), Catch::Contains("relative path 'bin/seed-attest'"));
  CHECK_FALSE(result.program.has_value());
  const ManifestCheck windows = check_manifest_text(Platform::windows, Flavour::chromium,
                                                    with(Flavour::chromium, "path", "seed-attest.exe"), {}, "fix");
  CHECK(windows.findings.empty());
}

TEST_CASE("our origin without its trailing slash is a problem", "[install][doctor]") {
  const auto text =
      with(Flavour::chromium, "allowed_origins", json::array({"chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak"}));
  CHECK_THAT(only_problem(check(Flavour::chromium, text)), Catch::Contains("without the trailing slash"));
}

TEST_CASE("a manifest for another extension is a problem, with the forbidden message", "[install][doctor]") {
  const auto text =
      with(Flavour::chromium, "allowed_origins", json::array({"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}));
  const std::string message = only_problem(check(Flavour::chromium, text));
  CHECK_THAT(message, Catch::Contains("does not list our extension"));
  CHECK_THAT(message, Catch::Contains("Access to the specified native messaging host is forbidden."));
  const auto firefox = with(Flavour::firefox, "allowed_extensions", json::array({"other@example.org"}));
  const std::string refused = only_problem(check(Flavour::firefox, firefox));
  CHECK_THAT(refused, Catch::Contains("does not list our add-on seed-attest@techpass.sg"));
  CHECK_THAT(refused, Catch::Contains("This extension does not have permission to use native application"));
}

TEST_CASE("a Firefox manifest in a Chromium folder is recognised", "[install][doctor]") {
  CHECK_THAT(only_problem(check(Flavour::chromium, good(Flavour::firefox))),
             Catch::Contains("a manifest of the other browser family"));
}

TEST_CASE("wrong name and wrong type are problems", "[install][doctor]") {
  CHECK_THAT(only_problem(check(Flavour::chromium, with(Flavour::chromium, "name", "com.example.host"))),
             Catch::Contains("names the host \"com.example.host\""));
  CHECK_THAT(only_problem(check(Flavour::firefox, with(Flavour::firefox, "type", "pipe"))),
             Catch::Contains("has type \"pipe\", not \"stdio\""));
  CHECK_THAT(only_problem(check(
                 Flavour::chromium,
                 with(Flavour::chromium, "allowed_origins",
                      json::array({"chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/", "chrome-extension://*/"})))),
             Catch::Contains("wildcard"));
}

TEST_CASE("a caller the policy allows but the manifest lacks is a warning", "[install][doctor]") {
  const ManifestCheck result = check(Flavour::firefox, good(Flavour::firefox), {"helper@agency.gov.sg"});
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].status == Status::warning);
  CHECK_THAT(result.findings[0].message, Catch::Contains("helper@agency.gov.sg"));
}
