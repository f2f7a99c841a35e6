#include "install/install_error.hpp"
#include "install/registry.hpp"

namespace seed::install {
namespace {

[[noreturn]] void unsupported(const RegistryEntry& entry) {
  throw InstallError("registry key " + entry.display() + " can only be changed on Windows");
}

}  // namespace

bool registry_available() { return false; }

void set_registry_default(const RegistryEntry& entry, const std::string& /*value*/) { unsupported(entry); }

std::optional<std::string> read_registry_default(const RegistryEntry& /*entry*/) { return std::nullopt; }

bool delete_registry_key(const RegistryEntry& entry) { unsupported(entry); }

}  // namespace seed::install
