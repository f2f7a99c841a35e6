#include "token/claims.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "token/token_error.hpp"

namespace seed::token {
namespace {

constexpr std::array<std::string_view, 11> kMembers = {"iss",          "sub",        "aud",           "nonce",
                                                       "iat",          "exp",        "device_class",  "decided_by",
                                                       "policy_sha256", "host_version", "caller"};

[[noreturn]] void refuse(const std::string& message) { throw TokenError(TokenFailure::claims, message); }

const nlohmann::json& member(const nlohmann::json& payload, const char* name) {
  const auto found = payload.find(name);
  if (found == payload.end()) refuse(std::string("claim ") + name + " is missing");
  return *found;
}

std::string string_member(const nlohmann::json& payload, const char* name) {
  const nlohmann::json& value = member(payload, name);
  if (!value.is_string()) refuse(std::string("claim ") + name + " must be a string");
  return value.get<std::string>();
}

// 1970 to 2106: any real iat or exp, and far enough from the ends of int64 (and of the clock's
// nanosecond range) that the lifetime and skew arithmetic and the messages never overflow.
constexpr std::int64_t kLatestTime = 0xFFFF'FFFF;

std::int64_t time_member(const nlohmann::json& payload, const char* name) {
  const nlohmann::json& value = member(payload, name);
  if (!value.is_number_integer() || (value.is_number_unsigned() && value.get<std::uint64_t>() > INT64_MAX)) {
    refuse(std::string("claim ") + name + " must be an integer number of seconds");
  }
  const auto seconds = value.get<std::int64_t>();
  if (seconds < 0 || seconds > kLatestTime) {
    refuse(std::string("claim ") + name + " must be a time between 1970 and 2106");
  }
  return seconds;
}

}  // namespace

nlohmann::json to_json(const Claims& claims) {
  return {{"iss", claims.iss},
          {"sub", claims.sub},
          {"aud", claims.aud},
          {"nonce", claims.nonce},
          {"iat", claims.iat},
          {"exp", claims.exp},
          {"device_class", claims.device_class},
          {"decided_by", claims.decided_by},
          {"policy_sha256", claims.policy_sha256},
          {"host_version", claims.host_version},
          {"caller", claims.caller ? nlohmann::json(*claims.caller) : nlohmann::json(nullptr)}};
}

Claims claims_from_json(const nlohmann::json& payload) {
  for (const auto& [name, value] : payload.items()) {
    if (std::find(kMembers.begin(), kMembers.end(), name) == kMembers.end()) refuse("unexpected claim " + name);
  }
  Claims claims;
  claims.iss = string_member(payload, "iss");
  claims.sub = string_member(payload, "sub");
  claims.aud = string_member(payload, "aud");
  claims.nonce = string_member(payload, "nonce");
  claims.iat = time_member(payload, "iat");
  claims.exp = time_member(payload, "exp");
  claims.device_class = string_member(payload, "device_class");
  claims.decided_by = string_member(payload, "decided_by");
  claims.policy_sha256 = string_member(payload, "policy_sha256");
  claims.host_version = string_member(payload, "host_version");
  const nlohmann::json& caller = member(payload, "caller");
  if (caller.is_string()) {
    claims.caller = caller.get<std::string>();
  } else if (!caller.is_null()) {
    refuse("claim caller must be a string or null");
  }
  return claims;
}

}  // namespace seed::token
