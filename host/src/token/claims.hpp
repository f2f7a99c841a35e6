#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

// The token's payload, section 4 of the design contract.
namespace seed::token {

inline constexpr const char* kIssuer = "seed-attest";
inline constexpr const char* kTokenType = "seed-attest+jwt";
inline constexpr std::chrono::seconds kLifetime{300};

struct Claims {
  std::string iss = kIssuer;
  std::string sub;  // the device certificate's serial, lowercase hex
  std::string aud;  // the portal origin the token is for
  std::string nonce;
  std::int64_t iat = 0;  // seconds since the epoch
  std::int64_t exp = 0;  // iat + 300
  std::string device_class;
  std::string decided_by;
  std::string policy_sha256;
  std::string host_version;
  std::optional<std::string> caller;  // the extension's origin; null when the browser named none
};

nlohmann::json to_json(const Claims& claims);

// Exactly the members above with their types, or throws TokenError(claims) naming the member.
Claims claims_from_json(const nlohmann::json& payload);

}  // namespace seed::token
