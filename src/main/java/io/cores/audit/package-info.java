/**
 * What happened to the other modules' objects and what people noted about them: the change
 * log (one record per create, update and delete, written in the same transaction as the
 * change), journal entries and tags. Records point at their object by (GraphQL type name,
 * key), so this module needs no table of any other module, and the API shows that pair as
 * the object's global id.
 * <p>
 * Owns object_change, journal_entry, tag and tagged_item, and declares the {@code changes},
 * {@code journal} and {@code tags} fields on the other modules' types. It publishes no
 * events; the writes arrive with the mutations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.cores.audit;
