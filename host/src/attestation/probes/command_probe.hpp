#pragma once

#include <stop_token>

#include "attestation/probe_result.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

// Runs argv (no shell) for at most timeout_ms, and no later than `deadline`. match when it
// exits with `exit_code` (if given) and its first 64 KiB of stdout match `match` (if given);
// with neither, when it exits 0. A command that cannot start, hangs, is killed, or (with no
// exit_code given) fails is an error.
ProbeResult run_command_probe(const policy::CommandProbe& probe, Deadline deadline, std::stop_token stop);

}  // namespace seed::attestation
