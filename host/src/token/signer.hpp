#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "crypto/certified_key.hpp"
#include "token/claims.hpp"

namespace seed::token {

// The device key and its chain (device certificate first), which x5c carries.
using SigningIdentity = crypto::CertifiedKey;

// What a token states about the device, apart from who signs it and when.
struct Statement {
  std::string audience;  // the portal origin
  std::string nonce;
  std::string device_class;
  std::string decided_by;
  std::string policy_sha256;
  std::optional<std::string> caller;
};

// The claims for `statement` signed by `identity` at `now`: sub is the device certificate's
// serial, exp is iat + 300 s, host_version this program's version.
Claims claims_for(const Statement& statement, const SigningIdentity& identity, std::chrono::system_clock::time_point now);

// A compact JWS of `claims`: ES256 (r||s) for an EC P-256 key, RS256 for RSA. Throws
// TokenError(unsupported_key) for other keys, TokenError(signing_failed) when signing fails.
std::string sign_claims(const Claims& claims, const SigningIdentity& identity);

}  // namespace seed::token
