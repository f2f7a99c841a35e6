#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace seed::attestation {

inline constexpr std::size_t kMaxDetailBytes = 256;

// Text fit for a report: valid UTF-8 (bad bytes become U+FFFD), control characters as spaces,
// at most `limit` bytes, cut at a character boundary and marked with "…" when cut.
std::string bounded_text(std::string_view text, std::size_t limit = kMaxDetailBytes);

}  // namespace seed::attestation
