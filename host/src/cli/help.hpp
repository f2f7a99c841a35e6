#pragma once

#include <cstdio>

namespace seed::cli {

void print_usage(std::FILE* out);

}  // namespace seed::cli
