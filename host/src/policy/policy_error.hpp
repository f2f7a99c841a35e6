#pragma once

#include <stdexcept>
#include <string>

namespace seed::policy {

// A policy document that cannot be used. `where` names the field, e.g. "probes[2].timeout_ms"
// (empty for the document as a whole); what() is "<where>: <reason>".
class PolicyError : public std::runtime_error {
 public:
  PolicyError(std::string where, const std::string& reason)
      : std::runtime_error(where.empty() ? reason : where + ": " + reason), where_(std::move(where)) {}

  [[nodiscard]] const std::string& where() const { return where_; }

 private:
  std::string where_;
};

}  // namespace seed::policy
