#include <catch2/catch.hpp>

#include <string>

#include "harness/host_process.hpp"
#include "policy_file.hpp"
#include "support/test_pki.hpp"

using seed::test::HostProcess;
using seed::test::TemporaryDirectory;
using json = nlohmann::json;
using Catch::Matchers::Contains;

// Chrome drops the connection on a host message over 1,000,000 bytes. A policy is the only thing
// that makes replies grow (evidence, readiness, errors), so these policies push every limit.

namespace {

constexpr std::size_t kOutboundLimit = 1'000'000;

std::string padded_id(int index, char fill) {
  std::string id = std::to_string(index) + "-";
  return id + std::string(64 - id.size(), fill);
}

// The reply to `message` and the size of its body on the wire.
std::pair<json, std::size_t> exchange(HostProcess& host, const json& message) {
  REQUIRE(host.send(message));
  const auto reply = host.receive(std::chrono::seconds{20});
  REQUIRE(reply);
  return {*reply, reply->dump().size()};
}

}  // namespace

TEST_CASE("replies stay under the outbound limit when the policy is as large as it may be", "[adversarial][size]") {
  TemporaryDirectory directory;
  json probes = json::array();
  json any = json::array();
  for (int i = 0; i < 64; ++i) {
    const std::string id = padded_id(i, 'p');
    // Missing files with 4096-byte paths: their details would be long if not capped.
    probes.push_back({{"id", id}, {"kind", "file"}, {"path", "/nonexistent/" + std::string(4000, 'd') + std::to_string(i)},
                      {"match", std::string(1000, 'm')}});
    any.push_back(id);
  }
  json readiness = json::array();
  for (int i = 0; i < 32; ++i) {
    readiness.push_back({{"check", padded_id(i, 'c')}, {"title", std::string(200, 't')}, {"probe", any[static_cast<std::size_t>(i)]},
                         {"pass_when", "no_match"}});
  }
  json classes = json::array();
  for (int i = 0; i < 32; ++i) classes.push_back({{"class", "gmd"}, {"all", any}});
  const json policy = {{"version", 1}, {"probes", probes}, {"classes", classes}, {"readiness", readiness}};
  const auto path = seed::test::write_policy_file(directory.path(), "largest.json", policy).string();
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", path}}));

  const auto [status, status_size] = exchange(host, {{"type", "status"}});
  INFO("status reply: " << status_size << " bytes");
  CHECK(status["type"] == "status");
  CHECK(status_size <= kOutboundLimit);
  CHECK(status["evidence"].size() == 64);
  CHECK(status["readiness"].size() == 32);
  for (const auto& entry : status["evidence"]) CHECK(entry["detail"].get<std::string>().size() <= 256);
  for (const auto& check : status["readiness"]) CHECK(check["title"].get<std::string>().size() <= 256);

  const auto [attest, attest_size] =
      exchange(host, {{"type", "attest"}, {"nonce", std::string(256, 'A')}, {"origin", "https://portal.techpass.gov.sg"}});
  INFO("attest reply: " << attest_size << " bytes");
  CHECK(attest["type"] == "attest");
  CHECK(attest_size <= kOutboundLimit);
}

TEST_CASE("a policy with thousands of probes is refused, with a short reply", "[adversarial][size]") {
  TemporaryDirectory directory;
  json probes = json::array();
  for (int i = 0; i < 3000; ++i) {
    probes.push_back({{"id", padded_id(i, 'p')}, {"kind", "file"}, {"path", "/nonexistent/" + std::to_string(i)}});
  }
  const auto path =
      seed::test::write_policy_file(directory.path(), "many.json", json{{"version", 1}, {"probes", probes}}).string();
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", path}}));
  const auto [status, size] = exchange(host, {{"type", "status"}});
  CHECK(status["device_class"] == "unknown");
  CHECK_THAT(status["error"].get<std::string>(), Contains("probes: must have at most 64 items"));
  CHECK(size < 4096);
}

TEST_CASE("an error quoting a huge part of the policy is cut short", "[adversarial][size]") {
  TemporaryDirectory directory;
  const std::string huge_field(900'000, 'f');
  const auto path = seed::test::write_policy_file(directory.path(), "huge.json",
                                                  "{\"version\": 1, \"" + huge_field + "\": true}")
                        .string();
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", path}}));
  const auto [status, size] = exchange(host, {{"type", "status"}});
  CHECK(status["type"] == "status");
  CHECK(status["device_class"] == "unknown");
  CHECK(status["error"].get<std::string>().size() <= 1024);
  CHECK(size < 4096);
}
