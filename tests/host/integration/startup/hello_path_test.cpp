#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "harness/host_process.hpp"
#include "support/test_pki.hpp"

using seed::test::HostProcess;
using seed::test::TemporaryDirectory;

namespace {

// A policy whose only probe leaves a marker file behind when it runs.
std::filesystem::path marker_policy(const TemporaryDirectory& directory, const std::filesystem::path& marker) {
  const nlohmann::json policy = {
      {"version", 1},
      {"probes", {{{"id", "marker"}, {"kind", "command"}, {"argv", {"/usr/bin/touch", marker.string()}}}}},
      {"classes", nlohmann::json::array()},
      {"default", "internet_device"},
      // A probe no rule or check uses is skipped, so a readiness check asks for it.
      {"readiness", {{{"check", "marker"}, {"title", "Marker written"}, {"probe", "marker"}, {"pass_when", "match"}}}}};
  const auto path = directory.path() / "policy.json";
  std::ofstream(path) << policy.dump();
  return path;
}

}  // namespace

TEST_CASE("hello and ping run no probe, even while the host lives on", "[startup]") {
  const TemporaryDirectory directory;
  const auto marker = directory.path() / "probe-ran";
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", marker_policy(directory, marker).string()}}));
  REQUIRE(host.send({{"type", "hello"}, {"protocol", 1}}));
  REQUIRE(host.receive());
  REQUIRE(host.send({{"type", "ping"}}));
  REQUIRE(host.receive());
  host.close_stdin();
  CHECK(host.wait() == 0);
  CHECK_FALSE(std::filesystem::exists(marker));
}

TEST_CASE("status runs the policy's probes", "[startup]") {
  const TemporaryDirectory directory;
  const auto marker = directory.path() / "probe-ran";
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", marker_policy(directory, marker).string()}}));
  REQUIRE(host.send({{"type", "hello"}, {"protocol", 1}}));
  REQUIRE(host.receive());
  REQUIRE(host.send({{"type", "status"}}));
  const auto reply = host.receive();
  REQUIRE(reply);
  CHECK((*reply)["type"] == "status");
  host.close_stdin();
  CHECK(host.wait() == 0);
  CHECK(std::filesystem::exists(marker));
}
