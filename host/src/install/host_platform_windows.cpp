#include "install/browser.hpp"

namespace seed::install {

Platform host_platform() { return Platform::windows; }

}  // namespace seed::install
