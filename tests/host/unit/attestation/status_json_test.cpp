#include <catch2/catch.hpp>

#include "attestation/report.hpp"

using namespace seed::attestation;

namespace {

Report sample_report() {
  Report report;
  report.device_class = "non_se_gsib";
  report.decided_by = "certificate";
  report.readiness = {{"supported-os", "Supported OS", true, "name is \"Ubuntu\""}};
  report.evidence = {{"gsib-cert", "device_certificate", Outcome::match, "certificate chains to a trust anchor"},
                     {"spare", "file", Outcome::skipped, "not used"}};
  report.policy = {"system", "/etc/seed-attest/policy.json", std::string(64, 'a')};
  report.checked_at = std::chrono::system_clock::time_point{std::chrono::seconds{1795000000}};
  report.duration_ms = 12;
  return report;
}

}  // namespace

TEST_CASE("the status object has exactly the fields of protocol section 3", "[status][json]") {
  const nlohmann::json status = to_status_json(sample_report());
  CHECK(status == nlohmann::json::parse(R"({
    "device_class": "non_se_gsib",
    "decided_by": "certificate",
    "readiness": [{"check": "supported-os", "title": "Supported OS", "ok": true, "detail": "name is \"Ubuntu\""}],
    "evidence": [
      {"probe": "gsib-cert", "kind": "device_certificate", "outcome": "match", "detail": "certificate chains to a trust anchor"},
      {"probe": "spare", "kind": "file", "outcome": "skipped", "detail": "not used"}],
    "policy": {"source": "system", "path": "/etc/seed-attest/policy.json",
               "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
    "checked_at": "2026-11-18T11:06:40Z",
    "duration_ms": 12})"));
}

TEST_CASE("the status object carries the error of an unknown class and no path for the embedded policy", "[status][json]") {
  Report report = sample_report();
  report.device_class = "unknown";
  report.decided_by = "default";
  report.error = "the policy is invalid: probes[0].kind: unknown probe kind \"x\"";
  report.policy = {"embedded", "", std::string(64, 'b')};
  const nlohmann::json status = to_status_json(report);
  CHECK(status["error"] == *report.error);
  CHECK_FALSE(status["policy"].contains("path"));
  CHECK(status["policy"]["source"] == "embedded");
}

TEST_CASE("the status object is always valid UTF-8 and bounded", "[status][json]") {
  Report report = sample_report();
  report.evidence[0].detail = std::string(5000, 'x');
  report.readiness[0].detail = "bad \xC3\x28 byte";
  report.error = std::string(5000, 'e');
  const nlohmann::json status = to_status_json(report);
  CHECK(status["evidence"][0]["detail"].get<std::string>().size() <= 256);
  CHECK(status["readiness"][0]["detail"] == "bad \xEF\xBF\xBD( byte");
  CHECK(status["error"].get<std::string>().size() <= 1024);
  CHECK_NOTHROW(status.dump());
}
