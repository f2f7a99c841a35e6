#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "messaging/byte_stream.hpp"

namespace seed::messaging {

// The bytes of one frame for `message`: prefix and body, built whole so they go out in one write.
// A message over the outbound limit keeps as much of its evidence list as fits, with
// `evidence_truncated` saying how many entries were left out; one that does not fit even so
// becomes an `internal` error frame (never a partial or oversize frame). Strings that are not
// valid UTF-8 are written with U+FFFD replacements.
std::string encode_frame(const nlohmann::json& message);

// False when the reader has gone away.
bool write_frame(ByteSink& sink, const nlohmann::json& message);

}  // namespace seed::messaging
