#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>

#include "byte_streams.hpp"
#include "messaging/frame_reader.hpp"

using seed::messaging::FrameReader;
using seed::messaging::ReadStatus;
using seed::test::ChunkedSource;

namespace {

std::string prefix(std::uint32_t length) {
  std::string bytes(4, '\0');
  std::memcpy(bytes.data(), &length, 4);
  return bytes;
}

std::string frame(const std::string& body) { return prefix(static_cast<std::uint32_t>(body.size())) + body; }

}  // namespace

TEST_CASE("two frames split at every byte boundary read back whole", "[framing]") {
  const std::string first = R"({"type":"ping"})";
  const std::string second = R"({"type":"hello","protocol":1})";
  const std::string stream = frame(first) + frame(second);
  for (std::size_t split = 1; split < stream.size(); ++split) {
    ChunkedSource source(stream, {split, stream.size()});
    FrameReader reader(source);
    auto a = reader.next();
    REQUIRE(a.status == ReadStatus::frame);
    CHECK(a.body == first);
    auto b = reader.next();
    REQUIRE(b.status == ReadStatus::frame);
    CHECK(b.body == second);
    CHECK(reader.next().status == ReadStatus::end_of_stream);
  }
}

TEST_CASE("a stream delivered one byte at a time reads back whole", "[framing]") {
  const std::string body = R"({"type":"ping","id":"x"})";
  ChunkedSource source(frame(body) + frame(body), {1});
  FrameReader reader(source);
  CHECK(reader.next().body == body);
  CHECK(reader.next().body == body);
  CHECK(reader.next().status == ReadStatus::end_of_stream);
}

TEST_CASE("a stream that ends inside the prefix or the body is truncated", "[framing]") {
  const std::string whole = frame(R"({"type":"ping"})");
  for (std::size_t cut = 1; cut < whole.size(); ++cut) {
    ChunkedSource source(whole.substr(0, cut), {3});
    FrameReader reader(source);
    CHECK(reader.next().status == ReadStatus::truncated);
  }
}

TEST_CASE("the inbound limit is 64 KiB exactly", "[framing]") {
  SECTION("65536 bytes is a frame") {
    ChunkedSource source(frame(std::string(65536, ' ')), {4096});
    FrameReader reader(source);
    const auto result = reader.next();
    CHECK(result.status == ReadStatus::frame);
    CHECK(result.body.size() == 65536);
  }
  SECTION("65537 and 0xFFFFFFFF are too large, without reading a body") {
    for (const std::uint32_t length : {65537U, 0xFFFFFFFFU}) {
      ChunkedSource source(prefix(length), {});
      FrameReader reader(source);
      const auto result = reader.next();
      CHECK(result.status == ReadStatus::too_large);
      CHECK(result.declared_length == length);
    }
  }
  SECTION("a zero-length frame is a frame with an empty body") {
    ChunkedSource source(prefix(0), {});
    FrameReader reader(source);
    const auto result = reader.next();
    CHECK(result.status == ReadStatus::frame);
    CHECK(result.body.empty());
  }
}

TEST_CASE("many frames arriving in one read are all returned", "[framing]") {
  std::string stream;
  for (int i = 0; i < 500; ++i) stream += frame(R"({"type":"ping","id":)" + std::to_string(i) + "}");
  ChunkedSource source(stream, {});
  FrameReader reader(source);
  for (int i = 0; i < 500; ++i) {
    const auto result = reader.next();
    REQUIRE(result.status == ReadStatus::frame);
    CHECK(result.body == R"({"type":"ping","id":)" + std::to_string(i) + "}");
  }
  CHECK(reader.next().status == ReadStatus::end_of_stream);
}
