#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>

#include "byte_streams.hpp"
#include "messaging/frame_writer.hpp"

using seed::messaging::encode_frame;
using seed::messaging::write_frame;

namespace {

std::uint32_t length_of(const std::string& frame) {
  std::uint32_t length = 0;
  std::memcpy(&length, frame.data(), 4);
  return length;
}

}  // namespace

TEST_CASE("a frame is the native-order length and the JSON body, in one write", "[framing]") {
  seed::test::StringSink sink;
  REQUIRE(write_frame(sink, {{"type", "pong"}}));
  CHECK(sink.writes == 1);
  CHECK(length_of(sink.data) == sink.data.size() - 4);
  CHECK(sink.data.substr(4) == R"({"type":"pong"})");
}

TEST_CASE("a reply over 1,000,000 bytes becomes an internal error, never an oversize frame", "[framing]") {
  const nlohmann::json huge = {{"type", "status"}, {"id", "q"}, {"evidence", std::string(1'000'001, 'x')}};
  const std::string frame = encode_frame(huge);
  CHECK(length_of(frame) <= 1'000'000U);
  const auto body = nlohmann::json::parse(frame.substr(4));
  CHECK(body["type"] == "error");
  CHECK(body["code"] == "internal");
  CHECK(body["id"] == "q");
}

TEST_CASE("strings that are not UTF-8 are replaced, not thrown", "[framing]") {
  const nlohmann::json message = {{"detail", std::string("bad \xff byte")}};
  const auto body = nlohmann::json::parse(encode_frame(message).substr(4));
  CHECK(body["detail"] == "bad \xef\xbf\xbd byte");
}

TEST_CASE("a closed sink reports failure", "[framing]") {
  seed::test::StringSink sink;
  sink.closed = true;
  CHECK_FALSE(write_frame(sink, {{"type", "pong"}}));
}
