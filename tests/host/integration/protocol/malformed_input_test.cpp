#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>

#include "harness/host_process.hpp"

using seed::test::frame;
using seed::test::raw_frame;
using seed::test::HostProcess;

namespace {

std::string prefix(std::uint32_t length) {
  std::string bytes(4, '\0');
  std::memcpy(bytes.data(), &length, 4);
  return bytes;
}

// The host is still serving: a ping gets its pong.
void require_serving(HostProcess& host) {
  REQUIRE(host.send({{"type", "ping"}, {"id", "alive"}}));
  const auto reply = host.receive();
  REQUIRE(reply);
  CHECK((*reply)["type"] == "pong");
  CHECK((*reply)["id"] == "alive");
}

std::string error_code_for(const std::string& body) {
  HostProcess host(HostProcess::chromium_caller());
  REQUIRE(host.write_raw(raw_frame(body)));
  const auto reply = host.receive();
  REQUIRE(reply);
  CHECK((*reply)["type"] == "error");
  require_serving(host);
  host.close_stdin();
  CHECK(host.wait() == 0);
  return (*reply)["code"].get<std::string>();
}

}  // namespace

TEST_CASE("a length of 0xFFFFFFFF or 65537 gets too_large, then the host exits non-zero", "[protocol]") {
  for (const std::uint32_t length : {0xFFFFFFFFU, 65537U}) {
    HostProcess host(HostProcess::chromium_caller());
    REQUIRE(host.write_raw(prefix(length)));
    const auto reply = host.receive();
    REQUIRE(reply);
    CHECK((*reply)["code"] == "too_large");
    const auto code = host.wait();
    REQUIRE(code);
    CHECK(*code != 0);
    CHECK(host.read_rest().empty());
  }
}

TEST_CASE("a 65536-byte frame padded with spaces is answered normally", "[protocol]") {
  HostProcess host(HostProcess::chromium_caller());
  std::string body = R"({"type":"ping","id":"big"})";
  body.append(65536 - body.size(), ' ');
  REQUIRE(host.write_raw(raw_frame(body)));
  const auto reply = host.receive();
  REQUIRE(reply);
  CHECK((*reply)["type"] == "pong");
  CHECK((*reply)["id"] == "big");
}

TEST_CASE("a zero-length frame is bad_json and the host keeps serving", "[protocol]") {
  CHECK(error_code_for("") == "bad_json");
}

TEST_CASE("a stream ending inside the header or the body exits 1 with nothing written", "[protocol]") {
  const std::string whole = frame(R"({"type":"ping","id":"cut"})");
  for (const std::size_t cut : {std::size_t{1}, std::size_t{3}, std::size_t{4}, whole.size() - 1}) {
    HostProcess host(HostProcess::chromium_caller());
    REQUIRE(host.write_raw(whole.substr(0, cut)));
    host.close_stdin();
    CHECK(host.wait() == 1);
    CHECK(host.read_rest().empty());
  }
}

TEST_CASE("JSON that is not an object is bad_request", "[protocol]") {
  CHECK(error_code_for("[1,2]") == "bad_request");
  CHECK(error_code_for("\"x\"") == "bad_request");
  CHECK(error_code_for("42") == "bad_request");
}

TEST_CASE("invalid UTF-8 inside a string is bad_json", "[protocol]") {
  CHECK(error_code_for("{\"type\":\"ping\",\"id\":\"\xc3\x28\"}") == "bad_json");
  CHECK(error_code_for("{\"type\":\"\xff\"}") == "bad_json");
}

TEST_CASE("60,000 nested brackets get an error reply, not a stack overflow", "[protocol]") {
  CHECK(error_code_for(std::string(60000, '[')) == "bad_json");
  CHECK(error_code_for(std::string(30000, '[') + std::string(30000, ']')) == "bad_json");
}

TEST_CASE("unknown, missing and non-string types", "[protocol]") {
  CHECK(error_code_for(R"({"type":"nope"})") == "unknown_type");
  CHECK(error_code_for(R"({"id":"x"})") == "bad_request");
  CHECK(error_code_for(R"({"type":["ping"]})") == "bad_request");
}

TEST_CASE("hello with protocol 99 is unsupported_protocol", "[protocol]") {
  CHECK(error_code_for(R"({"type":"hello","protocol":99})") == "unsupported_protocol");
}

TEST_CASE("an object id or a string id over 128 characters is bad_request", "[protocol]") {
  CHECK(error_code_for(R"({"type":"ping","id":{"a":1}})") == "bad_request");
  CHECK(error_code_for(R"({"type":"ping","id":")" + std::string(129, 'x') + "\"}") == "bad_request");
}

TEST_CASE("hello answers with the protocol, version and capabilities", "[protocol]") {
  HostProcess host(HostProcess::chromium_caller());
  REQUIRE(host.send({{"type", "hello"}, {"protocol", 1}, {"id", 1}}));
  const auto reply = host.receive();
  REQUIRE(reply);
  CHECK((*reply)["type"] == "hello");
  CHECK((*reply)["protocol"] == 1);
  CHECK((*reply)["id"] == 1);
  CHECK((*reply)["capabilities"].is_array());
  host.close_stdin();
  CHECK(host.wait() == 0);
  CHECK(host.read_rest().empty());
}
