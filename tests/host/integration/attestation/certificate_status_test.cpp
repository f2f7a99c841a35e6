#include <catch2/catch.hpp>

#include "run_host.hpp"
#include "support/test_pki.hpp"

using seed::test::run_seed_attest;
using seed::test::shared_test_pki;
using json = nlohmann::json;

namespace {

// An agency policy with a certificate probe per GSIB class over one device certificate.
json status_with_certificate(const std::string& device) {
  const auto& pki = shared_test_pki();
  const json files = {{"certificate", pki.certificate(device).string()},
                      {"key", pki.key(device).string()},
                      {"anchors", {pki.root_ca().string()}},
                      {"intermediates", {pki.issuing_ca().string()}}};
  json non_se = files;
  non_se.update({{"id", "non-se-cert"}, {"kind", "device_certificate"},
                 {"policy_oids", {std::string(seed::test::kNonSePolicyOid)}}, {"subject", {{"OU", "^GSIB Non-SE$"}}}});
  json se = files;
  se.update({{"id", "se-cert"}, {"kind", "device_certificate"},
             {"policy_oids", {std::string(seed::test::kSePolicyOid)}}, {"subject", {{"OU", "^GSIB SE$"}}}});
  const json policy = {{"version", 1},
                       {"probes", {non_se, se}},
                       {"classes", {{{"class", "non_se_gsib"}, {"any", {"non-se-cert"}}},
                                    {{"class", "se_gsib"}, {"any", {"se-cert"}}}}},
                       {"default", "internet_device"}};
  seed::test::TemporaryDirectory directory;
  const auto path = seed::test::write_policy(directory.path(), "agency.json", policy.dump());
  const auto output = run_seed_attest({"status", "--json", "--policy", path.string()});
  REQUIRE(output.exit_code == 0);
  return json::parse(output.out);
}

}  // namespace

TEST_CASE("status --json with a matching non-SE device certificate says non_se_gsib by certificate", "[cli][certificate]") {
  const json status = status_with_certificate("device-non-se");
  CHECK(status["device_class"] == "non_se_gsib");
  CHECK(status["decided_by"] == "certificate");
  CHECK(status["evidence"][0]["outcome"] == "match");
  // Privacy by default: no serial number or subject unless the probe asks for them.
  CHECK(status["evidence"][0]["detail"].get<std::string>().find("serial") == std::string::npos);
}

TEST_CASE("status --json with a matching SE device certificate says se_gsib by certificate", "[cli][certificate]") {
  const json status = status_with_certificate("device-se");
  CHECK(status["device_class"] == "se_gsib");
  CHECK(status["decided_by"] == "certificate");
}

TEST_CASE("status --json with an RSA device certificate says non_se_gsib by certificate", "[cli][certificate]") {
  const json status = status_with_certificate("device-rsa");
  CHECK(status["device_class"] == "non_se_gsib");
  CHECK(status["decided_by"] == "certificate");
}

TEST_CASE("status --json with expired, untrusted, mismatched or wrong-subject certificates is not a GSIB", "[cli][certificate]") {
  for (const char* device : {"device-expired", "device-untrusted", "device-mismatched", "device-wrong-subject"}) {
    INFO(device);
    const json status = status_with_certificate(device);
    CHECK(status["device_class"] == "internet_device");
    CHECK(status["decided_by"] == "default");
    CHECK(status["evidence"][0]["outcome"] == "no_match");
    CHECK(status["evidence"][1]["outcome"] == "no_match");
  }
}
