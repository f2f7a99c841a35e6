#pragma once

#include <stdexcept>
#include <string>

namespace seed::cli {

// Bad arguments: printed with the command's usage, exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace seed::cli
