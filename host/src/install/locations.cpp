#include "install/locations.hpp"

#include <algorithm>
#include <iterator>

#include "common/identity.hpp"

namespace seed::install {
namespace {

using enum Browser;
using enum Platform;
using enum Scope;
using enum Role;

// The table: where each browser reads host manifests. Sources: Chrome's and MDN's native-messaging
// pages and Microsoft's Edge page for Chrome, Chromium, Edge and Firefox; Brave's main delegate
// (brave/app/brave_main_delegate.cc), which points Brave's system folder, and on macOS its
// per-user folder too, at Chrome's; Vivaldi documents no system folder, so both spellings native
// hosts ship for it are registered. On Windows the value is the registry key (below HKCU for
// `user`, HKLM for `system`); Brave and Vivaldi read Chrome's key there.
struct Row {
  Browser browser;
  Platform platform;
  Scope scope;
  Role role;
  std::string_view where;
};

constexpr Row kManifestTable[] = {
    // clang-format off
    {chrome,   linux,   user,   registered, "${CHROME_CONFIG}/google-chrome/NativeMessagingHosts"},
    {chrome,   linux,   system, registered, "/etc/opt/chrome/native-messaging-hosts"},
    {chrome,   macos,   user,   registered, "${HOME}/Library/Application Support/Google/Chrome/NativeMessagingHosts"},
    {chrome,   macos,   system, registered, "/Library/Google/Chrome/NativeMessagingHosts"},
    {chrome,   windows, user,   registered, R"(SOFTWARE\Google\Chrome\NativeMessagingHosts)"},
    {chrome,   windows, system, registered, R"(SOFTWARE\Google\Chrome\NativeMessagingHosts)"},

    {chromium, linux,   user,   registered, "${CHROME_CONFIG}/chromium/NativeMessagingHosts"},
    {chromium, linux,   system, registered, "/etc/chromium/native-messaging-hosts"},
    {chromium, macos,   user,   registered, "${HOME}/Library/Application Support/Chromium/NativeMessagingHosts"},
    {chromium, macos,   system, registered, "/Library/Application Support/Chromium/NativeMessagingHosts"},
    {chromium, windows, user,   registered, R"(SOFTWARE\Chromium\NativeMessagingHosts)"},
    {chromium, windows, system, registered, R"(SOFTWARE\Chromium\NativeMessagingHosts)"},

    {edge,     linux,   user,   registered, "${CHROME_CONFIG}/microsoft-edge/NativeMessagingHosts"},
    {edge,     linux,   system, registered, "/etc/opt/edge/native-messaging-hosts"},
    {edge,     macos,   user,   registered, "${HOME}/Library/Application Support/Microsoft Edge/NativeMessagingHosts"},
    {edge,     macos,   system, registered, "/Library/Microsoft/Edge/NativeMessagingHosts"},
    {edge,     windows, user,   registered, R"(SOFTWARE\Microsoft\Edge\NativeMessagingHosts)"},
    {edge,     windows, system, registered, R"(SOFTWARE\Microsoft\Edge\NativeMessagingHosts)"},

    {brave,    linux,   user,   registered, "${CHROME_CONFIG}/BraveSoftware/Brave-Browser/NativeMessagingHosts"},
    {brave,    linux,   system, registered, "/etc/opt/chrome/native-messaging-hosts"},
    {brave,    macos,   user,   registered, "${HOME}/Library/Application Support/Google/Chrome/NativeMessagingHosts"},
    {brave,    macos,   user,   registered, "${HOME}/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts"},
    {brave,    macos,   system, registered, "/Library/Google/Chrome/NativeMessagingHosts"},
    {brave,    windows, user,   registered, R"(SOFTWARE\Google\Chrome\NativeMessagingHosts)"},
    {brave,    windows, system, registered, R"(SOFTWARE\Google\Chrome\NativeMessagingHosts)"},

    {vivaldi,  linux,   user,   registered, "${CHROME_CONFIG}/vivaldi/NativeMessagingHosts"},
    {vivaldi,  linux,   system, registered, "/etc/vivaldi/native-messaging-hosts"},
    {vivaldi,  linux,   system, registered, "/etc/opt/vivaldi/native-messaging-hosts"},
    {vivaldi,  macos,   user,   registered, "${HOME}/Library/Application Support/Vivaldi/NativeMessagingHosts"},
    {vivaldi,  macos,   system, registered, "/Library/Application Support/Vivaldi/NativeMessagingHosts"},
    {vivaldi,  windows, user,   registered, R"(SOFTWARE\Google\Chrome\NativeMessagingHosts)"},
    {vivaldi,  windows, system, registered, R"(SOFTWARE\Google\Chrome\NativeMessagingHosts)"},

    {firefox,  linux,   user,   registered, "${HOME}/.mozilla/native-messaging-hosts"},
    {firefox,  linux,   system, registered, "/usr/lib/mozilla/native-messaging-hosts"},
    {firefox,  linux,   system, also_read,  "/usr/lib64/mozilla/native-messaging-hosts"},
    {firefox,  macos,   user,   registered, "${HOME}/Library/Application Support/Mozilla/NativeMessagingHosts"},
    {firefox,  macos,   system, registered, "/Library/Application Support/Mozilla/NativeMessagingHosts"},
    {firefox,  windows, user,   registered, R"(SOFTWARE\Mozilla\NativeMessagingHosts)"},
    {firefox,  windows, system, registered, R"(SOFTWARE\Mozilla\NativeMessagingHosts)"},
    // clang-format on
};

// Enterprise policy folders on Linux (JSON files, merged). macOS and Windows keep policies in
// managed preferences and the registry.
struct PolicyRow {
  Browser browser;
  std::string_view folder;
};

constexpr PolicyRow kPolicyTable[] = {
    {chrome, "/etc/opt/chrome/policies/managed"}, {chromium, "/etc/chromium/policies/managed"},
    {edge, "/etc/opt/edge/policies/managed"},     {brave, "/etc/brave/policies/managed"},
    {vivaldi, "/etc/vivaldi/policies/managed"},   {vivaldi, "/etc/opt/vivaldi/policies/managed"},
};

struct MarkerRow {
  Browser browser;
  Platform platform;
  std::string_view where;
};

constexpr MarkerRow kInstallationTable[] = {
    // clang-format off
    {chrome,   linux, "/opt/google/chrome/chrome"},
    {chromium, linux, "/usr/lib/chromium/chromium"},
    {chromium, linux, "/usr/lib/chromium-browser/chromium-browser"},
    {edge,     linux, "/opt/microsoft/msedge/msedge"},
    {brave,    linux, "/opt/brave.com/brave/brave"},
    {vivaldi,  linux, "/opt/vivaldi/vivaldi"},
    {firefox,  linux, "/usr/lib/firefox-esr/firefox-esr"},
    {firefox,  linux, "/usr/lib/firefox/firefox"},
    {firefox,  linux, "/opt/firefox/firefox"},
    {chrome,   macos, "/Applications/Google Chrome.app"},
    {chrome,   macos, "${HOME}/Applications/Google Chrome.app"},
    {chromium, macos, "/Applications/Chromium.app"},
    {chromium, macos, "${HOME}/Applications/Chromium.app"},
    {edge,     macos, "/Applications/Microsoft Edge.app"},
    {edge,     macos, "${HOME}/Applications/Microsoft Edge.app"},
    {brave,    macos, "/Applications/Brave Browser.app"},
    {brave,    macos, "${HOME}/Applications/Brave Browser.app"},
    {vivaldi,  macos, "/Applications/Vivaldi.app"},
    {vivaldi,  macos, "${HOME}/Applications/Vivaldi.app"},
    {firefox,  macos, "/Applications/Firefox.app"},
    {firefox,  macos, "${HOME}/Applications/Firefox.app"},
    {chrome,   windows, R"(${PROGRAMFILES}\Google\Chrome\Application\chrome.exe)"},
    {chromium, windows, R"(${LOCALAPPDATA}\Chromium\Application\chrome.exe)"},
    {edge,     windows, R"(${PROGRAMFILES}\Microsoft\Edge\Application\msedge.exe)"},
    {brave,    windows, R"(${PROGRAMFILES}\BraveSoftware\Brave-Browser\Application\brave.exe)"},
    {vivaldi,  windows, R"(${LOCALAPPDATA}\Vivaldi\Application\vivaldi.exe)"},
    {firefox,  windows, R"(${PROGRAMFILES}\Mozilla Firefox\firefox.exe)"},
    // clang-format on
};

std::string windows_manifest_path(Browser browser, Scope scope, const Environment& env) {
  const std::string base = scope == user ? "${LOCALAPPDATA}" : "${PROGRAMFILES}";
  return env.expand(base + R"(\seed-attest\NativeMessagingHosts\)" + std::string(key(flavour(browser))) + "\\" +
                    manifest_file_name());
}

std::vector<RegistryEntry> registry_entries(Scope scope, std::string_view key_template) {
  const std::string key = std::string(key_template) + "\\" + std::string(identity::kHostName);
  if (scope == user) return {{Hive::current_user, key, RegistryView::shared}};
  // Chrome and Firefox read the 32-bit view of HKLM before the 64-bit one: register in both, so a
  // stale 32-bit entry of an earlier installer never hides ours.
  return {{Hive::local_machine, key, RegistryView::bits64}, {Hive::local_machine, key, RegistryView::bits32}};
}

}  // namespace

std::string RegistryEntry::display() const {
  std::string text = hive == Hive::current_user ? "HKCU\\" : "HKLM\\";
  if (view == RegistryView::bits32 && key.starts_with("SOFTWARE\\")) {
    return text + "SOFTWARE\\WOW6432Node\\" + key.substr(std::string_view("SOFTWARE\\").size());
  }
  return text + key;
}

std::string manifest_file_name() { return std::string(identity::kHostName) + ".json"; }

std::vector<ManifestPlace> manifest_places(Platform platform, Browser browser, Scope scope, const Environment& env) {
  std::vector<ManifestPlace> places;
  for (const Row& row : kManifestTable) {
    if (row.browser != browser || row.platform != platform || row.scope != scope) continue;
    if (platform == windows) {
      places.push_back(
          {scope, row.role, windows_manifest_path(browser, scope, env), registry_entries(scope, row.where)});
    } else {
      places.push_back({scope, row.role, env.expand(row.where) + "/" + manifest_file_name(), {}});
    }
  }
  return places;
}

std::vector<ManifestPlace> reading_order(Platform platform, Browser browser, const Environment& env) {
  auto places = manifest_places(platform, browser, user, env);
  auto system_places = manifest_places(platform, browser, system, env);
  places.insert(places.end(), system_places.begin(), system_places.end());
  return places;
}

std::vector<Browser> sharing_browsers(Platform platform, Browser browser, const ManifestPlace& place,
                                      const Environment& env) {
  std::vector<Browser> others;
  for (const Browser other : kAllBrowsers) {
    if (other == browser) continue;
    const auto places = manifest_places(platform, other, place.scope, env);
    const bool shares = std::any_of(places.begin(), places.end(), [&](const ManifestPlace& candidate) {
      return candidate.manifest_path == place.manifest_path && candidate.registry == place.registry;
    });
    if (shares) others.push_back(other);
  }
  return others;
}

std::vector<std::string> managed_policy_directories(Platform platform, Browser browser, const Environment& env) {
  std::vector<std::string> folders;
  if (platform != linux) return folders;
  for (const PolicyRow& row : kPolicyTable) {
    if (row.browser == browser) folders.push_back(env.expand(row.folder));
  }
  return folders;
}

std::vector<std::string> installation_markers(Platform platform, Browser browser, const Environment& env) {
  std::vector<std::string> markers;
  for (const MarkerRow& row : kInstallationTable) {
    if (row.browser == browser && row.platform == platform) markers.push_back(env.expand(row.where));
  }
  return markers;
}

Confinement confinement(Browser browser) {
  switch (browser) {
    case chrome: return {std::nullopt, "com.google.Chrome"};
    case chromium: return {"chromium", "org.chromium.Chromium"};
    case edge: return {std::nullopt, "com.microsoft.Edge"};
    case brave: return {"brave", "com.brave.Browser"};
    case vivaldi: return {"vivaldi", "com.vivaldi.Vivaldi"};
    case firefox: return {"firefox", "org.mozilla.firefox"};
  }
  return {};
}

std::string receipt_path(Platform platform, Scope scope, const Environment& env) {
  switch (platform) {
    case linux:
      return env.expand(scope == user ? "${DATA}/seed-attest/install-receipt.json"
                                      : "/var/lib/seed-attest/install-receipt.json");
    case macos:
      return env.expand(scope == user ? "${HOME}/Library/Application Support/seed-attest/install-receipt.json"
                                      : "/Library/Application Support/seed-attest/install-receipt.json");
    case windows:
      return env.expand(scope == user ? R"(${LOCALAPPDATA}\seed-attest\install-receipt.json)"
                                      : R"(${PROGRAMFILES}\seed-attest\install-receipt.json)");
  }
  return {};
}

std::string packaged_program(Platform platform) {
  switch (platform) {
    case linux: return "/usr/lib/seed-attest/seed-attest";
    case macos: return "/Library/Application Support/seed-attest/seed-attest";
    case windows: return R"(C:\Program Files\seed-attest\seed-attest.exe)";
  }
  return {};
}

char separator(Platform platform) { return platform == windows ? '\\' : '/'; }

}  // namespace seed::install
