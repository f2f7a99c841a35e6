#include "attestation/report.hpp"

#include "attestation/detail.hpp"
#include "common/clock.hpp"

namespace seed::attestation {
namespace {

constexpr std::size_t kMaxErrorBytes = 1024;

}  // namespace

const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::match: return "match";
    case Outcome::no_match: return "no_match";
    case Outcome::error: return "error";
    case Outcome::skipped: return "skipped";
  }
  return "error";
}

nlohmann::json to_status_json(const Report& report) {
  nlohmann::json readiness = nlohmann::json::array();
  for (const auto& check : report.readiness) {
    readiness.push_back({{"check", check.check},
                         {"title", bounded_text(check.title)},
                         {"ok", check.ok},
                         {"detail", bounded_text(check.detail)}});
  }
  nlohmann::json evidence = nlohmann::json::array();
  for (const auto& entry : report.evidence) {
    evidence.push_back({{"probe", entry.probe},
                        {"kind", entry.kind},
                        {"outcome", outcome_name(entry.outcome)},
                        {"detail", bounded_text(entry.detail)}});
  }
  nlohmann::json policy = {{"source", report.policy.source}, {"sha256", report.policy.sha256}};
  if (!report.policy.path.empty()) policy["path"] = bounded_text(report.policy.path, kMaxErrorBytes);

  nlohmann::json status = {{"device_class", report.device_class},
                           {"decided_by", report.decided_by},
                           {"readiness", std::move(readiness)},
                           {"evidence", std::move(evidence)},
                           {"policy", std::move(policy)},
                           {"checked_at", rfc3339_utc(report.checked_at)},
                           {"duration_ms", report.duration_ms}};
  if (report.error) status["error"] = bounded_text(*report.error, kMaxErrorBytes);
  return status;
}

}  // namespace seed::attestation
