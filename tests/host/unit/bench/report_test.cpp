#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "report.hpp"

using seed::bench::Figure;
using seed::bench::Results;
using seed::bench::Series;

namespace {

// A floor, the program under test, and a third host that is never judged.
Results results_with(Figure figure) {
  Results results;
  results.hosts = {{"floor", "C floor", {"floor"}, false},
                   {"seed_attest", "seed-attest", {"seed-attest"}, true},
                   {"python", "Python", {"python3"}, false}};
  results.figures.push_back(std::move(figure));
  return results;
}

Figure cold_figure(std::vector<double> floor, std::vector<double> subject, double target) {
  Figure figure{"hello", "`hello`", "ms", false, target, {}};
  figure.per_host = {Series{std::move(floor), {0.7}, {}}, Series{std::move(subject), {1.5}, {}},
                     Series{{50.0}, {9.0}, {}}};
  return figure;
}

std::string table_of(const Results& results) {
  char* text = nullptr;
  std::size_t size = 0;
  std::FILE* out = ::open_memstream(&text, &size);
  seed::bench::print_table(out, results);
  std::fclose(out);
  std::string table(text, size);
  std::free(text);
  return table;
}

}  // namespace

TEST_CASE("a cold figure meets its target when the ratio of medians is within it", "[bench]") {
  const auto results = results_with(cold_figure({1.0, 1.0, 9.0}, {1.4, 1.4, 0.1}, 1.5));
  CHECK(seed::bench::all_targets_met(results));
  const auto document = seed::bench::to_json(results, nlohmann::json::object());
  CHECK(document["figures"][0]["hosts"]["seed_attest"]["ratio_to_floor"].get<double>() == Approx(1.4));
  CHECK(document["figures"][0]["target_met"] == true);
}

TEST_CASE("a cold figure over its target is reported as missed", "[bench]") {
  const auto results = results_with(cold_figure({1.0}, {1.6}, 1.5));
  CHECK_FALSE(seed::bench::all_targets_met(results));
  CHECK(table_of(results).find("| 1.60× |") != std::string::npos);
  CHECK(table_of(results).find("**no**") != std::string::npos);
}

TEST_CASE("a throughput figure must reach its target from above", "[bench]") {
  Figure figure{"ping_round_trips", "`ping`", "round trips/s", true, 0.8, {}};
  figure.per_host = {Series{{1000.0}, {0.7}, {}}, Series{{790.0}, {1.5}, {}}, Series{{300.0}, {9.0}, {}}};
  CHECK_FALSE(seed::bench::all_targets_met(results_with(figure)));
  figure.per_host[1].values = {810.0};
  CHECK(seed::bench::all_targets_met(results_with(figure)));
}

TEST_CASE("a peak RSS over 6 MB misses the memory target", "[bench]") {
  auto figure = cold_figure({1.0}, {1.0}, 1.5);
  figure.per_host[1].peak_rss_mib = {2.0, 6.5, 3.0};
  const auto results = results_with(figure);
  CHECK_FALSE(seed::bench::all_targets_met(results));
  CHECK(seed::bench::to_json(results, {})["figures"][0]["peak_rss_target_met"] == false);
}

TEST_CASE("a failed figure misses its target and says why", "[bench]") {
  auto figure = cold_figure({1.0}, {}, 4.0);
  figure.per_host[1].failure = "error reply: status is not available";
  const auto results = results_with(figure);
  CHECK_FALSE(seed::bench::all_targets_met(results));
  CHECK(table_of(results).find("status is not available") != std::string::npos);
  CHECK(seed::bench::to_json(results, {})["figures"][0]["hosts"]["seed_attest"]["failure"] ==
        "error reply: status is not available");
}
