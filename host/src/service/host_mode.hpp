#pragma once

#include "messaging/caller.hpp"

namespace seed::service {

// Serves the native-messaging protocol on stdin/stdout for `caller`; returns the exit code.
int serve_native_messaging(const messaging::Caller& caller);

}  // namespace seed::service
