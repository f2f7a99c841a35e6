#include <catch2/catch.hpp>

#include "common/identity.hpp"
#include "messaging/dispatcher.hpp"
#include "messaging/errors.hpp"
#include "messaging/request.hpp"

using namespace seed::messaging;

namespace {

class IdleService final : public DeviceService {
 public:
  CallerPolicy caller_policy() override { return {}; }
  nlohmann::json status(bool /*refresh*/) override { return nlohmann::json::object(); }
  nlohmann::json attest(const AttestRequest& /*request*/) override { return nlohmann::json::object(); }
};

}  // namespace

// Found by fuzz target request_dispatch (fuzz/corpus/request_dispatch/finding-number-overflow):
// the JSON parser reports a number too large for a double as out_of_range, not as a parse error,
// so such a message was answered `internal` (the host failed, retry) instead of `bad_json`.
TEST_CASE("finding: a number out of range is bad_json, not internal", "[hardening][request]") {
  for (const char* body : {R"({"type":"ping","id":1e9999})", R"([1.19e9999])", R"({"type":"hello","protocol":-1e400})"}) {
    INFO(body);
    try {
      parse_json_body(body);
      FAIL("parsed");
    } catch (const ProtocolError& error) {
      CHECK(error.code() == ErrorCode::bad_json);
    }
    IdleService service;
    Dispatcher dispatcher({CallerKind::chromium, std::string(seed::identity::kChromiumExtensionOrigin)}, service);
    CHECK(dispatcher.handle(body)["code"] == "bad_json");
  }
}
