#include "install/plan_text.hpp"

#include <set>

namespace seed::install {
namespace {

const char* verb(StepResult result) {
  switch (result) {
    case StepResult::written: return "wrote    ";
    case StepResult::unchanged: return "unchanged";
    case StepResult::removed: return "removed  ";
    case StepResult::kept: return "kept     ";
  }
  return "";
}

}  // namespace

std::string render_dry_run(const Plan& plan) {
  std::string text = "Dry run: nothing is written. Install for " +
                     std::string(plan.scope == Scope::system ? "all users (system-wide)" : "this user") + " on " +
                     std::string(key(plan.platform)) + ", for " + display_names(plan.browsers) + ".\n";
  text += "Host program named in the manifests: " + plan.program + "\n";

  std::string files;
  std::string keys;
  std::set<std::string> flavours_shown;
  for (const Action& action : plan.actions) {
    if (const auto* file = std::get_if<WriteFile>(&action.change)) {
      files += "  " + file->path + "\n      for " + display_names(action.browsers) + "\n";
    } else {
      const auto& value = std::get<SetRegistryValue>(action.change);
      keys += "  " + value.entry.display() + "\n      (default) = " + value.value + "   for " +
              display_names(action.browsers) + "\n";
    }
  }
  text += "\nFiles it would write:\n" + files;
  if (!keys.empty()) text += "\nRegistry keys it would set (REG_SZ default value: the manifest file):\n" + keys;
  text += "\nRecord of what was written, for uninstall:\n  " + plan.receipt_path + "\n";
  for (const std::string& rejected : plan.rejected_callers) {
    text += "\nNot listed in any manifest (neither an extension origin nor an add-on ID): " + rejected + "\n";
  }

  for (const Action& action : plan.actions) {
    const auto* file = std::get_if<WriteFile>(&action.change);
    if (file == nullptr) continue;
    const Flavour kind = flavour(action.browsers.front());
    if (!flavours_shown.insert(std::string(key(kind))).second) continue;
    text += std::string("\nManifest for ") + (kind == Flavour::firefox ? "Firefox" : "Chromium-family browsers") +
            ":\n" + file->contents;
  }
  return text;
}

std::string render_outcome(const Outcome& outcome) {
  std::string text;
  for (const Step& step : outcome.steps) {
    text += "  " + std::string(verb(step.result)) + "  " + step.target;
    if (!step.note.empty()) text += "  (" + step.note + ")";
    text += "\n";
  }
  return text;
}

}  // namespace seed::install
