#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/os_facts.hpp"

// The Linux readers behind os_facts.hpp, each taking the filesystem root ("/" on a live system)
// so tests can point them at a prepared tree.
namespace seed::platform::on_linux {

// The os-release(5) format: NAME and VERSION_ID, quotes and escapes removed.
OsIdentity parse_os_release(std::string_view text);
// /etc/os-release, else /usr/lib/os-release; {"Linux", ""} when neither is readable.
OsIdentity read_os_release(const std::filesystem::path& root);

// `cpuid_vendor` is the hypervisor vendor the CPU reports ("KVMKVMKVM", "VMwareVMware", ...), or
// empty; see cpuid.hpp.
std::string detect_virtualization(const std::filesystem::path& root, std::string_view cpuid_vendor);

std::string detect_disk_encryption(const std::filesystem::path& root);

// Which of `wanted` (each at most once) are running, sorted; nullopt when /proc cannot be read.
std::optional<std::vector<std::string>> list_processes_named(const std::filesystem::path& root,
                                                             const std::vector<std::string>& wanted);

// The first line of a small file (up to `limit` bytes), without the newline; empty when unreadable.
std::string read_first_line(const std::filesystem::path& path, std::size_t limit = 4096);
// Up to `limit` bytes of a file; empty when unreadable.
std::string read_small_file(const std::filesystem::path& path, std::size_t limit = 65536);

}  // namespace seed::platform::on_linux
