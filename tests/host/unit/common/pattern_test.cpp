#include <catch2/catch.hpp>

#include <string>

#include "common/pattern.hpp"

using seed::Pattern;

TEST_CASE("patterns anchor at line breaks", "[pattern]") {
  const auto pattern = Pattern::compile("^edition=non-se$");
  REQUIRE(pattern);
  CHECK(pattern->search("name=GSIB\nedition=non-se\nbuild=7\n") == Pattern::Result::match);
  CHECK(pattern->search("edition=non-se-x\n") == Pattern::Result::no_match);
}

TEST_CASE("an invalid pattern is refused with a reason", "[pattern]") {
  std::string error;
  CHECK_FALSE(Pattern::compile("([", &error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("a 64 KiB subject neither overflows the stack nor hangs", "[pattern]") {
  const std::string subject(64 * 1024, 'a');
  const auto alternation = Pattern::compile("^(a|b)*c$");
  REQUIRE(alternation);
  CHECK(alternation->search(subject) != Pattern::Result::match);
  // a{1000}$ would try 1000 characters at each of the 65536 starts: that is the kind of work the
  // search's time limit cuts short (see the hardening tests), so a short run stands in for it.
  const auto simple = Pattern::compile("a{16}$");
  REQUIRE(simple);
  CHECK(simple->search(subject) == Pattern::Result::match);
}
