#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenarios.hpp"

namespace seed::bench {

// One program under comparison.
struct Host {
  std::string key;    // name in the JSON result: "floor", "seed_attest", "python"
  std::string label;  // column title
  std::vector<std::string> argv;
  bool checked = false;  // its replies must pass each scenario's check (the program under test)
};

struct Settings {
  int runs = 40;               // timed cold starts per host and scenario
  int warmup = 5;              // untimed cold starts first, to settle the page cache
  int rounds = 7;              // connections per host for the round-trip figure
  int round_trips = 5000;      // timed pings per connection
  int round_trip_warmup = 200;
  std::filesystem::path stderr_log;  // where every host's stderr goes
};

// The samples of one host for one figure.
struct Series {
  std::vector<double> values;
  std::vector<double> peak_rss_mib;
  std::optional<std::string> failure;  // set when a run failed: the figure is void for this host
};

struct Figure {
  std::string key;
  std::string title;
  std::string unit;  // "ms" or "round trips/s"
  bool higher_is_better = false;
  std::optional<double> target_ratio;
  std::vector<Series> per_host;  // in the order of Results::hosts
};

struct Results {
  std::vector<Host> hosts;
  std::vector<Figure> figures;
};

// Every cold scenario, then the round-trip figure. Within each figure the hosts take turns run by
// run (A B C A B C ...), so drift in the machine's speed reaches all of them alike.
Results run_benchmark(const std::vector<Host>& hosts, const std::vector<Scenario>& scenarios, const Settings& settings);

}  // namespace seed::bench
