#pragma once

#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "messaging/limits.hpp"
#include "support/check.hpp"

namespace seed::fuzz {

// The member `key` of an object, or null: unlike operator[] on a const value, safe when absent.
inline nlohmann::json field(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found == object.end() ? nlohmann::json() : *found;
}

// Splits what the host wrote into frames and checks each one: a whole prefix and body, never
// over the outbound limit, and a JSON object with a string `type`.
inline std::vector<nlohmann::json> checked_frames(std::string_view output) {
  std::vector<nlohmann::json> frames;
  while (!output.empty()) {
    SEED_FUZZ_CHECK(output.size() >= sizeof(std::uint32_t));
    std::uint32_t length = 0;
    std::memcpy(&length, output.data(), sizeof length);
    output.remove_prefix(sizeof length);
    SEED_FUZZ_CHECK(length <= messaging::kMaxOutboundFrame);
    SEED_FUZZ_CHECK(length <= output.size());
    auto message = nlohmann::json::parse(output.substr(0, length), nullptr, false);
    SEED_FUZZ_CHECK(message.is_object());
    SEED_FUZZ_CHECK(field(message, "type").is_string());
    frames.push_back(std::move(message));
    output.remove_prefix(length);
  }
  return frames;
}

}  // namespace seed::fuzz
