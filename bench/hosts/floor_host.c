/* The floor: the least a native-messaging host can do. Reads frames (32-bit native-order length,
 * then the body) until stdin closes and answers each with one fixed frame in one write. Built
 * static, so its start-up is exec plus a few system calls: nothing to load, relocate or initialise.
 * Every seed-attest figure in the benchmark is compared with this program's. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

enum { max_body = 64 * 1024 };

static int read_exact(char *buffer, size_t count) {
  size_t have = 0;
  while (have < count) {
    const ssize_t got = read(STDIN_FILENO, buffer + have, count - have);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return 0;
    have += (size_t)got;
  }
  return 1;
}

static int write_all(const char *bytes, size_t count) {
  while (count > 0) {
    const ssize_t put = write(STDOUT_FILENO, bytes, count);
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return 0;
    bytes += put;
    count -= (size_t)put;
  }
  return 1;
}

int main(void) {
  static char body[max_body];
  static const char reply_body[] = "{\"type\":\"pong\"}";
  char reply[4 + sizeof reply_body - 1];
  const uint32_t reply_length = sizeof reply_body - 1;
  memcpy(reply, &reply_length, 4);
  memcpy(reply + 4, reply_body, reply_length);

  for (;;) {
    uint32_t length = 0;
    if (!read_exact((char *)&length, 4)) return 0;
    if (length > max_body || !read_exact(body, length)) return 1;
    if (!write_all(reply, sizeof reply)) return 0;
  }
}
