#pragma once

#include <string>

#include "attestation/report.hpp"

namespace seed::cli {

// The human report of `seed-attest status`: the class and what decided it, the next step on
// each portal page, the readiness checklist (✓/✗) and the evidence.
std::string status_text(const attestation::Report& report);

// The rule-by-rule story of `seed-attest explain`.
std::string explain_text(const attestation::Report& report);

}  // namespace seed::cli
