#include "service/local_device_service.hpp"

#include "messaging/errors.hpp"

namespace seed::service {

LocalDeviceService::LocalDeviceService(std::optional<std::string> policy_option)
    : policy_option_(std::move(policy_option)) {}

messaging::CallerPolicy LocalDeviceService::caller_policy() { return {}; }

nlohmann::json LocalDeviceService::status(bool /*refresh*/) {
  throw messaging::ProtocolError(messaging::ErrorCode::unknown_type, "status is not available in this build");
}

}  // namespace seed::service
