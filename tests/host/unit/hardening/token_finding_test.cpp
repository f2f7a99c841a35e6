#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "crypto/loader.hpp"
#include "support/token_fixtures.hpp"
#include "token/token_error.hpp"
#include "token/verifier.hpp"
#include "token/x5c.hpp"

using namespace seed::token;
using seed::test::shared_test_pki;

namespace {

// The failure verify_token reports for a token signed by a real device with these times.
TokenFailure failure_for_times(std::int64_t iat, std::int64_t exp) {
  const SigningIdentity identity = seed::test::signing_identity(shared_test_pki(), "device-non-se");
  Claims claims = claims_for(seed::test::test_statement(), identity, std::chrono::system_clock::now());
  claims.iat = iat;
  claims.exp = exp;
  VerifyOptions options;
  options.anchors = {seed::crypto::load_certificate(shared_test_pki().root_ca())};
  try {
    verify_token(sign_claims(claims, identity), options);
  } catch (const TokenError& error) {
    return error.failure();
  }
  FAIL("the token was accepted");
  return TokenFailure::malformed;
}

// A certificate that still parses but whose key OpenSSL cannot read: one byte of its EC point
// changed (off the P-256 curve), or its rsaEncryption OID turned into an unknown one.
std::string with_unreadable_key(std::string der) {
  const std::string ec_point_prefix("\x03\x42\x00\x04", 4);  // BIT STRING of 66 bytes, uncompressed point
  const std::string rsa_encryption("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01", 9);  // 1.2.840.113549.1.1.1
  if (const std::size_t at = der.find(ec_point_prefix); at != std::string::npos) {
    der[at + ec_point_prefix.size()] ^= 0x01;
  } else {
    const std::size_t oid = der.find(rsa_encryption);
    REQUIRE(oid != std::string::npos);
    der[oid + rsa_encryption.size() - 1] = 0x7f;
  }
  return der;
}

// What verify_token says of the token with x5c[index] given an unreadable key.
std::pair<TokenFailure, std::string> rejection_with_unreadable_key(const char* device, std::size_t index) {
  seed::test::TokenParts parts = seed::test::split_token(seed::test::make_token(shared_test_pki(), device));
  const auto der = base64_decode(parts.header["x5c"][index].get<std::string>());
  REQUIRE(der);
  parts.header["x5c"][index] = base64_encode(with_unreadable_key(*der));
  VerifyOptions options;
  options.anchors = {seed::crypto::load_certificate(shared_test_pki().root_ca())};
  try {
    verify_token(seed::test::join_token(parts), options);
  } catch (const TokenError& error) {
    return {error.failure(), error.what()};
  }
  FAIL("the token was accepted");
  return {};
}

}  // namespace

// Found by fuzz target jws_token (fuzz/corpus/jws_token/finding-time-overflow): with iat and exp
// at the ends of int64, the lifetime check `exp - iat` overflowed (undefined behaviour, which the
// sanitizer build aborts on); a far-future iat overflowed the clock when the message printed it.
TEST_CASE("finding: signed tokens with extreme iat or exp are refused without overflow", "[hardening][token]") {
  constexpr auto lowest = std::numeric_limits<std::int64_t>::min();
  constexpr auto highest = std::numeric_limits<std::int64_t>::max();
  CHECK(failure_for_times(lowest, highest) == TokenFailure::claims);
  CHECK(failure_for_times(highest - 300, highest) == TokenFailure::claims);
  CHECK(failure_for_times(std::int64_t{1} << 40, (std::int64_t{1} << 40) + 300) == TokenFailure::claims);
  CHECK(failure_for_times(-300, 0) == TokenFailure::claims);
}

// Found by fuzz target jws_token (fuzz/corpus/jws_token/finding-unreadable-key): a certificate in
// x5c whose DER parses but whose key OpenSSL cannot read (an unknown key algorithm there, an EC
// point off its curve here) made the verifier throw a CryptoError, not a TokenError, which ended
// the fuzz target and would have made `seed-attest verify` answer with an error, not a rejection.
TEST_CASE("finding: a certificate whose key cannot be read is a malformed token", "[hardening][token]") {
  for (const char* device : {"device-non-se", "device-rsa"}) {
    for (const std::size_t index : {0U, 1U}) {
      INFO(device << ", x5c[" << index << "]");
      const auto [failure, message] = rejection_with_unreadable_key(device, index);
      CHECK(failure == TokenFailure::malformed);
      CHECK_THAT(message,
                 Catch::StartsWith("x5c[" + std::to_string(index) + "]: unreadable public key in the certificate"));
    }
  }
}
