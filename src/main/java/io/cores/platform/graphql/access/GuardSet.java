package io.cores.platform.graphql.access;

import java.util.List;

/** Guards declared together, by a mechanism that serves many fields (the generic writes). */
public record GuardSet(List<Guard> guards) {
}
