#include <catch2/catch.hpp>
#include <string>

#include "policy/policy_error.hpp"
#include "policy/strict_json.hpp"

using seed::policy::parse_strict_json;
using seed::policy::PolicyError;
using Catch::Matchers::Contains;

namespace {

std::string failure_of(const std::string& text) {
  try {
    parse_strict_json(text);
  } catch (const PolicyError& error) {
    return error.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("strict JSON builds the same document as the usual parser", "[policy][json]") {
  const std::string text = R"({"a": [1, -2, 3.5, "x", true, null, {"b": {}}], "c": {"d": []}})";
  CHECK(parse_strict_json(text) == nlohmann::json::parse(text));
}

TEST_CASE("strict JSON refuses a key given twice in one object, naming where", "[policy][json]") {
  CHECK_THAT(failure_of(R"({"version": 1, "version": 1})"), Contains("version: the key \"version\" appears twice"));
  CHECK_THAT(failure_of(R"({"probes": [{"id": "a"}, {"id": "b", "kind": "file", "id": "c"}]})"),
             Contains("probes[1].id: the key \"id\" appears twice"));
  // The same key in two different objects is fine.
  CHECK_NOTHROW(parse_strict_json(R"({"a": {"id": 1}, "b": {"id": 2}})"));
}

TEST_CASE("strict JSON refuses nesting deeper than 32 levels without recursing into it", "[policy][json]") {
  std::string deep_but_allowed(32, '[');
  deep_but_allowed += std::string(32, ']');
  CHECK_NOTHROW(parse_strict_json(deep_but_allowed));
  CHECK_THAT(failure_of(std::string(33, '[') + std::string(33, ']')), Contains("nested deeper than 32 levels"));
  // Far deeper than any stack would take if each level recursed.
  CHECK_THAT(failure_of(std::string(200000, '[')), Contains("nested deeper than 32 levels"));
}

TEST_CASE("strict JSON reports syntax errors and invalid UTF-8 with their position", "[policy][json]") {
  CHECK_THAT(failure_of(R"({"version": 1,})"), Contains("not valid JSON") && Contains("line 1"));
  CHECK_THAT(failure_of("{\"name\": \"\xC3\x28\"}"), Contains("not valid JSON"));
  CHECK_THAT(failure_of(""), Contains("not valid JSON"));
  CHECK_THAT(failure_of("{} {}"), Contains("not valid JSON"));
}
