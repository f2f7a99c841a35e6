#include "install/locations.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace seed::install;

namespace {

Environment ann() {
  Environment env;
  env.home = "/home/ann";
  env.local_app_data = R"(C:\Users\ann\AppData\Local)";
  env.program_files = R"(C:\Program Files)";
  return env;
}

std::vector<std::string> registered_paths(Platform platform, Browser browser, Scope scope, const Environment& env) {
  std::vector<std::string> paths;
  for (const ManifestPlace& place : manifest_places(platform, browser, scope, env)) {
    if (place.role == Role::registered) paths.push_back(place.manifest_path);
  }
  return paths;
}

std::vector<std::string> registry_keys(Browser browser, Scope scope) {
  std::vector<std::string> keys;
  for (const ManifestPlace& place : manifest_places(Platform::windows, browser, scope, ann())) {
    for (const RegistryEntry& entry : place.registry) keys.push_back(entry.display());
  }
  return keys;
}

const std::string kFile = "/sg.techpass.seed_attest.json";

}  // namespace

TEST_CASE("every browser is registered somewhere on every platform in both scopes", "[install][locations]") {
  for (const Browser browser : kAllBrowsers) {
    for (const Platform platform : {Platform::linux, Platform::macos, Platform::windows}) {
      for (const Scope scope : {Scope::user, Scope::system}) {
        INFO(key(browser) << " " << key(platform) << " " << key(scope));
        const auto places = manifest_places(platform, browser, scope, ann());
        REQUIRE_FALSE(places.empty());
        for (const ManifestPlace& place : places) {
          CHECK(place.scope == scope);
          CHECK(place.manifest_path.ends_with("sg.techpass.seed_attest.json"));
          CHECK(place.registry.empty() == (platform != Platform::windows));
        }
      }
    }
  }
}

TEST_CASE("Linux folders per browser and scope", "[install][locations]") {
  using V = std::vector<std::string>;
  const Environment env = ann();
  const Platform os = Platform::linux;
  CHECK(registered_paths(os, Browser::chrome, Scope::user, env) ==
        V{"/home/ann/.config/google-chrome/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::chromium, Scope::user, env) ==
        V{"/home/ann/.config/chromium/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::edge, Scope::user, env) ==
        V{"/home/ann/.config/microsoft-edge/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::brave, Scope::user, env) ==
        V{"/home/ann/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::vivaldi, Scope::user, env) ==
        V{"/home/ann/.config/vivaldi/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::firefox, Scope::user, env) ==
        V{"/home/ann/.mozilla/native-messaging-hosts" + kFile});

  CHECK(registered_paths(os, Browser::chrome, Scope::system, env) ==
        V{"/etc/opt/chrome/native-messaging-hosts" + kFile});
  CHECK(registered_paths(os, Browser::chromium, Scope::system, env) ==
        V{"/etc/chromium/native-messaging-hosts" + kFile});
  CHECK(registered_paths(os, Browser::edge, Scope::system, env) == V{"/etc/opt/edge/native-messaging-hosts" + kFile});
  CHECK(registered_paths(os, Browser::brave, Scope::system, env) ==
        V{"/etc/opt/chrome/native-messaging-hosts" + kFile});
  CHECK(registered_paths(os, Browser::vivaldi, Scope::system, env) ==
        V{"/etc/vivaldi/native-messaging-hosts" + kFile, "/etc/opt/vivaldi/native-messaging-hosts" + kFile});
  CHECK(registered_paths(os, Browser::firefox, Scope::system, env) ==
        V{"/usr/lib/mozilla/native-messaging-hosts" + kFile});
}

TEST_CASE("Firefox on Linux also reads the lib64 folder, which install does not write", "[install][locations]") {
  const auto places = manifest_places(Platform::linux, Browser::firefox, Scope::system, ann());
  REQUIRE(places.size() == 2);
  CHECK(places[1].role == Role::also_read);
  CHECK(places[1].manifest_path == "/usr/lib64/mozilla/native-messaging-hosts" + kFile);
}

TEST_CASE("macOS folders per browser and scope", "[install][locations]") {
  using V = std::vector<std::string>;
  const Environment env = ann();
  const Platform os = Platform::macos;
  const std::string support = "/home/ann/Library/Application Support/";
  CHECK(registered_paths(os, Browser::chrome, Scope::user, env) ==
        V{support + "Google/Chrome/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::chromium, Scope::user, env) ==
        V{support + "Chromium/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::edge, Scope::user, env) ==
        V{support + "Microsoft Edge/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::brave, Scope::user, env) ==
        V{support + "Google/Chrome/NativeMessagingHosts" + kFile,
          support + "BraveSoftware/Brave-Browser/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::vivaldi, Scope::user, env) ==
        V{support + "Vivaldi/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::firefox, Scope::user, env) ==
        V{support + "Mozilla/NativeMessagingHosts" + kFile});

  CHECK(registered_paths(os, Browser::chrome, Scope::system, env) ==
        V{"/Library/Google/Chrome/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::chromium, Scope::system, env) ==
        V{"/Library/Application Support/Chromium/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::edge, Scope::system, env) ==
        V{"/Library/Microsoft/Edge/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::brave, Scope::system, env) ==
        V{"/Library/Google/Chrome/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::vivaldi, Scope::system, env) ==
        V{"/Library/Application Support/Vivaldi/NativeMessagingHosts" + kFile});
  CHECK(registered_paths(os, Browser::firefox, Scope::system, env) ==
        V{"/Library/Application Support/Mozilla/NativeMessagingHosts" + kFile});
}

TEST_CASE("Windows registry keys per browser: HKCU for the user, both HKLM views system-wide", "[install][locations]") {
  using V = std::vector<std::string>;
  const std::string name = R"(\sg.techpass.seed_attest)";
  CHECK(registry_keys(Browser::chrome, Scope::user) == V{R"(HKCU\SOFTWARE\Google\Chrome\NativeMessagingHosts)" + name});
  CHECK(registry_keys(Browser::chromium, Scope::user) == V{R"(HKCU\SOFTWARE\Chromium\NativeMessagingHosts)" + name});
  CHECK(registry_keys(Browser::edge, Scope::user) == V{R"(HKCU\SOFTWARE\Microsoft\Edge\NativeMessagingHosts)" + name});
  CHECK(registry_keys(Browser::brave, Scope::user) == V{R"(HKCU\SOFTWARE\Google\Chrome\NativeMessagingHosts)" + name});
  CHECK(registry_keys(Browser::vivaldi, Scope::user) ==
        V{R"(HKCU\SOFTWARE\Google\Chrome\NativeMessagingHosts)" + name});
  CHECK(registry_keys(Browser::firefox, Scope::user) == V{R"(HKCU\SOFTWARE\Mozilla\NativeMessagingHosts)" + name});

  CHECK(registry_keys(Browser::chrome, Scope::system) ==
        V{R"(HKLM\SOFTWARE\Google\Chrome\NativeMessagingHosts)" + name,
          R"(HKLM\SOFTWARE\WOW6432Node\Google\Chrome\NativeMessagingHosts)" + name});
  CHECK(registry_keys(Browser::edge, Scope::system) ==
        V{R"(HKLM\SOFTWARE\Microsoft\Edge\NativeMessagingHosts)" + name,
          R"(HKLM\SOFTWARE\WOW6432Node\Microsoft\Edge\NativeMessagingHosts)" + name});
  CHECK(registry_keys(Browser::firefox, Scope::system) ==
        V{R"(HKLM\SOFTWARE\Mozilla\NativeMessagingHosts)" + name,
          R"(HKLM\SOFTWARE\WOW6432Node\Mozilla\NativeMessagingHosts)" + name});
}

TEST_CASE("Windows manifest files live in our own folder, one per flavour", "[install][locations]") {
  using V = std::vector<std::string>;
  CHECK(registered_paths(Platform::windows, Browser::edge, Scope::user, ann()) ==
        V{R"(C:\Users\ann\AppData\Local\seed-attest\NativeMessagingHosts\chromium\sg.techpass.seed_attest.json)"});
  CHECK(registered_paths(Platform::windows, Browser::firefox, Scope::system, ann()) ==
        V{R"(C:\Program Files\seed-attest\NativeMessagingHosts\firefox\sg.techpass.seed_attest.json)"});
  Environment elsewhere;  // planning for Windows on another system: folders stay variables
  CHECK(registered_paths(Platform::windows, Browser::chrome, Scope::user, elsewhere) ==
        V{R"(%LOCALAPPDATA%\seed-attest\NativeMessagingHosts\chromium\sg.techpass.seed_attest.json)"});
}

TEST_CASE("XDG_CONFIG_HOME and CHROME_CONFIG_HOME move the Chromium family's folders, not Firefox's",
          "[install][locations]") {
  Environment env = ann();
  env.xdg_config_home = "/srv/ann-config";
  CHECK(registered_paths(Platform::linux, Browser::chromium, Scope::user, env).front() ==
        "/srv/ann-config/chromium/NativeMessagingHosts" + kFile);
  CHECK(registered_paths(Platform::linux, Browser::firefox, Scope::user, env).front() ==
        "/home/ann/.mozilla/native-messaging-hosts" + kFile);
  env.chrome_config_home = "/srv/chrome-config";
  CHECK(registered_paths(Platform::linux, Browser::chrome, Scope::user, env).front() ==
        "/srv/chrome-config/google-chrome/NativeMessagingHosts" + kFile);
  CHECK(receipt_path(Platform::linux, Scope::user, env) == "/home/ann/.local/share/seed-attest/install-receipt.json");
  env.xdg_data_home = "/srv/ann-data";
  CHECK(receipt_path(Platform::linux, Scope::user, env) == "/srv/ann-data/seed-attest/install-receipt.json");
}

TEST_CASE("the system root prefixes system folders only", "[install][locations]") {
  Environment env = ann();
  env.system_root = "/tmp/root";
  CHECK(registered_paths(Platform::linux, Browser::chrome, Scope::system, env).front() ==
        "/tmp/root/etc/opt/chrome/native-messaging-hosts" + kFile);
  CHECK(registered_paths(Platform::linux, Browser::chrome, Scope::user, env).front() ==
        "/home/ann/.config/google-chrome/NativeMessagingHosts" + kFile);
  CHECK(managed_policy_directories(Platform::linux, Browser::brave, env) ==
        std::vector<std::string>{"/tmp/root/etc/brave/policies/managed"});
  CHECK(receipt_path(Platform::linux, Scope::system, env) == "/tmp/root/var/lib/seed-attest/install-receipt.json");
}

TEST_CASE("browsers read per-user places before system ones", "[install][locations]") {
  const auto order = reading_order(Platform::linux, Browser::chromium, ann());
  REQUIRE(order.size() == 2);
  CHECK(order[0].scope == Scope::user);
  CHECK(order[1].scope == Scope::system);
}

TEST_CASE("shared places name the other browsers that read them", "[install][locations]") {
  const Environment env = ann();
  const auto chrome_system = manifest_places(Platform::linux, Browser::chrome, Scope::system, env).front();
  CHECK(sharing_browsers(Platform::linux, Browser::chrome, chrome_system, env) == std::vector<Browser>{Browser::brave});
  const auto chrome_key = manifest_places(Platform::windows, Browser::chrome, Scope::user, env).front();
  CHECK(sharing_browsers(Platform::windows, Browser::chrome, chrome_key, env) ==
        std::vector<Browser>{Browser::brave, Browser::vivaldi});
  const auto edge_user = manifest_places(Platform::linux, Browser::edge, Scope::user, env).front();
  CHECK(sharing_browsers(Platform::linux, Browser::edge, edge_user, env).empty());
}

TEST_CASE("managed policy folders exist for the Chromium family on Linux only", "[install][locations]") {
  const Environment env = ann();
  CHECK(managed_policy_directories(Platform::linux, Browser::chrome, env) ==
        std::vector<std::string>{"/etc/opt/chrome/policies/managed"});
  CHECK(managed_policy_directories(Platform::linux, Browser::chromium, env) ==
        std::vector<std::string>{"/etc/chromium/policies/managed"});
  CHECK(managed_policy_directories(Platform::linux, Browser::edge, env) ==
        std::vector<std::string>{"/etc/opt/edge/policies/managed"});
  CHECK(managed_policy_directories(Platform::linux, Browser::firefox, env).empty());
  CHECK(managed_policy_directories(Platform::macos, Browser::chrome, env).empty());
}

TEST_CASE("browser and platform names round-trip", "[install][locations]") {
  for (const Browser browser : kAllBrowsers) CHECK(parse_browser(key(browser)) == browser);
  CHECK_FALSE(parse_browser("opera").has_value());
  CHECK(parse_platform("windows") == Platform::windows);
  CHECK_FALSE(parse_platform("beos").has_value());
}
