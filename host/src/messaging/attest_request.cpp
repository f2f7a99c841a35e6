#include "messaging/attest_request.hpp"

#include "common/base64url.hpp"
#include "messaging/ipv6_address.hpp"

namespace seed::messaging {
namespace {

constexpr std::string_view kHttps = "https://";

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// A DNS name in lowercase: labels of 1..63 letters, digits and inner hyphens.
bool is_host_name(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i < host.size(); ++i) {
    const char c = host[i];
    if (c == '.') {
      if (label == 0 || host[i - 1] == '-') return false;
      label = 0;
      continue;
    }
    if (c == '-') {
      if (label == 0) return false;
    } else if (!is_lower_alnum(c)) {
      return false;
    }
    if (++label > 63) return false;
  }
  return label > 0 && host.back() != '-';
}

bool is_ipv6_literal(std::string_view host) {
  return host.size() >= 2 && host.front() == '[' && host.back() == ']' && is_ipv6_address(host.substr(1, host.size() - 2));
}

bool is_port(std::string_view port) {
  if (port.empty() || port.size() > 5 || port.front() == '0') return false;
  unsigned value = 0;
  for (const char c : port) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value <= 65535;
}

}  // namespace

std::optional<std::string> nonce_problem(std::string_view nonce) {
  if (nonce.size() < 22 || nonce.size() > 256) return "nonce must be 22 to 256 base64url characters";
  const auto bytes = base64url::decode(nonce);
  if (!bytes) return "nonce must be base64url without padding";
  if (bytes->size() < 16) return "nonce must carry at least 16 bytes";
  return std::nullopt;
}

std::optional<std::string> origin_problem(std::string_view origin) {
  if (origin.size() > 255) return "origin must be at most 255 characters";
  if (!origin.starts_with(kHttps)) return "origin must be an https origin";
  std::string_view authority = origin.substr(kHttps.size());
  if (authority.find_first_of("/?#") != std::string_view::npos) {
    return "origin must have no path, query or fragment";
  }
  if (authority.find('@') != std::string_view::npos) return "origin must have no user information";
  std::string_view host = authority;
  const auto bracket = authority.rfind(']');
  const auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    host = authority.substr(0, colon);
    if (!is_port(authority.substr(colon + 1))) return "origin has an invalid port";
  }
  if (!is_host_name(host) && !is_ipv6_literal(host)) return "origin has an invalid host name";
  return std::nullopt;
}

}  // namespace seed::messaging
