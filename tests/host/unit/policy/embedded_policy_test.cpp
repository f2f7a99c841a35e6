#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "platform/policy_location.hpp"
#include "policy/parser.hpp"
#include "support/files.hpp"

using namespace seed::policy;

namespace {

// What the embedded default must say for every platform: the SEED onboarding prerequisites and
// the agents of a managed device, nothing it cannot state honestly.
void check_embedded_policy(const Policy& policy) {
  CHECK(policy.default_class == "internet_device");
  REQUIRE(policy.classes.size() == 1);
  CHECK(policy.classes[0].device_class == "gmd");
  CHECK(policy.classes[0].mode == RuleMode::all);
  CHECK(policy.classes[0].probes.size() == 4);
  for (const auto& probe : policy.probes) {
    CHECK_FALSE(std::holds_alternative<CertificateProbe>(probe.spec));  // agencies add their own anchors
  }
  std::set<std::string> checks;
  for (const auto& check : policy.readiness) checks.insert(check.check);
  for (const char* wanted : {"supported-os", "disk-encrypted", "not-virtual", "no-intune", "no-defender", "no-tanium",
                             "no-warp"}) {
    CHECK(checks.contains(wanted));
  }
  // Every probe is used by the rule or a readiness check, so none is reported as skipped.
  std::set<std::string> used(policy.classes[0].probes.begin(), policy.classes[0].probes.end());
  for (const auto& check : policy.readiness) used.insert(check.probe);
  for (const auto& probe : policy.probes) CHECK(used.contains(probe.id));
}

Policy platform_policy(const char* platform) {
  const std::string path = std::string(SEED_ATTEST_SOURCE_DIR) + "/host/src/platform/" + platform + "/embedded_policy.json";
  return parse_policy(seed::test::read_file(path));
}

}  // namespace

TEST_CASE("the policy built into this program is valid and says what it should", "[policy][embedded]") {
  const Policy policy = parse_policy(seed::platform::embedded_policy());
  check_embedded_policy(policy);
}

TEST_CASE("the embedded policies of Linux, macOS and Windows are valid", "[policy][embedded]") {
  for (const char* platform : {"linux", "macos", "windows"}) {
    INFO(platform);
    check_embedded_policy(platform_policy(platform));
  }
  CHECK(parse_policy(seed::platform::embedded_policy()).probes.size() == platform_policy("linux").probes.size());
}

TEST_CASE("the example agency policies in manifests/policy are valid", "[policy][embedded]") {
  for (const char* name : {"agency-example.json"}) {
    INFO(name);
    const Policy policy = parse_policy(seed::test::read_file(std::string(SEED_ATTEST_SOURCE_DIR) + "/manifests/policy/" + name));
    CHECK_FALSE(policy.classes.empty());
  }
}
