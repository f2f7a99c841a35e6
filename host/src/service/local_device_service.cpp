#include "service/local_device_service.hpp"

#include "messaging/errors.hpp"

namespace seed::service {

messaging::CallerPolicy LocalDeviceService::caller_policy() { return {}; }

nlohmann::json LocalDeviceService::status(bool /*refresh*/) {
  throw messaging::ProtocolError(messaging::ErrorCode::unknown_type, "status is not available in this build");
}

nlohmann::json LocalDeviceService::attest(const messaging::AttestRequest& /*request*/) {
  throw messaging::ProtocolError(messaging::ErrorCode::unknown_type, "attest is not available in this build");
}

}  // namespace seed::service
