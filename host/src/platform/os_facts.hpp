#pragma once

#include <optional>
#include <string>
#include <vector>

// Facts about the running system, read directly (files, system calls) rather than by running
// other programs. Each platform folder implements these; CMake picks the folder.
namespace seed::platform {

struct OsIdentity {
  std::string name;     // e.g. "Debian GNU/Linux", "macOS", "Windows 11 Enterprise"
  std::string version;  // e.g. "12", "14.5", "10.0.22631"; empty when the system does not say
};

OsIdentity os_identity();
std::string kernel_release();  // e.g. "6.1.0-18-amd64"
std::string architecture();    // e.g. "x86_64"

// "none", a virtual machine ("kvm", "qemu", "vmware", "oracle", "microsoft", "xen", "amazon",
// "google", "parallels", "bochs", "bhyve", "apple", "vm-other") or, when no virtual machine is
// seen, a container ("docker", "podman", "lxc", "systemd-nspawn", "wsl", "openvz", ...).
std::string virtualization();

// How the volume holding the root filesystem is encrypted: "luks", "dm-crypt", "none", or
// "unknown" when it is not on a block device this host can inspect (e.g. an overlay).
std::string disk_encryption();

// Which of the `wanted` executable names (each at most once) have a running process, sorted;
// nullopt when the list of processes cannot be read.
std::optional<std::vector<std::string>> running_processes_named(const std::vector<std::string>& wanted);

}  // namespace seed::platform
