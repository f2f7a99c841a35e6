#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "install/browser.hpp"

// Host manifests, built with the JSON library from the templates in manifests/ (embedded at build
// time), so what install writes and what the package ships cannot drift apart.
namespace seed::install {

// "allowed_origins" or "allowed_extensions".
std::string_view allowed_field(Flavour flavour);

// The template text of manifests/<flavour>-host.json.
std::string_view manifest_template(Flavour flavour);

// A policy's `allowed_callers`, sorted by the manifest they belong in. Chromium origins get the
// trailing slash Chromium insists on; entries that are neither an extension origin nor an add-on
// ID are returned in `rejected` and go in no manifest.
struct CallerSplit {
  std::vector<std::string> chromium;
  std::vector<std::string> firefox;
  std::vector<std::string> rejected;
};
CallerSplit split_callers(const std::vector<std::string>& allowed_callers);

// The manifest for `flavour`: the template with `path` = `program` and `extra_callers` (already of
// this flavour) added after our own extension, without duplicates.
nlohmann::ordered_json host_manifest(Flavour flavour, const std::string& program,
                                     const std::vector<std::string>& extra_callers);

// The bytes written to disk: indented JSON in the template's key order, and a final newline.
std::string render_manifest(const nlohmann::ordered_json& manifest);

}  // namespace seed::install
