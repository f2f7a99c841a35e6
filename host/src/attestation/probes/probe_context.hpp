#pragma once

#include <functional>
#include <stop_token>

#include "attestation/probe_result.hpp"
#include "attestation/system_facts.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

// What a probe may use while it runs: the machine's facts, the end of the evaluation's time
// budget, and a stop request (the budget ran out, or the host is shutting down).
struct ProbeContext {
  SystemFacts& facts;
  Deadline deadline;
  std::stop_token stop;
};

// Runs one probe of any kind. The real one is run_probe (run_probe.hpp); tests pass others.
using ProbeRunner = std::function<ProbeResult(const policy::Probe&, const ProbeContext&)>;

}  // namespace seed::attestation
