#include "cli/commands.hpp"
#include "cli/subcommands.hpp"

namespace seed::cli {

// One line per subcommand, in the order help lists them; each runs from its own file.
static const Command kCommands[] = {
    {"help", "help [COMMAND]", "show this help, or one command's usage", run_help},
    {"status", "status [--json] [--policy FILE]", "classify this device: class, next step, readiness, evidence",
     run_status},
    {"explain", "explain [--policy FILE]", "which probe and rule decided, step by step", run_explain},
    {"install", "install [--browser NAME...] [--system] [--dry-run [--platform linux|macos|windows]]",
     "register the host with the browsers (default: all six, for this user)", run_install},
    {"uninstall", "uninstall [--browser NAME...] [--system]", "remove exactly what install registered", run_uninstall},
    {"doctor", "doctor [--json]", "check every link from each browser to the host, and say how to fix it", run_doctor},
    {"verify", "verify --token FILE|- --ca FILE [--nonce N] [--origin O]",
     "check an attestation token: signature, chain to the CA, expiry, nonce, origin", run_verify},
};

std::span<const Command> commands() { return kCommands; }

}  // namespace seed::cli
