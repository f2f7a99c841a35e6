#pragma once

#include <string>
#include <vector>

namespace seed::cli {

// Exit codes of section 6 of the contract.
inline constexpr int kExitOk = 0;
inline constexpr int kExitNegative = 1;  // doctor found a problem, verify rejected, ...
inline constexpr int kExitUsage = 2;

using Arguments = std::vector<std::string>;

// One subcommand: its name, a one-line summary, its usage line and the function that runs it with
// the arguments after its name.
struct Command {
  const char* name;
  const char* usage;
  const char* summary;
  int (*run)(const Arguments& args);
};

}  // namespace seed::cli
