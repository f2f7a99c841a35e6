#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace seed::policy {

inline constexpr std::size_t kMaxJsonDepth = 32;

// JSON as a policy document must be: well-formed UTF-8 JSON, no key twice in one object (the
// usual parsers keep one silently), nesting at most kMaxJsonDepth deep. Throws PolicyError
// naming where the problem is.
nlohmann::json parse_strict_json(std::string_view text);

}  // namespace seed::policy
