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

namespace {

nlohmann::json status_with_evidence(std::size_t entries, std::size_t detail_bytes) {
  nlohmann::json evidence = nlohmann::json::array();
  for (std::size_t i = 0; i < entries; ++i) {
    evidence.push_back({{"probe", "p" + std::to_string(i)},
                        {"kind", "file"},
                        {"outcome", "no_match"},
                        {"detail", std::string(detail_bytes, 'd')}});
  }
  return {{"type", "status"}, {"id", 7}, {"device_class", "internet_device"}, {"evidence", evidence}};
}

}  // namespace

TEST_CASE("an evidence list too long for the limit is cut, in order, with a count of what was left out",
          "[framing]") {
  const nlohmann::json reply = status_with_evidence(3000, 500);  // ~1.6 MB
  const std::string frame = encode_frame(reply);
  CHECK(length_of(frame) <= 1'000'000U);
  CHECK(length_of(frame) > 990'000U);  // as many entries as fit, not a few
  const auto body = nlohmann::json::parse(frame.substr(4));
  CHECK(body["type"] == "status");
  CHECK(body["id"] == 7);
  CHECK(body["device_class"] == "internet_device");
  const auto kept = body["evidence"].size();
  CHECK(kept > 0);
  CHECK(body["evidence_truncated"] == 3000 - kept);
  for (std::size_t i = 0; i < kept; ++i) CHECK(body["evidence"][i] == reply["evidence"][i]);
  // One more entry would not have fitted.
  nlohmann::json one_more = body;
  one_more["evidence"].push_back(reply["evidence"][kept]);
  one_more["evidence_truncated"] = 3000 - kept - 1;
  CHECK(one_more.dump().size() > 1'000'000U);
}

TEST_CASE("a reply that fits keeps all its evidence and no truncation marker", "[framing]") {
  const auto body = nlohmann::json::parse(encode_frame(status_with_evidence(64, 256)).substr(4));
  CHECK(body["evidence"].size() == 64);
  CHECK_FALSE(body.contains("evidence_truncated"));
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
