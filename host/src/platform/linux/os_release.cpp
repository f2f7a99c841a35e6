#include "platform/linux/linux_facts.hpp"

namespace seed::platform::on_linux {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// A value as os-release(5) writes it: shell-style, in double or single quotes or bare, with
// backslash escapes for $ " \ ` inside double quotes.
std::string unquote(std::string_view value) {
  value = trim(value);
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    return std::string(value.substr(1, value.size() - 2));
  }
  const bool double_quoted = value.size() >= 2 && value.front() == '"' && value.back() == '"';
  if (double_quoted) value = value.substr(1, value.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      const char next = value[i + 1];
      if (next == '$' || next == '"' || next == '\\' || next == '`') {
        out += next;
        ++i;
        continue;
      }
    }
    out += value[i];
  }
  return out;
}

}  // namespace

OsIdentity parse_os_release(std::string_view text) {
  OsIdentity identity{"Linux", ""};
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view key = trim(line.substr(0, equals));
    if (key == "NAME") identity.name = unquote(line.substr(equals + 1));
    if (key == "VERSION_ID") identity.version = unquote(line.substr(equals + 1));
  }
  return identity;
}

OsIdentity read_os_release(const std::filesystem::path& root) {
  for (const char* candidate : {"etc/os-release", "usr/lib/os-release"}) {
    const std::string text = read_small_file(root / candidate);
    if (!text.empty()) return parse_os_release(text);
  }
  return {"Linux", ""};
}

}  // namespace seed::platform::on_linux
