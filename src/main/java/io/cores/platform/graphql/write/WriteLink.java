package io.cores.platform.graphql.write;

import java.util.List;

/**
 * A to-many link that a type's create and update inputs write as a list of global ids (a
 * host's {@code tags: [ID!]}), declared by the module that keeps the link table. The write
 * path decodes and checks the ids (existing, visible, of the target type), asks the owner to
 * replace the object's set once the object is saved, and keeps the set in the object's
 * change-log snapshots, so one record shows the whole write and a revert restores the set.
 */
public record WriteLink(String type, String field, String target, Reader reader, Replacer replacer) {

	/** The keys linked to the object now, in key order. */
	@FunctionalInterface
	public interface Reader {
		List<Long> keys(long objectKey);
	}

	/** Makes the object's set exactly {@code targetKeys}. */
	@FunctionalInterface
	public interface Replacer {
		void replace(long objectKey, List<Long> targetKeys);
	}

	/** Links declared together, for a module that adds the same one to many types (tags). */
	public record Set(List<WriteLink> links) {
	}
}
