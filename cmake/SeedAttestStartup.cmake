# How seed-attest is linked decides most of its cold start, and a browser starts it for every
# one-off message. Measured reasons for each flag are in docs/PERFORMANCE.md.
#
# seed_attest_fast_start(TARGET)
#   -static-libstdc++ -static-libgcc  loading libstdc++.so costs more than everything else the
#                                     `hello` path does (its relocations, symbol look-ups and pages)
#   -Wl,-z,now -Wl,-z,relro           full RELRO: with libstdc++ static few symbols are left to bind,
#                                     so binding them all at start costs nothing measurable
#   -Wl,-O1 -Wl,--as-needed           no dependency that nothing uses
# Not in sanitizer or fuzzing builds: their runtimes want the shared C++ library.
function(seed_attest_fast_start target)
  if(SEED_ATTEST_SANITIZE OR SEED_ATTEST_FUZZ)
    return()
  endif()
  target_link_options(${target} PRIVATE
    -static-libstdc++ -static-libgcc
    -Wl,-O1 -Wl,--as-needed -Wl,-z,now -Wl,-z,relro)
endfunction()
