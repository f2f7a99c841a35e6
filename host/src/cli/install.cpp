#include <cstdio>
#include <string>

#include "cli/arguments.hpp"
#include "cli/install_arguments.hpp"
#include "cli/subcommands.hpp"
#include "cli/usage_error.hpp"
#include "install/executor.hpp"
#include "install/install_error.hpp"
#include "install/plan.hpp"
#include "install/plan_text.hpp"
#include "install/policy_summary.hpp"
#include "install/program_location.hpp"

namespace seed::cli {

// seed-attest install [--browser NAME…] [--system] [--dry-run [--platform linux|macos|windows]]
int run_install(const Arguments& args) {
  ArgumentReader reader(args);
  const auto browsers = browser_arguments(reader);
  const bool system = reader.flag("--system");
  const bool dry_run = reader.flag("--dry-run");
  const auto platform_name = reader.value("--platform");
  reader.finish();
  if (platform_name && !dry_run) throw UsageError("--platform plans for another system and needs --dry-run");
  const auto platform = platform_name ? install::parse_platform(*platform_name) : install::host_platform();
  if (!platform) throw UsageError("unknown platform '" + *platform_name + "' (one of linux, macos, windows)");
  const bool here = *platform == install::host_platform();

  install::PlanRequest request;
  request.platform = *platform;
  request.scope = system ? install::Scope::system : install::Scope::user;
  request.browsers = browsers;
  request.env = install::Environment::from_process();
  if (!here) request.env = {};  // another platform's folders are shown as their variables
  if (request.scope == install::Scope::user && here && request.env.home.empty()) {
    throw install::InstallError("HOME is not set, so this user's browser folders are unknown");
  }
  if (!here) request.env.home = *platform == install::Platform::windows ? "%USERPROFILE%" : "$HOME";
  request.program = here ? install::this_program() : install::packaged_program(*platform);
  if (here) {
    const install::PolicySummary policy = install::current_policy();
    if (policy.error) {
      std::fprintf(stderr, "seed-attest install: warning: %s; the manifests list only the built-in extension\n",
                   policy.error->c_str());
    }
    request.allowed_callers = policy.allowed_callers;
  }

  const install::Plan plan = install::plan_install(request);
  if (dry_run) {
    std::fputs(install::render_dry_run(plan).c_str(), stdout);
    return kExitOk;
  }
  const install::Outcome outcome = install::carry_out_install(plan);
  std::printf("Registered %s with %zu browser(s) %s:\n%s", plan.program.c_str(), plan.browsers.size(),
              system ? "for all users" : "for this user", install::render_outcome(outcome).c_str());
  std::printf("Recorded in %s (seed-attest uninstall removes exactly this).\nCheck it: seed-attest doctor\n",
              plan.receipt_path.c_str());
  return kExitOk;
}

}  // namespace seed::cli
