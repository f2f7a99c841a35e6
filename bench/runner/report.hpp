#pragma once

#include <cstdio>
#include <nlohmann/json.hpp>

#include "benchmark.hpp"

namespace seed::bench {

inline constexpr double kPeakRssTargetMib = 6.0;

// The results as a Markdown table (ready to quote in docs/PERFORMANCE.md): per host the median
// (min–max), the ratio of medians to the first host (the floor), and each target with its verdict.
void print_table(std::FILE* out, const Results& results);

// Everything, samples included; `context` (machine, settings, load) is stored as given.
nlohmann::json to_json(const Results& results, const nlohmann::json& context);

// True when every target held for the checked host.
bool all_targets_met(const Results& results);

}  // namespace seed::bench
