#include <catch2/catch.hpp>

#include "harness/host_process.hpp"

using seed::test::HostProcess;

namespace {

void expect_refused_throughout(HostProcess::Options options) {
  HostProcess host(std::move(options));
  const nlohmann::json requests[] = {{{"type", "hello"}, {"protocol", 1}},
                                     {{"type", "ping"}, {"id", 1}},
                                     {{"type", "status"}},
                                     {{"type", "attest"}, {"nonce", "q83vEjRWeJq83vEjRWeJqw"}, {"origin", "https://a.sg"}}};
  for (const auto& request : requests) {
    REQUIRE(host.send(request));
    const auto reply = host.receive();
    REQUIRE(reply);
    CHECK((*reply)["type"] == "error");
    CHECK((*reply)["code"] == "forbidden_caller");
  }
  host.close_stdin();
  CHECK(host.wait() == 0);
}

void expect_served(HostProcess::Options options) {
  HostProcess host(std::move(options));
  REQUIRE(host.send({{"type", "ping"}}));
  const auto reply = host.receive();
  REQUIRE(reply);
  CHECK((*reply)["type"] == "pong");
}

}  // namespace

TEST_CASE("a Chromium caller naming another extension is refused every request", "[protocol][caller]") {
  expect_refused_throughout({{"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}, {}, std::nullopt});
}

TEST_CASE("a Firefox caller naming another add-on is refused every request", "[protocol][caller]") {
  expect_refused_throughout(
      {{"/usr/lib/mozilla/native-messaging-hosts/sg.techpass.seed_attest.json", "other@example.com"}, {}, std::nullopt});
}

TEST_CASE("our extension and add-on are served, with or without --parent-window", "[protocol][caller]") {
  expect_served(HostProcess::chromium_caller());
  expect_served({{"chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/", "--parent-window=0"}, {}, std::nullopt});
  expect_served({{"/home/u/.mozilla/native-messaging-hosts/sg.techpass.seed_attest.json", "seed-attest@techpass.sg"},
                 {},
                 std::nullopt});
}

TEST_CASE("a confined browser's argument-less launch is served", "[protocol][caller]") {
  expect_served({{}, {}, std::nullopt});
}
