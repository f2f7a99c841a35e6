#include <catch2/catch.hpp>

#include <string>

#include "policy/parser.hpp"
#include "policy/policy_error.hpp"

using seed::policy::parse_policy;
using seed::policy::PolicyError;

namespace {

std::string refusal_of(const std::string& document) {
  try {
    parse_policy(document);
  } catch (const PolicyError& error) {
    CHECK(std::string(error.what()).starts_with(error.where()));
    return error.what();
  }
  FAIL("the policy was accepted");
  return {};
}

bool has_control_character(const std::string& text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

// Found by fuzz target policy_document (fuzz/corpus/policy_document/finding-control-character-in-
// a-name): a field name holding a NUL cut the message at the NUL, so it no longer began with the
// field it named ("v" for "v\u0000"); an escape sequence in a name or value reached the terminal
// of whoever ran `seed-attest explain`.
TEST_CASE("finding: names and values quoted in a policy error are printable", "[hardening][policy]") {
  const std::string nul = refusal_of(std::string(R"({"v\u0000":1,"probes":[],"classes":[],"default":"gmd"})"));
  CHECK(nul.starts_with("v\\u0000: unknown field"));

  const std::string escape = refusal_of(R"({"version":1,"probes":[{"id":"a","kind":"\u001b[31mfile"}]})");
  CHECK_FALSE(has_control_character(escape));
  CHECK_THAT(escape, Catch::Contains("\\u001b[31mfile"));

  const std::string twice = refusal_of(R"({"version":1,"\u0007":1,"\u0007":2})");
  CHECK_FALSE(has_control_character(twice));
  CHECK_THAT(twice, Catch::Contains("\\u0007"));
}
