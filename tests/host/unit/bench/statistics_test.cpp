#include <catch2/catch.hpp>

#include "statistics.hpp"

using seed::bench::summarize;

TEST_CASE("the median of an odd count is the middle sample", "[bench]") {
  const auto summary = summarize({5.0, 1.0, 3.0});
  CHECK(summary.count == 3);
  CHECK(summary.median == 3.0);
  CHECK(summary.min == 1.0);
  CHECK(summary.max == 5.0);
}

TEST_CASE("the median of an even count is the mean of the middle two", "[bench]") {
  const auto summary = summarize({4.0, 1.0, 10.0, 2.0});
  CHECK(summary.median == 3.0);
  CHECK(summary.min == 1.0);
  CHECK(summary.max == 10.0);
}

TEST_CASE("no samples summarise to zeros", "[bench]") {
  const auto summary = summarize({});
  CHECK(summary.count == 0);
  CHECK(summary.median == 0.0);
}
