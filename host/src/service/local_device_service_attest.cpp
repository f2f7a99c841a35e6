#include "messaging/errors.hpp"
#include "service/local_device_service.hpp"

namespace seed::service {

nlohmann::json LocalDeviceService::attest(const messaging::AttestRequest& /*request*/) {
  throw messaging::ProtocolError(messaging::ErrorCode::unknown_type, "attest is not available in this build");
}

}  // namespace seed::service
