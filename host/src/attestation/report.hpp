#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "attestation/probe_result.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

struct Evidence {
  std::string probe;
  std::string kind;
  Outcome outcome = Outcome::skipped;
  std::string detail;
};

struct ReadinessResult {
  std::string check;
  std::string title;
  bool ok = false;
  std::string detail;
};

struct PolicyInfo {
  std::string source;  // "option", "environment", "system" or "embedded"
  std::string path;    // empty for the embedded policy
  std::string sha256;  // of the document's bytes
};

// The outcome of one evaluation: what `status` reports, what `explain` prints, and (through
// `signer`) which certificate probe may sign a token.
struct Report {
  std::string device_class = "unknown";
  std::string decided_by = "default";  // "certificate", "heuristic" or "default"
  std::vector<ReadinessResult> readiness;
  std::vector<Evidence> evidence;
  PolicyInfo policy;
  std::optional<std::string> error;  // why the device is `unknown` (e.g. the policy was refused)
  std::chrono::system_clock::time_point checked_at;
  std::int64_t duration_ms = 0;
  std::optional<policy::CertificateProbe> signer;  // the device_certificate probe that decided
  std::string signer_probe;                        // its id
  std::vector<std::string> trace;                  // the rule-by-rule story, for `explain`
};

// The status fields of protocol section 3 (no `type`, no `id`).
nlohmann::json to_status_json(const Report& report);

}  // namespace seed::attestation
