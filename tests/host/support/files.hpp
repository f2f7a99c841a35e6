#pragma once

#include <filesystem>
#include <string>

namespace seed::test {

// The whole file as bytes; throws std::runtime_error when it cannot be read.
std::string read_file(const std::filesystem::path& path);

// Replaces the file with `bytes`; throws std::runtime_error when it cannot be written.
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace seed::test
