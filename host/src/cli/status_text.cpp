#include "cli/status_text.hpp"

#include <algorithm>

#include "attestation/routes.hpp"
#include "common/clock.hpp"

namespace seed::cli {
namespace {

using attestation::PortalPage;

std::string class_title(const std::string& device_class) {
  if (device_class == "non_se_gsib") return "non-SE GSIB (Government Standard Image Build with internet)";
  if (device_class == "se_gsib") return "SE-GSIB (Secured-Email GSIB, no internet)";
  if (device_class == "gmd") return "Government Managed Device (already enrolled in SEED)";
  if (device_class == "internet_device") return "Internet device (not a GSIB, not enrolled in SEED)";
  return "unknown (the evidence could not be evaluated)";
}

std::string decided_by_text(const attestation::Report& report) {
  if (report.decided_by == "certificate") {
    return "a device certificate (probe " + report.signer_probe + "): cryptographic evidence";
  }
  if (report.decided_by == "heuristic") return "heuristic evidence (not cryptographic)";
  if (report.error) return "nothing: the classification failed";
  return "the policy's default, since no rule holds";
}

std::string policy_text(const attestation::PolicyInfo& policy) {
  std::string text = policy.source;
  if (!policy.path.empty()) text += " " + policy.path;
  if (!policy.sha256.empty()) text += " (sha256 " + policy.sha256 + ")";
  return text;
}

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

void append_next_steps(std::string& out, const attestation::Report& report) {
  out += "\nNext step\n";
  const auto on_request = attestation::route_for(PortalPage::request_for_seed, report.device_class);
  const auto on_onboard = attestation::route_for(PortalPage::onboard_device, report.device_class);
  if (on_request == on_onboard) {
    out += "  " + std::string(attestation::next_step(on_request)) + "\n";
    return;
  }
  out += "  Where the portal shows \"Request for SEED\": " + std::string(attestation::next_step(on_request)) + "\n";
  out += "  Where it shows \"Onboard device to SEED\": " + std::string(attestation::next_step(on_onboard)) + "\n";
}

void append_readiness(std::string& out, const attestation::Report& report) {
  if (report.readiness.empty()) return;
  const auto met = std::count_if(report.readiness.begin(), report.readiness.end(), [](const auto& c) { return c.ok; });
  out += "\nOnboarding readiness (" + std::to_string(met) + " of " + std::to_string(report.readiness.size()) +
         " met)\n";
  for (const auto& check : report.readiness) {
    out += std::string("  ") + (check.ok ? "\u2713 " : "\u2717 ") + check.title + ": " + check.detail + "\n";
  }
}

void append_evidence(std::string& out, const attestation::Report& report) {
  if (report.evidence.empty()) return;
  std::size_t id_width = 0;
  std::size_t kind_width = 0;
  for (const auto& entry : report.evidence) {
    id_width = std::max(id_width, entry.probe.size());
    kind_width = std::max(kind_width, entry.kind.size());
  }
  out += "\nEvidence\n";
  for (const auto& entry : report.evidence) {
    out += "  " + padded(entry.probe, id_width) + "  " + padded(entry.kind, kind_width) + "  " +
           padded(attestation::outcome_name(entry.outcome), 8) + "  " + entry.detail + "\n";
  }
}

}  // namespace

std::string status_text(const attestation::Report& report) {
  std::string out;
  out += "This device: " + class_title(report.device_class) + "\n";
  out += "Decided by:  " + decided_by_text(report) + "\n";
  if (report.error) out += "Problem:     " + *report.error + "\n";
  out += "Policy:      " + policy_text(report.policy) + "\n";
  append_next_steps(out, report);
  append_readiness(out, report);
  append_evidence(out, report);
  out += "\nChecked at " + rfc3339_utc(report.checked_at) + " in " + std::to_string(report.duration_ms) + " ms\n";
  return out;
}

std::string explain_text(const attestation::Report& report) {
  std::string out = "How this device was classified, step by step:\n\n";
  for (const auto& line : report.trace) out += "  " + line + "\n";
  out += "\nResult: " + report.device_class + " (decided by " + report.decided_by + ") in " +
         std::to_string(report.duration_ms) + " ms\n";
  return out;
}

}  // namespace seed::cli
