#pragma once

#include <memory>
#include <optional>
#include <stop_token>
#include <string>

#include "attestation/evaluator.hpp"
#include "attestation/report.hpp"
#include "policy/loader.hpp"

namespace seed::attestation {

struct AssessOptions {
  ProbeRunner runner;                   // empty: run_probe, the real probes
  std::shared_ptr<SystemFacts> facts;  // empty: this machine's facts
  EvaluationLimits limits;
  std::stop_token stop;
};

// One evaluation of a loaded policy: probes, class, readiness, evidence and the trace. A policy
// that could not be used gives device_class "unknown" with its error.
Report assess(const policy::LoadedPolicy& loaded, const AssessOptions& options = {});

// Finds the policy (the option, SEED_ATTEST_POLICY, the system file, the embedded default) and
// assesses this device with it.
Report assess_device(const std::optional<std::string>& policy_option, std::stop_token stop = {});

}  // namespace seed::attestation
