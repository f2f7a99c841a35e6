#include <catch2/catch.hpp>

#include "messaging/attest_request.hpp"
#include "messaging/ipv6_address.hpp"

using seed::messaging::is_ipv6_address;
using seed::messaging::origin_problem;

// Found by fuzz target origin_nonce (fuzz/corpus/origin_nonce/finding-ipv6-group-too-long.txt):
// the origin check accepted any run of hex digits, colons and dots in brackets as an IPv6 host.
TEST_CASE("finding: a bracketed host must be a real IPv6 address", "[hardening][origin]") {
  CHECK(origin_problem("https://[200:65535:1]:443"));
  CHECK(origin_problem("https://[..]"));
  CHECK(origin_problem("https://[::::]"));
  CHECK(origin_problem("https://[1:2:3:4:5:6:7:8:9]"));
  CHECK(origin_problem("https://[]"));
  CHECK_FALSE(origin_problem("https://[::1]"));
  CHECK_FALSE(origin_problem("https://[2001:db8::8a2e:370:7334]:8443"));
  CHECK_FALSE(origin_problem("https://[::ffff:192.0.2.1]"));
}

TEST_CASE("IPv6 addresses in the text forms of RFC 4291, lowercase", "[hardening][origin]") {
  for (const char* good : {"::", "::1", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6::8", "1::8", "fe80::1",
                           "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4", "abcd:ef01::"}) {
    INFO(good);
    CHECK(is_ipv6_address(good));
  }
  for (const char* bad : {"", ":", ":::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8",
                          "1::2::3", ":1::", "1:::2", "12345::", "g::", "ABCD::", "1.2.3.4", "1.2.3.4::",
                          "::1.2.3", "::1.2.3.256", "::01.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::1%eth0",
                          "1:2:3:4:5:6:7:8:", "::1.2.3.4:5"}) {
    INFO(bad);
    CHECK_FALSE(is_ipv6_address(bad));
  }
}
