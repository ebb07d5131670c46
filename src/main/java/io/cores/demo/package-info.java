/**
 * Demo data: on an empty database, when {@code cores.demo.hosts} (env
 * {@code CORES_DEMO_HOSTS}) is above zero, fills every module's tables with a realistic,
 * deterministic lab of that many hosts — buildings, labs and their subnets, racks,
 * catalogs, hosts with NICs and cards, users, groups, projects, bookings and reservations,
 * notices, loans, tags, journal entries, the change log and the jobs' runs, with a few rows
 * past the maintenance job's retention time (a notice, a booking, a reservation, a job run and
 * the mail it sent) — then has its agent post two
 * scans through the real ingest, with staff resolving some of the conflicts in between.
 * <p>
 * This is the one place that writes other modules' tables directly: it runs once, before
 * any module has data, and loads in bulk with PostgreSQL {@code COPY} in a single
 * transaction, so it bypasses the modules' services on purpose. Every row it writes still
 * passes the database's own constraints and triggers. The scans are the exception: what a
 * scan leaves (sessions, conflicts, virtual hosts, NIC sightings) is the live module's own
 * work, so it is done by its services ({@code ScanIngest}, {@code ScanConflictResolutions}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.cores.demo;
