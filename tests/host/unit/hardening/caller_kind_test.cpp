#include <catch2/catch.hpp>

#include "messaging/caller.hpp"

using namespace seed::messaging;

// Found while writing the adversarial caller tests: allowed_callers entries were compared with
// the caller's ID whatever the browser form of the launch, so a Firefox-form launch naming a
// listed Chromium origin was served. Browsers never launch that way, but anything that can start
// the host (another host manifest pointing at our binary) could.
TEST_CASE("finding: an allow-list entry serves only a launch of its own browser's form", "[hardening][caller]") {
  CallerPolicy policy;
  policy.allowed_callers = {"chrome-extension://abcdefghijklmnopabcdefghijklmnop/", "partner@agency.gov.sg"};

  CHECK_FALSE(caller_refusal({CallerKind::chromium, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}, policy));
  CHECK_FALSE(caller_refusal({CallerKind::firefox, "partner@agency.gov.sg"}, policy));

  CHECK(caller_refusal({CallerKind::firefox, "chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}, policy));
  CHECK(caller_refusal({CallerKind::firefox, "chrome-extension://abcdefghijklmnopabcdefghijklmnop"}, policy));
  CHECK(caller_refusal({CallerKind::chromium, "partner@agency.gov.sg"}, policy));
}
