#include <catch2/catch.hpp>

#include "attestation/classification.hpp"
#include "policy_text.hpp"

using namespace seed::attestation;
using seed::test::policy_from;
using seed::test::result;

namespace {

// A certificate probe for each GSIB class, heuristics for each, and the SEED agents.
const char* const kPolicy = R"({
  "version": 1,
  "probes": [
    {"id": "se-cert", "kind": "device_certificate", "certificate": "/c.pem", "key": "/c.key", "anchors": ["/root.pem"]},
    {"id": "non-se-cert", "kind": "device_certificate", "certificate": "/c.pem", "key": "/c.key", "anchors": ["/root.pem"]},
    {"id": "ps-card", "kind": "file", "path": "/etc/ps-card"},
    {"id": "bitlocker-pin", "kind": "file", "path": "/etc/bitlocker-pin"},
    {"id": "tanium", "kind": "process", "name": "TaniumClient"},
    {"id": "warp", "kind": "process", "name": "warp-svc"}
  ],
  "classes": [
    {"class": "se_gsib", "any": ["se-cert", "ps-card"]},
    {"class": "non_se_gsib", "any": ["non-se-cert", "bitlocker-pin"]},
    {"class": "gmd", "all": ["tanium", "warp"]}
  ],
  "default": "internet_device"
})";

ProbeResults none_match() {
  ProbeResults results;
  for (const char* id : {"se-cert", "non-se-cert", "ps-card", "bitlocker-pin", "tanium", "warp"}) {
    results[id] = result(Outcome::no_match);
  }
  return results;
}

}  // namespace

TEST_CASE("no rule holding gives the default class, decided by default", "[classify]") {
  const Classification c = classify(policy_from(kPolicy), none_match());
  CHECK(c.device_class == "internet_device");
  CHECK(c.decided_by == "default");
  CHECK_FALSE(c.error);
  CHECK_FALSE(c.signer);
  CHECK(c.trace.back() == "verdict: internet_device, the policy's default, since no rule holds");
}

TEST_CASE("a certificate probe decides se_gsib and non_se_gsib, and is the signer", "[classify]") {
  ProbeResults results = none_match();
  results["se-cert"] = result(Outcome::match);
  Classification c = classify(policy_from(kPolicy), results);
  CHECK(c.device_class == "se_gsib");
  CHECK(c.decided_by == "certificate");
  CHECK(c.signer == "se-cert");

  results = none_match();
  results["non-se-cert"] = result(Outcome::match);
  c = classify(policy_from(kPolicy), results);
  CHECK(c.device_class == "non_se_gsib");
  CHECK(c.decided_by == "certificate");
  CHECK(c.signer == "non-se-cert");
}

TEST_CASE("heuristic probes decide a class as heuristic, with no signer", "[classify]") {
  ProbeResults results = none_match();
  results["bitlocker-pin"] = result(Outcome::match);
  Classification c = classify(policy_from(kPolicy), results);
  CHECK(c.device_class == "non_se_gsib");
  CHECK(c.decided_by == "heuristic");
  CHECK_FALSE(c.signer);

  results["tanium"] = result(Outcome::match);
  results["warp"] = result(Outcome::match);
  results["bitlocker-pin"] = result(Outcome::no_match);
  c = classify(policy_from(kPolicy), results);
  CHECK(c.device_class == "gmd");
  CHECK(c.decided_by == "heuristic");
}

TEST_CASE("all needs every probe, any needs one", "[classify]") {
  ProbeResults results = none_match();
  results["tanium"] = result(Outcome::match);  // gmd needs tanium and warp
  CHECK(classify(policy_from(kPolicy), results).device_class == "internet_device");
  results["warp"] = result(Outcome::match);
  CHECK(classify(policy_from(kPolicy), results).device_class == "gmd");

  results = none_match();
  results["ps-card"] = result(Outcome::match);  // se_gsib needs either
  CHECK(classify(policy_from(kPolicy), results).device_class == "se_gsib");
}

TEST_CASE("rules are tried in order and the first that holds wins", "[classify]") {
  ProbeResults results = none_match();
  results["non-se-cert"] = result(Outcome::match);
  results["ps-card"] = result(Outcome::match);
  results["tanium"] = result(Outcome::match);
  results["warp"] = result(Outcome::match);
  const Classification c = classify(policy_from(kPolicy), results);
  CHECK(c.device_class == "se_gsib");  // rule 1, through the heuristic, although rule 2 has a certificate
  CHECK(c.decided_by == "heuristic");
  REQUIRE(c.trace.size() == 2);
  CHECK(c.trace[0] ==
        "rule 1: se_gsib when any of [se-cert no_match, ps-card match]: holds");
  CHECK(c.trace[1] == "verdict: se_gsib, decided by heuristic at rule 1");
}

TEST_CASE("an error that could change a rule's answer makes the class unknown", "[classify]") {
  ProbeResults results = none_match();
  results["ps-card"] = result(Outcome::error, "timed out after 2000 ms");
  results["non-se-cert"] = result(Outcome::match);
  const Classification c = classify(policy_from(kPolicy), results);
  CHECK(c.device_class == "unknown");
  CHECK(c.decided_by == "default");
  REQUIRE(c.error);
  CHECK(*c.error == "rule 1 (se_gsib) could not be decided: probe ps-card failed (timed out after 2000 ms)");
  CHECK(c.trace.back() == "verdict: unknown, because " + *c.error);
}

TEST_CASE("an error that cannot change a rule's answer does not matter", "[classify]") {
  ProbeResults results = none_match();
  results["se-cert"] = result(Outcome::error, "cannot read");
  results["ps-card"] = result(Outcome::match);  // any: one match is enough
  CHECK(classify(policy_from(kPolicy), results).device_class == "se_gsib");

  results = none_match();
  results["tanium"] = result(Outcome::error, "no process list");  // all: warp no_match decides already
  CHECK(classify(policy_from(kPolicy), results).device_class == "internet_device");
}

TEST_CASE("a rule with a certificate among all its probes is decided by certificate", "[classify]") {
  const auto policy = policy_from(R"({"version": 1,
    "probes": [{"id": "cert", "kind": "device_certificate", "certificate": "/c.pem", "key": "/c.key", "anchors": ["/r.pem"]},
               {"id": "marker", "kind": "file", "path": "/etc/gsib"}],
    "classes": [{"class": "non_se_gsib", "all": ["marker", "cert"]}]})");
  ProbeResults results{{"cert", result(Outcome::match)}, {"marker", result(Outcome::match)}};
  const Classification c = classify(policy, results);
  CHECK(c.device_class == "non_se_gsib");
  CHECK(c.decided_by == "certificate");
  CHECK(c.signer == "cert");
}

TEST_CASE("a policy whose default is unknown says unknown without an error", "[classify]") {
  const auto policy = policy_from(R"({"version": 1, "default": "unknown"})");
  const Classification c = classify(policy, {});
  CHECK(c.device_class == "unknown");
  CHECK(c.decided_by == "default");
  CHECK_FALSE(c.error);
}
