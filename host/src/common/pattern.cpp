#include "common/pattern.hpp"

#include <boost/regex.hpp>

namespace seed {

struct Pattern::Compiled {
  boost::regex regex;
};

Pattern::Pattern(std::string source, std::shared_ptr<const Compiled> compiled)
    : source_(std::move(source)), compiled_(std::move(compiled)) {}

std::optional<Pattern> Pattern::compile(std::string_view source, std::string* error) {
  try {
    // Boost's ECMAScript flavour treats ^ and $ as line anchors unless no_mod_m is given.
    auto compiled = std::make_shared<Compiled>(
        Compiled{boost::regex(source.begin(), source.end(), boost::regex::ECMAScript)});
    return Pattern(std::string(source), std::move(compiled));
  } catch (const boost::regex_error& failure) {
    if (error != nullptr) *error = failure.what();
    return std::nullopt;
  }
}

Pattern::Result Pattern::search(std::string_view subject) const {
  try {
    return boost::regex_search(subject.begin(), subject.end(), compiled_->regex) ? Result::match
                                                                                  : Result::no_match;
  } catch (const std::runtime_error&) {
    return Result::too_complex;
  }
}

}  // namespace seed
