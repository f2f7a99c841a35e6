# How seed-attest is linked decides most of its cold start, and a browser starts it for every
# one-off message. docs/PERFORMANCE.md has the measurements behind each choice.
#
# SEED_ATTEST_STATIC (default ON): one static, non-PIE executable, like the static C floor the
# benchmark compares with. Loading libcrypto.so.3 costs ~17,000 relocations and ~130 page faults at
# every start, more than all the work of a `hello`; relocating a static PIE costs most of that
# again. OpenSSL provider modules (PKCS#11, TPM) still load: a module brings its own libcrypto.so.3,
# which OpenSSL's provider interface supports. The price: OpenSSL and glibc security updates reach
# seed-attest when it is rebuilt, and the executable itself is not address-randomised.
# OFF links the system's shared libraries (PIE), for distributions that require it.
#
# Either way the C++ runtime is linked static: libstdc++.so alone costs more than a `hello`.
# Sanitizer and fuzzing builds keep every library shared: their runtimes need it.
option(SEED_ATTEST_STATIC "Link seed-attest statically for a fast cold start (see docs/PERFORMANCE.md)" ON)

if(SEED_ATTEST_SANITIZE OR SEED_ATTEST_FUZZ)
  set(_seed_fast_start_link OFF)
elseif(SEED_ATTEST_STATIC)
  set(_seed_fast_start_link static)
  # Must be set before find_package(Boost) and find_package(OpenSSL).
  set(Boost_USE_STATIC_LIBS ON)
  set(OPENSSL_USE_STATIC_LIBS TRUE)
  # Each function and object in its own section, so the link below can drop what nothing uses.
  # The kernel maps a program's text 64 KiB around each page touched, so the peak RSS of an
  # `attest` is close to the size of the whole text: what is not linked is not resident.
  add_compile_options(-ffunction-sections -fdata-sections)
else()
  set(_seed_fast_start_link shared)
endif()

# seed_attest_fast_start(TARGET): the link options above for the program.
function(seed_attest_fast_start target)
  if(_seed_fast_start_link STREQUAL "static")
    target_link_options(${target} PRIVATE -static -Wl,--gc-sections)
  elseif(_seed_fast_start_link STREQUAL "shared")
    # -z now: with libstdc++ static few symbols are left to bind, so full RELRO costs nothing.
    target_link_options(${target} PRIVATE
      -static-libstdc++ -static-libgcc -Wl,-O1 -Wl,--as-needed -Wl,-z,now -Wl,-z,relro)
  endif()
endfunction()
