#include "cli/install_arguments.hpp"

#include <string>

#include "cli/usage_error.hpp"

namespace seed::cli {

std::vector<install::Browser> browser_arguments(ArgumentReader& reader) {
  std::vector<install::Browser> browsers;
  for (const std::string& value : reader.values("--browser")) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = std::min(value.find(',', start), value.size());
      const std::string name = value.substr(start, comma - start);
      start = comma + 1;
      if (name.empty()) continue;
      const auto browser = install::parse_browser(name);
      if (!browser) {
        throw UsageError("unknown browser '" + name + "' (one of chrome, chromium, edge, brave, vivaldi, firefox)");
      }
      browsers.push_back(*browser);
    }
  }
  return browsers;
}

}  // namespace seed::cli
