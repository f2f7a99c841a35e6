#pragma once

#include <stdexcept>

namespace seed::install {

// Install, uninstall or doctor could not do what was asked; the message says what and why.
class InstallError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace seed::install
