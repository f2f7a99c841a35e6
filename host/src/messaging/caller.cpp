#include "messaging/caller.hpp"

#include <algorithm>
#include <string_view>

#include "common/identity.hpp"

namespace seed::messaging {
namespace {

constexpr std::string_view kChromeScheme = "chrome-extension://";

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Policy entries may omit the Chromium origin's trailing slash; compare without it.
std::string_view without_trailing_slash(std::string_view text) {
  if (text.starts_with(kChromeScheme) && ends_with(text, "/")) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<Caller> caller_from_launch(const std::vector<std::string>& args, bool stdin_is_terminal) {
  if (args.empty()) {
    if (stdin_is_terminal) return std::nullopt;
    return Caller{};
  }
  const std::string& first = args.front();
  if (first.starts_with(kChromeScheme)) return Caller{CallerKind::chromium, first};
  // Firefox: the host manifest's path, then the add-on ID.
  if (args.size() >= 2 && ends_with(first, ".json") && !args[1].empty() && !args[1].starts_with("-")) {
    return Caller{CallerKind::firefox, args[1]};
  }
  return std::nullopt;
}

bool is_built_in_caller(const Caller& caller) {
  switch (caller.kind) {
    case CallerKind::chromium: return caller.id == identity::kChromiumExtensionOrigin;
    case CallerKind::firefox: return caller.id == identity::kFirefoxAddonId;
    case CallerKind::none: return false;
  }
  return false;
}

std::optional<std::string> caller_refusal(const Caller& caller, const CallerPolicy& policy) {
  if (is_built_in_caller(caller)) return std::nullopt;
  if (policy.error) return "the policy could not be read (" + *policy.error + "), so only the built-in extension may call";
  if (caller.kind == CallerKind::none) {
    if (policy.require_caller) return std::string("the policy requires a browser-identified caller");
    return std::nullopt;
  }
  // An extension origin serves only a Chromium launch and an add-on ID only a Firefox one, so a
  // launch in one browser's form can never borrow an entry meant for the other.
  const auto wanted = without_trailing_slash(caller.id);
  const bool chromium = caller.kind == CallerKind::chromium;
  const bool listed = std::any_of(policy.allowed_callers.begin(), policy.allowed_callers.end(), [&](const std::string& entry) {
    return entry.starts_with(kChromeScheme) == chromium && without_trailing_slash(entry) == wanted;
  });
  if (listed) return std::nullopt;
  return "caller " + caller.id + " is not in this host's allow-list";
}

}  // namespace seed::messaging
