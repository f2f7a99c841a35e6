#include "install/doctor_report.hpp"

namespace seed::install {
namespace {

const char* status_name(Status status) {
  switch (status) {
    case Status::ok: return "ok";
    case Status::info: return "info";
    case Status::warning: return "warning";
    case Status::problem: return "problem";
  }
  return "info";
}

const char* mark(Status status) {
  switch (status) {
    case Status::ok: return "✓";
    case Status::info: return "-";
    case Status::warning: return "!";
    case Status::problem: return "✗";
  }
  return "-";
}

}  // namespace

std::size_t DoctorReport::count(Status status) const {
  std::size_t total = 0;
  for (const Section& section : sections) {
    for (const Finding& finding : section.findings) total += finding.status == status ? 1 : 0;
  }
  return total;
}

nlohmann::json report_to_json(const DoctorReport& report) {
  nlohmann::json sections = nlohmann::json::array();
  for (const Section& section : report.sections) {
    nlohmann::json findings = nlohmann::json::array();
    for (const Finding& finding : section.findings) {
      nlohmann::json entry = {{"status", status_name(finding.status)}, {"message", finding.message}};
      if (!finding.subject.empty()) entry["subject"] = finding.subject;
      if (!finding.fix.empty()) entry["fix"] = finding.fix;
      findings.push_back(entry);
    }
    sections.push_back({{"id", section.id}, {"title", section.title}, {"findings", findings}});
  }
  return {{"ok", report.count(Status::problem) == 0},
          {"problems", report.count(Status::problem)},
          {"warnings", report.count(Status::warning)},
          {"sections", sections}};
}

std::string render_report(const DoctorReport& report) {
  std::string text;
  for (const Section& section : report.sections) {
    text += section.title + "\n";
    for (const Finding& finding : section.findings) {
      text += "  " + std::string(mark(finding.status)) + " ";
      if (!finding.subject.empty()) text += finding.subject + ": ";
      text += finding.message + "\n";
      if (!finding.fix.empty()) text += "      fix: " + finding.fix + "\n";
    }
    text += "\n";
  }
  const std::size_t problems = report.count(Status::problem);
  const std::size_t warnings = report.count(Status::warning);
  if (problems == 0) {
    text += "No problems found";
    text += warnings == 0 ? ".\n" : " (" + std::to_string(warnings) + " warning(s), marked !).\n";
  } else {
    text += std::to_string(problems) + " problem(s) found, marked ✗; each says how to fix it.\n";
  }
  return text;
}

}  // namespace seed::install
