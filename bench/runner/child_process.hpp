#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seed::bench {

// How to start one host: its argv and the environment it gets (the whole environment, not a delta).
struct Launch {
  std::vector<std::string> argv;
  std::vector<std::string> environment;  // "NAME=value" entries
  std::string stderr_log;                // the host's stderr is appended here
};

// A host started with posix_spawn, stdin and stdout on pipes. posix_spawn (vfork-style in glibc)
// keeps the runner's own share of each cold-start figure small and the same for every host.
class ChildProcess {
 public:
  explicit ChildProcess(const Launch& launch);  // throws std::runtime_error when it cannot start
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool write_all(std::string_view bytes);  // false when the host has closed its stdin
  // The body of the next frame, or empty on end of stream, a broken frame or the deadline.
  std::optional<std::string> read_frame(std::chrono::milliseconds timeout);
  // VmHWM of the running host, in KiB: the peak resident set so far. Empty once it has exited.
  [[nodiscard]] std::optional<long> peak_rss_kib() const;
  void close_stdin();
  // The exit code once the host exits; it is killed (and the result empty) after `timeout` or when
  // it ends on a signal.
  std::optional<int> wait(std::chrono::milliseconds timeout);

 private:
  bool read_exact(char* buffer, std::size_t count, std::chrono::steady_clock::time_point deadline);

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  bool reaped_ = false;
};

}  // namespace seed::bench
