#pragma once

#include "cli/command.hpp"

// The entry point of each subcommand, one file each.
namespace seed::cli {

int run_help(const Arguments& args);
int run_status(const Arguments& args);
int run_explain(const Arguments& args);
int run_install(const Arguments& args);
int run_uninstall(const Arguments& args);
int run_doctor(const Arguments& args);
int run_verify(const Arguments& args);

}  // namespace seed::cli
