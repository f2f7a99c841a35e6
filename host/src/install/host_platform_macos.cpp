#include "install/browser.hpp"

namespace seed::install {

Platform host_platform() { return Platform::macos; }

}  // namespace seed::install
