#pragma once

#include "messaging/device_service.hpp"

namespace seed::service {

// The device service of this machine: policy, probes and token signing behind the protocol.
class LocalDeviceService final : public messaging::DeviceService {
 public:
  messaging::CallerPolicy caller_policy() override;
  nlohmann::json status(bool refresh) override;
  nlohmann::json attest(const messaging::AttestRequest& request) override;
};

}  // namespace seed::service
