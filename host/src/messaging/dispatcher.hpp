#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "messaging/caller.hpp"
#include "messaging/device_service.hpp"
#include "messaging/errors.hpp"

namespace seed::messaging {

// Turns one request body into one reply. Never throws: every failure becomes an error reply here,
// the one place where errors are shaped.
class Dispatcher {
 public:
  Dispatcher(Caller caller, DeviceService& service);

  nlohmann::json handle(std::string_view body);

  static nlohmann::json error_reply(const nlohmann::json& id, ErrorCode code, std::string_view message);

 private:
  nlohmann::json handle_request(const nlohmann::json& request, const std::string& type);
  std::optional<std::string> refusal();

  Caller caller_;
  DeviceService& service_;
  std::optional<std::optional<std::string>> refusal_;  // decided at the first request
};

}  // namespace seed::messaging
