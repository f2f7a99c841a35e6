#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "common/pattern.hpp"

using seed::Pattern;
using Clock = std::chrono::steady_clock;

namespace {

// Runs of a's between long runs of y's, 64 KiB in all: the subject a file probe may read.
std::string runs_subject() {
  std::string subject;
  while (subject.size() < 64 * 1024) subject += std::string(17, 'a') + std::string(600, 'y');
  subject.resize(64 * 1024);
  return subject;
}

}  // namespace

// Found by fuzz target policy_pattern (fuzz/corpus/policy_pattern/finding-slow-backreference):
// Boost.Regex's own complexity limit let `(a*)*\1b` run 5 s on 64 KiB before giving up, and with a
// 528-character literal after it 18 s (optimised build; minutes under the sanitizers). A policy
// is anyone's with --policy, and a search cannot be interrupted from outside.
TEST_CASE("finding: a pathological pattern gives up within about a second on 64 KiB", "[hardening][pattern]") {
  const std::string subject = runs_subject();
  for (const std::string& source : {std::string(R"((a*)*\1b)"), R"((a*)*\1b)" + std::string(528, 'y') + "x$"}) {
    INFO(source.substr(0, 12));
    const auto pattern = Pattern::compile(source);
    REQUIRE(pattern);
    const auto began = Clock::now();
    CHECK(pattern->search(subject) == Pattern::Result::too_complex);
    CHECK(Clock::now() - began < std::chrono::milliseconds{2500});
  }
}

TEST_CASE("ordinary patterns on 64 KiB are unaffected by the time limit", "[hardening][pattern]") {
  std::string subject;
  while (subject.size() < 64 * 1024) subject += "Protector type: numerical password\n";
  subject += "edition=non-se\nKey Protectors: TPM And PIN\n";
  for (const char* source : {"^edition=non-se$", "TPM And PIN", "^Key Protectors: (TPM|TPM And PIN)$", "Protectors?: TPM"}) {
    INFO(source);
    const auto pattern = Pattern::compile(source);
    REQUIRE(pattern);
    CHECK(pattern->search(subject) == Pattern::Result::match);
  }
}
