#include "install/environment.hpp"

#include <cstdlib>
#include <stdexcept>

namespace seed::install {
namespace {

std::optional<std::string> variable(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::optional<std::string> absolute_variable(const char* name) {
  auto value = variable(name);
  if (value && value->front() != '/') return std::nullopt;
  return value;
}

}  // namespace

Environment Environment::from_process() {
  Environment env;
  env.home = variable("HOME").value_or(variable("USERPROFILE").value_or(""));
  env.xdg_config_home = absolute_variable("XDG_CONFIG_HOME");
  env.xdg_data_home = absolute_variable("XDG_DATA_HOME");
  env.chrome_config_home = absolute_variable("CHROME_CONFIG_HOME");
  env.local_app_data = variable("LOCALAPPDATA");
  env.program_files = variable("ProgramFiles");
  return env;
}

std::string Environment::expand(std::string_view location) const {
  const std::string config = xdg_config_home.value_or(home + "/.config");
  const struct {
    std::string_view name;
    std::string value;
  } placeholders[] = {
      {"${HOME}", home},
      {"${CONFIG}", config},
      {"${CHROME_CONFIG}", chrome_config_home.value_or(config)},
      {"${DATA}", xdg_data_home.value_or(home + "/.local/share")},
      {"${LOCALAPPDATA}", local_app_data.value_or("%LOCALAPPDATA%")},
      {"${PROGRAMFILES}", program_files.value_or("%ProgramFiles%")},
  };
  std::string out;
  if (location.starts_with('/')) out = system_root;
  while (!location.empty()) {
    bool replaced = false;
    for (const auto& placeholder : placeholders) {
      if (location.starts_with(placeholder.name)) {
        out += placeholder.value;
        location.remove_prefix(placeholder.name.size());
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    if (location.starts_with("${")) throw std::logic_error("unknown placeholder in " + std::string(location));
    out += location.front();
    location.remove_prefix(1);
  }
  return out;
}

}  // namespace seed::install
