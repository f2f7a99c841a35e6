#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "messaging/caller.hpp"

namespace seed::messaging {

struct AttestRequest {
  std::string nonce;   // validated base64url, 22..256 characters, >= 16 bytes
  std::string origin;  // validated https origin
  std::optional<std::string> caller;
};

// What the protocol needs from the rest of the host. The dispatcher knows nothing of policies,
// probes or tokens; tests give it a fake.
class DeviceService {
 public:
  virtual ~DeviceService() = default;
  // Consulted only for callers that are not built in.
  virtual CallerPolicy caller_policy() = 0;
  // The status fields of section 3 (without `type`/`id`); computed once unless `refresh`.
  virtual nlohmann::json status(bool refresh) = 0;
  // The status fields plus `token` (and `token_error` when the token is null).
  virtual nlohmann::json attest(const AttestRequest& request) = 0;
};

}  // namespace seed::messaging
