#include <catch2/catch.hpp>

#include "run_host.hpp"
#include "support/test_pki.hpp"

using seed::test::run_seed_attest;
using seed::test::TemporaryDirectory;
using seed::test::write_policy;
using Catch::Matchers::Contains;

TEST_CASE("explain prints the policy, every probe, every rule tried and the verdict", "[cli][explain]") {
  TemporaryDirectory directory;
  const auto marker = write_policy(directory.path(), "gsib-release", "edition=non-se\n");
  const auto policy = write_policy(directory.path(), "policy.json", R"({"version": 1,
    "probes": [{"id": "tanium", "kind": "process", "name": "TaniumClient-not-here"},
               {"id": "gsib-release", "kind": "file", "path": ")" + marker.string() + R"(", "match": "^edition=non-se$"},
               {"id": "os", "kind": "os", "field": "arch", "match": "."}],
    "classes": [{"class": "gmd", "all": ["tanium"]}, {"class": "non_se_gsib", "any": ["gsib-release"]}],
    "readiness": [{"check": "arch", "title": "Has an architecture", "probe": "os"}]})");
  const auto output = run_seed_attest({"explain", "--policy", policy.string()});
  CHECK(output.exit_code == 0);
  CHECK_THAT(output.out, Contains("policy: option " + policy.string() + " (sha256 "));
  CHECK_THAT(output.out, Contains("probe tanium (process): no_match, not running ["));
  CHECK_THAT(output.out, Contains("probe gsib-release (file): match, found; content matches ["));
  CHECK_THAT(output.out, Contains("rule 1: gmd when all of [tanium no_match]: does not hold"));
  CHECK_THAT(output.out, Contains("rule 2: non_se_gsib when any of [gsib-release match]: holds"));
  CHECK_THAT(output.out, Contains("verdict: non_se_gsib, decided by heuristic at rule 2"));
  CHECK_THAT(output.out, Contains("readiness arch (Has an architecture): ok"));
  CHECK_THAT(output.out, Contains("Result: non_se_gsib (decided by heuristic)"));
}

TEST_CASE("explain says why a refused policy leaves the device unknown", "[cli][explain]") {
  TemporaryDirectory directory;
  const auto output = run_seed_attest({"explain", "--policy", (directory.path() / "missing.json").string()});
  CHECK(output.exit_code == 1);
  CHECK_THAT(output.out, Contains("verdict: unknown, because cannot read the policy named by --policy"));
}
