#!/usr/bin/python3
"""A typical minimal Python native-messaging host, for comparison: reads frames until stdin closes,
parses each request as JSON and answers with a JSON reply that echoes the request's id."""
import json
import struct
import sys


def main():
    stdin = sys.stdin.buffer
    stdout = sys.stdout.buffer
    while True:
        prefix = stdin.read(4)
        if len(prefix) < 4:
            return 0 if not prefix else 1
        (length,) = struct.unpack("=I", prefix)
        body = stdin.read(length)
        if len(body) < length:
            return 1
        request = json.loads(body)
        reply = {"type": "pong"}
        if "id" in request:
            reply["id"] = request["id"]
        encoded = json.dumps(reply, separators=(",", ":")).encode("utf-8")
        stdout.write(struct.pack("=I", len(encoded)) + encoded)
        stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
