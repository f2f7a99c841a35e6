#include "attestation/probes/regex_match.hpp"

#include "common/pattern.hpp"

namespace seed::attestation {

ProbeResult match_regex(const std::string& pattern, std::string_view subject, std::string_view what) {
  std::string problem;
  const auto compiled = Pattern::compile(pattern, &problem);
  if (!compiled) return {Outcome::error, "invalid regular expression: " + problem};
  const std::string name(what);
  switch (compiled->search(subject.substr(0, kMaxMatchedBytes))) {
    case Pattern::Result::match: return {Outcome::match, name + " matches"};
    case Pattern::Result::no_match: return {Outcome::no_match, name + " does not match"};
    case Pattern::Result::too_complex: break;
  }
  return {Outcome::error, "the regular expression gave up on this " + name + " (too complex)"};
}

}  // namespace seed::attestation
