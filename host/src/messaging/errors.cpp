#include "messaging/errors.hpp"

namespace seed::messaging {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_frame: return "bad_frame";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::bad_json: return "bad_json";
    case ErrorCode::bad_request: return "bad_request";
    case ErrorCode::unknown_type: return "unknown_type";
    case ErrorCode::unsupported_protocol: return "unsupported_protocol";
    case ErrorCode::forbidden_caller: return "forbidden_caller";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace seed::messaging
