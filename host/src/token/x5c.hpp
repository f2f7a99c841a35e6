#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/certificate.hpp"

// The JWS "x5c" header (RFC 7515 section 4.1.6): certificates as standard base64 DER (with
// padding, not base64url), the signing certificate first.
namespace seed::token {

nlohmann::json encode_x5c(std::span<const crypto::Certificate> chain);

// The certificates, or throws TokenError(malformed) naming the bad entry.
std::vector<crypto::Certificate> decode_x5c(const nlohmann::json& x5c);

// Standard base64 with padding, strictly: built on the one base64url codec.
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace seed::token
