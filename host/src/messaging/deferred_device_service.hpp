#pragma once

#include <functional>
#include <memory>
#include <utility>

#include "messaging/device_service.hpp"

namespace seed::messaging {

// A device service made at the first request that needs one. A browser starts the host for every
// one-off message, and most are `hello` or `ping`: those must not load a policy, start probes or
// initialise OpenSSL (docs/PERFORMANCE.md measures what that work costs a `hello`).
class DeferredDeviceService final : public DeviceService {
 public:
  using Factory = std::function<std::unique_ptr<DeviceService>()>;

  explicit DeferredDeviceService(Factory make) : make_(std::move(make)) {}

  CallerPolicy caller_policy() override { return service().caller_policy(); }
  nlohmann::json status(bool refresh) override { return service().status(refresh); }
  nlohmann::json attest(const AttestRequest& request) override { return service().attest(request); }

  [[nodiscard]] bool started() const { return service_ != nullptr; }

 private:
  DeviceService& service() {
    if (!service_) service_ = make_();
    return *service_;
  }

  Factory make_;
  std::unique_ptr<DeviceService> service_;
};

}  // namespace seed::messaging
