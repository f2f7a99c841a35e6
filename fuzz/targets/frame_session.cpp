// The whole inbound path as the browser drives it: bytes split into reads of any size, framed,
// parsed, dispatched to a device service and answered. The first input byte picks the caller, the
// caller policy and the read size; the rest is the stream.
//
// Properties: every reply is a whole frame of a JSON object within the outbound limit; the number
// of replies and the exit code are what an independent reading of the framing predicts; a refused
// caller gets forbidden_caller and nothing else.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "common/identity.hpp"
#include "messaging/byte_stream.hpp"
#include "messaging/dispatcher.hpp"
#include "messaging/limits.hpp"
#include "messaging/session.hpp"
#include "support/check.hpp"
#include "support/fake_device_service.hpp"
#include "support/frames.hpp"

namespace {

using namespace seed::messaging;
using seed::fuzz::field;

class SplitSource final : public ByteSource {
 public:
  SplitSource(std::string_view data, std::size_t chunk) : data_(data), chunk_(chunk) {}
  std::size_t read_some(char* buffer, std::size_t capacity) override {
    const std::size_t count = std::min({capacity, chunk_, data_.size()});
    std::memcpy(buffer, data_.data(), count);
    data_.remove_prefix(count);
    return count;
  }

 private:
  std::string_view data_;
  std::size_t chunk_;
};

class CollectingSink final : public ByteSink {
 public:
  bool write_all(std::string_view bytes) override {
    data.append(bytes);
    return true;
  }
  std::string data;
};

struct Expected {
  std::size_t replies = 0;
  int exit_code = 0;
  bool ends_with_too_large = false;
};

// The framing of the contract, read independently of FrameReader.
Expected expected_for(std::string_view stream) {
  Expected expected;
  while (!stream.empty()) {
    if (stream.size() < sizeof(std::uint32_t)) return {expected.replies, 1, false};
    std::uint32_t length = 0;
    std::memcpy(&length, stream.data(), sizeof length);
    stream.remove_prefix(sizeof length);
    if (length > kMaxInboundFrame) return {expected.replies + 1, 1, true};
    if (length > stream.size()) return {expected.replies, 1, false};
    stream.remove_prefix(length);
    ++expected.replies;
  }
  return expected;
}

Caller caller_for(unsigned choice) {
  switch (choice % 4) {
    case 0: return {CallerKind::chromium, std::string(seed::identity::kChromiumExtensionOrigin)};
    case 1: return {CallerKind::chromium, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/"};
    case 2: return {CallerKind::firefox, std::string(seed::identity::kFirefoxAddonId)};
    default: return {};
  }
}

constexpr std::size_t kReadSizes[] = {1, 2, 3, 5, 7, 64, 4096, 1 << 20};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned choice = data[0];
  const std::string_view stream(reinterpret_cast<const char*>(data + 1), size - 1);

  seed::fuzz::FakeDeviceService service;
  service.policy.require_caller = (choice & 0x20U) != 0;
  if ((choice & 0x40U) != 0) service.policy.error = "unreadable";
  const Caller caller = caller_for(choice);
  const bool refused = caller_refusal(caller, service.policy).has_value();

  Dispatcher dispatcher(caller, service);
  SplitSource source(stream, kReadSizes[(choice >> 2) % std::size(kReadSizes)]);
  CollectingSink sink;
  const int exit_code = run_session(source, sink, dispatcher);

  const auto replies = seed::fuzz::checked_frames(sink.data);
  const Expected expected = expected_for(stream);
  SEED_FUZZ_CHECK(exit_code == expected.exit_code);
  SEED_FUZZ_CHECK(replies.size() == expected.replies);
  for (std::size_t i = 0; i < replies.size(); ++i) {
    const auto& reply = replies[i];
    if (expected.ends_with_too_large && i + 1 == replies.size()) {
      SEED_FUZZ_CHECK(field(reply, "code") == "too_large");
    } else if (refused) {
      SEED_FUZZ_CHECK(field(reply, "type") == "error" && field(reply, "code") == "forbidden_caller");
    }
  }
  return 0;
}
