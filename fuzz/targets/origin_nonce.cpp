// The attest request's validators and the base64url codec under them, each against a reference
// written independently from the contract (section 4): a nonce is base64url of at least 16 bytes in
// 22 to 256 characters; an origin is https, a host (lowercase DNS name or bracketed IPv6 address),
// an optional port, and nothing else, in at most 255 characters.

#include <arpa/inet.h>

#include <cstdint>
#include <regex>
#include <string>
#include <string_view>

#include "common/base64url.hpp"
#include "messaging/attest_request.hpp"
#include "support/check.hpp"

namespace {

using seed::messaging::nonce_problem;
using seed::messaging::origin_problem;

bool reference_nonce(std::string_view nonce) {
  if (nonce.size() < 22 || nonce.size() > 256) return false;
  const auto bytes = seed::base64url::decode(nonce);
  return bytes && bytes->size() >= 16 && seed::base64url::encode(*bytes) == nonce;
}

bool reference_ipv6(const std::string& literal) {
  if (literal.find_first_of("ABCDEF") != std::string::npos) return false;  // browsers serialise lowercase
  if (literal.find('\0') != std::string::npos) return false;              // inet_pton would stop there
  in6_addr address{};
  return ::inet_pton(AF_INET6, literal.c_str(), &address) == 1;
}

bool reference_origin(std::string_view origin) {
  if (origin.size() > 255) return false;
  // Short subjects only (at most 255 characters), so std::regex's recursion stays shallow.
  static const std::regex shape(R"(https://(\[([^\]]*)\]|([a-z0-9.-]+))(:([1-9][0-9]{0,4}))?)");
  static const std::regex label(R"([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)");
  std::match_results<std::string_view::const_iterator> parts;
  if (!std::regex_match(origin.begin(), origin.end(), parts, shape)) return false;
  if (parts[5].matched && std::stoul(parts[5].str()) > 65535) return false;
  if (parts[2].matched) return reference_ipv6(parts[2].str());
  const std::string host = parts[3].str();
  if (host.size() > 253) return false;
  std::size_t start = 0;
  for (;;) {
    const auto dot = host.find('.', start);
    if (!std::regex_match(host.substr(start, dot - start), label)) return false;
    if (dot == std::string::npos) return true;
    start = dot + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  SEED_FUZZ_CHECK(seed::base64url::decode(seed::base64url::encode(text)) == std::string(text));
  if (const auto decoded = seed::base64url::decode(text)) SEED_FUZZ_CHECK(seed::base64url::encode(*decoded) == text);

  SEED_FUZZ_CHECK(!nonce_problem(text).has_value() == reference_nonce(text));
  SEED_FUZZ_CHECK(!origin_problem(text).has_value() == reference_origin(text));
  return 0;
}
