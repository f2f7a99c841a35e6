#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "install/browser.hpp"
#include "install/doctor_report.hpp"

// Checking a host manifest's text the way a browser reads it (pure: no file is opened here).
namespace seed::install {

struct ManifestCheck {
  std::optional<std::string> program;  // the `path` it names, when it names one
  std::vector<Finding> findings;       // problems and warnings, each with its fix
};

// `fix` is the command that rewrites this manifest; `extra_callers` are the policy's callers of
// this flavour, which the manifest should list too.
ManifestCheck check_manifest_text(Platform platform, Flavour flavour, std::string_view text,
                                  const std::vector<std::string>& extra_callers, const std::string& fix);

}  // namespace seed::install
