#pragma once

#include <chrono>
#include <cstddef>
#include <stop_token>
#include <string>
#include <vector>

namespace seed::process {

struct CommandLimits {
  std::chrono::milliseconds timeout{2000};
  std::size_t max_stdout = 64 * 1024;  // bytes kept; the rest is read and dropped
  std::size_t max_stderr = 4 * 1024;
};

enum class CommandStatus {
  exited,           // exit_code holds the status
  signalled,        // ended by a signal it did not catch (signal holds it)
  timed_out,        // killed at the timeout
  cancelled,        // killed because the stop token was triggered
  failed_to_start,  // failure says why
};

struct CommandResult {
  CommandStatus status = CommandStatus::failed_to_start;
  int exit_code = -1;
  int signal = 0;
  std::string out;  // the first max_stdout bytes of stdout
  std::string err;  // the first max_stderr bytes of stderr
  bool out_truncated = false;
  std::string failure;
  std::chrono::milliseconds elapsed{0};
};

// Runs argv[0], an absolute path, with arguments argv[1..] — never through a shell — with stdin
// from /dev/null, in a process group of its own. On timeout or stop the whole group is killed
// and the command reaped; nothing is left running or unreaped.
CommandResult run_command(const std::vector<std::string>& argv, const CommandLimits& limits,
                          std::stop_token stop = {});

}  // namespace seed::process
