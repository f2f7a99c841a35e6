#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace seed::test {

// Writes `policy` as `name` in `directory` and returns its path.
inline std::filesystem::path write_policy_file(const std::filesystem::path& directory, const std::string& name,
                                               const std::string& text) {
  const auto path = directory / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return path;
}

inline std::filesystem::path write_policy_file(const std::filesystem::path& directory, const std::string& name,
                                               const nlohmann::json& policy) {
  return write_policy_file(directory, name, policy.dump(2));
}

}  // namespace seed::test
