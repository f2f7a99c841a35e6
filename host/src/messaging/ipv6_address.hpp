#pragma once

#include <string_view>

namespace seed::messaging {

// True when `text` is an IPv6 address in the text forms of RFC 4291 section 2.2 (eight groups of
// one to four hex digits, at most one "::" standing for at least one zero group, optionally ending
// in a dotted IPv4 address), in lowercase as browsers serialise origins. No brackets, no zone.
bool is_ipv6_address(std::string_view text);

}  // namespace seed::messaging
