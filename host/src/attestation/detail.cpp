#include "attestation/detail.hpp"

#include "common/utf8.hpp"

namespace seed::attestation {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// The length of the well-formed UTF-8 character at the start of `text`, or 0 when it is not one.
std::size_t character_length(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || length > text.size()) return 0;
  return utf8::count_code_points(text.substr(0, length)) == 1 ? length : 0;
}

}  // namespace

std::string bounded_text(std::string_view text, std::size_t limit) {
  std::string clean;
  clean.reserve(std::min(text.size(), limit + 8));
  while (!text.empty()) {
    std::size_t length = character_length(text);
    std::string_view piece = text.substr(0, length);
    if (length == 0) {
      piece = kReplacement;
      length = 1;
    } else if (length == 1 && (static_cast<unsigned char>(piece[0]) < 0x20 || piece[0] == 0x7F)) {
      piece = " ";
    }
    if (clean.size() + piece.size() > limit) {
      while (clean.size() + kEllipsis.size() > limit && !clean.empty()) {
        // Drop whole characters from the end until the ellipsis fits.
        std::size_t cut = clean.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80) --cut;
        clean.resize(cut);
      }
      clean += kEllipsis;
      return clean;
    }
    clean += piece;
    text.remove_prefix(length);
  }
  return clean;
}

}  // namespace seed::attestation
