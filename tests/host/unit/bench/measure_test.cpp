#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>

#include "benchmark.hpp"
#include "measure.hpp"
#include "support/test_pki.hpp"

using seed::bench::Launch;
using seed::bench::RunFailed;

namespace {

Launch seed_attest_launch(const seed::test::TemporaryDirectory& work) {
  return Launch{{SEED_ATTEST_BINARY, "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/"},
                {"PATH=/usr/bin:/bin"},
                (work.path() / "stderr.log").string()};
}

const std::string kHello = seed::bench::encode_frame({{"type", "hello"}, {"protocol", 1}});

}  // namespace

TEST_CASE("a frame is the native-order length and the JSON body", "[bench]") {
  const auto frame = seed::bench::encode_frame({{"type", "ping"}});
  REQUIRE(frame.size() == 4 + 15);
  std::uint32_t length = 0;
  std::memcpy(&length, frame.data(), 4);
  CHECK(length == 15);
  CHECK(frame.substr(4) == R"({"type":"ping"})");
}

TEST_CASE("a cold hello is timed and the host's peak RSS read while it runs", "[bench]") {
  const seed::test::TemporaryDirectory work;
  const seed::bench::ReplyCheck is_hello = [](const nlohmann::json& reply) -> std::optional<std::string> {
    if (reply.value("type", "") != "hello") return "not hello";
    return std::nullopt;
  };
  const auto sample = seed::bench::measure_cold(seed_attest_launch(work), kHello, &is_hello);
  CHECK(sample.milliseconds > 0);
  CHECK(sample.milliseconds < 5000);
  REQUIRE(sample.peak_rss_mib);
  CHECK(*sample.peak_rss_mib > 0.1);
}

TEST_CASE("a reply that fails the figure's check fails the run", "[bench]") {
  const seed::test::TemporaryDirectory work;
  const seed::bench::ReplyCheck wants_status = [](const nlohmann::json& reply) -> std::optional<std::string> {
    if (reply.value("type", "") != "status") return "wanted status, got " + reply.dump();
    return std::nullopt;
  };
  CHECK_THROWS_AS(seed::bench::measure_cold(seed_attest_launch(work), kHello, &wants_status), RunFailed);
}

TEST_CASE("a host that exits with an error fails the run", "[bench]") {
  const seed::test::TemporaryDirectory work;
  // A frame over the 64 KiB limit: the host answers too_large, then exits 1.
  const std::uint32_t too_large = 70000;
  std::string frame(4, '\0');
  std::memcpy(frame.data(), &too_large, 4);
  CHECK_THROWS_WITH(seed::bench::measure_cold(seed_attest_launch(work), frame, nullptr),
                    Catch::Contains("exited with code 1"));
}

TEST_CASE("a program that cannot be started is reported, not waited for", "[bench]") {
  const seed::test::TemporaryDirectory work;
  auto launch = seed_attest_launch(work);
  launch.argv = {(work.path() / "no-such-host").string()};
  CHECK_THROWS(seed::bench::measure_cold(launch, kHello, nullptr));
}

TEST_CASE("round trips on one connection are counted per second", "[bench]") {
  const seed::test::TemporaryDirectory work;
  const auto ping = seed::bench::encode_frame({{"type", "ping"}, {"id", 1}});
  const auto sample = seed::bench::measure_round_trips(seed_attest_launch(work), ping, 10, 200);
  CHECK(sample.per_second > 10);
  REQUIRE(sample.peak_rss_mib);
}

TEST_CASE("the hosts take turns and a failing host is dropped from its figure only", "[bench]") {
  const seed::test::TemporaryDirectory work;
  const std::vector<seed::bench::Host> hosts = {
      {"seed_attest", "seed-attest", {SEED_ATTEST_BINARY, "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/"}, true},
      {"missing", "missing", {(work.path() / "no-such-host").string()}, false}};
  seed::bench::Scenario hello{"hello", "`hello`", {{"type", "hello"}, {"protocol", 1}}, std::nullopt,
                              [](const nlohmann::json&) { return std::optional<std::string>(); }, 1.5};
  seed::bench::Settings settings;
  settings.runs = 3;
  settings.warmup = 1;
  settings.rounds = 1;
  settings.round_trips = 20;
  settings.round_trip_warmup = 0;
  settings.stderr_log = work.path() / "stderr.log";
  const auto results = seed::bench::run_benchmark(hosts, {hello}, settings);
  REQUIRE(results.figures.size() == 2);
  CHECK(results.figures[0].per_host[0].values.size() == 3);
  CHECK(results.figures[0].per_host[0].peak_rss_mib.size() == 3);
  CHECK(results.figures[0].per_host[1].failure);
  CHECK(results.figures[1].per_host[0].values.size() == 1);
  CHECK(results.figures[1].per_host[1].failure);
}
