#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>

#include "run_host.hpp"
#include "support/test_pki.hpp"

using seed::test::HostProcess;
using seed::test::TemporaryDirectory;
using seed::test::write_policy;
using Catch::Matchers::Contains;
using json = nlohmann::json;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

// gmd exactly while `marker` exists.
std::filesystem::path marker_policy(const TemporaryDirectory& directory, const std::filesystem::path& marker) {
  return write_policy(directory.path(), "policy.json", R"({"version": 1,
    "probes": [{"id": "agents", "kind": "file", "path": ")" + marker.string() + R"("},
               {"id": "arch", "kind": "os", "field": "arch", "match": "."}],
    "classes": [{"class": "gmd", "all": ["agents"]}],
    "readiness": [{"check": "arch", "title": "Known architecture", "probe": "arch"}]})");
}

json request(HostProcess& host, const json& message) {
  REQUIRE(host.send(message));
  const auto reply = host.receive();
  REQUIRE(reply);
  return *reply;
}

}  // namespace

TEST_CASE("status over the protocol uses the policy from SEED_ATTEST_POLICY", "[protocol][status]") {
  TemporaryDirectory directory;
  const auto marker = write_policy(directory.path(), "agents", "");
  const auto policy = marker_policy(directory, marker);
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", policy.string()}}));

  const json reply = request(host, {{"type", "status"}, {"id", "s1"}, {"refresh", false}});
  CHECK(reply["type"] == "status");
  CHECK(reply["id"] == "s1");
  CHECK(reply["device_class"] == "gmd");
  CHECK(reply["decided_by"] == "heuristic");
  CHECK(reply["policy"]["source"] == "environment");
  CHECK(reply["policy"]["path"] == policy.string());
  CHECK(reply["policy"]["sha256"].get<std::string>().size() == 64);
  CHECK(reply["evidence"].size() == 2);
  REQUIRE(reply["readiness"].size() == 1);
  CHECK(reply["readiness"][0]["check"] == "arch");
  CHECK(reply["readiness"][0]["title"] == "Known architecture");
  CHECK(reply["readiness"][0]["ok"] == true);
  CHECK_THAT(reply["readiness"][0]["detail"].get<std::string>(), Catch::Matchers::StartsWith("arch is \""));
  CHECK(reply.contains("checked_at"));
  CHECK(reply.contains("duration_ms"));
  host.close_stdin();
  CHECK(host.wait() == 0);
}

TEST_CASE("status is computed once per host process unless refresh is true", "[protocol][status]") {
  TemporaryDirectory directory;
  const auto marker = write_policy(directory.path(), "agents", "");
  const auto policy = marker_policy(directory, marker);
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", policy.string()}}));

  const json first = request(host, {{"type", "status"}, {"id", 1}});
  CHECK(first["device_class"] == "gmd");
  std::filesystem::remove(marker);
  const json cached = request(host, {{"type", "status"}, {"id", 2}});
  CHECK(cached["device_class"] == "gmd");
  CHECK(cached["checked_at"] == first["checked_at"]);
  CHECK(cached["duration_ms"] == first["duration_ms"]);
  const json refreshed = request(host, {{"type", "status"}, {"id", 3}, {"refresh", true}});
  CHECK(refreshed["device_class"] == "internet_device");
  CHECK(refreshed["id"] == 3);
}

TEST_CASE("hello and ping answer at once while a slow status is being computed", "[protocol][status]") {
  TemporaryDirectory directory;
  const auto policy = write_policy(directory.path(), "slow.json", R"({"version": 1,
    "probes": [{"id": "slow", "kind": "command", "argv": ["/bin/sleep", "60"], "timeout_ms": 1500, "match": "x"}],
    "classes": [{"class": "non_se_gsib", "all": ["slow"]}]})");
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", policy.string()}}));

  auto began = Clock::now();
  CHECK(request(host, {{"type", "hello"}, {"protocol", 1}})["type"] == "hello");
  CHECK(request(host, {{"type", "ping"}})["type"] == "pong");
  CHECK(Clock::now() - began < milliseconds{500});

  began = Clock::now();
  const json status = request(host, {{"type", "status"}});
  CHECK(Clock::now() - began < milliseconds{1500 + 1000});
  CHECK(status["device_class"] == "unknown");
  CHECK_THAT(status["error"].get<std::string>(), Contains("probe slow failed (timed out after 1500 ms)"));
}

TEST_CASE("a host whose stdin closes while the first status is computed exits at once", "[protocol][status]") {
  TemporaryDirectory directory;
  const auto policy = write_policy(directory.path(), "slow.json", R"({"version": 1,
    "probes": [{"id": "slow", "kind": "command", "argv": ["/bin/sleep", "60"], "timeout_ms": 5000}],
    "classes": [{"class": "non_se_gsib", "all": ["slow"]}]})");
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", policy.string()}}));
  CHECK(request(host, {{"type", "ping"}})["type"] == "pong");
  const auto began = Clock::now();
  host.close_stdin();
  CHECK(host.wait(std::chrono::seconds{3}) == 0);
  CHECK(Clock::now() - began < milliseconds{1000});
}

TEST_CASE("a refused policy gives an unknown status over the protocol, with the reason", "[protocol][status]") {
  TemporaryDirectory directory;
  const auto policy = write_policy(directory.path(), "bad.json", R"({"version": 1, "default": "laptop"})");
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", policy.string()}}));
  const json reply = request(host, {{"type", "status"}});
  CHECK(reply["type"] == "status");
  CHECK(reply["device_class"] == "unknown");
  CHECK_THAT(reply["error"].get<std::string>(), Contains("default: unknown device class \"laptop\""));
}

TEST_CASE("the policy's allowed_callers and require_caller decide who else may call", "[protocol][callers]") {
  TemporaryDirectory directory;
  const std::string other = "chrome-extension://abcdefghijklmnopabcdefghijklmnop/";
  const auto policy = write_policy(directory.path(), "callers.json",
                                   R"({"version": 1, "require_caller": true, "allowed_callers": [")" + other + R"("]})");
  const std::map<std::string, std::string> env{{"SEED_ATTEST_POLICY", policy.string()}};

  HostProcess listed({{other}, env, std::nullopt});
  CHECK(request(listed, {{"type", "ping"}})["type"] == "pong");

  HostProcess unlisted({{"chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/"}, env, std::nullopt});
  const json refused = request(unlisted, {{"type", "ping"}});
  CHECK(refused["type"] == "error");
  CHECK(refused["code"] == "forbidden_caller");

  HostProcess anonymous({{}, env, std::nullopt});  // a confined browser: no arguments
  const json anonymous_reply = request(anonymous, {{"type", "ping"}});
  CHECK(anonymous_reply["code"] == "forbidden_caller");
  CHECK_THAT(anonymous_reply["message"].get<std::string>(), Contains("requires a browser-identified caller"));
}

TEST_CASE("with a policy that cannot be read, only the built-in extension may call", "[protocol][callers]") {
  const std::map<std::string, std::string> env{{"SEED_ATTEST_POLICY", "/nonexistent/policy.json"}};
  HostProcess other({{"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}, env, std::nullopt});
  const json refused = request(other, {{"type", "ping"}});
  CHECK(refused["code"] == "forbidden_caller");
  CHECK_THAT(refused["message"].get<std::string>(), Contains("the policy could not be read"));

  HostProcess ours(HostProcess::chromium_caller(env));
  CHECK(request(ours, {{"type", "ping"}})["type"] == "pong");
}
