#include "cli/help.hpp"

#include <cstring>

#include "cli/commands.hpp"
#include "cli/subcommands.hpp"
#include "cli/usage_error.hpp"
#include "common/identity.hpp"

namespace seed::cli {

void print_usage(std::FILE* out) {
  std::fprintf(out,
               "seed-attest: tells which kind of device this is for SEED provisioning, and serves\n"
               "browsers as the native-messaging host %s.\n\nUsage:\n",
               identity::kHostName.data());
  for (const Command& command : commands()) {
    std::fprintf(out, "  seed-attest %-58s %s\n", command.usage, command.summary);
  }
  std::fprintf(out,
               "  seed-attest %-58s %s\n  seed-attest %-58s %s\n\n"
               "Exit codes: 0 success, 1 a negative answer, 2 usage error.\n",
               "--version", "print the version", "--help", "print this help");
}

int run_help(const Arguments& args) {
  if (args.empty()) {
    print_usage(stdout);
    return kExitOk;
  }
  for (const Command& command : commands()) {
    if (args.front() == command.name) {
      std::printf("Usage: seed-attest %s\n  %s\n", command.usage, command.summary);
      return kExitOk;
    }
  }
  throw UsageError("no command named '" + args.front() + "'");
}

}  // namespace seed::cli
