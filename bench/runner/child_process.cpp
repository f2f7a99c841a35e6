#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace seed::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::uint32_t kMaxReplyBytes = 1'000'000;  // the protocol's outbound limit

struct Pipe {
  int read_end = -1;
  int write_end = -1;
};

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
  return {fds[0], fds[1]};
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (auto& text : strings) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

// The file actions that put the pipes on the child's stdin and stdout and its stderr in the log.
class FileActions {
 public:
  FileActions(const Pipe& input, const Pipe& output, const std::string& stderr_log) {
    ::posix_spawn_file_actions_init(&actions_);
    ::posix_spawn_file_actions_adddup2(&actions_, input.read_end, STDIN_FILENO);
    ::posix_spawn_file_actions_adddup2(&actions_, output.write_end, STDOUT_FILENO);
    ::posix_spawn_file_actions_addopen(&actions_, STDERR_FILENO, stderr_log.c_str(),
                                       O_WRONLY | O_CREAT | O_APPEND, 0644);
  }
  ~FileActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  const posix_spawn_file_actions_t* get() const { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
};

}  // namespace

ChildProcess::ChildProcess(const Launch& launch) {
  Pipe input = make_pipe();
  Pipe output = make_pipe();
  std::vector<std::string> argv = launch.argv;
  std::vector<std::string> environment = launch.environment;
  const auto argv_pointers = pointers_to(argv);
  const auto environment_pointers = pointers_to(environment);
  int spawned = 0;
  {
    const FileActions actions(input, output, launch.stderr_log);
    spawned = ::posix_spawn(&pid_, argv_pointers[0], actions.get(), nullptr, argv_pointers.data(),
                            environment_pointers.data());
  }
  close_fd(input.read_end);
  close_fd(output.write_end);
  stdin_fd_ = input.write_end;
  stdout_fd_ = output.read_end;
  if (spawned != 0) {
    close_fd(stdin_fd_);
    close_fd(stdout_fd_);
    reaped_ = true;
    throw std::system_error(spawned, std::generic_category(), "posix_spawn " + launch.argv.front());
  }
}

ChildProcess::~ChildProcess() {
  close_fd(stdin_fd_);
  close_fd(stdout_fd_);
  if (!reaped_) wait(std::chrono::milliseconds{2000});
}

bool ChildProcess::write_all(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t put = ::write(stdin_fd_, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  return true;
}

bool ChildProcess::read_exact(char* buffer, std::size_t count, Clock::time_point deadline) {
  std::size_t have = 0;
  while (have < count) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd waiting{stdout_fd_, POLLIN, 0};
    const int ready = ::poll(&waiting, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    const ssize_t got = ::read(stdout_fd_, buffer + have, count - have);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    have += static_cast<std::size_t>(got);
  }
  return true;
}

std::optional<std::string> ChildProcess::read_frame(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::uint32_t length = 0;
  if (!read_exact(reinterpret_cast<char*>(&length), sizeof length, deadline)) return std::nullopt;
  if (length > kMaxReplyBytes) return std::nullopt;
  std::string body(length, '\0');
  if (!read_exact(body.data(), length, deadline)) return std::nullopt;
  return body;
}

std::optional<long> ChildProcess::peak_rss_kib() const {
  if (reaped_) return std::nullopt;
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  }
  return std::nullopt;
}

void ChildProcess::close_stdin() { close_fd(stdin_fd_); }

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout) {
  if (reaped_) return std::nullopt;
  const auto deadline = Clock::now() + timeout;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) break;
    if (done < 0 && errno != EINTR) {
      reaped_ = true;
      return std::nullopt;
    }
    if (Clock::now() >= deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      reaped_ = true;
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::microseconds{200});
  }
  reaped_ = true;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return std::nullopt;
}

}  // namespace seed::bench
