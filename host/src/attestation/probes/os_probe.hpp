#pragma once

#include "attestation/probe_result.hpp"
#include "attestation/system_facts.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

// match when the OS fact named by `field` matches the regex; the detail gives the value.
ProbeResult run_os_probe(const policy::OsProbe& probe, SystemFacts& facts);

}  // namespace seed::attestation
