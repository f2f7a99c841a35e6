#include "crypto/chain.hpp"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include "crypto/crypto_error.hpp"
#include "crypto/handles.hpp"

namespace seed::crypto {
namespace {

StorePtr trust_store(std::span<const Certificate> anchors) {
  StorePtr store(X509_STORE_new());
  if (!store) throw_openssl_error("cannot create a trust store");
  for (const Certificate& anchor : anchors) {
    if (X509_STORE_add_cert(store.get(), anchor.get()) != 1) throw_openssl_error("cannot add a trust anchor");
  }
  return store;
}

CertificateStackPtr certificate_stack(std::span<const Certificate> certificates) {
  CertificateStackPtr stack(sk_X509_new_null());
  if (!stack) throw_openssl_error("cannot create a certificate list");
  for (const Certificate& certificate : certificates) {
    if (X509_up_ref(certificate.get()) != 1 || sk_X509_push(stack.get(), certificate.get()) <= 0) {
      throw_openssl_error("cannot build a certificate list");
    }
  }
  return stack;
}

void describe_failure(X509_STORE_CTX* context, ChainVerification& result) {
  const int error = X509_STORE_CTX_get_error(context);
  const int depth = X509_STORE_CTX_get_error_depth(context);
  result.problem = std::string(X509_verify_cert_error_string(error)) + " (depth " + std::to_string(depth) + ")";
  if (X509* at = X509_STORE_CTX_get_current_cert(context)) {
    try {
      if (X509_up_ref(at) == 1) result.problem_subject = Certificate(X509Ptr(at)).subject_line();
    } catch (const CryptoError&) {
      // The subject is only a hint; the reason is what matters.
    }
  }
}

}  // namespace

ChainVerification verify_chain(const Certificate& leaf, std::span<const Certificate> intermediates,
                               std::span<const Certificate> anchors, std::chrono::system_clock::time_point at) {
  if (anchors.empty()) return {"no trust anchor given", {}, {}};
  const StorePtr store = trust_store(anchors);
  const CertificateStackPtr untrusted = certificate_stack(intermediates);
  const StoreContextPtr context(X509_STORE_CTX_new());
  if (!context || X509_STORE_CTX_init(context.get(), store.get(), leaf.get(), untrusted.get()) != 1) {
    throw_openssl_error("cannot start chain verification");
  }
  X509_STORE_CTX_set_time(context.get(), 0, std::chrono::system_clock::to_time_t(at));
  X509_STORE_CTX_set_flags(context.get(), X509_V_FLAG_PARTIAL_CHAIN);

  const int verified = X509_verify_cert(context.get());
  ChainVerification result;
  if (verified != 1) {
    describe_failure(context.get(), result);
    ERR_clear_error();
    return result;
  }
  STACK_OF(X509)* path = X509_STORE_CTX_get0_chain(context.get());
  for (int i = 0; i < sk_X509_num(path); ++i) {
    X509* certificate = sk_X509_value(path, i);
    if (X509_up_ref(certificate) != 1) throw_openssl_error("cannot keep the verified chain");
    result.path.emplace_back(X509Ptr(certificate));
  }
  return result;
}

}  // namespace seed::crypto
