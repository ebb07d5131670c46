package io.cores.platform.graphql.access;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Ends every mutation's description with who may call it, from the access rule that guards
 * it, so clients (the admin UI) read the rule itself rather than guess it from prose: a last
 * line {@code Writers: STAFF}, {@code Writers: ADMIN} or {@code Writers: any signed-in user
 * (their own)}. A role includes those above it. Runs on the finished schema, so the mutations
 * the conventions add (bulk writes) say it too; a mutation without one rule that says who
 * passes it stops the start-up.
 */
final class WritersInSchema extends GraphQLTypeVisitorStub {

	/** What the last line of every mutation's description starts with. */
	static final String MARKER = "Writers: ";

	private final GuardedFields guarded;

	WritersInSchema(GuardedFields guarded) {
		this.guarded = guarded;
	}

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
			TraverserContext<GraphQLSchemaElement> context) {
		if (!(context.getParentNode() instanceof GraphQLObjectType parent) || !parent.getName().equals("Mutation")) {
			return TraversalControl.CONTINUE;
		}
		var who = guarded.who("Mutation." + field.getName());
		if (who == null) {
			throw new IllegalStateException("Mutation." + field.getName() + " needs one access rule that says who passes"
					+ " it (Access.role, Access.own or Guard.Check.of), for the schema to state its writers");
		}
		var text = field.getDescription() == null || field.getDescription().isBlank() ? ""
				: field.getDescription().strip() + "\n\n";
		return changeNode(context, field.transform(f -> f.description(text + MARKER + who)));
	}
}
