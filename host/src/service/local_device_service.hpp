#pragma once

#include <memory>
#include <optional>
#include <string>

#include "attestation/report.hpp"
#include "messaging/device_service.hpp"

namespace seed::service {

// The device service of this machine: policy, probes and token signing behind the protocol.
// The first evaluation starts in the background as the service is made, so that the framing
// thread only waits for it when a status or attest request arrives (hello and ping never do);
// its report is kept for the process unless a request asks for a refresh.
class LocalDeviceService final : public messaging::DeviceService {
 public:
  explicit LocalDeviceService(std::optional<std::string> policy_option = std::nullopt);
  ~LocalDeviceService() override;  // stops an evaluation still running, and waits for it
  LocalDeviceService(const LocalDeviceService&) = delete;
  LocalDeviceService& operator=(const LocalDeviceService&) = delete;

  messaging::CallerPolicy caller_policy() override;
  nlohmann::json status(bool refresh) override;
  nlohmann::json attest(const messaging::AttestRequest& request) override;  // local_device_service_attest.cpp

 private:
  const attestation::Report& report(bool refresh);

  struct FirstEvaluation;  // local_device_service.cpp

  std::optional<std::string> policy_option_;
  std::unique_ptr<FirstEvaluation> first_;
  std::optional<attestation::Report> report_;
};

}  // namespace seed::service
