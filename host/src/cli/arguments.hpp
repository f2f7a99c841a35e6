#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.hpp"

namespace seed::cli {

// Reads a subcommand's options; whatever is left unread at finish() is a usage error.
// Accepts `--name VALUE` and `--name=VALUE`. value() takes the argument after the name whatever
// it looks like; values() takes several (`--browser chrome firefox`) up to the next option.
class ArgumentReader {
 public:
  explicit ArgumentReader(const Arguments& args);

  bool flag(std::string_view name);
  std::optional<std::string> value(std::string_view name);
  std::vector<std::string> values(std::string_view name);
  void finish() const;  // throws UsageError naming the first unread argument

 private:
  Arguments args_;
  std::vector<bool> used_;
};

}  // namespace seed::cli
