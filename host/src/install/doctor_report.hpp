#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// What doctor found: sections (one per browser, then the policy), each a list of findings.
namespace seed::install {

enum class Status { ok, info, warning, problem };

struct Finding {
  Status status = Status::info;
  std::string subject;  // a path, or what the finding is about
  std::string message;
  std::string fix;  // for a problem or warning: what to do
};

struct Section {
  std::string id;  // "chromium", ..., "policy"
  std::string title;
  std::vector<Finding> findings;
};

struct DoctorReport {
  std::vector<Section> sections;

  [[nodiscard]] std::size_t count(Status status) const;
};

// {"ok":..., "problems":N, "warnings":N, "sections":[{"id","title","findings":[{"status",...}]}]}
nlohmann::json report_to_json(const DoctorReport& report);

// ✓/✗ lines, each problem followed by its fix, and a closing summary.
std::string render_report(const DoctorReport& report);

}  // namespace seed::install
