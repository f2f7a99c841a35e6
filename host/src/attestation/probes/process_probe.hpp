#pragma once

#include "attestation/probe_result.hpp"
#include "attestation/system_facts.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

// match when a running process's executable is named exactly `name`.
ProbeResult run_process_probe(const policy::ProcessProbe& probe, SystemFacts& facts);

}  // namespace seed::attestation
