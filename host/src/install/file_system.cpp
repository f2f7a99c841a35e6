#include "install/file_system.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "common/identity.hpp"
#include "install/install_error.hpp"

namespace fs = std::filesystem;

namespace seed::install {
namespace {

constexpr auto kDirectoryMode = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec;
constexpr auto kFileMode =
    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read;

[[noreturn]] void fail(const std::string& what, const std::string& path, const std::error_code& error) {
  std::string message = "cannot " + what + " " + path + ": " + error.message();
  if (error == std::errc::permission_denied || error == std::errc::operation_not_permitted ||
      error == std::errc::read_only_file_system) {
    message += " (system-wide changes need administrator rights, e.g. sudo)";
  }
  throw InstallError(message);
}

std::string read_whole(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream text;
  if (ok) text << in.rdbuf();
  return text.str();
}

}  // namespace

void create_directories(const std::string& directory, std::vector<std::string>& created) {
  std::vector<fs::path> missing;
  std::error_code error;
  for (fs::path folder = directory; !folder.empty(); folder = folder.parent_path()) {
    if (fs::exists(folder, error)) {
      if (!fs::is_directory(folder, error)) throw InstallError(folder.string() + " is in the way: it is not a folder");
      break;
    }
    missing.push_back(folder);
    if (folder == folder.parent_path()) break;
  }
  for (auto folder = missing.rbegin(); folder != missing.rend(); ++folder) {
    if (!fs::create_directory(*folder, error) && error) fail("create the folder", folder->string(), error);
    fs::permissions(*folder, kDirectoryMode, error);
    if (error) fail("set the permissions of", folder->string(), error);
    created.push_back(folder->string());
  }
}

WriteResult write_file(const std::string& path, const std::string& contents) {
  std::error_code error;
  bool readable = false;
  if (fs::is_regular_file(path, error) && read_whole(path, readable) == contents && readable) {
    fs::permissions(path, kFileMode, error);
    if (error) fail("set the permissions of", path, error);
    return WriteResult::unchanged;
  }
  const std::string temporary = path + ".seed-attest-" + std::to_string(std::random_device{}());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) fail("write", path, std::error_code(errno, std::generic_category()));
    out << contents;
    out.close();
    if (!out) {
      fs::remove(temporary, error);
      fail("write", path, std::make_error_code(std::errc::io_error));
    }
  }
  fs::permissions(temporary, kFileMode, error);
  if (!error) fs::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    fail("write", path, error);
  }
  return WriteResult::written;
}

bool is_our_manifest(const std::string& path) {
  bool readable = false;
  const std::string text = read_whole(path, readable);
  if (!readable) return false;
  const auto manifest = nlohmann::json::parse(text, nullptr, false);
  if (!manifest.is_object() || !manifest.contains("name") || !manifest["name"].is_string()) return false;
  return manifest["name"].get<std::string>() == identity::kHostName;
}

bool remove_file(const std::string& path) {
  std::error_code error;
  const bool removed = fs::remove(path, error);
  if (error) fail("remove", path, error);
  return removed;
}

bool remove_directory_if_empty(const std::string& directory) {
  std::error_code error;
  if (!fs::exists(directory, error)) return true;
  if (!fs::is_directory(directory, error) || !fs::is_empty(directory, error)) return false;
  fs::remove(directory, error);
  return !error;
}

}  // namespace seed::install
