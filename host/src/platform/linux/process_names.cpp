#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

#include "platform/linux/linux_facts.hpp"

// Each process under /proc gives its executable's file name when we may read it (our own
// processes, or all of them as root); otherwise argv[0]'s file name and the kernel's 15-character
// `comm`. Processes without a command line (kernel threads, zombies) are not programs to look for.
namespace seed::platform::on_linux {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxNames = 1 << 16;

std::string base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string executable_name(const fs::path& process) {
  char target[4096];
  const ssize_t length = ::readlink((process / "exe").c_str(), target, sizeof target);
  if (length <= 0) return {};
  std::string_view path(target, static_cast<std::size_t>(length));
  constexpr std::string_view kDeleted = " (deleted)";
  if (path.ends_with(kDeleted)) path.remove_suffix(kDeleted.size());
  return base_name(path);
}

std::string argv0_name(const fs::path& process) {
  const std::string cmdline = read_small_file(process / "cmdline", 4096);
  return base_name(std::string_view(cmdline.c_str()));  // up to the first NUL
}

bool is_process_id(const char* name) {
  if (*name == '\0') return false;
  for (const char* c = name; *c != '\0'; ++c) {
    if (std::isdigit(static_cast<unsigned char>(*c)) == 0) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> list_process_names(const fs::path& root) {
  std::vector<std::string> names;
  const fs::path proc = root / "proc";
  DIR* directory = ::opendir(proc.c_str());
  if (directory == nullptr) return names;
  while (const dirent* entry = ::readdir(directory)) {
    if (!is_process_id(entry->d_name) || names.size() >= kMaxNames) continue;
    const fs::path process = proc / entry->d_name;
    if (std::string name = executable_name(process); !name.empty()) {
      names.push_back(std::move(name));
      continue;
    }
    std::string argv0 = argv0_name(process);
    if (argv0.empty()) continue;
    names.push_back(std::move(argv0));
    if (std::string comm = read_first_line(process / "comm", 64); !comm.empty()) names.push_back(std::move(comm));
  }
  ::closedir(directory);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace seed::platform::on_linux
