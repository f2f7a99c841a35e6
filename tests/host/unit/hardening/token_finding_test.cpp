#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

#include "crypto/loader.hpp"
#include "support/token_fixtures.hpp"
#include "token/token_error.hpp"
#include "token/verifier.hpp"

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
