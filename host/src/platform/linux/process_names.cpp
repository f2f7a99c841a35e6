#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

#include "platform/linux/linux_facts.hpp"

// A process goes by its executable's file name when we may read it (our own processes, or all of
// them as root); otherwise by argv[0]'s file name and the kernel's `comm`. Processes without a
// command line (kernel threads, zombies) are not programs to look for.
//
// Every process is first read by its `comm` alone: the kernel sets it at exec to the first 15
// characters of the program's name, so only a process whose `comm` agrees with a wanted name can
// be one; its executable and command line are read for those only. That is one small read per
// process instead of a link resolution and two reads. A process that renamed itself is missed,
// which can only make a device look less managed, never more.
namespace seed::platform::on_linux {
namespace {

constexpr std::size_t kMaxProcesses = 1 << 16;
constexpr std::size_t kCommLength = 15;  // TASK_COMM_LEN - 1

std::string base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Up to `limit` bytes of `relative` under the directory `dir`; empty when unreadable.
std::string read_at(int dir, const std::string& relative, std::size_t limit) {
  const int fd = ::openat(dir, relative.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return {};
  std::string text(limit, '\0');
  std::size_t filled = 0;
  while (filled < limit) {
    const ssize_t got = ::read(fd, text.data() + filled, limit - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    filled += static_cast<std::size_t>(got);
  }
  ::close(fd);
  text.resize(filled);
  return text;
}

std::string executable_name(int proc, const std::string& pid) {
  char target[4096];
  const ssize_t length = ::readlinkat(proc, (pid + "/exe").c_str(), target, sizeof target);
  if (length <= 0) return {};
  std::string_view path(target, static_cast<std::size_t>(length));
  constexpr std::string_view kDeleted = " (deleted)";
  if (path.ends_with(kDeleted)) path.remove_suffix(kDeleted.size());
  return base_name(path);
}

// The names this process goes by (see the top of the file).
std::vector<std::string> names_of(int proc, const std::string& pid, std::string comm) {
  if (std::string executable = executable_name(proc, pid); !executable.empty()) return {std::move(executable)};
  const std::string cmdline = read_at(proc, pid + "/cmdline", 4096);
  const std::string argv0 = base_name(std::string_view(cmdline.c_str()));  // up to the first NUL
  if (argv0.empty()) return {};
  return {argv0, std::move(comm)};
}

bool is_process_id(const char* name) {
  if (*name == '\0') return false;
  for (const char* c = name; *c != '\0'; ++c) {
    if (std::isdigit(static_cast<unsigned char>(*c)) == 0) return false;
  }
  return true;
}

bool could_be(std::string_view comm, const std::string& wanted) {
  return !comm.empty() && std::string_view(wanted).substr(0, kCommLength) == comm;
}

}  // namespace

std::optional<std::vector<std::string>> list_processes_named(const std::filesystem::path& root,
                                                             const std::vector<std::string>& wanted) {
  const std::filesystem::path proc_path = root / "proc";
  DIR* directory = ::opendir(proc_path.c_str());
  if (directory == nullptr) return std::nullopt;
  const int proc = ::dirfd(directory);
  std::vector<std::string> running;
  std::size_t seen = 0;
  while (const dirent* entry = ::readdir(directory)) {
    if (running.size() == wanted.size() || ++seen > kMaxProcesses) break;
    if (!is_process_id(entry->d_name)) continue;
    const std::string pid = entry->d_name;
    std::string comm = read_at(proc, pid + "/comm", 64);
    if (const auto end = comm.find('\n'); end != std::string::npos) comm.resize(end);
    if (std::none_of(wanted.begin(), wanted.end(), [&](const std::string& name) { return could_be(comm, name); })) {
      continue;
    }
    for (const std::string& name : names_of(proc, pid, std::move(comm))) {
      if (std::find(wanted.begin(), wanted.end(), name) != wanted.end() &&
          std::find(running.begin(), running.end(), name) == running.end()) {
        running.push_back(name);
      }
    }
  }
  ::closedir(directory);
  std::sort(running.begin(), running.end());
  return running;
}

}  // namespace seed::platform::on_linux
