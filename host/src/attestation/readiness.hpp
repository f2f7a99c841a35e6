#pragma once

#include <vector>

#include "attestation/classification.hpp"
#include "attestation/report.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

// Each readiness check passes when its probe's outcome is the one in `pass_when`; a probe that
// could not be run fails its check, saying so.
std::vector<ReadinessResult> check_readiness(const policy::Policy& policy, const ProbeResults& results);

}  // namespace seed::attestation
