#pragma once

#include <optional>
#include <string>

#include "attestation/report.hpp"
#include "messaging/device_service.hpp"

namespace seed::service {

// The device service of this machine: policy, probes and token signing behind the protocol.
// The report is computed at the first status/attest and kept for the process unless refreshed.
class LocalDeviceService final : public messaging::DeviceService {
 public:
  explicit LocalDeviceService(std::optional<std::string> policy_option = std::nullopt);

  messaging::CallerPolicy caller_policy() override;
  nlohmann::json status(bool refresh) override;
  nlohmann::json attest(const messaging::AttestRequest& request) override;  // local_device_service_attest.cpp

 private:
  const attestation::Report& report(bool refresh);

  std::optional<std::string> policy_option_;
  std::optional<attestation::Report> report_;
};

}  // namespace seed::service
