#include <sys/utsname.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "benchmark.hpp"
#include "report.hpp"

// seed-bench: times seed-attest against a static C floor host and a minimal Python host. bench/run.sh
// builds everything and calls it; docs/PERFORMANCE.md explains the figures.
namespace {

using seed::bench::Host;
using seed::bench::Settings;

constexpr const char* kUsage =
    "usage: seed-bench --seed-attest PATH --floor PATH --python PATH --python-host SCRIPT --pki DIR\n"
    "                  --work DIR [--json FILE] [--runs N] [--warmup N] [--rounds N] [--round-trips N]\n"
    "                  [--only KEY[,KEY...]] [--commit TEXT]\n";

constexpr const char* kChromiumCaller = "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/";

struct Options {
  std::string seed_attest, floor, python, python_host, pki, work, json, only, commit;
  Settings settings;
};

int whole_number(const std::string& flag, const std::string& value) {
  std::size_t used = 0;
  int number = -1;
  try {
    number = std::stoi(value, &used);
  } catch (const std::exception&) {
  }
  if (used != value.size() || number < 0) throw std::invalid_argument(flag + " needs a whole number");
  return number;
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) throw std::invalid_argument(flag + " needs a value");
    const std::string value = argv[++i];
    if (flag == "--seed-attest") options.seed_attest = value;
    else if (flag == "--floor") options.floor = value;
    else if (flag == "--python") options.python = value;
    else if (flag == "--python-host") options.python_host = value;
    else if (flag == "--pki") options.pki = value;
    else if (flag == "--work") options.work = value;
    else if (flag == "--json") options.json = value;
    else if (flag == "--only") options.only = "," + value + ",";
    else if (flag == "--commit") options.commit = value;
    else if (flag == "--runs") options.settings.runs = whole_number(flag, value);
    else if (flag == "--warmup") options.settings.warmup = whole_number(flag, value);
    else if (flag == "--rounds") options.settings.rounds = whole_number(flag, value);
    else if (flag == "--round-trips") options.settings.round_trips = whole_number(flag, value);
    else throw std::invalid_argument("unknown option " + flag);
  }
  for (const auto* required : {&options.seed_attest, &options.floor, &options.python, &options.python_host,
                               &options.pki, &options.work}) {
    if (required->empty()) throw std::invalid_argument("missing a required option");
  }
  if (options.settings.runs == 0) throw std::invalid_argument("--runs must be at least 1");
  return options;
}

std::string first_line_of(const char* path, const std::string& prefix) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(prefix)) {
      const auto colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(line.find_first_not_of(" \t", colon + 1));
    }
  }
  return {};
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  ::gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

nlohmann::json machine_context() {
  utsname name{};
  ::uname(&name);
  return {{"kernel", std::string(name.sysname) + " " + name.release},
          {"arch", name.machine},
          {"cpu", first_line_of("/proc/cpuinfo", "model name")},
          {"online_cpus", ::sysconf(_SC_NPROCESSORS_ONLN)}};
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--help" || std::string_view(argv[i]) == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
  }
  Options options;
  try {
    options = parse(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "seed-bench: %s\n%s", error.what(), kUsage);
    return 2;
  }
  // A host that exits early must fail a write, not end the runner.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    options.settings.stderr_log = std::filesystem::path(options.work) / "hosts-stderr.log";
    const std::vector<Host> hosts = {
        {"floor", "C floor", {options.floor}, false},
        {"seed_attest", "seed-attest", {options.seed_attest, kChromiumCaller}, true},
        {"python", "Python", {options.python, options.python_host}, false},
    };
    std::vector<seed::bench::Scenario> scenarios;
    for (auto& scenario : seed::bench::cold_scenarios(options.pki, options.work)) {
      if (options.only.empty() || options.only.find("," + scenario.key + ",") != std::string::npos) {
        scenarios.push_back(std::move(scenario));
      }
    }
    if (!options.only.empty() && options.only.find(",ping_round_trips,") == std::string::npos) {
      options.settings.rounds = 0;
    }

    nlohmann::json context = {{"schema", 1}, {"started_at", utc_now()}, {"commit", options.commit},
                              {"machine", machine_context()}, {"load_average_before", load_average()}};
    const auto results = seed::bench::run_benchmark(hosts, scenarios, options.settings);
    context["load_average_after"] = load_average();
    context["settings"] = {{"runs", options.settings.runs},
                           {"warmup", options.settings.warmup},
                           {"rounds", options.settings.rounds},
                           {"round_trips", options.settings.round_trips},
                           {"round_trip_warmup", options.settings.round_trip_warmup}};

    std::printf("\nseed-attest %s on %s, %ld CPUs; load average before %s, after %s\n\n",
                options.commit.c_str(), context["machine"]["cpu"].get<std::string>().c_str(),
                ::sysconf(_SC_NPROCESSORS_ONLN), context["load_average_before"].get<std::string>().c_str(),
                context["load_average_after"].get<std::string>().c_str());
    seed::bench::print_table(stdout, results);
    if (!options.json.empty()) {
      std::ofstream out(options.json);
      out << seed::bench::to_json(results, context).dump(2) << '\n';
      if (!out) throw std::runtime_error("cannot write " + options.json);
      std::printf("\nJSON result: %s\n", options.json.c_str());
    }
    return seed::bench::all_targets_met(results) ? 0 : 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "seed-bench: %s\n", error.what());
    return 1;
  }
}
