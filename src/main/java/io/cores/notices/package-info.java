/**
 * Notices: dashboard messages, targeted at everyone or at one group, with a style, a
 * priority and an optional expiry. Which notices are active for a reader is computed at
 * read time ({@link io.cores.notices.NoticeQueries}), so expiring needs no job. Adds
 * {@code Group.notices} to the identity module's type; refers to groups by id only.
 * <p>
 * Events: none published or handled.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices")
package io.cores.notices;
