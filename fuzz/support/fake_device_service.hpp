#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "messaging/device_service.hpp"

namespace seed::fuzz {

// A device service that answers at once. Attest echoes what the dispatcher validated (so those
// strings reach the frame writer), and one origin asks for a reply over the outbound limit.
class FakeDeviceService final : public messaging::DeviceService {
 public:
  static constexpr const char* kOversizeOrigin = "https://oversize.example";

  messaging::CallerPolicy policy;

  messaging::CallerPolicy caller_policy() override { return policy; }

  nlohmann::json status(bool refresh) override {
    return {{"device_class", "internet_device"},
            {"decided_by", "default"},
            {"readiness", nlohmann::json::array()},
            {"evidence", nlohmann::json::array()},
            {"refreshed", refresh}};
  }

  nlohmann::json attest(const messaging::AttestRequest& request) override {
    nlohmann::json reply = status(false);
    reply["token"] = nullptr;
    reply["token_error"] = "no_device_key";
    reply["nonce"] = request.nonce;
    reply["origin"] = request.origin;
    reply["caller"] = request.caller ? nlohmann::json(*request.caller) : nlohmann::json(nullptr);
    if (request.origin == kOversizeOrigin) reply["evidence"] = {{{"detail", std::string(1'000'001, 'x')}}};
    return reply;
  }
};

}  // namespace seed::fuzz
