#include "install/manifest.hpp"

#include <algorithm>
#include <cctype>

namespace seed::install {
namespace {

constexpr std::string_view kChromeScheme = "chrome-extension://";

// A Chromium extension ID: 32 letters a-p (the hex digits of a key hash, shifted).
bool is_extension_id(std::string_view id) {
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) { return c >= 'a' && c <= 'p'; });
}

bool all_of_chars(std::string_view text, std::string_view extra) {
  return std::all_of(text.begin(), text.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || extra.find(c) != std::string_view::npos;
  });
}

// Firefox add-on IDs are an email-like name ("name@domain") or a GUID in braces.
bool is_addon_id(std::string_view id) {
  if (id.empty() || id.size() > 256) return false;
  if (id.front() == '{' && id.back() == '}') {
    const std::string_view guid = id.substr(1, id.size() - 2);
    if (guid.size() != 36) return false;
    for (std::size_t i = 0; i < guid.size(); ++i) {
      const bool dash_expected = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash_expected != (guid[i] == '-')) return false;
      if (!dash_expected && std::isxdigit(static_cast<unsigned char>(guid[i])) == 0) return false;
    }
    return true;
  }
  const std::size_t at = id.find('@');
  if (at == std::string_view::npos || at + 1 == id.size()) return false;
  return all_of_chars(id.substr(0, at), "._+-") && all_of_chars(id.substr(at + 1), "._-");
}

}  // namespace

std::string_view allowed_field(Flavour flavour) {
  return flavour == Flavour::firefox ? "allowed_extensions" : "allowed_origins";
}

CallerSplit split_callers(const std::vector<std::string>& allowed_callers) {
  CallerSplit split;
  for (const std::string& caller : allowed_callers) {
    if (caller.starts_with(kChromeScheme)) {
      std::string_view id = std::string_view(caller).substr(kChromeScheme.size());
      if (id.ends_with('/')) id.remove_suffix(1);
      if (is_extension_id(id)) {
        split.chromium.push_back(std::string(kChromeScheme) + std::string(id) + "/");
        continue;
      }
    } else if (is_addon_id(caller)) {
      split.firefox.push_back(caller);
      continue;
    }
    split.rejected.push_back(caller);
  }
  return split;
}

nlohmann::ordered_json host_manifest(Flavour flavour, const std::string& program,
                                     const std::vector<std::string>& extra_callers) {
  nlohmann::ordered_json manifest = nlohmann::ordered_json::parse(manifest_template(flavour));
  manifest["path"] = program;
  nlohmann::ordered_json& allowed = manifest[std::string(allowed_field(flavour))];
  for (const std::string& caller : extra_callers) {
    if (std::find(allowed.begin(), allowed.end(), caller) == allowed.end()) allowed.push_back(caller);
  }
  return manifest;
}

std::string render_manifest(const nlohmann::ordered_json& manifest) { return manifest.dump(2) + "\n"; }

}  // namespace seed::install
