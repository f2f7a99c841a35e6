#pragma once

#include <cstddef>
#include <vector>

namespace seed::bench {

struct Summary {
  std::size_t count = 0;
  double median = 0;
  double min = 0;
  double max = 0;
};

// Median (mean of the middle two for an even count), minimum and maximum; all zero when empty.
Summary summarize(std::vector<double> samples);

}  // namespace seed::bench
