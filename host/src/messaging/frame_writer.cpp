#include "messaging/frame_writer.hpp"

#include <cstdint>
#include <cstring>

#include "messaging/limits.hpp"

namespace seed::messaging {
namespace {

std::string with_prefix(const std::string& body) {
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string frame(sizeof length + body.size(), '\0');
  std::memcpy(frame.data(), &length, sizeof length);
  std::memcpy(frame.data() + sizeof length, body.data(), body.size());
  return frame;
}

std::string dump(const nlohmann::json& message) {
  return message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string encode_frame(const nlohmann::json& message) {
  std::string body = dump(message);
  if (body.size() > kMaxOutboundFrame) {
    nlohmann::json error = {{"type", "error"},
                            {"id", message.contains("id") ? message["id"] : nullptr},
                            {"code", "internal"},
                            {"message", "the reply exceeded the 1,000,000-byte message limit"}};
    body = dump(error);
  }
  return with_prefix(body);
}

bool write_frame(ByteSink& sink, const nlohmann::json& message) {
  return sink.write_all(encode_frame(message));
}

}  // namespace seed::messaging
