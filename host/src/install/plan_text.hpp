#pragma once

#include <string>

#include "install/executor.hpp"
#include "install/plan.hpp"

// What install and uninstall print.
namespace seed::install {

// A dry run: every file and registry value the plan would write, and the manifests' contents.
std::string render_dry_run(const Plan& plan);

// What was done, one line per file, key or folder.
std::string render_outcome(const Outcome& outcome);

}  // namespace seed::install
