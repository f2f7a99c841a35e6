#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

// JWS compact serialisation (RFC 7515 section 7.1): BASE64URL(header) "." BASE64URL(payload) "."
// BASE64URL(signature), the first two parts being the signing input.
namespace seed::token {

inline constexpr std::size_t kMaxTokenLength = 64 * 1024;

struct CompactJws {
  nlohmann::json header;
  nlohmann::json payload;
  std::string signing_input;  // the first two parts and the dot between them, as received
  std::string signature;      // raw bytes
};

std::string signing_input(const nlohmann::json& header, const nlohmann::json& payload);
std::string join_compact(std::string_view signing_input, std::string_view signature);

// Strict: at most kMaxTokenLength characters, exactly three parts, each canonical base64url
// without padding, header and payload strict JSON objects. Throws TokenError(malformed).
CompactJws split_compact(std::string_view token);

}  // namespace seed::token
