#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace seed::messaging {

// Empty when `nonce` is base64url (no padding) of 22 to 256 characters decoding to at least 16
// bytes; otherwise what is wrong.
std::optional<std::string> nonce_problem(std::string_view nonce);

// Empty when `origin` is an https origin: scheme, host, optional port; no path, query, fragment or
// userinfo; at most 255 characters. Otherwise what is wrong.
std::optional<std::string> origin_problem(std::string_view origin);

}  // namespace seed::messaging
