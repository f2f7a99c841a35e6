#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

// The one place where token JSON is written and read. Writing is compact (no whitespace), so a
// header or payload has one encoding. Reading is strict: one object, well-formed UTF-8, no
// duplicate member names (a verifier and a library must never disagree on which one counts), at
// most 8 levels deep.
namespace seed::token {

std::string to_token_json(const nlohmann::json& object);

// The object, or throws TokenError(malformed) saying what is wrong with `what` ("header", "payload").
nlohmann::json parse_token_json(std::string_view text, std::string_view what);

}  // namespace seed::token
