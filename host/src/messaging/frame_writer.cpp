#include "messaging/frame_writer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>

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

// The message with only the first `kept` evidence entries and a count of those left out.
nlohmann::json with_evidence_cut(const nlohmann::json& message, std::size_t kept) {
  nlohmann::json cut = message;
  nlohmann::json& evidence = cut["evidence"];
  const std::size_t total = evidence.size();
  evidence.erase(evidence.begin() + static_cast<std::ptrdiff_t>(kept), evidence.end());
  cut["evidence_truncated"] = total - kept;
  return cut;
}

// A reply whose evidence list makes it too large keeps the most entries that fit, in order, and
// says how many it left out (`evidence_truncated`); nothing when even none of them fits.
std::optional<std::string> body_with_fitting_evidence(const nlohmann::json& message) {
  if (!message.is_object()) return std::nullopt;
  const auto evidence = message.find("evidence");
  if (evidence == message.end() || !evidence->is_array() || evidence->empty()) return std::nullopt;
  std::optional<std::string> best;
  std::size_t low = 0;                // the most entries known to fit, once `best` is set
  std::size_t high = evidence->size();  // known not to fit
  while (low < high) {
    const std::size_t kept = best ? low + (high - low + 1) / 2 : 0;
    if (kept >= high) break;
    std::string body = dump(with_evidence_cut(message, kept));
    if (body.size() <= kMaxOutboundFrame) {
      best = std::move(body);
      low = kept;
    } else if (!best) {
      return std::nullopt;  // too large without any evidence
    } else {
      high = kept;
    }
  }
  return best;
}

}  // namespace

std::string encode_frame(const nlohmann::json& message) {
  std::string body = dump(message);
  if (body.size() > kMaxOutboundFrame) {
    if (auto fitted = body_with_fitting_evidence(message)) return with_prefix(*fitted);
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
