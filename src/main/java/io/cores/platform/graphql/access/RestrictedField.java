package io.cores.platform.graphql.access;

import graphql.GraphQLContext;

/**
 * A field of a node type that only some callers may read ({@code User.email}: the user and
 * admins), declared once as a bean by the module that owns the rule. The one declaration
 * guards the field on every path to it, redacts it from change-log snapshots of the object,
 * keeps it out of filters and ordering, and says in the schema's description who may read it.
 *
 * @param readableBy who may read it, in words, for the schema's description ("admins")
 */
public record RestrictedField(String type, String field, String readableBy, Rule rule) {

	/** The rule, for the object of this type with this key, in the request of this context. */
	@FunctionalInterface
	public interface Rule {

		/** Throws {@link AccessDenied} when the request's caller may not read the field. */
		void check(GraphQLContext context, long objectKey);
	}

	public static RestrictedField of(String type, String field, String readableBy, Rule rule) {
		return new RestrictedField(type, field, readableBy, rule);
	}

	/** The sentence the field's schema description ends with; clients and tests read it. */
	public String description() {
		return "Readable only by " + readableBy + ".";
	}

	/** Whether the request's caller may read the field of the object with this key. */
	public boolean readable(GraphQLContext context, long objectKey) {
		try {
			rule.check(context, objectKey);
			return true;
		}
		catch (AccessDenied denied) {
			return false;
		}
	}
}
