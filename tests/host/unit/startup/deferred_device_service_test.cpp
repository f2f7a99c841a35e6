#include <catch2/catch.hpp>

#include <memory>

#include "common/identity.hpp"
#include "messaging/deferred_device_service.hpp"
#include "messaging/dispatcher.hpp"

using seed::messaging::Caller;
using seed::messaging::CallerKind;
using seed::messaging::DeferredDeviceService;
using seed::messaging::DeviceService;
using seed::messaging::Dispatcher;

namespace {

// Counts how often the real service would have been made and asked.
struct Counts {
  int made = 0;
  int status_calls = 0;
  int policy_reads = 0;
};

class CountingService final : public DeviceService {
 public:
  explicit CountingService(Counts& counts) : counts_(counts) { ++counts_.made; }
  seed::messaging::CallerPolicy caller_policy() override {
    ++counts_.policy_reads;
    return {false, {"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}, std::nullopt};
  }
  nlohmann::json status(bool) override {
    ++counts_.status_calls;
    return {{"device_class", "internet_device"}};
  }
  nlohmann::json attest(const seed::messaging::AttestRequest&) override { return {{"token", nullptr}}; }

 private:
  Counts& counts_;
};

DeferredDeviceService::Factory counting_factory(Counts& counts) {
  return [&counts] { return std::make_unique<CountingService>(counts); };
}

Caller built_in_caller() { return {CallerKind::chromium, std::string(seed::identity::kChromiumExtensionOrigin)}; }

}  // namespace

TEST_CASE("hello and ping never make the device service", "[startup]") {
  Counts counts;
  DeferredDeviceService device(counting_factory(counts));
  Dispatcher dispatcher(built_in_caller(), device);
  CHECK(dispatcher.handle(R"({"type":"hello","protocol":1})")["type"] == "hello");
  CHECK(dispatcher.handle(R"({"type":"ping"})")["type"] == "pong");
  CHECK(dispatcher.handle(R"({"type":"nonsense"})")["code"] == "unknown_type");
  CHECK(counts.made == 0);
  CHECK_FALSE(device.started());
}

TEST_CASE("the first status makes the device service once, and later requests reuse it", "[startup]") {
  Counts counts;
  DeferredDeviceService device(counting_factory(counts));
  Dispatcher dispatcher(built_in_caller(), device);
  CHECK(dispatcher.handle(R"({"type":"status"})")["device_class"] == "internet_device");
  CHECK(dispatcher.handle(R"({"type":"status","refresh":true})")["type"] == "status");
  CHECK(counts.made == 1);
  CHECK(counts.status_calls == 2);
  CHECK(device.started());
}

TEST_CASE("a caller that is not built in makes the service to read the policy's allow-list", "[startup]") {
  Counts counts;
  DeferredDeviceService device(counting_factory(counts));
  Dispatcher dispatcher({CallerKind::chromium, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}, device);
  CHECK(dispatcher.handle(R"({"type":"hello","protocol":1})")["type"] == "hello");
  CHECK(counts.made == 1);
  CHECK(counts.policy_reads == 1);
}

TEST_CASE("a service that cannot be made is an internal error, and the next request tries again", "[startup]") {
  int attempts = 0;
  DeferredDeviceService device([&attempts]() -> std::unique_ptr<DeviceService> {
    ++attempts;
    throw std::runtime_error("no threads left");
  });
  Dispatcher dispatcher(built_in_caller(), device);
  const auto reply = dispatcher.handle(R"({"type":"status","id":7})");
  CHECK(reply["code"] == "internal");
  CHECK(reply["id"] == 7);
  CHECK(dispatcher.handle(R"({"type":"status"})")["code"] == "internal");
  CHECK(attempts == 2);
}
