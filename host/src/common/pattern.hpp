#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace seed {

// A policy regex: ECMAScript syntax, `^`/`$` match at line breaks (multiline), run by a
// non-recursive engine that gives up, rather than hangs or overflows, on pathological input.
class Pattern {
 public:
  // The compiled pattern, or empty with `error` set to why it is invalid.
  static std::optional<Pattern> compile(std::string_view source, std::string* error = nullptr);

  enum class Result { match, no_match, too_complex };
  [[nodiscard]] Result search(std::string_view subject) const;
  [[nodiscard]] const std::string& source() const { return source_; }

 private:
  struct Compiled;
  Pattern(std::string source, std::shared_ptr<const Compiled> compiled);

  std::string source_;
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace seed
