#include <catch2/catch.hpp>
#include <cstdint>

#include "token/claims.hpp"
#include "token/token_error.hpp"

using namespace seed::token;

namespace {

Claims sample() {
  Claims claims;
  claims.sub = "5b1f";
  claims.aud = "https://portal.techpass.gov.sg";
  claims.nonce = "AAECAwQFBgcICQoLDA0ODw";
  claims.iat = 1'800'000'000;
  claims.exp = 1'800'000'300;
  claims.device_class = "se_gsib";
  claims.decided_by = "certificate";
  claims.policy_sha256 = std::string(64, 'b');
  claims.host_version = "0.1.0";
  claims.caller = "seed-attest@techpass.sg";
  return claims;
}

std::string problem_of(const nlohmann::json& payload) {
  try {
    claims_from_json(payload);
  } catch (const TokenError& error) {
    CHECK(error.failure() == TokenFailure::claims);
    return error.what();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("claims have exactly the members of the contract and round-trip") {
  const nlohmann::json payload = to_json(sample());
  CHECK(payload.size() == 11);
  CHECK(payload["iss"] == "seed-attest");
  CHECK(payload["exp"] == 1'800'000'300);
  const Claims back = claims_from_json(payload);
  CHECK(back.sub == "5b1f");
  CHECK(back.iat == 1'800'000'000);
  CHECK(back.caller == "seed-attest@techpass.sg");
  CHECK(to_json(back) == payload);
}

TEST_CASE("a null caller stays null") {
  Claims claims = sample();
  claims.caller.reset();
  const nlohmann::json payload = to_json(claims);
  CHECK(payload["caller"].is_null());
  CHECK_FALSE(claims_from_json(payload).caller.has_value());
}

TEST_CASE("claims refuse missing, mistyped and unknown members") {
  nlohmann::json payload = to_json(sample());
  CHECK(problem_of(payload) == "(accepted)");
  for (const char* name : {"iss", "sub", "aud", "nonce", "iat", "exp", "device_class", "decided_by", "policy_sha256",
                           "host_version", "caller"}) {
    nlohmann::json without = payload;
    without.erase(name);
    CHECK(problem_of(without) == std::string("claim ") + name + " is missing");
  }
  payload["iat"] = 1.5;
  CHECK(problem_of(payload) == "claim iat must be an integer number of seconds");
  payload["iat"] = "1800000000";
  CHECK(problem_of(payload) == "claim iat must be an integer number of seconds");
  payload["iat"] = 18446744073709551615ULL;
  CHECK(problem_of(payload) == "claim iat must be an integer number of seconds");
  payload["iat"] = -1;
  CHECK(problem_of(payload) == "claim iat must be a time between 1970 and 2106");
  payload["iat"] = INT64_MAX;  // exp + skew would overflow
  CHECK(problem_of(payload) == "claim iat must be a time between 1970 and 2106");
  payload = to_json(sample());
  payload["exp"] = 0x1'0000'0000LL;
  CHECK(problem_of(payload) == "claim exp must be a time between 1970 and 2106");
  payload = to_json(sample());
  payload["nonce"] = 7;
  CHECK(problem_of(payload) == "claim nonce must be a string");
  payload = to_json(sample());
  payload["caller"] = false;
  CHECK(problem_of(payload) == "claim caller must be a string or null");
  payload = to_json(sample());
  payload["admin"] = true;
  CHECK(problem_of(payload) == "unexpected claim admin");
}
