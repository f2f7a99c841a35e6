#pragma once

#include <filesystem>
#include <string>

#include "support/files.hpp"
#include "support/test_pki.hpp"

namespace seed::test {

// A directory standing in for "/" (proc, sys, etc, run), filled in by each test.
class FakeRoot {
 public:
  [[nodiscard]] const std::filesystem::path& path() const { return directory_.path(); }

  void file(const std::string& relative, const std::string& content) const {
    const auto target = path() / relative;
    std::filesystem::create_directories(target.parent_path());
    write_file(target, content);
  }

  void link(const std::string& relative, const std::string& target) const {
    const auto where = path() / relative;
    std::filesystem::create_directories(where.parent_path());
    std::filesystem::create_symlink(target, where);
  }

  void directory(const std::string& relative) const { std::filesystem::create_directories(path() / relative); }

 private:
  TemporaryDirectory directory_;
};

}  // namespace seed::test
