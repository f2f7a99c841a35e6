#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace seed::policy {

// Control characters from the document, written as JSON writes them ("\u001b"): a NUL would end
// the message early, an escape sequence would reach the terminal of whoever runs `explain`.
std::string printable(std::string_view text);

// A policy document that cannot be used. `where` names the field, e.g. "probes[2].timeout_ms"
// (empty for the document as a whole); what() is "<where>: <reason>". Both may quote the document,
// so both are made printable.
class PolicyError : public std::runtime_error {
 public:
  PolicyError(const std::string& where, const std::string& reason)
      : std::runtime_error(where.empty() ? printable(reason) : printable(where) + ": " + printable(reason)),
        where_(printable(where)) {}

  [[nodiscard]] const std::string& where() const { return where_; }

 private:
  std::string where_;
};

}  // namespace seed::policy
