#pragma once

#include <stdexcept>
#include <string>

namespace seed::token {

// Why a token could not be made or was rejected, grouped by what a caller can do about it.
enum class TokenFailure {
  unsupported_key,  // signing: the device key is neither EC P-256 nor RSA >= 2048 bits
  signing_failed,   // signing: the key (or its provider) refused to sign
  malformed,        // verifying: not a compact JWS of this format
  algorithm,        // verifying: alg is not ES256 or RS256 (none, HMAC, ...), or does not fit the key
  signature,        // verifying: the signature does not verify with the key of x5c[0]
  chain,            // verifying: x5c[0] does not chain to the trust anchor now
  claims,           // verifying: a claim is missing, of the wrong type, or inconsistent
  expired,          // verifying: exp has passed (beyond the allowed clock skew)
  not_yet_valid,    // verifying: iat is in the future (beyond the allowed clock skew)
  nonce,            // verifying: nonce is not the expected one
  audience,         // verifying: aud is not the expected origin
};

class TokenError : public std::runtime_error {
 public:
  TokenError(TokenFailure failure, const std::string& message) : std::runtime_error(message), failure_(failure) {}
  [[nodiscard]] TokenFailure failure() const { return failure_; }

 private:
  TokenFailure failure_;
};

}  // namespace seed::token
