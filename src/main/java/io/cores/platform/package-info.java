/**
 * Shared mechanics with no domain: the generic GraphQL read path (connections, filters,
 * ordering, global ids, scalars, errors), persistence types and the embedded database.
 * Every module may use it; it uses no module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.cores.platform;
