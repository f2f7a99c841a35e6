#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace seed::platform {

// The file is there but may not be trusted (its owner or permissions let others change it).
class UntrustedFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The file could not be read at all.
class FileReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads a file that only the administrator may change: a regular file (a symbolic link is
// followed, and what it points to is judged), owned by `admin_id` (root) and not writable by
// group or others, in directories that are owned by root or `admin_id` and not writable by
// group or others unless sticky. The checks are made on the opened descriptor, so a file
// replaced between check and read is never read. At most `max_bytes`; a larger file is refused.
std::string read_admin_file(const std::filesystem::path& path, std::size_t max_bytes, std::uint32_t admin_id = 0);

}  // namespace seed::platform
