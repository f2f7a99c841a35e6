#include <catch2/catch.hpp>

#include "cli/arguments.hpp"
#include "cli/usage_error.hpp"

using seed::cli::ArgumentReader;
using seed::cli::Arguments;
using seed::cli::UsageError;

TEST_CASE("a single value is taken in both spellings", "[cli][arguments]") {
  ArgumentReader spaced(Arguments{"--token", "t.jws", "--ca", "root.pem"});
  CHECK(spaced.value("--token") == "t.jws");
  CHECK(spaced.value("--ca") == "root.pem");
  CHECK_FALSE(spaced.value("--nonce").has_value());
  CHECK_NOTHROW(spaced.finish());

  ArgumentReader joined(Arguments{"--origin=https://portal.techpass.gov.sg"});
  CHECK(joined.value("--origin") == "https://portal.techpass.gov.sg");
}

// A base64url nonce starts with '-' once in 64: it is still the option's value, not an option.
TEST_CASE("a single value may start with a dash", "[cli][arguments]") {
  ArgumentReader reader(Arguments{"--nonce", "-x3vT0wq_Aa9bQ1rS2kLm-A", "--token", "-"});
  CHECK(reader.value("--nonce") == "-x3vT0wq_Aa9bQ1rS2kLm-A");
  CHECK(reader.value("--token") == "-");
  CHECK_NOTHROW(reader.finish());

  ArgumentReader double_dash(Arguments{"--nonce", "--AAAAAAAAAAAAAAAAAAAAAA"});
  CHECK(double_dash.value("--nonce") == "--AAAAAAAAAAAAAAAAAAAAAA");
}

TEST_CASE("a single value given twice or missing is a usage error", "[cli][arguments]") {
  ArgumentReader twice(Arguments{"--ca", "a.pem", "--ca=b.pem"});
  CHECK_THROWS_AS(twice.value("--ca"), UsageError);

  ArgumentReader missing(Arguments{"--ca"});
  CHECK_THROWS_WITH(missing.value("--ca"), Catch::Contains("needs a value"));
}

TEST_CASE("several values stop at the next option", "[cli][arguments]") {
  ArgumentReader reader(Arguments{"--browser", "chrome", "firefox", "--system"});
  CHECK(reader.values("--browser") == std::vector<std::string>{"chrome", "firefox"});
  CHECK(reader.flag("--system"));
  CHECK_NOTHROW(reader.finish());

  ArgumentReader empty(Arguments{"--browser", "--system"});
  CHECK_THROWS_AS(empty.values("--browser"), UsageError);
}

TEST_CASE("whatever is left unread is named", "[cli][arguments]") {
  ArgumentReader reader(Arguments{"--ca", "root.pem", "--colour"});
  CHECK(reader.value("--ca") == "root.pem");
  CHECK_THROWS_WITH(reader.finish(), Catch::Contains("'--colour'"));
}
