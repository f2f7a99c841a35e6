#pragma once

#include "messaging/byte_stream.hpp"
#include "messaging/dispatcher.hpp"

namespace seed::messaging {

// Serves requests until the stream closes. Returns the process exit code: 0 when stdin closed at
// a frame boundary (or the reader went away), 1 when it ended inside a frame or after too_large.
int run_session(ByteSource& input, ByteSink& output, Dispatcher& dispatcher);

}  // namespace seed::messaging
