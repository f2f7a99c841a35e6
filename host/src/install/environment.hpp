#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "install/browser.hpp"

namespace seed::install {

// The folders every location is derived from. Planning reads nothing else, so every platform's
// table can be computed (and tested) on any machine; only Environment::from_process looks at the
// real process environment.
struct Environment {
  std::string home;                               // $HOME (%USERPROFILE% on Windows)
  std::optional<std::string> xdg_config_home;     // absolute $XDG_CONFIG_HOME, if set
  std::optional<std::string> xdg_data_home;       // absolute $XDG_DATA_HOME, if set
  std::optional<std::string> chrome_config_home;  // absolute $CHROME_CONFIG_HOME (Chromium on Linux)
  std::optional<std::string> local_app_data;      // %LOCALAPPDATA%
  std::optional<std::string> program_files;       // %ProgramFiles%
  // Prefix of every system-wide path on Linux and macOS ("" for the real "/"): tests point it at a
  // temporary tree to exercise system locations and managed policies without root.
  std::string system_root;

  // From the real environment. Relative XDG values are ignored, as the XDG spec says.
  static Environment from_process();

  // Expands the placeholders of a location template:
  //   ${HOME} ${CONFIG} (XDG config home) ${CHROME_CONFIG} (Chromium's config root on Linux)
  //   ${DATA} (XDG data home) ${LOCALAPPDATA} ${PROGRAMFILES}
  // and puts system_root before a template that starts with "/". A Windows folder that is not
  // known here stays spelled as the variable (e.g. "%LOCALAPPDATA%"), which is what a dry run for
  // another platform should show.
  [[nodiscard]] std::string expand(std::string_view location) const;
};

}  // namespace seed::install
