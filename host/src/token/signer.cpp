#include "token/signer.hpp"

#include "crypto/crypto_error.hpp"
#include "crypto/key_type.hpp"
#include "crypto/signature.hpp"
#include "seed_attest/version.hpp"
#include "token/algorithm.hpp"
#include "token/compact_jws.hpp"
#include "token/token_error.hpp"
#include "token/x5c.hpp"

namespace seed::token {
namespace {

constexpr std::size_t kP256ComponentSize = 32;

}  // namespace

Claims claims_for(const Statement& statement, const SigningIdentity& identity,
                  std::chrono::system_clock::time_point now) {
  if (identity.chain.empty()) throw TokenError(TokenFailure::signing_failed, "no device certificate to sign with");
  Claims claims;
  claims.sub = identity.chain.front().serial_hex();
  claims.aud = statement.audience;
  claims.nonce = statement.nonce;
  claims.iat = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  claims.exp = claims.iat + kLifetime.count();
  claims.device_class = statement.device_class;
  claims.decided_by = statement.decided_by;
  claims.policy_sha256 = statement.policy_sha256;
  claims.host_version = kHostVersion;
  claims.caller = statement.caller;
  return claims;
}

std::string sign_claims(const Claims& claims, const SigningIdentity& identity) {
  if (identity.chain.empty()) throw TokenError(TokenFailure::signing_failed, "no device certificate to sign with");
  const auto algorithm = algorithm_for_key(identity.key.get());
  if (!algorithm) {
    throw TokenError(TokenFailure::unsupported_key,
                     "a " + crypto::describe_key(identity.key.get()) + " key cannot sign ES256 or RS256");
  }
  const nlohmann::json header = {
      {"alg", algorithm_name(*algorithm)}, {"typ", kTokenType}, {"x5c", encode_x5c(identity.chain)}};
  const std::string input = signing_input(header, to_json(claims));
  try {
    std::string signature = crypto::sign_sha256(identity.key, input);
    if (*algorithm == Algorithm::es256) signature = crypto::ecdsa_der_to_raw(signature, kP256ComponentSize);
    return join_compact(input, signature);
  } catch (const crypto::CryptoError& error) {
    throw TokenError(TokenFailure::signing_failed, error.what());
  }
}

}  // namespace seed::token
