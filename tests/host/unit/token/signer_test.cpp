#include <openssl/evp.h>

#include <catch2/catch.hpp>

#include "crypto/loader.hpp"
#include "seed_attest/version.hpp"
#include "support/token_fixtures.hpp"
#include "token/token_error.hpp"
#include "token/x5c.hpp"

using namespace seed::token;
using namespace seed::test;

TEST_CASE("claims_for states the device, binds the certificate serial and lives 300 seconds") {
  const SigningIdentity identity = signing_identity(shared_test_pki(), "device-se");
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds{1'800'000'000});
  const Claims claims = claims_for(test_statement(), identity, now);
  CHECK(claims.iss == "seed-attest");
  CHECK(claims.sub == identity.chain.front().serial_hex());
  CHECK(claims.aud == "https://portal.techpass.gov.sg");
  CHECK(claims.nonce == test_statement().nonce);
  CHECK(claims.iat == 1'800'000'000);
  CHECK(claims.exp == 1'800'000'300);
  CHECK(claims.device_class == "non_se_gsib");
  CHECK(claims.decided_by == "certificate");
  CHECK(claims.host_version == seed::kHostVersion);
  CHECK(claims.caller == test_statement().caller);
}

TEST_CASE("an EC P-256 key signs ES256 with a 64-byte r||s signature and the chain in x5c") {
  const std::string token = make_token(shared_test_pki(), "device-non-se");
  const TokenParts parts = split_token(token);
  CHECK(parts.header.size() == 3);
  CHECK(parts.header["alg"] == "ES256");
  CHECK(parts.header["typ"] == "seed-attest+jwt");
  REQUIRE(parts.header["x5c"].size() == 2);
  CHECK(base64_decode(parts.header["x5c"][0].get<std::string>()) ==
        seed::crypto::load_certificate(shared_test_pki().certificate("device-non-se")).der());
  CHECK(base64_decode(parts.header["x5c"][1].get<std::string>()) ==
        seed::crypto::load_certificate(shared_test_pki().issuing_ca()).der());
  CHECK(parts.signature.size() == 64);
  CHECK(parts.payload.size() == 11);
}

TEST_CASE("an RSA key signs RS256") {
  const TokenParts parts = split_token(make_token(shared_test_pki(), "device-rsa"));
  CHECK(parts.header["alg"] == "RS256");
  CHECK(parts.signature.size() == 256);
}

TEST_CASE("keys that cannot sign ES256 or RS256 are refused by name") {
  SigningIdentity identity = signing_identity(shared_test_pki(), "device-se");
  identity.key = seed::crypto::PrivateKey(seed::crypto::KeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384")));
  const Claims claims = claims_for(test_statement(), identity, std::chrono::system_clock::now());
  try {
    sign_claims(claims, identity);
    FAIL("a P-384 key signed a token");
  } catch (const TokenError& error) {
    CHECK(error.failure() == TokenFailure::unsupported_key);
    CHECK(std::string(error.what()) == "a EC secp384r1 key cannot sign ES256 or RS256");
  }
  identity.chain.clear();
  CHECK_THROWS_AS(sign_claims(claims, identity), TokenError);
}
