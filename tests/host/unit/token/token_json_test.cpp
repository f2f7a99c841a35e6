#include <catch2/catch.hpp>

#include "token/token_error.hpp"
#include "token/token_json.hpp"

using namespace seed::token;

namespace {

std::string problem_of(std::string_view text) {
  try {
    parse_token_json(text, "the header");
  } catch (const TokenError& error) {
    CHECK(error.failure() == TokenFailure::malformed);
    return error.what();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("token JSON is written compactly, members in name order") {
  CHECK(to_token_json({{"typ", "x"}, {"alg", "ES256"}, {"n", {1, 2}}}) == R"({"alg":"ES256","n":[1,2],"typ":"x"})");
}

TEST_CASE("token JSON reads one object") {
  const auto object = parse_token_json(R"({"a":1,"b":{"c":[true,null,"é"]}})", "the payload");
  CHECK(object["a"] == 1);
  CHECK(object["b"]["c"][2] == "é");
}

TEST_CASE("token JSON refuses duplicate names, at any depth") {
  CHECK_THAT(problem_of(R"({"alg":"ES256","alg":"none"})"), Catch::Contains("duplicate member name \"alg\""));
  CHECK_THAT(problem_of(R"({"a":{"b":1,"b":2}})"), Catch::Contains("duplicate member name \"b\""));
  CHECK(problem_of(R"({"a":{"b":1},"c":{"b":2}})") == "(accepted)");  // same name in sibling objects
  CHECK(problem_of(R"({"a":[{"b":1},{"b":2}]})") == "(accepted)");
}

TEST_CASE("token JSON refuses non-objects, bad UTF-8, trailing bytes and deep nesting") {
  CHECK_THAT(problem_of("[1]"), Catch::Contains("the header is not a JSON object"));
  CHECK_THAT(problem_of("\"s\""), Catch::Contains("not a JSON object"));
  CHECK_THAT(problem_of(""), Catch::Contains("not valid UTF-8 JSON"));
  CHECK_THAT(problem_of("{\"a\":\"\xff\"}"), Catch::Contains("not valid UTF-8 JSON"));
  CHECK_THAT(problem_of("{} {}"), Catch::Contains("not valid UTF-8 JSON"));
  CHECK_THAT(problem_of("{\"a\":1,}"), Catch::Contains("not valid UTF-8 JSON"));
  CHECK(problem_of(R"({"a":[[[[[[[1]]]]]]]})") == "(accepted)");  // 8 levels
  CHECK_THAT(problem_of(R"({"a":[[[[[[[[1]]]]]]]]})"), Catch::Contains("nested deeper than 8 levels"));
  CHECK_THAT(problem_of(std::string(100000, '[') + std::string(100000, ']')), Catch::Contains("nested deeper"));
}
