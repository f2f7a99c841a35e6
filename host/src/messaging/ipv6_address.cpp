#include "messaging/ipv6_address.hpp"

#include <optional>

namespace seed::messaging {
namespace {

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

bool is_hex_group(std::string_view group) {
  if (group.empty() || group.size() > 4) return false;
  for (const char c : group) {
    if (!is_lower_hex(c)) return false;
  }
  return true;
}

// Four decimal octets, each 0..255 without leading zeros.
bool is_dotted_ipv4(std::string_view text) {
  int octets = 0;
  for (;;) {
    const auto dot = text.find('.');
    const std::string_view octet = text.substr(0, dot);
    if (octet.empty() || octet.size() > 3 || (octet.size() > 1 && octet.front() == '0')) return false;
    unsigned value = 0;
    for (const char c : octet) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value > 255) return false;
    ++octets;
    if (dot == std::string_view::npos) break;
    text.remove_prefix(dot + 1);
  }
  return octets == 4;
}

// The number of 16-bit groups in a colon-separated run (empty text: none), or empty when it is
// malformed. Only the run that ends the address may end in a dotted IPv4 address (two groups).
std::optional<int> count_groups(std::string_view run, bool ends_address) {
  if (run.empty()) return 0;
  int groups = 0;
  for (;;) {
    const auto colon = run.find(':');
    const std::string_view group = run.substr(0, colon);
    if (colon == std::string_view::npos) {
      if (ends_address && group.find('.') != std::string_view::npos) {
        return is_dotted_ipv4(group) ? std::optional(groups + 2) : std::nullopt;
      }
      return is_hex_group(group) ? std::optional(groups + 1) : std::nullopt;
    }
    if (!is_hex_group(group)) return std::nullopt;
    ++groups;
    run.remove_prefix(colon + 1);
  }
}

}  // namespace

bool is_ipv6_address(std::string_view text) {
  const auto gap = text.find("::");
  if (gap == std::string_view::npos) return count_groups(text, true) == 8;
  const std::string_view head = text.substr(0, gap);
  const std::string_view tail = text.substr(gap + 2);
  if (tail.find("::") != std::string_view::npos) return false;
  const auto head_groups = count_groups(head, false);
  const auto tail_groups = count_groups(tail, true);
  return head_groups && tail_groups && *head_groups + *tail_groups <= 7;
}

}  // namespace seed::messaging
