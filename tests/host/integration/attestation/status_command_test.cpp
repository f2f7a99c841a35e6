#include <catch2/catch.hpp>
#include <chrono>
#include <regex>

#include "run_host.hpp"
#include "support/test_pki.hpp"

using seed::test::run_seed_attest;
using seed::test::TemporaryDirectory;
using seed::test::write_policy;
using Catch::Matchers::Contains;
using json = nlohmann::json;

namespace {

bool is_lower_hex_sha256(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

TEST_CASE("status --json with the embedded policy gives a truthful answer with readiness", "[cli][status]") {
  if (seed::test::system_policy_present()) {
    WARN("/etc/seed-attest/policy.json exists on this machine; the embedded policy is not in use");
    return;
  }
  const auto began = std::chrono::steady_clock::now();
  const auto output = run_seed_attest({"status", "--json"});
  const auto took = std::chrono::steady_clock::now() - began;
  REQUIRE(output.exit_code == 0);
  const json status = json::parse(output.out);
  CHECK((status["device_class"] == "internet_device" || status["device_class"] == "gmd"));
  CHECK((status["decided_by"] == "default" || status["decided_by"] == "heuristic"));
  CHECK(status["policy"]["source"] == "embedded");
  CHECK_FALSE(status["policy"].contains("path"));
  CHECK(is_lower_hex_sha256(status["policy"]["sha256"]));
  CHECK(status["readiness"].size() == 8);
  CHECK(status["evidence"].size() == 11);
  for (const auto& entry : status["evidence"]) CHECK(entry["outcome"] != "error");
  CHECK(std::regex_match(status["checked_at"].get<std::string>(),
                         std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")));
  CHECK(status["duration_ms"].get<int>() < 1000);
  CHECK_FALSE(status.contains("error"));
  CHECK(took < std::chrono::seconds{5});
}

TEST_CASE("status prints a human report: class, next step, readiness and evidence", "[cli][status]") {
  TemporaryDirectory directory;
  const auto marker = write_policy(directory.path(), "tanium", "");
  const auto policy = write_policy(directory.path(), "policy.json", R"({"version": 1,
    "probes": [{"id": "tanium-installed", "kind": "file", "path": ")" + marker.string() + R"("},
               {"id": "warp-installed", "kind": "file", "path": "/nonexistent/warp-svc"}],
    "readiness": [{"check": "no-tanium", "title": "No Tanium client installed yet", "probe": "tanium-installed", "pass_when": "no_match"},
                  {"check": "no-warp", "title": "No Cloudflare WARP installed yet", "probe": "warp-installed", "pass_when": "no_match"}]})");
  const auto output = run_seed_attest({"status", "--policy", policy.string()});
  CHECK(output.exit_code == 0);
  CHECK_THAT(output.out, Contains("This device: Internet device"));
  CHECK_THAT(output.out, Contains("Decided by:  the policy's default"));
  CHECK_THAT(output.out, Contains("Policy:      option " + policy.string()));
  CHECK_THAT(output.out, Contains("Where the portal shows \"Request for SEED\": Contact your project manager"));
  CHECK_THAT(output.out, Contains("Where it shows \"Onboard device to SEED\": Check the onboarding readiness"));
  CHECK_THAT(output.out, Contains("Onboarding readiness (1 of 2 met)"));
  CHECK_THAT(output.out, Contains("\u2717 No Tanium client installed yet: found"));
  CHECK_THAT(output.out, Contains("\u2713 No Cloudflare WARP installed yet: not found"));
  CHECK_THAT(output.out, Contains("Evidence"));
  CHECK_THAT(output.out, Contains("tanium-installed  file  match"));
}

TEST_CASE("status names an invalid policy's field, says unknown and exits 1", "[cli][status]") {
  TemporaryDirectory directory;
  const auto policy = write_policy(directory.path(), "bad.json",
                                   R"({"version": 1, "probes": [{"id": "x", "kind": "registry"}]})");
  const auto output = run_seed_attest({"status", "--json", "--policy", policy.string()});
  CHECK(output.exit_code == 1);
  const json status = json::parse(output.out);
  CHECK(status["device_class"] == "unknown");
  CHECK(status["decided_by"] == "default");
  CHECK_THAT(status["error"].get<std::string>(), Contains("probes[0].kind: unknown probe kind \"registry\""));
  CHECK(status["policy"]["source"] == "option");
  CHECK(status["policy"]["path"] == policy.string());

  const auto human = run_seed_attest({"status", "--policy", policy.string()});
  CHECK(human.exit_code == 1);
  CHECK_THAT(human.out, Contains("This device: unknown"));
  CHECK_THAT(human.out, Contains("Problem:     the policy is invalid: probes[0].kind"));
  CHECK_THAT(human.out, Contains("fix what the report says failed"));
}

TEST_CASE("status takes the policy from SEED_ATTEST_POLICY, and --policy over it", "[cli][status]") {
  TemporaryDirectory directory;
  const auto from_environment = write_policy(directory.path(), "environment.json", R"({"version": 1, "default": "gmd"})");
  const auto from_option = write_policy(directory.path(), "option.json", R"({"version": 1, "default": "se_gsib"})");
  auto output = run_seed_attest({"status", "--json"}, {{"SEED_ATTEST_POLICY", from_environment.string()}});
  json status = json::parse(output.out);
  CHECK(status["device_class"] == "gmd");
  CHECK(status["policy"]["source"] == "environment");
  CHECK(status["policy"]["path"] == from_environment.string());

  output = run_seed_attest({"status", "--json", "--policy", from_option.string()},
                           {{"SEED_ATTEST_POLICY", from_environment.string()}});
  status = json::parse(output.out);
  CHECK(status["device_class"] == "se_gsib");
  CHECK(status["policy"]["source"] == "option");
}

TEST_CASE("status answers within a second of a hung command's timeout", "[cli][status]") {
  TemporaryDirectory directory;
  const auto policy = write_policy(directory.path(), "hung.json", R"({"version": 1,
    "probes": [{"id": "hung", "kind": "command", "argv": ["/bin/sleep", "60"], "timeout_ms": 500, "match": "x"}],
    "classes": [{"class": "non_se_gsib", "all": ["hung"]}]})");
  const auto began = std::chrono::steady_clock::now();
  const auto output = run_seed_attest({"status", "--json", "--policy", policy.string()});
  const auto took = std::chrono::steady_clock::now() - began;
  CHECK(took < std::chrono::milliseconds{500 + 1000});
  const json status = json::parse(output.out);
  CHECK(status["device_class"] == "unknown");
  CHECK(status["evidence"][0]["outcome"] == "error");
  CHECK(status["evidence"][0]["detail"] == "timed out after 500 ms");
  CHECK(output.exit_code == 1);
}

TEST_CASE("status refuses unknown options and a missing policy value with exit 2", "[cli][status]") {
  auto output = run_seed_attest({"status", "--frobnicate"});
  CHECK(output.exit_code == 2);
  CHECK_THAT(output.err, Contains("Usage: seed-attest status [--json] [--policy FILE]"));
  output = run_seed_attest({"status", "--policy"});
  CHECK(output.exit_code == 2);
  CHECK_THAT(output.err, Contains("--policy needs a value"));
  CHECK(run_seed_attest({"explain", "--json"}).exit_code == 2);
}
