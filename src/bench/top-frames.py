#!/usr/bin/env python3
"""Summarise `jfr print --events jdk.ExecutionSample` output: where the server's CPU time goes.

Counts, per sample, the first frame in each of a few layers (our code, GraphQL engine,
Hibernate, JDBC driver, Jackson, Tomcat/Spring web) and the top frame overall."""
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
    ("reactor", "reactor."),
]

samples, top, layer = 0, Counter(), Counter()
frames = []

def flush():
    global samples
    if not frames:
        return
    samples += 1
    top[frames[0]] += 1
    for name, prefix in LAYERS:
        if any(f.startswith(prefix) for f in frames):
            layer[name] += 1
    frames.clear()

for line in sys.stdin:
    line = line.strip()
    if line.startswith("jdk.ExecutionSample"):
        flush()
    m = re.match(r"([\w.$]+)\.([\w$<>]+)\(", line)
    if m and "line:" in line:
        frames.append(m.group(1) + "." + m.group(2))
flush()
print(f"{samples} samples")
print("share of samples with a frame in each layer:")
for name, n in layer.most_common():
    print(f"  {name:20s} {100*n/samples:5.1f}%")
print("top frames:")
for name, n in top.most_common(15):
    print(f"  {100*n/samples:5.1f}%  {name}")
