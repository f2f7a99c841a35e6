#pragma once

#include "cli/command.hpp"

namespace seed::cli {

// Runs the command line (argv without the program name); returns the exit code.
int run(const Arguments& args);

}  // namespace seed::cli
