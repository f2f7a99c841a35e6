#include "attestation/probes/file_probe.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "attestation/probes/regex_match.hpp"

namespace seed::attestation {
namespace {

std::string describe(int error) { return std::strerror(error); }

}  // namespace

ProbeResult run_file_probe(const policy::FileProbe& probe) {
  struct stat info {};
  if (::stat(probe.path.c_str(), &info) != 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) return {Outcome::no_match, "not found"};
    return {Outcome::error, "cannot look at it: " + describe(error)};
  }
  if (!probe.match) return {Outcome::match, "found"};
  if (!S_ISREG(info.st_mode)) return {Outcome::error, "found, but it is not a regular file whose content could be matched"};

  // Non-blocking, so that a file swapped for a FIFO after the check cannot hold us.
  const int fd = ::open(probe.path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return {Outcome::error, "found, but cannot be read: " + describe(errno)};
  std::string content;
  char buffer[16384];
  while (content.size() < kMaxMatchedBytes) {
    const ssize_t got = ::read(fd, buffer, std::min(sizeof buffer, kMaxMatchedBytes - content.size()));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    content.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  ProbeResult result = match_regex(*probe.match, content, "content");
  if (result.outcome != Outcome::error) result.detail = "found; " + result.detail;
  return result;
}

}  // namespace seed::attestation
