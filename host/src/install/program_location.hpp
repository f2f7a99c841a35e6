#pragma once

#include <string>

namespace seed::install {

// The absolute path of the running program with symlinks resolved (program_location_<os>.cpp):
// what per-user manifests name, so a browser starts exactly this build.
std::string this_program();

}  // namespace seed::install
