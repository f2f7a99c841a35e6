#include <cstdio>

#include "cli/arguments.hpp"
#include "cli/install_arguments.hpp"
#include "cli/subcommands.hpp"
#include "install/executor.hpp"
#include "install/install_error.hpp"
#include "install/plan_text.hpp"

namespace seed::cli {

// seed-attest uninstall [--browser NAME…] [--system]
int run_uninstall(const Arguments& args) {
  ArgumentReader reader(args);
  install::UninstallRequest request;
  request.browsers = browser_arguments(reader);
  request.scope = reader.flag("--system") ? install::Scope::system : install::Scope::user;
  reader.finish();
  request.platform = install::host_platform();
  request.env = install::Environment::from_process();
  if (request.scope == install::Scope::user && request.env.home.empty()) {
    throw install::InstallError("HOME is not set, so this user's browser folders are unknown");
  }
  const install::Outcome outcome = install::carry_out_uninstall(request);
  if (outcome.steps.empty()) {
    std::puts("Nothing to remove: seed-attest is not registered here.");
  } else {
    std::printf("Unregistered seed-attest %s:\n%s",
                request.scope == install::Scope::system ? "for all users" : "for this user",
                install::render_outcome(outcome).c_str());
  }
  return kExitOk;
}

}  // namespace seed::cli
