#!/usr/bin/env python3
"""Summarise `jfr print --stack-depth 200 --events jdk.ExecutionSample` output: where the
server's CPU time goes.

Each sample is charged to the innermost frame that belongs to a known layer (our code, the
GraphQL engine, Hibernate, the JDBC driver, Jackson, ...): JDK frames (collections,
CompletableFuture) count for the library that called them. Also printed: the share of
samples with a layer anywhere on the stack, and the top frames overall.

    top-frames.py [HH:MM:SS]   only samples from that time of day on (the measured run: a
                               dump holds the recording's whole chunks, start-up included)"""
import re
import sys
from collections import Counter

LAYERS = [
    ("cores", "io.cores."),
    ("graphql-java", "graphql."),
    ("dataloader", "org.dataloader."),
    ("hibernate", "org.hibernate."),
    ("querydsl", "com.querydsl."),
    ("postgres-jdbc", "org.postgresql."),
    ("hikari", "com.zaxxer."),
    ("jackson", "tools.jackson."),
    ("spring-graphql", "org.springframework.graphql."),
    ("spring-web/tomcat", "org.apache."),
    ("spring (other)", "org.springframework."),
    ("reactor", "reactor."),
]

samples, top, inclusive, own = 0, Counter(), Counter(), Counter()
frames = []
since = sys.argv[1] if len(sys.argv) > 1 else ""
taken = True


def layer_of(frame):
    for name, prefix in LAYERS:
        if frame.startswith(prefix):
            return name
    return None


def flush():
    global samples
    if not frames or not taken:
        frames.clear()
        return
    samples += 1
    top[frames[0]] += 1
    layers = [layer_of(f) for f in frames]
    for name in set(l for l in layers if l):
        inclusive[name] += 1
    own[next((l for l in layers if l), "JDK only")] += 1
    frames.clear()


for line in sys.stdin:
    line = line.strip()
    if line.startswith("jdk.ExecutionSample"):
        flush()
        taken = True
    if line.startswith("startTime = "):
        taken = line.split("= ", 1)[1] >= since
    m = re.match(r"([\w.$]+)\.([\w$<>]+)\(", line)
    if m and "line:" in line:
        frames.append(m.group(1) + "." + m.group(2))
flush()
print(f"{samples} samples")
print("charged to the innermost known layer (sums to 100%):")
for name, n in own.most_common():
    print(f"  {name:20s} {100*n/samples:5.1f}%")
print("samples with the layer anywhere on the stack:")
for name, n in inclusive.most_common():
    print(f"  {name:20s} {100*n/samples:5.1f}%")
print("top frames:")
for name, n in top.most_common(15):
    print(f"  {100*n/samples:5.1f}%  {name}")
