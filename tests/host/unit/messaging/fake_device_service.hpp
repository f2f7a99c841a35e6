#pragma once

#include "messaging/device_service.hpp"

namespace seed::test {

// Records what the dispatcher asked; answers with fixed fields.
class FakeDeviceService final : public messaging::DeviceService {
 public:
  messaging::CallerPolicy policy;
  int policy_reads = 0;
  int status_calls = 0;
  bool last_refresh = false;
  std::optional<messaging::AttestRequest> last_attest;

  messaging::CallerPolicy caller_policy() override {
    ++policy_reads;
    return policy;
  }
  nlohmann::json status(bool refresh) override {
    ++status_calls;
    last_refresh = refresh;
    return {{"device_class", "internet_device"}, {"decided_by", "default"}};
  }
  nlohmann::json attest(const messaging::AttestRequest& request) override {
    last_attest = request;
    return {{"device_class", "internet_device"}, {"token", nullptr}, {"token_error", "no_device_key"}};
  }
};

}  // namespace seed::test
