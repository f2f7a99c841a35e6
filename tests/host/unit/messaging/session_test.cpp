#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>

#include "byte_streams.hpp"
#include "common/identity.hpp"
#include "fake_device_service.hpp"
#include "messaging/session.hpp"

using namespace seed::messaging;

namespace {

std::string prefix(std::uint32_t length) {
  std::string bytes(4, '\0');
  std::memcpy(bytes.data(), &length, 4);
  return bytes;
}

std::string frame(const std::string& body) { return prefix(static_cast<std::uint32_t>(body.size())) + body; }

std::vector<nlohmann::json> frames_of(const std::string& output) {
  std::vector<nlohmann::json> frames;
  std::size_t at = 0;
  while (at < output.size()) {
    std::uint32_t length = 0;
    REQUIRE(at + 4 <= output.size());
    std::memcpy(&length, output.data() + at, 4);
    REQUIRE(at + 4 + length <= output.size());
    frames.push_back(nlohmann::json::parse(output.substr(at + 4, length)));
    at += 4 + length;
  }
  return frames;
}

struct Run {
  int exit_code;
  std::vector<nlohmann::json> replies;
};

Run run(const std::string& input) {
  seed::test::FakeDeviceService service;
  Dispatcher dispatcher({CallerKind::chromium, std::string(seed::identity::kChromiumExtensionOrigin)}, service);
  seed::test::ChunkedSource source(input, {7});
  seed::test::StringSink sink;
  const int code = run_session(source, sink, dispatcher);
  return {code, frames_of(sink.data)};
}

}  // namespace

TEST_CASE("requests are answered in order until stdin closes, then exit 0", "[session]") {
  const auto result = run(frame(R"({"type":"ping","id":1})") + frame("") + frame(R"({"type":"ping","id":2})"));
  CHECK(result.exit_code == 0);
  REQUIRE(result.replies.size() == 3);
  CHECK(result.replies[0]["id"] == 1);
  CHECK(result.replies[1]["code"] == "bad_json");
  CHECK(result.replies[2]["id"] == 2);
}

TEST_CASE("too_large is answered and ends the session with exit 1", "[session]") {
  const auto result = run(frame(R"({"type":"ping"})") + prefix(65537) + frame(R"({"type":"ping"})"));
  CHECK(result.exit_code == 1);
  REQUIRE(result.replies.size() == 2);
  CHECK(result.replies[1]["code"] == "too_large");
}

TEST_CASE("a stream ending inside a frame exits 1 without replying to it", "[session]") {
  const std::string whole = frame(R"({"type":"ping","id":"late"})");
  const auto result = run(frame(R"({"type":"ping"})") + whole.substr(0, whole.size() - 1));
  CHECK(result.exit_code == 1);
  CHECK(result.replies.size() == 1);
}

TEST_CASE("a reader that goes away ends the session quietly", "[session]") {
  seed::test::FakeDeviceService service;
  Dispatcher dispatcher({CallerKind::chromium, std::string(seed::identity::kChromiumExtensionOrigin)}, service);
  seed::test::ChunkedSource source(frame(R"({"type":"ping"})") + frame(R"({"type":"ping"})"), {});
  seed::test::StringSink sink;
  sink.closed = true;
  CHECK(run_session(source, sink, dispatcher) == 0);
}
