#pragma once

namespace seed::crypto {

// Sets how OpenSSL starts, once, before the first object is made; every entry point of this
// module that makes OpenSSL objects calls it. See library.cpp for what it sets and why.
void prepare_library();

}  // namespace seed::crypto
