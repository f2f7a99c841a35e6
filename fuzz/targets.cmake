# The fuzz targets: NAME SOURCE LIBRARIES... Each is built two ways by whoever includes this file
# after defining seed_attest_fuzz_target(): a libFuzzer program (fuzz/CMakeLists.txt) and a corpus
# replay test in the ordinary build (tests/host/integration/fuzz_corpus). A target whose library
# does not exist yet is skipped.
seed_attest_fuzz_target(frame_session    targets/frame_session.cpp    seed_messaging)
seed_attest_fuzz_target(request_dispatch targets/request_dispatch.cpp seed_messaging)
seed_attest_fuzz_target(origin_nonce     targets/origin_nonce.cpp     seed_messaging)
seed_attest_fuzz_target(jws_token        targets/jws_token.cpp        seed_token seed_test_pki)
seed_attest_fuzz_target(policy_document  targets/policy_document.cpp  seed_policy)
seed_attest_fuzz_target(policy_pattern   targets/policy_pattern.cpp   seed_common)
