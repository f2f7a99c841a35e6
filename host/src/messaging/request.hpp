#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace seed::messaging {

// True when the JSON text nests arrays/objects deeper than `max_depth`. A linear scan that runs
// before the parser, so a hostile input can never drive a deep recursion.
bool nests_deeper_than(std::string_view text, int max_depth);

// The body as a JSON value. Throws ProtocolError(bad_json) for invalid JSON or UTF-8, or nesting
// over the limit.
nlohmann::json parse_json_body(std::string_view body);

// The request's `id`: null when absent; a string of at most 128 code points or an integer.
// Throws ProtocolError(bad_request) otherwise.
nlohmann::json request_id(const nlohmann::json& request);

// The request's `type`. Throws ProtocolError(bad_request) when missing or not a string.
std::string request_type(const nlohmann::json& request);

}  // namespace seed::messaging
