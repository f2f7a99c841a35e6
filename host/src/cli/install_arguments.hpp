#pragma once

#include <vector>

#include "cli/arguments.hpp"
#include "install/browser.hpp"

namespace seed::cli {

// The browsers of `--browser NAME…` (also comma-separated); empty when not given, meaning all.
// Throws UsageError for a name that is not a supported browser.
std::vector<install::Browser> browser_arguments(ArgumentReader& reader);

}  // namespace seed::cli
