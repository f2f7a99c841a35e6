#include "platform/trusted_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace seed::platform {
namespace {

namespace fs = std::filesystem;

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

std::string octal_mode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

bool trusted_owner(uid_t owner, std::uint32_t admin_id) { return owner == 0 || owner == admin_id; }

// Who could change the entry through this file or directory, if anyone besides the administrator.
void check_not_writable_by_others(const struct stat& info, const std::string& what, bool sticky_allowed) {
  if (sticky_allowed && (info.st_mode & S_ISVTX) != 0) return;
  if ((info.st_mode & S_IWOTH) != 0) {
    throw UntrustedFileError(what + " is writable by others (mode " + octal_mode(info.st_mode) + ")");
  }
  if ((info.st_mode & S_IWGRP) != 0) {
    throw UntrustedFileError(what + " is writable by its group (mode " + octal_mode(info.st_mode) + ")");
  }
}

void check_directories_above(const fs::path& file, std::uint32_t admin_id) {
  for (fs::path directory = file.parent_path();; directory = directory.parent_path()) {
    struct stat info {};
    if (::stat(directory.c_str(), &info) != 0) {
      throw FileReadError("cannot inspect directory " + directory.string() + ": " + std::strerror(errno));
    }
    const std::string what = "directory " + directory.string();
    if (!trusted_owner(info.st_uid, admin_id)) {
      throw UntrustedFileError(what + " is owned by uid " + std::to_string(info.st_uid) + ", not root");
    }
    // A sticky directory (like /tmp) lets others add entries but not replace ours.
    check_not_writable_by_others(info, what, true);
    if (directory == directory.parent_path()) break;
  }
}

}  // namespace

std::string read_admin_file(const fs::path& path, std::size_t max_bytes, std::uint32_t admin_id) {
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) throw FileReadError("cannot open " + path.string() + ": " + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) throw FileReadError("cannot inspect " + path.string() + ": " + std::strerror(errno));
  if (!S_ISREG(info.st_mode)) throw UntrustedFileError(path.string() + " is not a regular file");
  if (!trusted_owner(info.st_uid, admin_id)) {
    throw UntrustedFileError(path.string() + " is owned by uid " + std::to_string(info.st_uid) + ", not root");
  }
  check_not_writable_by_others(info, path.string(), false);

  // Both where the path says it is and where it really is (through any symbolic link).
  std::error_code error;
  const fs::path given = fs::absolute(path, error).lexically_normal();
  if (!error) check_directories_above(given, admin_id);
  const fs::path real = fs::canonical(path, error);
  if (error) throw FileReadError("cannot resolve " + path.string() + ": " + error.message());
  if (real != given) check_directories_above(real, admin_id);

  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    throw FileReadError(path.string() + " is larger than " + std::to_string(max_bytes) + " bytes");
  }
  std::string bytes;
  char buffer[16384];
  for (;;) {
    const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw FileReadError("cannot read " + path.string() + ": " + std::strerror(errno));
    if (got == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(got));
    if (bytes.size() > max_bytes) {
      throw FileReadError(path.string() + " is larger than " + std::to_string(max_bytes) + " bytes");
    }
  }
  return bytes;
}

}  // namespace seed::platform
