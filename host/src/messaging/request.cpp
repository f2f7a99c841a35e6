#include "messaging/request.hpp"

#include "common/utf8.hpp"
#include "messaging/errors.hpp"
#include "messaging/limits.hpp"

namespace seed::messaging {

bool nests_deeper_than(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '[':
      case '{':
        if (++depth > max_depth) return true;
        break;
      case ']':
      case '}': --depth; break;
      default: break;
    }
  }
  return false;
}

nlohmann::json parse_json_body(std::string_view body) {
  if (body.empty()) throw ProtocolError(ErrorCode::bad_json, "empty message");
  if (nests_deeper_than(body, kMaxJsonDepth)) {
    throw ProtocolError(ErrorCode::bad_json, "JSON nested deeper than 32 levels");
  }
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& error) {
    throw ProtocolError(ErrorCode::bad_json, error.id == 316 || std::string_view(error.what()).find("UTF-8") != std::string_view::npos
                                                 ? "invalid UTF-8 in the message"
                                                 : "invalid JSON at byte " + std::to_string(error.byte));
  } catch (const nlohmann::json::out_of_range&) {
    // A number no double can hold (1e9999) is thrown as out_of_range, not as a parse error.
    throw ProtocolError(ErrorCode::bad_json, "a number in the message is out of range");
  }
}

nlohmann::json request_id(const nlohmann::json& request) {
  const auto found = request.find("id");
  if (found == request.end()) return nullptr;
  if (found->is_number_integer()) return *found;
  if (found->is_string()) {
    const auto length = utf8::count_code_points(found->get_ref<const std::string&>());
    if (length && *length <= kMaxIdLength) return *found;
    throw ProtocolError(ErrorCode::bad_request, "id must be at most 128 characters");
  }
  throw ProtocolError(ErrorCode::bad_request, "id must be a string or an integer");
}

std::string request_type(const nlohmann::json& request) {
  const auto found = request.find("type");
  if (found == request.end()) throw ProtocolError(ErrorCode::bad_request, "the request has no type");
  if (!found->is_string()) throw ProtocolError(ErrorCode::bad_request, "type must be a string");
  return found->get<std::string>();
}

}  // namespace seed::messaging
