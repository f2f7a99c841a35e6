#include <catch2/catch.hpp>

#include "crypto/loader.hpp"
#include "scenario.hpp"
#include "support/token_fixtures.hpp"
#include "token/verifier.hpp"

using namespace seed::test;

namespace {

seed::token::VerifiedToken verified(const std::string& token) {
  seed::token::VerifyOptions options;
  options.anchors = {seed::crypto::load_certificate(shared_test_pki().root_ca())};
  options.nonce = kNonce;
  options.audience = kPortal;
  return seed::token::verify_token(token, options);
}

}  // namespace

TEST_CASE("attest over the protocol returns the status fields and an ES256 token that verifies") {
  const Scenario scenario("device-non-se", kNonSePolicyOid, "non_se_gsib");
  const nlohmann::json reply = scenario.attest();
  CHECK(reply["type"] == "attest");
  CHECK(reply["id"] == "a1");
  CHECK(reply["device_class"] == "non_se_gsib");
  CHECK(reply["decided_by"] == "certificate");
  CHECK(reply.contains("evidence"));
  CHECK(reply.contains("readiness"));
  CHECK_FALSE(reply.contains("token_error"));
  REQUIRE(reply["token"].is_string());
  const auto token = verified(reply["token"].get<std::string>());
  CHECK(split_token(reply["token"].get<std::string>()).header["alg"] == "ES256");
  CHECK(token.claims.device_class == "non_se_gsib");
  CHECK(token.claims.policy_sha256 == reply["policy"]["sha256"]);
  CHECK(token.claims.caller == "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/");
  CHECK(token.claims.sub ==
        seed::crypto::load_certificate(shared_test_pki().certificate("device-non-se")).serial_hex());
  CHECK(token.claims.exp - token.claims.iat == 300);
}

TEST_CASE("an SE device attests se_gsib, and an RSA device signs RS256") {
  const nlohmann::json se = Scenario("device-se", kSePolicyOid, "se_gsib").attest();
  REQUIRE(se["token"].is_string());
  CHECK(verified(se["token"].get<std::string>()).claims.device_class == "se_gsib");

  const nlohmann::json rsa = Scenario("device-rsa", kNonSePolicyOid, "non_se_gsib").attest();
  REQUIRE(rsa["token"].is_string());
  CHECK(split_token(rsa["token"].get<std::string>()).header["alg"] == "RS256");
  CHECK(verified(rsa["token"].get<std::string>()).claims.device_class == "non_se_gsib");
}

TEST_CASE("without certificate evidence the token is null with no_device_key") {
  for (const Scenario& scenario : {Scenario::heuristic_only(), Scenario("device-mismatched", kNonSePolicyOid, "non_se_gsib"),
                                   Scenario("device-expired", kNonSePolicyOid, "non_se_gsib"),
                                   Scenario("device-wrong-subject", kNonSePolicyOid, "non_se_gsib")}) {
    const nlohmann::json reply = scenario.attest();
    CHECK(reply["type"] == "attest");
    CHECK(reply["device_class"] == "internet_device");
    CHECK(reply["decided_by"] == "default");
    CHECK(reply["token"].is_null());
    CHECK(reply["token_error"] == "no_device_key");
  }
}

TEST_CASE("attest refuses short, long and non-base64url nonces") {
  const Scenario scenario("device-non-se", kNonSePolicyOid, "non_se_gsib");
  for (const std::string& nonce : {std::string("AAECAwQFBgcICQoLDA0OD"),  // 21 characters
                                  std::string(257, 'A'), std::string("AAECAwQFBgcICQoLDA0ODw=="),
                                  std::string("AAECAwQFBgcICQoLDA0OD+"), std::string("AAECAwQFBgcICQoLDA0OD/"),
                                  std::string("AAECAwQFBgcICQoLDA0OD w"), std::string("")}) {
    INFO(nonce);
    const nlohmann::json reply = scenario.attest(attest_request(nonce));
    CHECK(reply["type"] == "error");
    CHECK(reply["code"] == "bad_request");
    CHECK(reply["id"] == "a1");
  }
  nlohmann::json numeric = attest_request();
  numeric["nonce"] = 12345;
  CHECK(scenario.attest(numeric)["code"] == "bad_request");
  CHECK(scenario.attest(attest_request(std::string(256, 'A')))["type"] == "attest");  // the longest allowed
}

TEST_CASE("attest refuses origins that are not bare https origins") {
  const Scenario scenario("device-non-se", kNonSePolicyOid, "non_se_gsib");
  for (const char* origin : {"http://portal.techpass.gov.sg", "https://portal.techpass.gov.sg/",
                             "https://portal.techpass.gov.sg/my-account", "https://portal.techpass.gov.sg?x=1",
                             "https://portal.techpass.gov.sg#top", "https://user@portal.techpass.gov.sg",
                             "portal.techpass.gov.sg", "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak",
                             "https://"}) {
    INFO(origin);
    const nlohmann::json reply = scenario.attest(attest_request(kNonce, origin));
    CHECK(reply["type"] == "error");
    CHECK(reply["code"] == "bad_request");
  }
  const nlohmann::json with_port = scenario.attest(attest_request(kNonce, "https://portal.techpass.gov.sg:8443"));
  REQUIRE(with_port["token"].is_string());
  CHECK(split_token(with_port["token"].get<std::string>()).payload["aud"] == "https://portal.techpass.gov.sg:8443");
}
