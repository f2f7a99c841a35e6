#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "harness/host_process.hpp"
#include "policy_file.hpp"
#include "support/test_pki.hpp"

using seed::test::HostProcess;
using seed::test::TemporaryDirectory;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A probe command is whatever the policy names, and may hang, flood its output or leave children
// behind. None of that may delay hello or ping, hold a status past the 5-second budget, or keep
// the host alive after the browser has gone.

namespace {

json command_probe(const std::string& id, std::vector<std::string> argv, int timeout_ms) {
  return {{"id", id}, {"kind", "command"}, {"argv", std::move(argv)}, {"timeout_ms", timeout_ms}, {"match", "x"}};
}

// A policy whose class rule uses every probe given, so they all run.
std::string policy_with(const TemporaryDirectory& directory, const json& probes) {
  json ids = json::array();
  for (const auto& probe : probes) ids.push_back(probe["id"]);
  const json policy = {{"version", 1}, {"probes", probes}, {"classes", {{{"class", "non_se_gsib"}, {"any", ids}}}}};
  return seed::test::write_policy_file(directory.path(), "policy.json", policy).string();
}

json request(HostProcess& host, const json& message, milliseconds timeout = std::chrono::seconds{15}) {
  REQUIRE(host.send(message));
  const auto reply = host.receive(timeout);
  REQUIRE(reply);
  return *reply;
}

milliseconds since(Clock::time_point start) { return std::chrono::duration_cast<milliseconds>(Clock::now() - start); }

}  // namespace

TEST_CASE("a hung probe never delays hello or ping, whoever the caller is", "[adversarial][probes]") {
  TemporaryDirectory directory;
  const std::string policy = policy_with(directory, json::array({command_probe("hang", {"/bin/sleep", "60"}, 5000)}));
  // Our extension needs no policy; a confined browser and a listed caller need it read first,
  // but never its probes run.
  const std::vector<std::vector<std::string>> launches = {{"chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/"}, {}};
  for (const auto& args : launches) {
    INFO(args.size());
    HostProcess host({args, {{"SEED_ATTEST_POLICY", policy}}, std::nullopt});
    const auto began = Clock::now();
    CHECK(request(host, {{"type", "hello"}, {"protocol", 1}})["type"] == "hello");
    CHECK(request(host, {{"type", "ping"}})["type"] == "pong");
    CHECK(since(began) < milliseconds{1000});
    CHECK(request(host, {{"type", "status"}})["type"] == "status");
    const auto after_status = Clock::now();
    CHECK(request(host, {{"type", "ping"}})["type"] == "pong");
    CHECK(since(after_status) < milliseconds{500});
  }
}

TEST_CASE("many hung probes: the status answers at the 5-second budget with each one marked", "[adversarial][probes]") {
  TemporaryDirectory directory;
  json probes = json::array();
  for (int i = 0; i < 16; ++i) probes.push_back(command_probe("hang-" + std::to_string(i), {"/bin/sleep", "60"}, 5000));
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", policy_with(directory, probes)}}));

  const auto began = Clock::now();
  const json status = request(host, {{"type", "status"}});
  const auto took = since(began);
  INFO("status took " << took.count() << " ms");
  CHECK(took < milliseconds{5000 + 2000});
  CHECK(status["type"] == "status");
  REQUIRE(status["evidence"].size() == 16);
  for (const auto& entry : status["evidence"]) {
    INFO(entry.dump());
    CHECK(entry["outcome"] == "error");
    CHECK_FALSE(entry["detail"].get<std::string>().empty());
  }
  const auto closing = Clock::now();
  host.close_stdin();
  CHECK(host.wait(std::chrono::seconds{5}) == 0);
  CHECK(since(closing) < milliseconds{2000});
}

TEST_CASE("a probe that floods its output or leaves a child holding it is cut off", "[adversarial][probes]") {
  TemporaryDirectory directory;
  const std::string policy =
      policy_with(directory, json::array({command_probe("flood", {"/usr/bin/yes", "flood"}, 1000),
                                          // setsid -f: the child leaves the probe's process group and keeps its stdout
                                          command_probe("orphan", {"/usr/bin/setsid", "-f", "/bin/sleep", "8"}, 1000)}));
  HostProcess host(HostProcess::chromium_caller({{"SEED_ATTEST_POLICY", policy}}));

  const auto began = Clock::now();
  const json status = request(host, {{"type", "status"}});
  CHECK(since(began) < milliseconds{1000 + 2000});
  REQUIRE(status["evidence"].size() == 2);
  for (const auto& entry : status["evidence"]) {
    INFO(entry.dump());
    CHECK(entry["detail"].get<std::string>().size() <= 256);
  }
  CHECK(status["evidence"][0]["outcome"] == "error");  // killed at its timeout

  const auto closing = Clock::now();
  host.close_stdin();
  CHECK(host.wait(std::chrono::seconds{5}) == 0);
  CHECK(since(closing) < milliseconds{2000});
}
