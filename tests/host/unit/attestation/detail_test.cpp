#include <catch2/catch.hpp>

#include "attestation/detail.hpp"

using seed::attestation::bounded_text;

TEST_CASE("bounded text keeps short valid text as it is", "[detail]") {
  CHECK(bounded_text("name is \"Debian GNU/Linux\"") == "name is \"Debian GNU/Linux\"");
  CHECK(bounded_text("caf\xC3\xA9 \xE2\x9C\x93") == "caf\xC3\xA9 \xE2\x9C\x93");
  CHECK(bounded_text("").empty());
}

TEST_CASE("bounded text replaces bad bytes and control characters", "[detail]") {
  CHECK(bounded_text("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(bounded_text("a\xC3") == "a\xEF\xBF\xBD");
  CHECK(bounded_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a UTF-16 surrogate
  CHECK(bounded_text("line\nbreak\tand\x1b[31m") == "line break and [31m");
}

TEST_CASE("bounded text cuts at a character boundary and marks the cut", "[detail]") {
  const std::string cut = bounded_text(std::string(300, 'x'));
  CHECK(cut.size() == 256);
  CHECK(cut == std::string(253, 'x') + "\xE2\x80\xA6");
  // Two-byte characters: never half of one.
  std::string text;
  for (int i = 0; i < 200; ++i) text += "\xC3\xA9";
  const std::string accented = bounded_text(text);
  CHECK(accented.size() <= 256);
  CHECK(accented.substr(accented.size() - 3) == "\xE2\x80\xA6");
  CHECK(accented.substr(0, accented.size() - 3).size() % 2 == 0);
  CHECK(bounded_text(std::string(256, 'y')) == std::string(256, 'y'));
}
