#include "messaging/session.hpp"

#include <cstdio>
#include <system_error>

#include "messaging/frame_reader.hpp"
#include "messaging/frame_writer.hpp"
#include "messaging/limits.hpp"

namespace seed::messaging {
namespace {

void diagnose(const char* message) { std::fprintf(stderr, "seed-attest: %s\n", message); }

}  // namespace

int run_session(ByteSource& input, ByteSink& output, Dispatcher& dispatcher) {
  FrameReader reader(input);
  for (;;) {
    ReadResult frame;
    try {
      frame = reader.next();
    } catch (const std::system_error&) {
      diagnose("reading stdin failed");
      return 1;
    }
    switch (frame.status) {
      case ReadStatus::end_of_stream: return 0;
      case ReadStatus::truncated:
        diagnose("stdin ended inside a message");
        return 1;
      case ReadStatus::too_large: {
        diagnose("message over the 64 KiB limit; closing");
        const auto reply = Dispatcher::error_reply(
            nullptr, ErrorCode::too_large,
            "message of " + std::to_string(frame.declared_length) + " bytes exceeds the 65536-byte limit");
        write_frame(output, reply);
        return 1;
      }
      case ReadStatus::frame: break;
    }
    if (!write_frame(output, dispatcher.handle(frame.body))) return 0;  // the browser went away
  }
}

}  // namespace seed::messaging
