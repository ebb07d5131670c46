#!/usr/bin/env python3
"""Checks that Cores, the peer and the SQL answered an operation with the same data
(src/bench/peers.sh). Each argument is a file holding one answer: a GraphQL response
({"data": ...}) or the SQL's JSON. Before comparing, each answer is put in one form: Cores'
global ids become their keys, timestamps become UTC, and nothing else is touched."""
import base64
import json
import re
import sys
from datetime import datetime, timezone

STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def normal(value, key=None):
    if isinstance(value, dict):
        return {k: normal(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normal(v) for v in value]
    if key == "id" and isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        if key == "id":
            try:
                decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode()
                if ":" in decoded:
                    return decoded.split(":", 1)[1]
            except ValueError:
                pass
            return value
        if STAMP.match(value):
            return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc).isoformat()
    return value


def load(path):
    answer = json.load(open(path))
    if "errors" in answer:
        sys.exit(f"{path}: errors: {json.dumps(answer['errors'])[:500]}")
    return normal(answer.get("data", answer))


names = sys.argv[1:]
answers = [load(p) for p in names]
for name, answer in zip(names[1:], answers[1:]):
    if answer != answers[0]:
        first, other = json.dumps(answers[0], sort_keys=True), json.dumps(answer, sort_keys=True)
        at = next((i for i, (a, b) in enumerate(zip(first, other)) if a != b), min(len(first), len(other)))
        sys.exit(f"{name} differs from {names[0]} at character {at}:\n  {first[max(0, at - 150):at + 150]}\n"
                 f"  {other[max(0, at - 150):at + 150]}")
size = len(json.dumps(answers[0]))
print(f"same answer from {len(names)} ({size} characters)")
