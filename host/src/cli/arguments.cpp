#include "cli/arguments.hpp"

#include <utility>

#include "cli/usage_error.hpp"

namespace seed::cli {
namespace {

bool is_option(const std::string& arg) { return arg.size() > 1 && arg[0] == '-'; }

}  // namespace

ArgumentReader::ArgumentReader(const Arguments& args) : args_(args), used_(args.size(), false) {}

bool ArgumentReader::flag(std::string_view name) {
  bool found = false;
  for (std::size_t i = 0; i < args_.size(); ++i) {
    if (!used_[i] && args_[i] == name) {
      used_[i] = true;
      found = true;
    }
  }
  return found;
}

// A single value is whatever follows the name, even when it starts with '-': a base64url nonce
// may ("--nonce -x3…"), so only the multi-value form stops at the next option.
std::optional<std::string> ArgumentReader::value(std::string_view name) {
  std::optional<std::string> found;
  const std::string prefix = std::string(name) + "=";
  for (std::size_t i = 0; i < args_.size(); ++i) {
    if (used_[i]) continue;
    std::optional<std::string> this_one;
    if (args_[i].starts_with(prefix)) {
      used_[i] = true;
      this_one = args_[i].substr(prefix.size());
    } else if (args_[i] == name) {
      used_[i] = true;
      if (i + 1 >= args_.size() || used_[i + 1]) throw UsageError(std::string(name) + " needs a value");
      used_[++i] = true;
      this_one = args_[i];
    }
    if (!this_one) continue;
    if (found) throw UsageError(std::string(name) + " given more than once");
    found = std::move(this_one);
  }
  return found;
}

std::vector<std::string> ArgumentReader::values(std::string_view name) {
  std::vector<std::string> found;
  const std::string prefix = std::string(name) + "=";
  for (std::size_t i = 0; i < args_.size(); ++i) {
    if (used_[i]) continue;
    if (args_[i].starts_with(prefix)) {
      used_[i] = true;
      found.push_back(args_[i].substr(prefix.size()));
    } else if (args_[i] == name) {
      used_[i] = true;
      std::size_t taken = 0;
      // "-" alone is a value (standard input), not an option.
      while (i + 1 < args_.size() && !used_[i + 1] && (!is_option(args_[i + 1]) || args_[i + 1] == "-")) {
        used_[++i] = true;
        found.push_back(args_[i]);
        ++taken;
      }
      if (taken == 0) throw UsageError(std::string(name) + " needs a value");
    }
  }
  return found;
}

void ArgumentReader::finish() const {
  for (std::size_t i = 0; i < args_.size(); ++i) {
    if (!used_[i]) throw UsageError("unexpected argument '" + args_[i] + "'");
  }
}

}  // namespace seed::cli
