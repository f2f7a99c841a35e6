#pragma once

#include <optional>
#include <string>

#include "install/locations.hpp"

// The Windows registry, for the keys that point browsers at manifest files. Compiled from
// registry_windows.cpp on Windows; registry_unsupported.cpp elsewhere, where every write throws.
namespace seed::install {

// Whether this build can touch the registry at all.
bool registry_available();

// Creates the key if needed and sets its default value (REG_SZ).
void set_registry_default(const RegistryEntry& entry, const std::string& value);

// The key's default value, or empty when the key or value is absent.
std::optional<std::string> read_registry_default(const RegistryEntry& entry);

// Deletes the key; false when it was not there.
bool delete_registry_key(const RegistryEntry& entry);

}  // namespace seed::install
