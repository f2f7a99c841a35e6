#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "platform/linux/linux_facts.hpp"

namespace seed::platform::on_linux {

std::string read_small_file(const std::filesystem::path& path, std::size_t limit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return {};
  std::string text;
  char buffer[4096];
  while (text.size() < limit) {
    const ssize_t got = ::read(fd, buffer, std::min(sizeof buffer, limit - text.size()));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  return text;
}

std::string read_first_line(const std::filesystem::path& path, std::size_t limit) {
  std::string text = read_small_file(path, limit);
  if (const auto end = text.find('\n'); end != std::string::npos) text.resize(end);
  return text;
}

}  // namespace seed::platform::on_linux
