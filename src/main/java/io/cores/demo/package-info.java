/**
 * Demo data: on an empty database, when {@code cores.demo.hosts} (env
 * {@code CORES_DEMO_HOSTS}) is above zero, fills every module's tables with a realistic,
 * deterministic lab of that many hosts — buildings, labs and their subnets, racks,
 * catalogs, hosts with NICs and cards, users, groups, projects, bookings and reservations,
 * notices, loans, a scan session with its conflicts, tags, journal entries and the change
 * log.
 * <p>
 * This is the one place that writes other modules' tables directly: it runs once, before
 * any module has data, and loads in bulk with PostgreSQL {@code COPY} in a single
 * transaction, so it bypasses the modules' services on purpose. Every row it writes still
 * passes the database's own constraints and triggers. It uses no other module's code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.cores.demo;
