#include "cli/cli.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>

#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "cli/usage_error.hpp"
#include "seed_attest/version.hpp"

namespace seed::cli {
namespace {

const Command* find_command(const std::string& name) {
  for (const Command& command : commands()) {
    if (name == command.name) return &command;
  }
  return nullptr;
}

}  // namespace

int run(const Arguments& args) {
  if (args.empty()) {
    print_usage(stderr);
    return kExitUsage;
  }
  const std::string& first = args.front();
  if (first == "--version" || first == "-V") {
    std::printf("seed-attest %s\n", kHostVersion);
    return kExitOk;
  }
  if (first == "--help" || first == "-h") {
    print_usage(stdout);
    return kExitOk;
  }
  const Command* command = find_command(first);
  if (command == nullptr) {
    std::fprintf(stderr, "seed-attest: unknown command '%s'\n\n", first.c_str());
    print_usage(stderr);
    return kExitUsage;
  }
  const Arguments rest(args.begin() + 1, args.end());
  // `seed-attest install --help` shows how to install and does nothing else.
  if (std::find_if(rest.begin(), rest.end(), [](const std::string& arg) { return arg == "--help" || arg == "-h"; }) !=
      rest.end()) {
    std::printf("Usage: seed-attest %s\n  %s\n", command->usage, command->summary);
    return kExitOk;
  }
  try {
    return command->run(rest);
  } catch (const UsageError& error) {
    std::fprintf(stderr, "seed-attest %s: %s\nUsage: seed-attest %s\n", command->name, error.what(), command->usage);
    return kExitUsage;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "seed-attest %s: %s\n", command->name, error.what());
    return kExitNegative;
  }
}

}  // namespace seed::cli
