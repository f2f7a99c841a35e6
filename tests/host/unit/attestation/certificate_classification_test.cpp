#include <catch2/catch.hpp>
#include <string>

#include "attestation/assess.hpp"
#include "fake_facts.hpp"
#include "policy/parser.hpp"
#include "support/test_pki.hpp"

using namespace seed::attestation;
using seed::test::shared_test_pki;

namespace {

// A policy as an agency would write it: a certificate probe per GSIB class, each with its policy
// OID and subject, over the device certificate `device` of the test PKI.
std::string agency_policy(const std::string& device) {
  const auto& pki = shared_test_pki();
  const std::string files = R"("certificate": ")" + pki.certificate(device).string() + R"(", "key": ")" +
                            pki.key(device).string() + R"(", "anchors": [")" + pki.root_ca().string() +
                            R"("], "intermediates": [")" + pki.issuing_ca().string() + R"("])";
  return R"({"version": 1,
    "probes": [
      {"id": "non-se-cert", "kind": "device_certificate", )" + files + R"(,
       "policy_oids": [")" + std::string(seed::test::kNonSePolicyOid) + R"("], "subject": {"OU": "^GSIB Non-SE$"}},
      {"id": "se-cert", "kind": "device_certificate", )" + files + R"(,
       "policy_oids": [")" + std::string(seed::test::kSePolicyOid) + R"("], "subject": {"OU": "^GSIB SE$"}}],
    "classes": [{"class": "se_gsib", "any": ["se-cert"]}, {"class": "non_se_gsib", "any": ["non-se-cert"]}],
    "default": "internet_device"})";
}

Report assess_with(const std::string& device) {
  const std::string text = agency_policy(device);
  const seed::policy::LoadedPolicy loaded{{seed::policy::PolicySource::option, "/p.json", ""}, seed::policy::parse_policy(text), {}};
  AssessOptions options;
  options.facts = std::make_shared<seed::test::FakeFacts>();
  return assess(loaded, options);
}

}  // namespace

TEST_CASE("a valid non-SE device certificate classifies non_se_gsib, decided by certificate", "[assess][certificate]") {
  const Report report = assess_with("device-non-se");
  CHECK(report.device_class == "non_se_gsib");
  CHECK(report.decided_by == "certificate");
  CHECK(report.signer_probe == "non-se-cert");
  REQUIRE(report.signer);
  CHECK(report.signer->certificate == shared_test_pki().certificate("device-non-se").string());
  CHECK(report.evidence[0].outcome == Outcome::match);
  CHECK(report.evidence[1].outcome == Outcome::no_match);  // the SE probe: wrong OID
}

TEST_CASE("a valid SE device certificate classifies se_gsib, decided by certificate", "[assess][certificate]") {
  const Report report = assess_with("device-se");
  CHECK(report.device_class == "se_gsib");
  CHECK(report.decided_by == "certificate");
  CHECK(report.signer_probe == "se-cert");
}

TEST_CASE("an RSA device certificate classifies as well", "[assess][certificate]") {
  const Report report = assess_with("device-rsa");
  CHECK(report.device_class == "non_se_gsib");
  CHECK(report.decided_by == "certificate");
}

TEST_CASE("expired, untrusted, mismatched and wrong-subject certificates do not classify", "[assess][certificate]") {
  for (const char* device : {"device-expired", "device-untrusted", "device-mismatched", "device-wrong-subject"}) {
    INFO(device);
    const Report report = assess_with(device);
    CHECK(report.device_class == "internet_device");
    CHECK(report.decided_by == "default");
    CHECK_FALSE(report.signer);
    CHECK_FALSE(report.error);
    CHECK(report.evidence[0].outcome == Outcome::no_match);
    CHECK(report.evidence[1].outcome == Outcome::no_match);
  }
}
