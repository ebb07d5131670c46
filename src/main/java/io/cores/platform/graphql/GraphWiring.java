package io.cores.platform.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import org.dataloader.DataLoader;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import io.cores.platform.persistence.BaseEntity;

/**
 * Wires the generic read path into the schema from the declared {@link NodeType}s and
 * {@link Relation}s: root fields ({@code host}, {@code hosts}), {@code node}/{@code nodes},
 * every type's {@code id}, and every relation field as a batched fetch. One data loader per
 * type and relation means a query costs one statement per relation it names, however many
 * rows it returns.
 */
@Component
class GraphWiring implements RuntimeWiringConfigurer {

	private final NodeTypes types;
	private final ConnectionQueries queries;

	GraphWiring(NodeTypes types, ConnectionQueries queries, BatchLoaderRegistry loaders) {
		this.types = types;
		this.queries = queries;
		for (var type : types.all()) {
			loaders.<Long, Object>forName(nodeLoader(type.name()))
				.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> queries.byIds(type, ids, context(env))));
		}
		for (var relation : types.relations()) {
			if (relation instanceof Relation.Back back) {
				loaders.<Long, Object>forName(relationLoader(relation))
					.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> queries.back(back, ids, context(env))));
			}
			else if (!(relation instanceof Relation.ToOne)) {
				loaders.<ParentPage, Connection<Object>>forName(relationLoader(relation))
					.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> pages(queries, relation, keys, context(env))));
			}
		}
	}

	/** A page of a to-many relation for one parent; parents asking with equal arguments batch together. */
	record ParentPage(long parentId, ConnectionArgs args) {
	}

	private static Map<ParentPage, Connection<Object>> pages(ConnectionQueries queries, Relation relation,
			java.util.Set<ParentPage> keys, GraphQLContext context) {
		var byArgs = new LinkedHashMap<ConnectionArgs, List<Long>>();
		for (var key : keys) {
			byArgs.computeIfAbsent(key.args(), a -> new ArrayList<>()).add(key.parentId());
		}
		var result = new LinkedHashMap<ParentPage, Connection<Object>>();
		byArgs.forEach((args, parents) -> queries.many(relation, parents, args, context)
			.forEach((parentId, page) -> result.put(new ParentPage(parentId, args), page)));
		return result;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		var query = TypeRuntimeWiring.newTypeWiring("Query");
		query.dataFetcher("node", env -> node(env, env.getArgument("id"), "id"));
		query.dataFetcher("nodes", this::nodes);
		for (var type : types.all()) {
			query.dataFetcher(type.singular(), described("Query." + type.singular(), entity(type.name()), env -> {
				long key = GlobalId.decodeKey(env.getArgument("id"), type.name(), "id");
				return loader(env, nodeLoader(type.name())).load(key);
			}));
			query.dataFetcher(type.plural(), described("Query." + type.plural(), connection(type.name()),
					env -> queries.root(type, ConnectionArgs.from(env), env.getGraphQlContext())));
			DataFetcher<String> id = described(type.name() + ".id", ResolvableType.forClass(String.class),
					env -> GlobalId.encode(type.name(), ((BaseEntity) env.getSource()).getId()));
			for (var objectType : type.objectTypes()) {
				wiring.type(objectType, t -> t.dataFetcher("id", id));
			}
		}
		wiring.type(query);
		for (var relation : types.relations()) {
			var owner = types.get(relation.owner());
			var objectTypes = relation.on().isEmpty() ? owner.objectTypes() : relation.on();
			var returns = relation instanceof Relation.ToOne || relation instanceof Relation.Back
					? entity(relation.target()) : connection(relation.target());
			DataFetcher<?> fetcher = described(relation.owner() + "." + relation.field(), returns, relationFetcher(relation));
			for (var objectType : objectTypes) {
				wiring.type(objectType, t -> t.dataFetcher(relation.field(), fetcher));
			}
		}
	}

	private DataFetcher<?> relationFetcher(Relation relation) {
		if (relation instanceof Relation.ToOne toOne) {
			var loaderName = nodeLoader(relation.target());
			return env -> {
				Long key = toOne.key().apply(env.getSource());
				return key == null ? null : loader(env, loaderName).load(key);
			};
		}
		var loaderName = relationLoader(relation);
		if (relation instanceof Relation.Back) {
			return env -> loader(env, loaderName).load(((BaseEntity) env.getSource()).getId());
		}
		return env -> loader(env, loaderName)
			.load(new ParentPage(((BaseEntity) env.getSource()).getId(), ConnectionArgs.from(env)));
	}

	private Object node(DataFetchingEnvironment env, String id, String argument) {
		var decoded = GlobalId.decode(id, argument);
		var type = types.find(decoded.type());
		if (type == null) {
			return null;
		}
		return loader(env, nodeLoader(type.name())).load(decoded.key());
	}

	private CompletableFuture<List<Object>> nodes(DataFetchingEnvironment env) {
		List<String> ids = env.getArgument("ids");
		var futures = new ArrayList<CompletableFuture<?>>();
		for (int i = 0; i < ids.size(); i++) {
			var node = node(env, ids.get(i), "ids[" + i + "]");
			futures.add(node == null ? CompletableFuture.completedFuture(null) : (CompletableFuture<?>) node);
		}
		return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
			.thenApply(done -> futures.stream().map(f -> (Object) f.join()).toList());
	}

	/** The request's GraphQL context, which Spring for GraphQL hands to batch loaders too. */
	private static GraphQLContext context(org.dataloader.BatchLoaderEnvironment env) {
		return (GraphQLContext) env.getContext();
	}

	private ResolvableType entity(String type) {
		return ResolvableType.forClass(types.get(type).entityClass());
	}

	private ResolvableType connection(String type) {
		return ResolvableType.forClassWithGenerics(Connection.class, types.get(type).entityClass());
	}

	/** A fetcher that tells the start-up schema inspection what it returns, so the fields below it are checked too. */
	private static <T> DataFetcher<T> described(String description, ResolvableType returnType, DataFetcher<T> fetcher) {
		return new SelfDescribingDataFetcher<>() {
			@Override
			public T get(DataFetchingEnvironment env) throws Exception {
				return fetcher.get(env);
			}

			@Override
			public String getDescription() {
				return description;
			}

			@Override
			public ResolvableType getReturnType() {
				return returnType;
			}
		};
	}

	@SuppressWarnings("unchecked")
	private static <K, V> DataLoader<K, V> loader(DataFetchingEnvironment env, String name) {
		return (DataLoader<K, V>) env.getDataLoaderRegistry().getDataLoader(name);
	}

	static String nodeLoader(String type) {
		return "node:" + type;
	}

	static String relationLoader(Relation relation) {
		return "relation:" + relation.owner() + "." + relation.field();
	}
}
