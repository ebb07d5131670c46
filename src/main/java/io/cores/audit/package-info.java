/**
 * What happened to the other modules' objects and what people noted about them: the change
 * log (one record per create, update and delete, written in the same transaction as the
 * change), journal entries and tags. Records point at their object by (GraphQL type name,
 * key), so this module needs no table of any other module, and the API shows that pair as
 * the object's global id.
 * <p>
 * Owns object_change, journal_entry, tag and tagged_item, and declares the {@code changes},
 * {@code journal} and {@code tags} fields on the other modules' types. Tagging
 * ({@link io.cores.audit.TagManagement}) and journal entries ({@link io.cores.audit.JournalManagement})
 * read the other modules' objects only to see that they exist and are visible to the caller,
 * and log each change on that object. It publishes no events of its own; the change log
 * handles {@code ObjectChanged} from every module, and {@code ObjectsChanged} (many changes
 * of one write, recorded as one batch).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.cores.audit;
