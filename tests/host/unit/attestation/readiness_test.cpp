#include <catch2/catch.hpp>

#include "attestation/readiness.hpp"
#include "policy_text.hpp"

using namespace seed::attestation;
using seed::test::policy_from;
using seed::test::result;

TEST_CASE("readiness checks pass when their probe's outcome is pass_when", "[readiness]") {
  const auto policy = policy_from(R"({"version": 1,
    "probes": [{"id": "os", "kind": "os", "field": "name", "match": "^Ubuntu$"},
               {"id": "tanium", "kind": "process", "name": "TaniumClient"},
               {"id": "encrypted", "kind": "os", "field": "disk_encryption", "match": "^luks$"}],
    "readiness": [{"check": "supported-os", "title": "Supported OS", "probe": "os", "pass_when": "match"},
                  {"check": "no-tanium", "title": "No Tanium yet", "probe": "tanium", "pass_when": "no_match"},
                  {"check": "disk", "title": "Disk encrypted", "probe": "encrypted"}]})");
  ProbeResults results{{"os", result(Outcome::match, "name is \"Ubuntu\"")},
                       {"tanium", result(Outcome::match, "running")},
                       {"encrypted", result(Outcome::error, "cannot read mountinfo")}};
  const auto checks = check_readiness(policy, results);
  REQUIRE(checks.size() == 3);
  CHECK(checks[0].check == "supported-os");
  CHECK(checks[0].title == "Supported OS");
  CHECK(checks[0].ok);
  CHECK(checks[0].detail == "name is \"Ubuntu\"");
  CHECK_FALSE(checks[1].ok);
  CHECK(checks[1].detail == "running");
  CHECK_FALSE(checks[2].ok);
  CHECK(checks[2].detail == "could not be checked: cannot read mountinfo");

  results["tanium"] = result(Outcome::no_match, "not running");
  results["os"] = result(Outcome::no_match, "name is \"Debian GNU/Linux\"");
  const auto again = check_readiness(policy, results);
  CHECK_FALSE(again[0].ok);
  CHECK(again[1].ok);
}
