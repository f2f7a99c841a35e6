#pragma once

#include "attestation/probes/probe_context.hpp"

namespace seed::attestation {

// Runs the probe with the unit for its kind; never throws.
ProbeResult run_probe(const policy::Probe& probe, const ProbeContext& context);

}  // namespace seed::attestation
