#pragma once

#include <optional>
#include <string>
#include <string_view>

// Base64url without padding (RFC 4648 section 5), as JWS and the protocol's nonce use it.
namespace seed::base64url {

std::string encode(std::string_view bytes);

// Strict: only the URL-safe alphabet, no padding, no whitespace, no impossible length, and unused
// trailing bits must be zero (so every text decodes from exactly one encoding).
std::optional<std::string> decode(std::string_view text);

}  // namespace seed::base64url
