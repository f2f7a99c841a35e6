#pragma once

#include <chrono>
#include <string>

namespace seed::attestation {

enum class Outcome { match, no_match, error, skipped };

const char* outcome_name(Outcome outcome);  // "match", "no_match", "error", "skipped"

struct ProbeResult {
  Outcome outcome = Outcome::skipped;
  std::string detail;  // short, human-readable; no identifiers unless the policy asks for them
};

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

}  // namespace seed::attestation
