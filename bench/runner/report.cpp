#include "report.hpp"

#include <algorithm>
#include <string>

#include "statistics.hpp"

namespace seed::bench {
namespace {

constexpr std::size_t kFloor = 0;

std::string format_number(double value) {
  char text[32];
  if (value >= 1000) {
    std::snprintf(text, sizeof text, "%.0f", value);
  } else if (value >= 10) {
    std::snprintf(text, sizeof text, "%.1f", value);
  } else {
    std::snprintf(text, sizeof text, "%.2f", value);
  }
  return text;
}

std::string format_summary(const Series& series, const std::vector<double>& values) {
  if (series.failure) return "failed";
  const Summary summary = summarize(values);
  if (summary.count == 0) return "–";
  return format_number(summary.median) + " (" + format_number(summary.min) + "–" + format_number(summary.max) + ")";
}

std::optional<double> median_ratio(const Figure& figure, std::size_t host) {
  const Series& subject = figure.per_host[host];
  const Series& floor = figure.per_host[kFloor];
  if (subject.failure || floor.failure || subject.values.empty() || floor.values.empty()) return std::nullopt;
  return summarize(subject.values).median / summarize(floor.values).median;
}

std::string format_ratio(std::optional<double> ratio) {
  if (!ratio) return "–";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f×", *ratio);
  return text;
}

std::optional<std::size_t> checked_host(const Results& results) {
  for (std::size_t i = 0; i < results.hosts.size(); ++i) {
    if (results.hosts[i].checked) return i;
  }
  return std::nullopt;
}

// Empty when the figure has no target or could not be measured.
std::optional<bool> ratio_target_met(const Results& results, const Figure& figure) {
  const auto host = checked_host(results);
  if (!figure.target_ratio || !host) return std::nullopt;
  const auto ratio = median_ratio(figure, *host);
  if (!ratio) return false;
  return figure.higher_is_better ? *ratio >= *figure.target_ratio : *ratio <= *figure.target_ratio;
}

std::optional<double> peak_rss_max(const Series& series) {
  if (series.failure || series.peak_rss_mib.empty()) return std::nullopt;
  return *std::max_element(series.peak_rss_mib.begin(), series.peak_rss_mib.end());
}

std::optional<bool> rss_target_met(const Results& results, const Figure& figure) {
  const auto host = checked_host(results);
  if (!host) return std::nullopt;
  const auto peak = peak_rss_max(figure.per_host[*host]);
  if (!peak) return false;
  return *peak <= kPeakRssTargetMib;
}

std::string verdict(std::optional<bool> met) {
  if (!met) return "";
  return *met ? "yes" : "**no**";
}

std::string ratio_target_text(const Figure& figure) {
  if (!figure.target_ratio) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%s %.1f× floor", figure.higher_is_better ? "≥" : "≤", *figure.target_ratio);
  return text;
}

nlohmann::json summary_json(const std::vector<double>& values) {
  const Summary summary = summarize(values);
  return {{"count", summary.count}, {"median", summary.median}, {"min", summary.min}, {"max", summary.max}};
}

nlohmann::json optional_json(std::optional<double> value) { return value ? nlohmann::json(*value) : nlohmann::json(); }
nlohmann::json optional_json(std::optional<bool> value) { return value ? nlohmann::json(*value) : nlohmann::json(); }

}  // namespace

void print_table(std::FILE* out, const Results& results) {
  std::string header = "| figure | unit |";
  std::string rule = "|---|---|";
  for (std::size_t i = 0; i < results.hosts.size(); ++i) {
    header += " " + results.hosts[i].label + " |";
    rule += "---:|";
    if (i != kFloor) {
      header += " × floor |";
      rule += "---:|";
    }
  }
  header += " target | met |";
  rule += "---|---|";
  std::fprintf(out, "%s\n%s\n", header.c_str(), rule.c_str());

  for (const Figure& figure : results.figures) {
    std::string row = "| " + figure.title + (figure.unit == "ms" ? ", cold" : "") + " | " + figure.unit + " |";
    for (std::size_t i = 0; i < results.hosts.size(); ++i) {
      row += " " + format_summary(figure.per_host[i], figure.per_host[i].values) + " |";
      if (i != kFloor) row += " " + format_ratio(median_ratio(figure, i)) + " |";
    }
    row += " " + ratio_target_text(figure) + " | " + verdict(ratio_target_met(results, figure)) + " |";
    std::fprintf(out, "%s\n", row.c_str());
  }
  for (const Figure& figure : results.figures) {
    std::string row = "| peak RSS, " + figure.title + " | MB |";
    for (std::size_t i = 0; i < results.hosts.size(); ++i) {
      row += " " + format_summary(figure.per_host[i], figure.per_host[i].peak_rss_mib) + " |";
      if (i != kFloor) row += " |";
    }
    char target[32];
    std::snprintf(target, sizeof target, "≤ %.0f MB", kPeakRssTargetMib);
    row += std::string(" ") + target + " | " + verdict(rss_target_met(results, figure)) + " |";
    std::fprintf(out, "%s\n", row.c_str());
  }
  std::fprintf(out, "\nEach cell: median (min–max); × floor: ratio of medians to the C floor host; MB = MiB of VmHWM.\n");
  for (const Figure& figure : results.figures) {
    for (std::size_t i = 0; i < results.hosts.size(); ++i) {
      if (const auto& failure = figure.per_host[i].failure) {
        std::fprintf(out, "failed: %s, %s: %s\n", results.hosts[i].label.c_str(), figure.title.c_str(), failure->c_str());
      }
    }
  }
}

nlohmann::json to_json(const Results& results, const nlohmann::json& context) {
  nlohmann::json document = context;
  document["hosts"] = nlohmann::json::array();
  for (const Host& host : results.hosts) {
    document["hosts"].push_back({{"key", host.key}, {"label", host.label}, {"argv", host.argv}});
  }
  document["figures"] = nlohmann::json::array();
  for (const Figure& figure : results.figures) {
    nlohmann::json entry = {{"key", figure.key},
                            {"title", figure.title},
                            {"unit", figure.unit},
                            {"higher_is_better", figure.higher_is_better},
                            {"target_ratio", optional_json(figure.target_ratio)},
                            {"target_met", optional_json(ratio_target_met(results, figure))},
                            {"peak_rss_target_mib", kPeakRssTargetMib},
                            {"peak_rss_target_met", optional_json(rss_target_met(results, figure))}};
    for (std::size_t i = 0; i < results.hosts.size(); ++i) {
      const Series& series = figure.per_host[i];
      entry["hosts"][results.hosts[i].key] = {
          {"summary", summary_json(series.values)},
          {"samples", series.values},
          {"ratio_to_floor", optional_json(median_ratio(figure, i))},
          {"peak_rss_mib", summary_json(series.peak_rss_mib)},
          {"failure", series.failure ? nlohmann::json(*series.failure) : nlohmann::json()}};
    }
    document["figures"].push_back(entry);
  }
  document["all_targets_met"] = all_targets_met(results);
  return document;
}

bool all_targets_met(const Results& results) {
  for (const Figure& figure : results.figures) {
    if (ratio_target_met(results, figure) == false) return false;
    if (rss_target_met(results, figure) == false) return false;
  }
  return true;
}

}  // namespace seed::bench
