#pragma once

#include <string>
#include <vector>

// The few file operations install and uninstall need, with errors that say what to do.
namespace seed::install {

// Creates `directory` and any missing parents (mode 0755) and appends each folder it created to
// `created`, parents first.
void create_directories(const std::string& directory, std::vector<std::string>& created);

enum class WriteResult { written, unchanged };

// Writes `contents` (mode 0644) through a temporary file and a rename, so a browser never reads a
// half-written manifest. Leaves an identical file alone.
WriteResult write_file(const std::string& path, const std::string& contents);

// True when `path` is a host manifest naming our host: the only kind of file uninstall deletes.
bool is_our_manifest(const std::string& path);

// Removes `path` (a file); false when it was not there.
bool remove_file(const std::string& path);

// Removes `directory` when it exists and is empty; true when it is gone afterwards.
bool remove_directory_if_empty(const std::string& directory);

}  // namespace seed::install
