#include <catch2/catch.hpp>

#include "common/utf8.hpp"

using seed::utf8::count_code_points;

TEST_CASE("well-formed UTF-8 is counted in code points", "[utf8]") {
  CHECK(count_code_points("") == 0U);
  CHECK(count_code_points("abc") == 3U);
  CHECK(count_code_points("\xc3\xa9t\xc3\xa9") == 3U);          // été
  CHECK(count_code_points("\xe2\x82\xac") == 1U);               // €
  CHECK(count_code_points("\xf0\x9f\x98\x80") == 1U);           // emoji
}

TEST_CASE("ill-formed UTF-8 is refused", "[utf8]") {
  CHECK_FALSE(count_code_points("\xc0\xaf").has_value());        // overlong
  CHECK_FALSE(count_code_points("\xe0\x80\xaf").has_value());    // overlong
  CHECK_FALSE(count_code_points("\xed\xa0\x80").has_value());    // surrogate
  CHECK_FALSE(count_code_points("\xf4\x90\x80\x80").has_value());  // above U+10FFFF
  CHECK_FALSE(count_code_points("\xc3").has_value());            // truncated
  CHECK_FALSE(count_code_points("\x80").has_value());            // lone continuation
  CHECK_FALSE(count_code_points("\xff").has_value());
}
