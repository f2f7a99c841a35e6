#include "install/plan.hpp"

#include <algorithm>

#include "install/install_error.hpp"
#include "install/manifest.hpp"

namespace seed::install {
namespace {

bool is_absolute_for(Platform platform, const std::string& path) {
  if (platform != Platform::windows) return path.starts_with('/');
  // C:\..., \\server\share\..., or a folder still spelled as its variable (%ProgramFiles%\...).
  return (path.size() > 2 && path[1] == ':' && path[2] == '\\') || path.starts_with("\\\\") || path.starts_with('%');
}

void add_browser(Action& action, Browser browser) {
  if (std::find(action.browsers.begin(), action.browsers.end(), browser) == action.browsers.end()) {
    action.browsers.push_back(browser);
  }
}

Action* find_file(std::vector<Action>& actions, const std::string& path) {
  for (Action& action : actions) {
    if (const auto* file = std::get_if<WriteFile>(&action.change); file != nullptr && file->path == path)
      return &action;
  }
  return nullptr;
}

Action* find_registry(std::vector<Action>& actions, const RegistryEntry& entry) {
  for (Action& action : actions) {
    if (const auto* value = std::get_if<SetRegistryValue>(&action.change); value != nullptr && value->entry == entry) {
      return &action;
    }
  }
  return nullptr;
}

}  // namespace

Plan plan_install(const PlanRequest& request) {
  if (!is_absolute_for(request.platform, request.program)) {
    throw InstallError("the host program path must be absolute, not '" + request.program + "'");
  }
  Plan plan;
  plan.platform = request.platform;
  plan.scope = request.scope;
  plan.program = request.program;
  plan.receipt_path = receipt_path(request.platform, request.scope, request.env);
  for (const Browser browser :
       request.browsers.empty() ? std::vector<Browser>(kAllBrowsers.begin(), kAllBrowsers.end()) : request.browsers) {
    if (std::find(plan.browsers.begin(), plan.browsers.end(), browser) == plan.browsers.end()) {
      plan.browsers.push_back(browser);
    }
  }

  const CallerSplit callers = split_callers(request.allowed_callers);
  plan.rejected_callers = callers.rejected;
  const auto manifest_text = [&](Flavour kind) {
    return render_manifest(
        host_manifest(kind, request.program, kind == Flavour::firefox ? callers.firefox : callers.chromium));
  };

  for (const Browser browser : plan.browsers) {
    for (const ManifestPlace& place : manifest_places(request.platform, browser, request.scope, request.env)) {
      if (place.role != Role::registered) continue;
      if (Action* existing = find_file(plan.actions, place.manifest_path)) {
        add_browser(*existing, browser);
      } else {
        plan.actions.push_back({WriteFile{place.manifest_path, manifest_text(flavour(browser))}, {browser}});
      }
      for (const RegistryEntry& entry : place.registry) {
        if (Action* existing = find_registry(plan.actions, entry)) {
          add_browser(*existing, browser);
        } else {
          plan.actions.push_back({SetRegistryValue{entry, place.manifest_path}, {browser}});
        }
      }
    }
  }
  return plan;
}

std::string describe_target(const Action& action) {
  if (const auto* file = std::get_if<WriteFile>(&action.change)) return file->path;
  return std::get<SetRegistryValue>(action.change).entry.display();
}

}  // namespace seed::install
