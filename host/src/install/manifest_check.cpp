#include "install/manifest_check.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/identity.hpp"
#include "install/manifest.hpp"

namespace seed::install {
namespace {

using nlohmann::json;

constexpr const char* kNotFound = "\"Specified native messaging host not found.\"";
constexpr const char* kForbidden = "\"Access to the specified native messaging host is forbidden.\"";

std::string quoted(const std::string& text) { return "'" + text + "'"; }

bool lists(const json& list, std::string_view entry) {
  return std::any_of(list.begin(), list.end(), [&](const json& item) { return item.is_string() && item == entry; });
}

// How the browser turns a manifest down: as if there were none, or as not for this extension.
enum class Refusal { not_found, forbidden };

std::string what_browsers_say(Flavour flavour, Refusal refusal) {
  if (flavour == Flavour::chromium) {
    return std::string("the extension sees ") + (refusal == Refusal::forbidden ? kForbidden : kNotFound);
  }
  const std::string host(identity::kHostName);
  if (refusal == Refusal::forbidden) {
    return "Firefox refuses it (\"This extension does not have permission to use native application " + host +
           "\" or \"No such native application " + host + "\")";
  }
  return "Firefox reports \"No such native application " + host + "\"";
}

void check_allowed(Flavour flavour, const json& manifest, const std::vector<std::string>& extra_callers,
                   const std::string& fix, std::vector<Finding>& findings) {
  const std::string field(allowed_field(flavour));
  const auto list = manifest.find(field);
  if (list == manifest.end() || !list->is_array()) {
    const char* other = flavour == Flavour::firefox ? "allowed_origins" : "allowed_extensions";
    std::string message = "has no '" + field + "' list";
    if (manifest.contains(other))
      message += " (it has '" + std::string(other) + "': a manifest of the other browser family)";
    findings.push_back({Status::problem, "", message + "; " + what_browsers_say(flavour, Refusal::not_found), fix});
    return;
  }
  if (flavour == Flavour::chromium) {
    const std::string_view ours = identity::kChromiumExtensionOrigin;
    if (!lists(*list, ours)) {
      if (lists(*list, ours.substr(0, ours.size() - 1))) {
        findings.push_back({Status::problem, "",
                            "lists " + std::string(ours.substr(0, ours.size() - 1)) +
                                " without the trailing slash Chromium requires; the extension sees " + kNotFound,
                            fix});
      } else {
        findings.push_back({Status::problem, "",
                            "does not list our extension " + std::string(ours) + " (it lists " + list->dump() +
                                "); the extension sees " + kForbidden,
                            fix});
      }
    }
    for (const json& entry : *list) {
      if (entry.is_string() && entry.get<std::string>().find('*') != std::string::npos) {
        findings.push_back(
            {Status::problem, "", "lists the wildcard " + entry.dump() + ", which Chromium rejects", fix});
      }
    }
  } else if (!lists(*list, identity::kFirefoxAddonId)) {
    findings.push_back({Status::problem, "",
                        "does not list our add-on " + std::string(identity::kFirefoxAddonId) + " (it lists " +
                            list->dump() + "); " + what_browsers_say(flavour, Refusal::forbidden),
                        fix});
  }
  for (const std::string& caller : extra_callers) {
    if (!lists(*list, caller)) {
      findings.push_back(
          {Status::warning, "", "does not list " + caller + ", which the policy's allowed_callers allows", fix});
    }
  }
}

}  // namespace

ManifestCheck check_manifest_text(Platform platform, Flavour flavour, std::string_view text,
                                  const std::vector<std::string>& extra_callers, const std::string& fix) {
  ManifestCheck check;
  json manifest;
  try {
    manifest = json::parse(text);
  } catch (const json::parse_error& error) {
    check.findings.push_back(
        {Status::problem, "",
         "is not valid JSON (" + std::string(error.what()) + "); " + what_browsers_say(flavour, Refusal::not_found),
         fix});
    return check;
  }
  if (!manifest.is_object()) {
    check.findings.push_back(
        {Status::problem, "", "is not a JSON object; " + what_browsers_say(flavour, Refusal::not_found), fix});
    return check;
  }
  const auto name = manifest.find("name");
  if (name == manifest.end() || !name->is_string() || *name != identity::kHostName) {
    check.findings.push_back({Status::problem, "",
                              "names the host " + (name == manifest.end() ? std::string("(nothing)") : name->dump()) +
                                  ", not \"" + std::string(identity::kHostName) + "\"; " +
                                  what_browsers_say(flavour, Refusal::not_found),
                              fix});
  }
  const auto type = manifest.find("type");
  if (type == manifest.end() || *type != "stdio") {
    check.findings.push_back({Status::problem, "",
                              "has type " + (type == manifest.end() ? std::string("(none)") : type->dump()) +
                                  ", not \"stdio\"; " + what_browsers_say(flavour, Refusal::not_found),
                              fix});
  }
  const auto path = manifest.find("path");
  if (path == manifest.end() || !path->is_string() || path->get<std::string>().empty()) {
    check.findings.push_back(
        {Status::problem, "", "names no program in 'path'; " + what_browsers_say(flavour, Refusal::not_found), fix});
  } else {
    const std::string program = path->get<std::string>();
    if (platform != Platform::windows && !program.starts_with('/')) {
      check.findings.push_back({Status::problem, "",
                                "names the program by the relative path " + quoted(program) +
                                    "; browsers on Linux and macOS need an absolute path, and " +
                                    what_browsers_say(flavour, Refusal::not_found),
                                fix});
    } else {
      check.program = program;
    }
  }
  check_allowed(flavour, manifest, extra_callers, fix, check.findings);
  return check;
}

}  // namespace seed::install
