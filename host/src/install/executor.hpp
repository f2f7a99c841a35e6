#pragma once

#include <string>
#include <vector>

#include "install/browser.hpp"
#include "install/environment.hpp"
#include "install/plan.hpp"

// Carrying out install plans and uninstalling: the only part of install that touches the system.
namespace seed::install {

enum class StepResult { written, unchanged, removed, kept };

struct Step {
  StepResult result = StepResult::written;
  std::string target;  // a file path or a registry key
  std::string note;    // why it was kept, which browsers use it, ...
};

struct Outcome {
  std::vector<Step> steps;
};

// Writes every file and registry value of `plan` (for the platform this program runs on) and
// records them, with the folders it had to create, in the plan's receipt.
Outcome carry_out_install(const Plan& plan);

struct UninstallRequest {
  Platform platform = Platform::linux;
  Scope scope = Scope::user;
  std::vector<Browser> browsers;  // empty: every browser
  Environment env;
};

// Removes what install recorded for these browsers: a file or key another browser still uses stays,
// a file that is no longer our manifest stays, and folders install created go once empty. Without a
// receipt, our manifests in the places only these browsers read are removed.
Outcome carry_out_uninstall(const UninstallRequest& request);

}  // namespace seed::install
