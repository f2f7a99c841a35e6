#pragma once

#include <string>
#include <string_view>

#include "attestation/probe_result.hpp"

namespace seed::attestation {

inline constexpr std::size_t kMaxMatchedBytes = 64 * 1024;

// match / no_match for the policy regex `pattern` over the first 64 KiB of `subject`; error when
// the pattern does not compile or the engine gives up on the input. `what` names the subject in
// the detail ("content", "output", ...).
ProbeResult match_regex(const std::string& pattern, std::string_view subject, std::string_view what);

}  // namespace seed::attestation
