#include <catch2/catch.hpp>

#include <fstream>

#include "common/base64url.hpp"
#include "scenarios.hpp"
#include "support/test_pki.hpp"

using seed::bench::Scenario;

namespace {

const Scenario& find(const std::vector<Scenario>& scenarios, const std::string& key) {
  for (const auto& scenario : scenarios) {
    if (scenario.key == key) return scenario;
  }
  FAIL("no scenario " << key);
  throw std::logic_error("unreachable");
}

std::string token_with_algorithm(const std::string& algorithm) {
  return seed::base64url::encode(nlohmann::json{{"alg", algorithm}, {"typ", "seed-attest+jwt"}}.dump()) +
         ".e30.c2lnbmF0dXJl";
}

nlohmann::json attest_reply(const std::string& algorithm) {
  return {{"type", "attest"}, {"device_class", "non_se_gsib"}, {"decided_by", "certificate"},
          {"token", token_with_algorithm(algorithm)}};
}

}  // namespace

TEST_CASE("the certificate policies name the test PKI's device certificates and anchors", "[bench]") {
  const seed::test::TemporaryDirectory work;
  const auto scenarios = seed::bench::cold_scenarios("/pki", work.path());
  const auto& attest = find(scenarios, "attest_rs256");
  REQUIRE(attest.policy);
  std::ifstream in(*attest.policy);
  const auto policy = nlohmann::json::parse(in);
  const auto& probe = policy["probes"][0];
  CHECK(probe["kind"] == "device_certificate");
  CHECK(probe["certificate"] == "/pki/device-rsa.pem");
  CHECK(probe["key"] == "/pki/device-rsa.key");
  CHECK(probe["anchors"][0] == "/pki/root-ca.pem");
  CHECK(policy["classes"][0]["class"] == "non_se_gsib");
  CHECK(find(scenarios, "attest_es256").policy == find(scenarios, "status_certificate").policy);
  CHECK_FALSE(find(scenarios, "status_embedded").policy);
}

TEST_CASE("an error reply voids any figure", "[bench]") {
  const seed::test::TemporaryDirectory work;
  const nlohmann::json error = {{"type", "error"}, {"code", "internal"}, {"message", "boom"}};
  for (const auto& scenario : seed::bench::cold_scenarios("/pki", work.path())) {
    const auto problem = scenario.check(error);
    REQUIRE(problem);
    CHECK(problem->find("boom") != std::string::npos);
  }
}

TEST_CASE("the status figures need a class, and the certificate one a certificate decision", "[bench]") {
  const seed::test::TemporaryDirectory work;
  const auto scenarios = seed::bench::cold_scenarios("/pki", work.path());
  const nlohmann::json heuristic = {{"type", "status"}, {"device_class", "internet_device"}, {"decided_by", "default"}};
  CHECK_FALSE(find(scenarios, "status_embedded").check(heuristic));
  CHECK(find(scenarios, "status_certificate").check(heuristic));
  CHECK(find(scenarios, "status_embedded").check({{"type", "status"}, {"device_class", "unknown"}}));
  CHECK_FALSE(find(scenarios, "status_certificate")
                  .check({{"type", "status"}, {"device_class", "non_se_gsib"}, {"decided_by", "certificate"}}));
}

TEST_CASE("the attest figures need a token signed with their algorithm", "[bench]") {
  const seed::test::TemporaryDirectory work;
  const auto scenarios = seed::bench::cold_scenarios("/pki", work.path());
  CHECK_FALSE(find(scenarios, "attest_es256").check(attest_reply("ES256")));
  CHECK(find(scenarios, "attest_es256").check(attest_reply("RS256")));
  CHECK_FALSE(find(scenarios, "attest_rs256").check(attest_reply("RS256")));
  auto no_key = attest_reply("ES256");
  no_key["token"] = nullptr;
  no_key["token_error"] = "no_device_key";
  const auto problem = find(scenarios, "attest_es256").check(no_key);
  REQUIRE(problem);
  CHECK(problem->find("no_device_key") != std::string::npos);
}
