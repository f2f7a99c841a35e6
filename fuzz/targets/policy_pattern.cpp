// A policy regex against a subject, as the file and command probes run them: the pattern is
// anyone's (a policy named by --policy) and the subject is up to 64 KiB of file content or command
// output. The contract says regexes run in bounded time and stack: libFuzzer's timeout and ASan's
// stack checks turn an unbounded one into a finding.
//
// The input is the pattern, a NUL, then the subject. Properties: compile and search never throw
// and never run long (the search gives up after a second: too_complex).

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/pattern.hpp"
#include "support/check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto split = input.find('\0');
  if (split == std::string_view::npos || split > 1024) return 0;  // the parser's limit on a regex
  const std::string_view subject = input.substr(split + 1, 64 * 1024);

  const auto pattern = seed::Pattern::compile(input.substr(0, split));
  if (!pattern) return 0;
  const auto began = std::chrono::steady_clock::now();
  [[maybe_unused]] const auto result = pattern->search(subject);
  SEED_FUZZ_CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds{3});
  return 0;
}
