#include "install/browser.hpp"

namespace seed::install {

std::string_view key(Browser browser) {
  switch (browser) {
    case Browser::chrome: return "chrome";
    case Browser::chromium: return "chromium";
    case Browser::edge: return "edge";
    case Browser::brave: return "brave";
    case Browser::vivaldi: return "vivaldi";
    case Browser::firefox: return "firefox";
  }
  return "unknown";
}

std::string_view display_name(Browser browser) {
  switch (browser) {
    case Browser::chrome: return "Google Chrome";
    case Browser::chromium: return "Chromium";
    case Browser::edge: return "Microsoft Edge";
    case Browser::brave: return "Brave";
    case Browser::vivaldi: return "Vivaldi";
    case Browser::firefox: return "Firefox";
  }
  return "unknown";
}

std::string display_names(const std::vector<Browser>& browsers) {
  std::string text;
  for (const Browser browser : browsers) text += (text.empty() ? "" : ", ") + std::string(display_name(browser));
  return text;
}

Flavour flavour(Browser browser) { return browser == Browser::firefox ? Flavour::firefox : Flavour::chromium; }

std::string_view key(Flavour flavour) { return flavour == Flavour::firefox ? "firefox" : "chromium"; }

std::string_view key(Platform platform) {
  switch (platform) {
    case Platform::linux: return "linux";
    case Platform::macos: return "macos";
    case Platform::windows: return "windows";
  }
  return "unknown";
}

std::string_view key(Scope scope) { return scope == Scope::system ? "system" : "user"; }

std::optional<Browser> parse_browser(std::string_view text) {
  for (const Browser browser : kAllBrowsers) {
    if (key(browser) == text) return browser;
  }
  return std::nullopt;
}

std::optional<Platform> parse_platform(std::string_view text) {
  for (const Platform platform : {Platform::linux, Platform::macos, Platform::windows}) {
    if (key(platform) == text) return platform;
  }
  return std::nullopt;
}

}  // namespace seed::install
