#pragma once

#include "attestation/probe_result.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

// match when the path exists and, with `match`, the first 64 KiB of the regular file match.
// A missing path is no_match; a path that cannot be looked at or read is an error.
ProbeResult run_file_probe(const policy::FileProbe& probe);

}  // namespace seed::attestation
