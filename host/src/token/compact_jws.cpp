#include "token/compact_jws.hpp"

#include <array>

#include "common/base64url.hpp"
#include "token/token_error.hpp"
#include "token/token_json.hpp"

namespace seed::token {
namespace {

[[noreturn]] void malformed(const std::string& message) { throw TokenError(TokenFailure::malformed, message); }

std::string decode_part(std::string_view part, const char* name) {
  if (part.empty()) malformed(std::string("the ") + name + " part is empty");
  auto bytes = base64url::decode(part);
  if (!bytes) malformed(std::string("the ") + name + " part is not base64url without padding");
  return std::move(*bytes);
}

}  // namespace

std::string signing_input(const nlohmann::json& header, const nlohmann::json& payload) {
  return base64url::encode(to_token_json(header)) + "." + base64url::encode(to_token_json(payload));
}

std::string join_compact(std::string_view input, std::string_view signature) {
  return std::string(input) + "." + base64url::encode(signature);
}

CompactJws split_compact(std::string_view token) {
  if (token.empty()) malformed("the token is empty");
  if (token.size() > kMaxTokenLength) {
    malformed("the token is longer than " + std::to_string(kMaxTokenLength) + " characters");
  }
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    malformed("a compact JWS has exactly three dot-separated parts");
  }
  CompactJws jws;
  jws.header = parse_token_json(decode_part(token.substr(0, first), "header"), "the header");
  jws.payload = parse_token_json(decode_part(token.substr(first + 1, second - first - 1), "payload"), "the payload");
  jws.signing_input = std::string(token.substr(0, second));
  jws.signature = decode_part(token.substr(second + 1), "signature");
  return jws;
}

}  // namespace seed::token
