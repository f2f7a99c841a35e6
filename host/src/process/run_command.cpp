#include "process/run_command.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/process.hpp>
#include <boost/process/extend.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <optional>
#include <system_error>
#include <utility>

namespace bp = boost::process;

namespace seed::process {
namespace {

using Clock = std::chrono::steady_clock;

// How often a wait wakes up to look at the stop token, and how long a killed command may take
// to be reaped before we stop waiting for it (a process stuck in the kernel cannot be hurried).
constexpr auto kStopCheckInterval = std::chrono::milliseconds{10};
constexpr auto kPollWithoutPidfd = std::chrono::milliseconds{5};
constexpr auto kReapGrace = std::chrono::milliseconds{1000};
// After the command exits, what a still-running grandchild keeps writing is read this many
// times at most, so a chatty orphan cannot hold us.
constexpr int kReadsAfterExit = 64;
// Reads per wake-up while it runs, so a command that writes without pause cannot starve the
// timeout check.
constexpr int kReadsPerWakeUp = 16;

class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  ~Descriptor() { reset(); }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;

  [[nodiscard]] int get() const { return fd_; }
  [[nodiscard]] bool is_open() const { return fd_ >= 0; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  void adopt(int fd) {
    reset();
    fd_ = fd;
  }

 private:
  int fd_;
};

// One output stream of the command: keeps the first `limit` bytes, reads and drops the rest so
// the command is never blocked on a full pipe.
class Capture {
 public:
  Capture(std::string& text, std::size_t limit, bool* truncated) : text_(text), limit_(limit), truncated_(truncated) {}

  void adopt(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    fd_.adopt(fd);
  }
  [[nodiscard]] int fd() const { return fd_.get(); }
  [[nodiscard]] bool is_open() const { return fd_.is_open(); }

  // Reads what is there without blocking, `max_reads` times at most; closes at end of stream.
  void drain(int max_reads) {
    char buffer[16384];
    for (int reads = 0; fd_.is_open() && reads < max_reads; ++reads) {
      const ssize_t got = ::read(fd_.get(), buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      if (got <= 0) {
        fd_.reset();
        return;
      }
      keep(buffer, static_cast<std::size_t>(got));
    }
  }

 private:
  void keep(const char* data, std::size_t size) {
    const std::size_t room = limit_ - std::min(limit_, text_.size());
    text_.append(data, std::min(room, size));
    if (size > room && truncated_ != nullptr) *truncated_ = true;
  }

  Descriptor fd_;
  std::string& text_;
  std::size_t limit_;
  bool* truncated_;
};

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

std::string system_message(const char* what, int error) { return std::string(what) + ": " + std::strerror(error); }

int open_pidfd(pid_t pid) {
#ifdef SYS_pidfd_open
  return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
  (void)pid;
  return -1;
#endif
}

// The wait status once the command has ended, without blocking.
std::optional<int> try_reap(pid_t pid) {
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0 && errno == EINTR) continue;
    if (done < 0) return 0;  // not our child any more (someone reaped it): nothing left to wait for
    return std::nullopt;
  }
}

void wait_briefly(int pidfd, std::chrono::milliseconds longest) {
  pollfd waiting{pidfd, POLLIN, 0};
  const auto slice = pidfd >= 0 ? longest : std::min(longest, kPollWithoutPidfd);
  ::poll(pidfd >= 0 ? &waiting : nullptr, pidfd >= 0 ? 1 : 0, static_cast<int>(slice.count()));
}

// Kills the command's process group (it may have started children of its own) and reaps it.
void kill_and_reap(pid_t pid, int pidfd) {
  ::kill(-pid, SIGKILL);
  ::kill(pid, SIGKILL);
  const auto give_up = Clock::now() + kReapGrace;
  while (!try_reap(pid) && Clock::now() < give_up) wait_briefly(pidfd, kPollWithoutPidfd);
}

void record_wait_status(int status, CommandResult& result) {
  if (WIFEXITED(status)) {
    result.status = CommandStatus::exited;
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.status = CommandStatus::signalled;
    result.signal = WTERMSIG(status);
  } else {
    result.status = CommandStatus::exited;
    result.exit_code = 0;
  }
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, const CommandLimits& limits, std::stop_token stop) {
  const auto started = Clock::now();
  CommandResult result;
  if (argv.empty() || argv.front().empty() || argv.front().front() != '/') {
    result.failure = "the command must be an absolute path";
    return result;
  }

  // Our ends of the pipes are close-on-exec so that commands started at the same time from other
  // threads do not inherit them (which would hold our end-of-stream back until they exit).
  int out_fds[2];
  int err_fds[2];
  if (::pipe2(out_fds, O_CLOEXEC) != 0) {
    result.failure = system_message("pipe", errno);
    return result;
  }
  if (::pipe2(err_fds, O_CLOEXEC) != 0) {
    result.failure = system_message("pipe", errno);
    ::close(out_fds[0]);
    ::close(out_fds[1]);
    return result;
  }
  bp::pipe out_pipe(out_fds[0], out_fds[1]);
  bp::pipe err_pipe(err_fds[0], err_fds[1]);

  // One start at a time: Boost.Process makes its exec-failure pipe close-on-exec only after
  // creating it, and a command started from another thread in between would inherit it and hold
  // this start until that command exits.
  static std::mutex spawning;
  std::unique_lock spawn_lock(spawning);
  std::error_code spawn_error;
  bp::child child(bp::exe = argv.front(), bp::args = std::vector<std::string>(argv.begin() + 1, argv.end()),
                  bp::std_in < bp::null, bp::std_out > out_pipe, bp::std_err > err_pipe,
                  bp::extend::on_exec_setup([](auto&) { ::setpgid(0, 0); }), spawn_error);
  spawn_lock.unlock();
  if (spawn_error) {
    result.failure = spawn_error.message();
    result.elapsed = since(started);
    return result;
  }
  const pid_t pid = child.id();
  child.detach();  // reaped below, with the status kept

  Capture out(result.out, limits.max_stdout, &result.out_truncated);
  Capture err(result.err, limits.max_stderr, nullptr);
  out.adopt(out_pipe.native_source());
  err.adopt(err_pipe.native_source());
  out_pipe.assign_source(-1);
  err_pipe.assign_source(-1);
  out_pipe.close();  // the write ends belong to the command now
  err_pipe.close();
  Descriptor pidfd(open_pidfd(pid));

  const auto deadline = started + limits.timeout;
  for (;;) {
    if (const auto status = try_reap(pid)) {
      out.drain(kReadsAfterExit);
      err.drain(kReadsAfterExit);
      record_wait_status(*status, result);
      break;
    }
    if (stop.stop_requested()) {
      kill_and_reap(pid, pidfd.get());
      result.status = CommandStatus::cancelled;
      break;
    }
    const auto now = Clock::now();
    if (now >= deadline) {
      kill_and_reap(pid, pidfd.get());
      result.status = CommandStatus::timed_out;
      break;
    }
    auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadline - now);
    if (stop.stop_possible()) wait = std::min(wait, std::chrono::milliseconds{kStopCheckInterval});
    if (!pidfd.is_open()) wait = std::min(wait, std::chrono::milliseconds{kPollWithoutPidfd});

    pollfd waiting[3];
    nfds_t count = 0;
    for (const int fd : {out.fd(), err.fd(), pidfd.get()}) {
      if (fd >= 0) waiting[count++] = pollfd{fd, POLLIN, 0};
    }
    if (::poll(count > 0 ? waiting : nullptr, count, static_cast<int>(wait.count())) < 0 && errno != EINTR) {
      wait_briefly(-1, kPollWithoutPidfd);
    }
    out.drain(kReadsPerWakeUp);
    err.drain(kReadsPerWakeUp);
  }
  result.elapsed = since(started);
  return result;
}

}  // namespace seed::process
