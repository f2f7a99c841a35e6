# SEED_ATTEST_FUZZ: every library gets libFuzzer coverage instrumentation plus ASan and UBSan, and
# fuzz/ adds one libFuzzer program per target. Only clang has libFuzzer; the tests are not built.
if(SEED_ATTEST_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SEED_ATTEST_FUZZ needs clang: configure with CC=clang-14 CXX=clang++-14")
  endif()
  if(SEED_ATTEST_SANITIZE)
    message(FATAL_ERROR "SEED_ATTEST_FUZZ already builds with ASan and UBSan; leave SEED_ATTEST_SANITIZE off")
  endif()
  set(_seed_fuzz_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(-fsanitize=fuzzer-no-link ${_seed_fuzz_san})
  add_link_options(${_seed_fuzz_san})
  set(SEED_ATTEST_BUILD_TESTS OFF)
endif()
