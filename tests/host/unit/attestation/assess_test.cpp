#include <catch2/catch.hpp>
#include <chrono>

#include "attestation/assess.hpp"
#include "common/sha256.hpp"
#include "fake_facts.hpp"
#include "policy/parser.hpp"
#include "support/files.hpp"
#include "support/test_pki.hpp"

using namespace seed::attestation;
using seed::policy::LoadedPolicy;
using seed::policy::OsField;
using seed::policy::PolicyOrigin;
using seed::policy::PolicySource;
using Catch::Matchers::Contains;
using std::chrono::milliseconds;

namespace {

LoadedPolicy loaded_from(const std::string& text) {
  return LoadedPolicy{PolicyOrigin{PolicySource::option, "/tmp/policy.json", seed::sha256_hex(text)},
                      seed::policy::parse_policy(text), {}};
}

AssessOptions with_facts(std::shared_ptr<seed::test::FakeFacts> facts) {
  AssessOptions options;
  options.facts = std::move(facts);
  return options;
}

}  // namespace

TEST_CASE("a refused policy gives unknown with the reason, and names the policy", "[assess]") {
  const LoadedPolicy refused{PolicyOrigin{PolicySource::system, "/etc/seed-attest/policy.json", ""}, std::nullopt,
                             "refused the system policy: /etc/seed-attest/policy.json is writable by others (mode 0666)"};
  const Report report = assess(refused);
  CHECK(report.device_class == "unknown");
  CHECK(report.decided_by == "default");
  REQUIRE(report.error);
  CHECK_THAT(*report.error, Contains("writable by others"));
  CHECK(report.policy.source == "system");
  CHECK(report.policy.path == "/etc/seed-attest/policy.json");
  CHECK(report.evidence.empty());
  CHECK(report.readiness.empty());
}

TEST_CASE("an assessment with real probes gives class, evidence in policy order, readiness and trace", "[assess]") {
  seed::test::TemporaryDirectory directory;
  const auto marker = directory.path() / "tanium-installed";
  seed::test::write_file(marker, "");
  const std::string text = R"({"version": 1,
    "probes": [
      {"id": "tanium-installed", "kind": "file", "path": ")" + marker.string() + R"("},
      {"id": "tanium-running", "kind": "process", "name": "TaniumClient"},
      {"id": "warp-running", "kind": "process", "name": "warp-svc"},
      {"id": "os", "kind": "os", "field": "name", "match": "^Ubuntu$"},
      {"id": "vm", "kind": "os", "field": "virtualization", "match": "^none$"},
      {"id": "spare", "kind": "file", "path": "/nonexistent"}],
    "classes": [{"class": "gmd", "all": ["tanium-running", "warp-running"]}],
    "readiness": [{"check": "os", "title": "Supported OS", "probe": "os"},
                  {"check": "not-virtual", "title": "Not a VM", "probe": "vm"},
                  {"check": "no-tanium", "title": "No Tanium yet", "probe": "tanium-installed", "pass_when": "no_match"}]})";
  auto facts = std::make_shared<seed::test::FakeFacts>();
  facts->os = {{OsField::name, "Ubuntu"}, {OsField::virtualization, "kvm"}};
  facts->processes = {"TaniumClient", "warp-svc", "bash"};

  const Report report = assess(loaded_from(text), with_facts(facts));
  CHECK(report.device_class == "gmd");
  CHECK(report.decided_by == "heuristic");
  CHECK_FALSE(report.error);
  CHECK_FALSE(report.signer);
  CHECK(report.policy.source == "option");
  CHECK(report.policy.sha256 == seed::sha256_hex(text));

  REQUIRE(report.evidence.size() == 6);
  CHECK(report.evidence[0].probe == "tanium-installed");
  CHECK(report.evidence[0].kind == "file");
  CHECK(report.evidence[0].outcome == Outcome::match);
  CHECK(report.evidence[1].kind == "process");
  CHECK(report.evidence[3].kind == "os");
  CHECK(report.evidence[4].detail == "virtualization is \"kvm\"");
  CHECK(report.evidence[5].outcome == Outcome::skipped);

  REQUIRE(report.readiness.size() == 3);
  CHECK(report.readiness[0].ok);
  CHECK_FALSE(report.readiness[1].ok);
  CHECK_FALSE(report.readiness[2].ok);
  CHECK(facts->process_reads == 2);  // one question per process probe

  CHECK(report.trace.front() == "policy: option /tmp/policy.json (sha256 " + seed::sha256_hex(text) + ")");
  CHECK(std::find(report.trace.begin(), report.trace.end(),
                  "rule 1: gmd when all of [tanium-running match, warp-running match]: holds") != report.trace.end());
}

TEST_CASE("a hung command leaves the class unknown, and the status answers within a second of its timeout", "[assess]") {
  const std::string text = R"({"version": 1,
    "probes": [{"id": "hung", "kind": "command", "argv": ["/bin/sleep", "30"], "timeout_ms": 300, "match": "x"},
               {"id": "vm", "kind": "os", "field": "virtualization", "match": "^none$"}],
    "classes": [{"class": "non_se_gsib", "all": ["hung"]}],
    "readiness": [{"check": "not-virtual", "title": "Not a VM", "probe": "vm"}]})";
  const auto began = std::chrono::steady_clock::now();
  const Report report = assess(loaded_from(text), with_facts(std::make_shared<seed::test::FakeFacts>()));
  const auto took = std::chrono::steady_clock::now() - began;
  CHECK(took < milliseconds{300 + 1000});
  CHECK(report.device_class == "unknown");
  REQUIRE(report.error);
  CHECK(*report.error == "rule 1 (non_se_gsib) could not be decided: probe hung failed (timed out after 300 ms)");
  CHECK(report.evidence[0].outcome == Outcome::error);
  CHECK(report.readiness.size() == 1);
}

TEST_CASE("evidence details are capped and kept valid UTF-8", "[assess]") {
  const std::string text = R"({"version": 1, "probes": [{"id": "p", "kind": "file", "path": "/p"}],
    "readiness": [{"check": "c", "title": "C", "probe": "p"}]})";
  AssessOptions options = with_facts(std::make_shared<seed::test::FakeFacts>());
  options.runner = [](const seed::policy::Probe&, const ProbeContext&) {
    return ProbeResult{Outcome::match, std::string(1000, 'x') + "\xff"};
  };
  const Report report = assess(loaded_from(text), options);
  CHECK(report.evidence[0].detail.size() <= 256);
  CHECK_THAT(report.evidence[0].detail, Catch::Matchers::EndsWith("\xE2\x80\xA6"));
}

TEST_CASE("the assessment of this machine with the embedded policy is quick and complete", "[assess]") {
  const Report report = assess_device(std::nullopt);
  if (report.policy.source != "embedded") {
    WARN("a policy is configured on this machine (" << report.policy.source << "); skipping");
    return;
  }
  CHECK((report.device_class == "internet_device" || report.device_class == "gmd"));
  CHECK_FALSE(report.error);
  CHECK(report.readiness.size() == 8);
  for (const auto& entry : report.evidence) CHECK(entry.outcome != Outcome::error);
  CHECK(report.duration_ms < 1000);
}
