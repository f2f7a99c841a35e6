#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The browsers we register with, the platforms we plan for and the two install scopes.
namespace seed::install {

enum class Browser { chrome, chromium, edge, brave, vivaldi, firefox };

inline constexpr std::array<Browser, 6> kAllBrowsers = {Browser::chrome, Browser::chromium, Browser::edge,
                                                        Browser::brave,  Browser::vivaldi,  Browser::firefox};

// The two host-manifest flavours: `allowed_origins` (Chromium family) or `allowed_extensions` (Firefox).
enum class Flavour { chromium, firefox };

enum class Platform { linux, macos, windows };

enum class Scope { user, system };

std::string_view key(Browser browser);                            // "chrome", as --browser spells it
std::string_view display_name(Browser browser);                   // "Google Chrome"
std::string display_names(const std::vector<Browser>& browsers);  // "Google Chrome, Brave"
Flavour flavour(Browser browser);
std::string_view key(Flavour flavour);    // "chromium", "firefox"
std::string_view key(Platform platform);  // "linux", "macos", "windows"
std::string_view key(Scope scope);        // "user", "system"

std::optional<Browser> parse_browser(std::string_view text);
std::optional<Platform> parse_platform(std::string_view text);

// The platform this program was built for (host_platform_<os>.cpp, chosen by CMake).
Platform host_platform();

}  // namespace seed::install
