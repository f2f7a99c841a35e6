#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace seed::utf8 {

// Number of code points when `text` is well-formed UTF-8 (no overlongs, no surrogates), else empty.
std::optional<std::size_t> count_code_points(std::string_view text);

}  // namespace seed::utf8
