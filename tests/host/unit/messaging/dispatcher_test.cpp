#include <catch2/catch.hpp>

#include "common/identity.hpp"
#include "fake_device_service.hpp"
#include "messaging/dispatcher.hpp"

using namespace seed::messaging;
using seed::test::FakeDeviceService;

namespace {

const Caller kOurExtension{CallerKind::chromium, std::string(seed::identity::kChromiumExtensionOrigin)};
const std::string kNonce = "q83vEjRWeJq83vEjRWeJqw";

}  // namespace

TEST_CASE("hello answers the protocol, version and capabilities, echoing the id", "[dispatch]") {
  FakeDeviceService service;
  Dispatcher dispatcher(kOurExtension, service);
  const auto reply = dispatcher.handle(R"({"type":"hello","protocol":1,"id":"h1"})");
  CHECK(reply["type"] == "hello");
  CHECK(reply["protocol"] == 1);
  CHECK(reply["id"] == "h1");
  CHECK(reply["host_version"].get<std::string>().find('.') != std::string::npos);
  CHECK(reply["capabilities"] == nlohmann::json({"hello", "ping", "status", "attest"}));
  CHECK(service.policy_reads == 0);  // the built-in caller needs no policy
}

TEST_CASE("hello with another protocol version is unsupported_protocol", "[dispatch]") {
  FakeDeviceService service;
  Dispatcher dispatcher(kOurExtension, service);
  CHECK(dispatcher.handle(R"({"type":"hello","protocol":99,"id":3})")["code"] == "unsupported_protocol");
  CHECK(dispatcher.handle(R"({"type":"hello","protocol":99,"id":3})")["id"] == 3);
  CHECK(dispatcher.handle(R"({"type":"hello"})")["code"] == "bad_request");
  CHECK(dispatcher.handle(R"({"type":"hello","protocol":"1"})")["code"] == "bad_request");
}

TEST_CASE("malformed requests get typed errors", "[dispatch]") {
  FakeDeviceService service;
  Dispatcher dispatcher(kOurExtension, service);
  CHECK(dispatcher.handle("")["code"] == "bad_json");
  CHECK(dispatcher.handle("[1,2]")["code"] == "bad_request");
  CHECK(dispatcher.handle("\"x\"")["code"] == "bad_request");
  CHECK(dispatcher.handle("42")["code"] == "bad_request");
  CHECK(dispatcher.handle(R"({"type":"nope","id":"n"})")["code"] == "unknown_type");
  CHECK(dispatcher.handle(R"({"type":"nope","id":"n"})")["id"] == "n");
  CHECK(dispatcher.handle(R"({"id":1})")["code"] == "bad_request");
  CHECK(dispatcher.handle(R"({"type":7})")["code"] == "bad_request");
  CHECK(dispatcher.handle(R"({"type":"ping","id":{}})")["code"] == "bad_request");
  const auto error = dispatcher.handle(R"({"type":"ping","id":{}})");
  CHECK(error["id"].is_null());
  CHECK(error["type"] == "error");
  CHECK_FALSE(error["message"].get<std::string>().empty());
}

TEST_CASE("status passes refresh through and validates it", "[dispatch]") {
  FakeDeviceService service;
  Dispatcher dispatcher(kOurExtension, service);
  auto reply = dispatcher.handle(R"({"type":"status","id":"s"})");
  CHECK(reply["type"] == "status");
  CHECK(reply["id"] == "s");
  CHECK(reply["device_class"] == "internet_device");
  CHECK_FALSE(service.last_refresh);
  dispatcher.handle(R"({"type":"status","refresh":true})");
  CHECK(service.last_refresh);
  CHECK(dispatcher.handle(R"({"type":"status","refresh":"yes"})")["code"] == "bad_request");
  CHECK(service.status_calls == 2);
}

TEST_CASE("attest validates nonce and origin before the service sees them", "[dispatch]") {
  FakeDeviceService service;
  Dispatcher dispatcher(kOurExtension, service);
  const auto request = [&](const std::string& nonce, const std::string& origin) {
    return dispatcher.handle(nlohmann::json{{"type", "attest"}, {"nonce", nonce}, {"origin", origin}}.dump());
  };
  const auto good = request(kNonce, "https://portal.techpass.gov.sg");
  CHECK(good["type"] == "attest");
  REQUIRE(service.last_attest);
  CHECK(service.last_attest->caller == std::string(seed::identity::kChromiumExtensionOrigin));
  service.last_attest.reset();
  CHECK(request("short", "https://portal.techpass.gov.sg")["code"] == "bad_request");
  CHECK(request(kNonce, "http://portal.techpass.gov.sg")["code"] == "bad_request");
  CHECK(request(kNonce, "https://portal.techpass.gov.sg/path")["code"] == "bad_request");
  CHECK(dispatcher.handle(R"({"type":"attest","origin":"https://a.sg"})")["code"] == "bad_request");
  CHECK_FALSE(service.last_attest);
}

TEST_CASE("a caller outside the allow-list is refused every request", "[dispatch]") {
  FakeDeviceService service;
  Dispatcher dispatcher({CallerKind::chromium, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}, service);
  for (const char* body : {R"({"type":"hello","protocol":1})", R"({"type":"ping","id":"p"})", "[1]", "{"}) {
    CHECK(dispatcher.handle(body)["code"] == "forbidden_caller");
  }
  CHECK(dispatcher.handle(R"({"type":"ping","id":"p"})")["id"] == "p");
  CHECK(service.policy_reads == 1);  // decided once per process
  CHECK(service.status_calls == 0);
}

TEST_CASE("the policy's allowed_callers and require_caller are honoured", "[dispatch]") {
  FakeDeviceService service;
  service.policy.allowed_callers = {"store-addon@agency.gov.sg"};
  Dispatcher listed({CallerKind::firefox, "store-addon@agency.gov.sg"}, service);
  CHECK(listed.handle(R"({"type":"ping"})")["type"] == "pong");

  FakeDeviceService strict;
  strict.policy.require_caller = true;
  Dispatcher anonymous(Caller{}, strict);
  CHECK(anonymous.handle(R"({"type":"ping"})")["code"] == "forbidden_caller");
}

TEST_CASE("a failing service becomes an internal error with the id", "[dispatch]") {
  class Failing final : public DeviceService {
    CallerPolicy caller_policy() override { return {}; }
    nlohmann::json status(bool) override { throw std::runtime_error("probe thread failed"); }
    nlohmann::json attest(const AttestRequest&) override { throw 42; }
  } service;
  Dispatcher dispatcher(kOurExtension, service);
  const auto reply = dispatcher.handle(R"({"type":"status","id":9})");
  CHECK(reply["code"] == "internal");
  CHECK(reply["id"] == 9);
  CHECK(dispatcher.handle(nlohmann::json{{"type", "attest"}, {"nonce", kNonce}, {"origin", "https://a.sg"}}.dump())["code"] ==
        "internal");
}
