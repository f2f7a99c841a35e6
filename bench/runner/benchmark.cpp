#include "benchmark.hpp"

#include <unistd.h>

#include <cstdio>
#include <string_view>

#include "measure.hpp"

extern char** environ;

namespace seed::bench {
namespace {

constexpr std::string_view kPolicyVariable = "SEED_ATTEST_POLICY=";

// The runner's environment without any policy override, plus the scenario's policy.
std::vector<std::string> environment_for(const std::optional<std::filesystem::path>& policy) {
  std::vector<std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    if (!text.starts_with(kPolicyVariable)) environment.emplace_back(text);
  }
  if (policy) environment.push_back(std::string(kPolicyVariable) + policy->string());
  return environment;
}

void progress(const std::string& title, const std::vector<Host>& hosts, const std::vector<Series>& series) {
  std::fprintf(stderr, "bench: %s", title.c_str());
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    if (series[i].failure) std::fprintf(stderr, "  [%s failed: %s]", hosts[i].key.c_str(), series[i].failure->c_str());
  }
  std::fprintf(stderr, "\n");
}

Figure run_cold_figure(const std::vector<Host>& hosts, const Scenario& scenario, const Settings& settings) {
  Figure figure{scenario.key, scenario.title, "ms", false, scenario.target_ratio, std::vector<Series>(hosts.size())};
  const std::string request = encode_frame(scenario.request);
  const auto environment = environment_for(scenario.policy);
  for (int run = -settings.warmup; run < settings.runs; ++run) {
    for (std::size_t i = 0; i < hosts.size(); ++i) {
      Series& series = figure.per_host[i];
      if (series.failure) continue;
      try {
        const Launch launch{hosts[i].argv, environment, settings.stderr_log.string()};
        const auto sample = measure_cold(launch, request, hosts[i].checked ? &scenario.check : nullptr);
        if (run < 0) continue;
        series.values.push_back(sample.milliseconds);
        if (sample.peak_rss_mib) series.peak_rss_mib.push_back(*sample.peak_rss_mib);
      } catch (const std::exception& error) {
        series.failure = error.what();
        series.values.clear();
        series.peak_rss_mib.clear();
      }
    }
  }
  progress(scenario.title, hosts, figure.per_host);
  return figure;
}

Figure run_round_trip_figure(const std::vector<Host>& hosts, const Settings& settings) {
  Figure figure{"ping_round_trips", "`ping` round trips, one connection", "round trips/s", true, 0.8,
                std::vector<Series>(hosts.size())};
  const std::string request = encode_frame(ping_request());
  const auto environment = environment_for(std::nullopt);
  for (int round = 0; round < settings.rounds; ++round) {
    for (std::size_t i = 0; i < hosts.size(); ++i) {
      Series& series = figure.per_host[i];
      if (series.failure) continue;
      try {
        const Launch launch{hosts[i].argv, environment, settings.stderr_log.string()};
        const auto sample = measure_round_trips(launch, request, settings.round_trip_warmup, settings.round_trips);
        series.values.push_back(sample.per_second);
        if (sample.peak_rss_mib) series.peak_rss_mib.push_back(*sample.peak_rss_mib);
      } catch (const std::exception& error) {
        series.failure = error.what();
        series.values.clear();
      }
    }
  }
  progress(figure.title, hosts, figure.per_host);
  return figure;
}

}  // namespace

Results run_benchmark(const std::vector<Host>& hosts, const std::vector<Scenario>& scenarios, const Settings& settings) {
  Results results{hosts, {}};
  for (const Scenario& scenario : scenarios) results.figures.push_back(run_cold_figure(hosts, scenario, settings));
  if (settings.rounds > 0) results.figures.push_back(run_round_trip_figure(hosts, settings));
  return results;
}

}  // namespace seed::bench
