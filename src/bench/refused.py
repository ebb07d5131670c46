#!/usr/bin/env python3
"""Writes a document the limits refuse for its aliases: one host's NICs asked for again and
again under different aliases, up to just under the parser's token limit (the largest
document the server reads at all), or N aliases when given. docs/performance.md."""
import sys

MAX_TOKENS = 15000  # cores.graphql.max-tokens' default
ALIAS_TOKENS = 14   # cN : nics ( first : 50 ) { nodes { mac } }
count = int(sys.argv[1]) if len(sys.argv) > 1 else (MAX_TOKENS - 20) // ALIAS_TOKENS
fields = " ".join(f"c{i}: nics(first: 50) {{ nodes {{ mac }} }}" for i in range(count))
print("{ hosts(first: 1) { nodes { " + fields + " } } }")
