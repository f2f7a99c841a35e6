#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "install/browser.hpp"
#include "install/environment.hpp"

// Where each browser looks for native-messaging host manifests, on each platform and in each scope,
// and the other places doctor looks at (managed policies, installations, Snap and Flatpak).
// Everything here is computed from a Platform and an Environment: no file is touched.
namespace seed::install {

// `registered`: install writes our manifest here. `also_read`: the browser may read it too (a
// distribution variant), so doctor checks it, but install does not write it.
enum class Role { registered, also_read };

enum class Hive { current_user, local_machine };

// HKLM is split into a 64-bit and a 32-bit (WOW6432Node) view; HKCU\Software is shared by both.
enum class RegistryView { shared, bits64, bits32 };

// One registry key whose default value is the path of the manifest file.
struct RegistryEntry {
  Hive hive = Hive::current_user;
  std::string key;  // below the hive, e.g. SOFTWARE\Google\Chrome\NativeMessagingHosts\<host name>
  RegistryView view = RegistryView::shared;

  // As a person finds it in regedit: "HKLM\SOFTWARE\WOW6432Node\Google\...".
  [[nodiscard]] std::string display() const;
  friend bool operator==(const RegistryEntry&, const RegistryEntry&) = default;
};

// One place a browser finds our manifest: a file in a folder it scans (Linux, macOS), or a file of
// ours that registry keys point to (Windows).
struct ManifestPlace {
  Scope scope = Scope::user;
  Role role = Role::registered;
  std::string manifest_path;
  std::vector<RegistryEntry> registry;  // Windows only
};

// "sg.techpass.seed_attest.json"
std::string manifest_file_name();

// The places `browser` reads in `scope`, in the order it looks.
std::vector<ManifestPlace> manifest_places(Platform platform, Browser browser, Scope scope, const Environment& env);

// Every place `browser` reads, per-user first: the browser takes the first manifest it finds.
std::vector<ManifestPlace> reading_order(Platform platform, Browser browser, const Environment& env);

// The browsers other than `browser` that read `place` too (e.g. Brave reads Chrome's system folder).
std::vector<Browser> sharing_browsers(Platform platform, Browser browser, const ManifestPlace& place,
                                      const Environment& env);

// Folders of enterprise policy files (JSON) the browser obeys; empty where policies are not files.
std::vector<std::string> managed_policy_directories(Platform platform, Browser browser, const Environment& env);

// Files or bundles whose presence means the browser is installed from a regular package.
std::vector<std::string> installation_markers(Platform platform, Browser browser, const Environment& env);

// Sandboxed packagings of the browser (Linux): the Snap name and Flatpak application ID, if any.
struct Confinement {
  std::optional<std::string_view> snap;
  std::optional<std::string_view> flatpak;
};
Confinement confinement(Browser browser);

// Where install keeps its record of what it wrote, so uninstall removes exactly that.
std::string receipt_path(Platform platform, Scope scope, const Environment& env);

// Where a package puts the program on `platform`: what a dry run for another platform names.
std::string packaged_program(Platform platform);

// "/" or "\".
char separator(Platform platform);

}  // namespace seed::install
