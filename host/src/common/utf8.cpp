#include "common/utf8.hpp"

namespace seed::utf8 {

std::optional<std::size_t> count_code_points(std::string_view text) {
  std::size_t count = 0;
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < text.size()) {
    const unsigned char lead = at(i);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead < 0x80) {
      length = 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;  // no UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return std::nullopt;
    }
    if (i + length > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
      const unsigned char c = at(i + k);
      const unsigned char min = k == 1 ? low : static_cast<unsigned char>(0x80);
      const unsigned char max = k == 1 ? high : static_cast<unsigned char>(0xBF);
      if (c < min || c > max) return std::nullopt;
    }
    i += length;
    ++count;
  }
  return count;
}

}  // namespace seed::utf8
