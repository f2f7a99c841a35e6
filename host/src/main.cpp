#include <unistd.h>

#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "messaging/caller.hpp"
#include "service/host_mode.hpp"

// A browser starting us as its native-messaging host, or a person at the command line.
int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (const auto caller = seed::messaging::caller_from_launch(args, ::isatty(STDIN_FILENO) == 1)) {
    return seed::service::serve_native_messaging(*caller);
  }
  return seed::cli::run(args);
}
