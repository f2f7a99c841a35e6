// One request body through the dispatcher, for our own extension and for a refused caller.
//
// Properties: the dispatcher never throws; every reply is an object with a `type`, and an error
// carries a known code and a message; a body the JSON parser refuses is bad_json; a well-formed
// `id` is echoed; the encoded frame decodes to the same reply, or, for a reply over the outbound
// limit, to an `internal` error with the same id; a refused caller learns nothing but
// forbidden_caller.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/identity.hpp"
#include "messaging/dispatcher.hpp"
#include "messaging/errors.hpp"
#include "messaging/frame_writer.hpp"
#include "messaging/limits.hpp"
#include "messaging/request.hpp"
#include "support/check.hpp"
#include "support/fake_device_service.hpp"
#include "support/frames.hpp"

namespace {

using namespace seed::messaging;
using seed::fuzz::field;

bool is_known_code(const nlohmann::json& code) {
  static const std::array kCodes = {ErrorCode::bad_frame,    ErrorCode::too_large,          ErrorCode::bad_json,
                                    ErrorCode::bad_request,  ErrorCode::unknown_type,       ErrorCode::unsupported_protocol,
                                    ErrorCode::forbidden_caller, ErrorCode::internal};
  if (!code.is_string()) return false;
  for (const auto known : kCodes) {
    if (code.get<std::string>() == to_string(known)) return true;
  }
  return false;
}

// The reply as it goes out, checked, and read back.
nlohmann::json sent(const nlohmann::json& reply) {
  const auto frames = seed::fuzz::checked_frames(encode_frame(reply));
  SEED_FUZZ_CHECK(frames.size() == 1);
  return frames.front();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  seed::fuzz::FakeDeviceService service;

  Dispatcher ours({CallerKind::chromium, std::string(seed::identity::kChromiumExtensionOrigin)}, service);
  const nlohmann::json reply = ours.handle(body);
  SEED_FUZZ_CHECK(reply.is_object() && field(reply, "type").is_string());
  const nlohmann::json wire = sent(reply);
  if (reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size() <= kMaxOutboundFrame) {
    SEED_FUZZ_CHECK(wire == reply);
  } else if (field(wire, "type") == "error") {
    SEED_FUZZ_CHECK(field(wire, "code") == "internal");
    SEED_FUZZ_CHECK(field(wire, "id") == field(reply, "id"));
  } else {
    // Too large because of its evidence: the same reply with the first entries that fit.
    const nlohmann::json& kept = field(wire, "evidence");
    const nlohmann::json& all = field(reply, "evidence");
    SEED_FUZZ_CHECK(kept.is_array() && all.is_array() && kept.size() < all.size());
    SEED_FUZZ_CHECK(field(wire, "evidence_truncated") == all.size() - kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i) SEED_FUZZ_CHECK(kept[i] == all[i]);
    nlohmann::json rest = wire;
    rest.erase("evidence");
    rest.erase("evidence_truncated");
    nlohmann::json expected = reply;
    expected.erase("evidence");
    SEED_FUZZ_CHECK(rest == expected);
  }

  const nlohmann::json code = field(reply, "code");
  if (field(reply, "type") == "error") {
    SEED_FUZZ_CHECK(is_known_code(field(reply, "code")));
    SEED_FUZZ_CHECK(reply.contains("id"));
    SEED_FUZZ_CHECK(field(reply, "message").is_string() && !field(reply, "message").get<std::string>().empty());
    SEED_FUZZ_CHECK(code != "forbidden_caller");
  }

  const auto reference = nlohmann::json::parse(body, nullptr, false);
  if (reference.is_discarded()) {
    SEED_FUZZ_CHECK(code == "bad_json");
  } else if (reference.is_object() && reference.contains("id") && code != "bad_json") {
    const auto& id = reference.at("id");
    const bool echoable = id.is_number_integer() || (id.is_string() && id.get<std::string>().size() <= 128);
    if (echoable) SEED_FUZZ_CHECK(field(reply, "id") == id);
  }

  Dispatcher stranger({CallerKind::chromium, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}, service);
  const nlohmann::json refused = stranger.handle(body);
  SEED_FUZZ_CHECK(field(refused, "type") == "error" && field(refused, "code") == "forbidden_caller");
  sent(refused);
  return 0;
}
