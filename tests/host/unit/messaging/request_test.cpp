#include <catch2/catch.hpp>

#include <string>

#include "messaging/errors.hpp"
#include "messaging/request.hpp"

using namespace seed::messaging;

namespace {

ErrorCode code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const ProtocolError& error) {
    return error.code();
  }
  FAIL("no ProtocolError thrown");
  return ErrorCode::internal;
}

}  // namespace

TEST_CASE("nesting depth is counted outside strings only", "[request]") {
  CHECK_FALSE(nests_deeper_than(std::string(32, '[') + std::string(32, ']'), 32));
  CHECK(nests_deeper_than(std::string(33, '['), 32));
  CHECK_FALSE(nests_deeper_than(R"({"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})", 32));
  CHECK_FALSE(nests_deeper_than(R"({"a":"\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})", 32));
  CHECK(nests_deeper_than(std::string(60000, '['), 32));
}

TEST_CASE("bodies that are not JSON are bad_json", "[request]") {
  CHECK(code_of([] { parse_json_body(""); }) == ErrorCode::bad_json);
  CHECK(code_of([] { parse_json_body("{"); }) == ErrorCode::bad_json);
  CHECK(code_of([] { parse_json_body("{\"type\":\"a\xff\"}"); }) == ErrorCode::bad_json);
  CHECK(code_of([] { parse_json_body(std::string(60000, '[')); }) == ErrorCode::bad_json);
  CHECK(parse_json_body(std::string(32, '[') + std::string(32, ']')).is_array());
}

TEST_CASE("id is absent, a short string or an integer", "[request]") {
  CHECK(request_id(nlohmann::json::object()).is_null());
  CHECK(request_id({{"id", 7}}) == 7);
  CHECK(request_id({{"id", -7}}) == -7);
  CHECK(request_id({{"id", std::string(128, 'x')}}) == std::string(128, 'x'));
  std::string accented;
  for (int i = 0; i < 128; ++i) accented += "\xc3\xa9";
  CHECK(request_id({{"id", accented}}) == accented);  // 128 characters, 256 bytes
  CHECK(code_of([] { request_id({{"id", std::string(129, 'x')}}); }) == ErrorCode::bad_request);
  CHECK(code_of([] { request_id({{"id", nlohmann::json::object()}}); }) == ErrorCode::bad_request);
  CHECK(code_of([] { request_id({{"id", 1.5}}); }) == ErrorCode::bad_request);
  CHECK(code_of([] { request_id({{"id", true}}); }) == ErrorCode::bad_request);
  CHECK(code_of([] { request_id({{"id", nullptr}}); }) == ErrorCode::bad_request);
}

TEST_CASE("type must be present and a string", "[request]") {
  CHECK(request_type({{"type", "ping"}}) == "ping");
  CHECK(code_of([] { request_type(nlohmann::json::object()); }) == ErrorCode::bad_request);
  CHECK(code_of([] { request_type({{"type", 3}}); }) == ErrorCode::bad_request);
}
