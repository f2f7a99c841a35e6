#include <catch2/catch.hpp>

#include "crypto/loader.hpp"
#include "crypto/signature.hpp"
#include "support/token_fixtures.hpp"
#include "token/token_error.hpp"
#include "token/verifier.hpp"

using namespace seed::token;
using namespace seed::test;
using std::chrono::seconds;

namespace {

VerifyOptions trusting_root() {
  VerifyOptions options;
  options.anchors = {seed::crypto::load_certificate(shared_test_pki().root_ca())};
  return options;
}

struct Rejection {
  TokenFailure failure;
  std::string message;
};

Rejection rejection_of(std::string_view token, const VerifyOptions& options = trusting_root()) {
  try {
    verify_token(token, options);
  } catch (const TokenError& error) {
    return {error.failure(), error.what()};
  }
  FAIL("the token was accepted");
  return {};
}

// A token signed by `device` with claims changed by `change`.
template <typename Change>
std::string token_with_claims(std::string_view device, Change change) {
  const SigningIdentity identity = signing_identity(shared_test_pki(), device);
  Claims claims = claims_for(test_statement(), identity, std::chrono::system_clock::now());
  change(claims);
  return sign_claims(claims, identity);
}

}  // namespace

TEST_CASE("ES256 and RS256 tokens from the host verify, with nonce and origin") {
  for (const char* device : {"device-non-se", "device-se", "device-rsa"}) {
    INFO(device);
    VerifyOptions options = trusting_root();
    options.nonce = test_statement().nonce;
    options.audience = "https://portal.techpass.gov.sg";
    const VerifiedToken verified = verify_token(make_token(shared_test_pki(), device), options);
    CHECK(verified.claims.device_class == "non_se_gsib");
    CHECK(verified.claims.sub ==
          seed::crypto::load_certificate(shared_test_pki().certificate(device)).serial_hex());
    CHECK(verified.path.size() == 3);
    CHECK(verified.header["typ"] == "seed-attest+jwt");
  }
}

TEST_CASE("verify refuses a tampered payload") {
  const std::string token = make_token(shared_test_pki(), "device-non-se");
  nlohmann::json payload = split_token(token).payload;
  payload["device_class"] = "se_gsib";
  const Rejection rejection = rejection_of(with_payload(token, payload));
  CHECK(rejection.failure == TokenFailure::signature);
  CHECK(rejection.message == "the signature does not verify with the key of x5c[0]");
}

TEST_CASE("verify refuses a tampered header") {
  const std::string token = make_token(shared_test_pki(), "device-non-se");
  nlohmann::json header = split_token(token).header;
  header["typ"] = "JWT";
  CHECK(rejection_of(with_header(token, header)).message == "header typ must be \"seed-attest+jwt\"");
  header = split_token(token).header;
  header["x5c"].erase(1);  // same certificate, other bytes signed
  CHECK(rejection_of(with_header(token, header)).failure == TokenFailure::signature);
  header = split_token(token).header;
  header["kid"] = "1";
  CHECK(rejection_of(with_header(token, header)).message == "header member \"kid\" is not part of this format");
  header = split_token(token).header;
  header["x5c"][0] = split_token(make_token(shared_test_pki(), "device-se")).header["x5c"][0];
  CHECK(rejection_of(with_header(token, header)).failure == TokenFailure::signature);
}

TEST_CASE("verify refuses alg none") {
  const Rejection rejection = rejection_of(unsigned_token(make_token(shared_test_pki(), "device-non-se")));
  CHECK(rejection.failure == TokenFailure::malformed);  // the empty signature part goes first
  const std::string token = make_token(shared_test_pki(), "device-non-se");
  TokenParts parts = split_token(token);
  parts.header["alg"] = "none";
  const Rejection with_signature = rejection_of(join_token(parts));
  CHECK(with_signature.failure == TokenFailure::algorithm);
  CHECK(with_signature.message == "alg \"none\" is refused: an unsigned token proves nothing");
}

TEST_CASE("verify refuses HS256 keyed with the certificate bytes") {
  const std::string token = make_token(shared_test_pki(), "device-non-se");
  const std::string certificate = seed::crypto::load_certificate(shared_test_pki().certificate("device-non-se")).der();
  const Rejection rejection = rejection_of(hmac_token(token, certificate));
  CHECK(rejection.failure == TokenFailure::algorithm);
  CHECK(rejection.message == "alg \"HS256\" is refused: HMAC uses no private key");
}

TEST_CASE("verify refuses an alg that does not fit the key, and other algorithms") {
  const std::string token = make_token(shared_test_pki(), "device-non-se");
  TokenParts parts = split_token(token);
  parts.header["alg"] = "RS256";
  CHECK(rejection_of(join_token(parts)).message == "alg RS256 does not fit the EC P-256 key of x5c[0]");
  parts.header["alg"] = "ES384";
  CHECK(rejection_of(join_token(parts)).message == "alg \"ES384\" is refused: only ES256 and RS256 are accepted");
  parts.header.erase("alg");
  CHECK(rejection_of(join_token(parts)).message == "the header has no alg");
}

TEST_CASE("verify refuses an ES256 signature in DER instead of r||s") {
  const SigningIdentity identity = signing_identity(shared_test_pki(), "device-non-se");
  const std::string token = make_token(shared_test_pki(), "device-non-se");
  TokenParts parts = split_token(token);
  const std::string input = token.substr(0, token.rfind('.'));
  parts.signature = seed::crypto::sign_sha256(identity.key, input);
  const Rejection rejection = rejection_of(join_token(parts));
  CHECK(rejection.failure == TokenFailure::signature);
  CHECK_THAT(rejection.message, Catch::StartsWith("an ES256 signature is 64 bytes (r||s)"));
}

TEST_CASE("verify refuses another nonce and another origin") {
  const std::string token = make_token(shared_test_pki(), "device-se");
  VerifyOptions options = trusting_root();
  options.nonce = "BBECAwQFBgcICQoLDA0ODw";
  CHECK(rejection_of(token, options).failure == TokenFailure::nonce);
  options = trusting_root();
  options.audience = "https://evil.example";
  const Rejection rejection = rejection_of(token, options);
  CHECK(rejection.failure == TokenFailure::audience);
  CHECK(rejection.message ==
        "aud \"https://portal.techpass.gov.sg\" is not the expected origin \"https://evil.example\"");
}

TEST_CASE("verify refuses a certificate from an untrusted root and an expired certificate") {
  const Rejection untrusted = rejection_of(make_token(shared_test_pki(), "device-untrusted"));
  CHECK(untrusted.failure == TokenFailure::chain);
  CHECK_THAT(untrusted.message, Catch::StartsWith("the certificate chain does not verify: "));
  VerifyOptions other_root = trusting_root();
  other_root.anchors = {seed::crypto::load_certificate(shared_test_pki().certificate("untrusted-root-ca"))};
  CHECK(rejection_of(make_token(shared_test_pki(), "device-se"), other_root).failure == TokenFailure::chain);
  const Rejection expired = rejection_of(make_token(shared_test_pki(), "device-expired"));
  CHECK(expired.failure == TokenFailure::chain);
  CHECK_THAT(expired.message, Catch::Contains("certificate has expired"));
}

TEST_CASE("verify refuses an expired token and one from the future, within a small skew") {
  const std::string old = token_with_claims("device-se", [](Claims& claims) {
    claims.iat -= 400;
    claims.exp -= 400;
  });
  const Rejection rejection = rejection_of(old);
  CHECK(rejection.failure == TokenFailure::expired);
  CHECK_THAT(rejection.message, Catch::StartsWith("the token expired at 20"));
  const std::string just_expired = token_with_claims("device-se", [](Claims& claims) {
    claims.iat -= 330;
    claims.exp -= 330;
  });
  CHECK_NOTHROW(verify_token(just_expired, trusting_root()));  // 30 s late: within the 60 s skew
  const std::string future = token_with_claims("device-se", [](Claims& claims) {
    claims.iat += 120;
    claims.exp += 120;
  });
  CHECK(rejection_of(future).failure == TokenFailure::not_yet_valid);
}

TEST_CASE("verify refuses claims the host never makes, even when properly signed") {
  const auto check = [](auto change, const std::string& message) {
    const Rejection rejection = rejection_of(token_with_claims("device-se", change));
    CHECK(rejection.failure == TokenFailure::claims);
    CHECK(rejection.message == message);
  };
  check([](Claims& claims) { claims.exp = claims.iat + 301; }, "exp must be after iat by at most 300 seconds");
  check([](Claims& claims) { claims.exp = claims.iat; }, "exp must be after iat by at most 300 seconds");
  check([](Claims& claims) { claims.iss = "someone"; }, "iss is \"someone\", not \"seed-attest\"");
  check([](Claims& claims) { claims.decided_by = "heuristic"; },
        "decided_by is \"heuristic\": only certificate decisions are signed");
  check([](Claims& claims) { claims.sub = "01"; },
        "sub 01 is not the serial of x5c[0] (" +
            seed::crypto::load_certificate(shared_test_pki().certificate("device-se")).serial_hex() + ")");
  const SigningIdentity identity = signing_identity(shared_test_pki(), "device-se");
  const TokenParts parts = split_token(make_token(shared_test_pki(), "device-se"));
  nlohmann::json payload = parts.payload;
  payload.erase("nonce");
  const Rejection missing = rejection_of(signed_token(parts.header, payload, identity));
  CHECK(missing.message == "claim nonce is missing");
}

TEST_CASE("verify refuses garbage") {
  for (const char* garbage : {"", "garbage", "a.b.c", "....", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln", "\xff\xfe.\x01.\x02"}) {
    INFO(garbage);
    CHECK(rejection_of(garbage).failure == TokenFailure::malformed);
  }
  CHECK(rejection_of("eyJhbGciOiJFUzI1NiJ9.e30.c2ln").message == "header typ must be \"seed-attest+jwt\"");
}
