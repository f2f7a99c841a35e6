#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>

#include "harness/host_process.hpp"

using seed::test::frame;
using seed::test::HostProcess;

TEST_CASE("200 requests in one write are all answered in order", "[protocol]") {
  HostProcess host(HostProcess::chromium_caller());
  std::string batch;
  for (int i = 0; i < 200; ++i) batch += frame(nlohmann::json{{"type", "ping"}, {"id", i}});
  REQUIRE(host.write_raw(batch));
  host.close_stdin();
  const std::string output = host.read_rest();
  std::size_t at = 0;
  int expected = 0;
  while (at < output.size()) {
    std::uint32_t length = 0;
    REQUIRE(at + 4 <= output.size());
    std::memcpy(&length, output.data() + at, 4);
    REQUIRE(at + 4 + length <= output.size());
    const auto reply = nlohmann::json::parse(output.substr(at + 4, length));
    CHECK(reply["type"] == "pong");
    CHECK(reply["id"] == expected++);
    at += 4 + length;
  }
  CHECK(expected == 200);
  CHECK(host.wait() == 0);
}

TEST_CASE("a request written one byte at a time is answered", "[protocol]") {
  HostProcess host(HostProcess::chromium_caller());
  const std::string bytes = frame(nlohmann::json{{"type", "hello"}, {"protocol", 1}, {"id", "slow"}});
  for (const char byte : bytes) REQUIRE(host.write_raw(std::string_view(&byte, 1)));
  const auto reply = host.receive();
  REQUIRE(reply);
  CHECK((*reply)["id"] == "slow");
  CHECK((*reply)["type"] == "hello");
}

TEST_CASE("10,000 ping round trips on one connection", "[protocol]") {
  HostProcess host(HostProcess::chromium_caller());
  for (int i = 0; i < 10000; ++i) {
    REQUIRE(host.send({{"type", "ping"}, {"id", i}}));
    const auto reply = host.receive();
    REQUIRE(reply);
    REQUIRE((*reply)["id"] == i);
  }
  host.close_stdin();
  CHECK(host.wait() == 0);
}

TEST_CASE("a browser closing the pipe mid-session ends the host quietly", "[protocol]") {
  HostProcess host(HostProcess::chromium_caller());
  // Replies nobody reads: the host must end on the closed pipe, not on a signal, and not hang.
  std::string batch;
  for (int i = 0; i < 2000; ++i) batch += frame(nlohmann::json{{"type", "hello"}, {"protocol", 1}, {"id", i}});
  host.close_stdout_early();
  host.write_raw(batch);
  host.close_stdin();
  const auto code = host.wait();
  REQUIRE(code);
  CHECK(*code == 0);
}
