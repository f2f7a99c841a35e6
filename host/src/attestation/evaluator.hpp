#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <stop_token>
#include <vector>

#include "attestation/probes/probe_context.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

struct EvaluationLimits {
  std::chrono::milliseconds budget{5000};  // for all probes together
  std::size_t max_parallel = 8;            // probes running at once (worker threads)
};

struct ProbeOutcome {
  ProbeResult result;
  std::chrono::milliseconds elapsed{0};
};

// Runs every probe that a class rule or readiness check uses, each once, and marks the rest
// `skipped`. Probes that may block (commands, keys behind a store URI) run at the same time, each
// on its own worker; the quick ones (files, processes, OS facts, PEM files) one after another on
// one worker. The calling thread only keeps the time: a probe still running when the budget is
// spent is an `error` (it is asked to stop, and left behind if it does not); one not started by
// then, too. The result is in the policy's probe order.
std::vector<ProbeOutcome> run_probes(const policy::Policy& policy, const ProbeRunner& runner,
                                     std::shared_ptr<SystemFacts> facts, const EvaluationLimits& limits,
                                     std::stop_token stop = {});

}  // namespace seed::attestation
