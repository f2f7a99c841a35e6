#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/certificate.hpp"
#include "token/claims.hpp"

namespace seed::token {

struct VerifyOptions {
  std::vector<crypto::Certificate> anchors;  // the only certificates trusted
  std::optional<std::string> nonce;          // checked when given
  std::optional<std::string> audience;       // checked against aud when given
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  std::chrono::seconds clock_skew{60};  // tolerated between the signing device and the verifier
};

struct VerifiedToken {
  nlohmann::json header;
  Claims claims;
  std::vector<crypto::Certificate> path;  // device certificate first, trust anchor last
};

// Verifies a token of section 4 strictly, in this order: compact JWS shape; header (only alg,
// typ and x5c; alg ES256 or RS256 and matching the key of x5c[0]); the signature with that key;
// the chain from x5c[0] through the rest of x5c to an anchor, valid now; the claims (all present,
// typed, iss "seed-attest", sub the certificate's serial, decided_by "certificate", a lifetime of
// at most 300 s, not expired and not issued in the future beyond the skew); then nonce and aud.
// Throws TokenError saying exactly why at the first failure.
VerifiedToken verify_token(std::string_view token, const VerifyOptions& options);

}  // namespace seed::token
