package io.cores.platform.graphql.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.NodeTypes;
import io.cores.platform.graphql.UserError;
import io.cores.platform.graphql.access.Guard;
import io.cores.platform.graphql.access.GuardSet;

/**
 * Serves every declared {@link WriteType}: its create, update and delete mutations run by
 * {@link Writes}, each behind the type's writers check, with the inputs and payloads the
 * conventions give ({@link WriteConventions}).
 */
@Configuration(proxyBeanMethods = false)
class WriteConfiguration {

	@Bean
	GuardSet writeGuards(ObjectProvider<WriteType<?>> declared) {
		var guards = new ArrayList<Guard>();
		for (var type : declared.orderedStream().toList()) {
			for (var field : List.of(type.createField(), type.updateField(), type.deleteField(), type.bulkUpdateField(),
					type.bulkDeleteField())) {
				guards.add(Guard.field("Mutation", field, type.writers()));
			}
		}
		return new GuardSet(guards);
	}

	@Bean
	GraphQlSourceBuilderCustomizer writeConventions(ObjectProvider<WriteType<?>> declared, NodeTypes nodeTypes,
			WriteLinks links) {
		return builder -> builder.configureTypeDefinitions(new WriteConventions(declared.orderedStream().toList(),
				name -> nodeTypes.get(name).plural(), links));
	}

	@Bean
	RuntimeWiringConfigurer writeWiring(ObjectProvider<WriteType<?>> declared, Writes writes, NodeTypes nodeTypes) {
		return wiring -> {
			var mutation = TypeRuntimeWiring.newTypeWiring("Mutation");
			for (var type : declared.orderedStream().toList()) {
				wire(mutation, writes, type);
				for (var payload : List.of("Create", "Update")) {
					wiring.type(payload + type.name() + "Payload", t -> t
						.dataFetcher(type.payloadField(), entry(type.payloadField(), ResolvableType.forClass(type.entityClass())))
						.dataFetcher("errors", entry("errors", ERRORS)));
				}
				wiring.type("Delete" + type.name() + "Payload", t -> t
					.dataFetcher("deletedId", entry("deletedId", ResolvableType.forClass(String.class)))
					.dataFetcher("errors", entry("errors", ERRORS)));
				var plural = nodeTypes.get(type.name()).plural();
				wiring.type("BulkUpdate" + type.name() + "Payload", t -> t
					.dataFetcher(plural, entry(plural, ResolvableType.forClassWithGenerics(List.class, type.entityClass())))
					.dataFetcher("errors", entry("errors", ERRORS)));
				wiring.type("BulkDelete" + type.name() + "Payload", t -> t
					.dataFetcher("deletedIds", entry("deletedIds", ResolvableType.forClassWithGenerics(List.class, String.class)))
					.dataFetcher("errors", entry("errors", ERRORS)));
				wireBulk(mutation, writes, type, plural);
			}
			wiring.type(mutation);
		};
	}

	private static <E extends io.cores.platform.persistence.BaseEntity> void wire(TypeRuntimeWiring.Builder mutation,
			Writes writes, WriteType<E> type) {
		mutation.dataFetcher(type.createField(), payload(type.createField(),
				env -> answer(type, writes.create(type, input(env), env.getGraphQlContext()))));
		mutation.dataFetcher(type.updateField(), payload(type.updateField(),
				env -> answer(type, writes.update(type, input(env), env.getGraphQlContext()))));
		mutation.dataFetcher(type.deleteField(), payload(type.deleteField(), env -> {
			var outcome = writes.delete(type, input(env), env.getGraphQlContext());
			var answer = new java.util.LinkedHashMap<String, Object>();
			answer.put("deletedId", outcome.deletedKey() == null ? null : GlobalId.encode(type.name(), outcome.deletedKey()));
			answer.put("errors", outcome.errors());
			return answer;
		}));
	}

	@SuppressWarnings("unchecked")
	private static <E extends io.cores.platform.persistence.BaseEntity> void wireBulk(TypeRuntimeWiring.Builder mutation,
			Writes writes, WriteType<E> type, String plural) {
		mutation.dataFetcher(type.bulkUpdateField(), payload(type.bulkUpdateField(), env -> {
			var input = input(env);
			var outcome = writes.bulkUpdate(type, (List<Map<String, Object>>) input.get("items"),
					(Map<String, Object>) input.get("patch"), env.getGraphQlContext());
			var answer = new java.util.LinkedHashMap<String, Object>();
			answer.put(plural, outcome.errors().isEmpty() ? outcome.objects() : null);
			answer.put("errors", outcome.errors());
			return answer;
		}));
		mutation.dataFetcher(type.bulkDeleteField(), payload(type.bulkDeleteField(), env -> {
			var outcome = writes.bulkDelete(type, (List<Map<String, Object>>) input(env).get("items"), env.getGraphQlContext());
			var answer = new java.util.LinkedHashMap<String, Object>();
			answer.put("deletedIds", outcome.errors().isEmpty()
					? outcome.deletedKeys().stream().map(key -> GlobalId.encode(type.name(), key)).toList() : null);
			answer.put("errors", outcome.errors());
			return answer;
		}));
	}

	private static Map<String, Object> answer(WriteType<?> type, Writes.Outcome<?> outcome) {
		var answer = new java.util.LinkedHashMap<String, Object>();
		answer.put(type.payloadField(), outcome.object());
		answer.put("errors", outcome.errors());
		return answer;
	}

	private static final ResolvableType ERRORS = ResolvableType.forClassWithGenerics(List.class, UserError.class);

	/** A payload field: the entry of the payload map, described for the start-up schema inspection. */
	private static DataFetcher<Object> entry(String key, ResolvableType returns) {
		return new SelfDescribingDataFetcher<>() {
			@Override
			public Object get(DataFetchingEnvironment env) {
				return ((Map<?, ?>) env.getSource()).get(key);
			}

			@Override
			public String getDescription() {
				return "payload." + key;
			}

			@Override
			public ResolvableType getReturnType() {
				return returns;
			}
		};
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> input(DataFetchingEnvironment env) {
		return (Map<String, Object>) env.getArgument("input");
	}

	/** A fetcher that tells the start-up schema inspection it answers a map (the payload). */
	private static DataFetcher<Map<String, Object>> payload(String field, DataFetcher<Map<String, Object>> fetcher) {
		return new SelfDescribingDataFetcher<>() {
			@Override
			public Map<String, Object> get(DataFetchingEnvironment env) throws Exception {
				return fetcher.get(env);
			}

			@Override
			public String getDescription() {
				return "Mutation." + field;
			}

			@Override
			public ResolvableType getReturnType() {
				return ResolvableType.forClass(Map.class);
			}
		};
	}
}
