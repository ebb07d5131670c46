package io.cores.platform.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * every type's {@code id}, and every relation field as a batched fetch: a query costs one
 * statement per type and relation it names, however many rows it returns.
 */
@Component
class GraphWiring implements RuntimeWiringConfigurer {

	private final NodeTypes types;
	private final ConnectionQueries queries;

	GraphWiring(NodeTypes types, ConnectionQueries queries, BatchLoaderRegistry loaders) {
		this.types = types;
		this.queries = queries;
		// Three loaders for every type and relation, not one each: a request creates its data
		// loaders up front, and hundreds of them cost more than the queries they batch.
		loaders.<NodeKey, Object>forName(NODES)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> nodes(keys, context(env))));
		loaders.<BackKey, Object>forName(BACK)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> backs(keys, context(env))));
		loaders.<PageKey, Connection<Object>>forName(PAGES)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> pages(keys, context(env))));
	}

	private static final String NODES = "cores.nodes";
	private static final String BACK = "cores.back";
	private static final String PAGES = "cores.pages";

	/** An object by type and id. */
	record NodeKey(String type, long id) {
	}

	/** The target of a to-one relation keyed on the target, for one owner. */
	record BackKey(Relation.Back relation, long ownerId) {
	}

	/** A page of a to-many relation for one parent; parents asking with equal arguments batch together. */
	record PageKey(Relation relation, long parentId, ConnectionArgs args) {
	}

	private record Batch(Relation relation, ConnectionArgs args) {
	}

	/** One query per type asked for. */
	private Map<NodeKey, Object> nodes(Set<NodeKey> keys, GraphQLContext context) {
		var byType = new LinkedHashMap<String, List<Long>>();
		keys.forEach(key -> byType.computeIfAbsent(key.type(), t -> new ArrayList<>()).add(key.id()));
		var result = new HashMap<NodeKey, Object>();
		byType.forEach((type, ids) -> queries.byIds(types.get(type), ids, context)
			.forEach((id, node) -> result.put(new NodeKey(type, id), node)));
		return result;
	}

	/** One query per relation asked for. */
	private Map<BackKey, Object> backs(Set<BackKey> keys, GraphQLContext context) {
		var byRelation = new LinkedHashMap<Relation.Back, List<Long>>();
		keys.forEach(key -> byRelation.computeIfAbsent(key.relation(), r -> new ArrayList<>()).add(key.ownerId()));
		var result = new HashMap<BackKey, Object>();
		byRelation.forEach((relation, ids) -> queries.back(relation, ids, context)
			.forEach((id, target) -> result.put(new BackKey(relation, id), target)));
		return result;
	}

	/** One query per relation and argument set asked for. */
	private Map<PageKey, Connection<Object>> pages(Set<PageKey> keys, GraphQLContext context) {
		var batches = new LinkedHashMap<Batch, List<Long>>();
		keys.forEach(key -> batches.computeIfAbsent(new Batch(key.relation(), key.args()), b -> new ArrayList<>())
			.add(key.parentId()));
		var result = new HashMap<PageKey, Connection<Object>>();
		batches.forEach((batch, parents) -> queries.many(batch.relation(), parents, batch.args(), context)
			.forEach((parentId, page) -> result.put(new PageKey(batch.relation(), parentId, batch.args()), page)));
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
				return loader(env, NODES).load(new NodeKey(type.name(), key));
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
			var target = relation.target();
			return env -> {
				Long key = toOne.key().apply(env.getSource());
				return key == null ? null : loader(env, NODES).load(new NodeKey(target, key));
			};
		}
		if (relation instanceof Relation.Back back) {
			return env -> loader(env, BACK).load(new BackKey(back, ((BaseEntity) env.getSource()).getId()));
		}
		return env -> loader(env, PAGES)
			.load(new PageKey(relation, ((BaseEntity) env.getSource()).getId(), ConnectionArgs.from(env)));
	}

	private Object node(DataFetchingEnvironment env, String id, String argument) {
		var decoded = GlobalId.decode(id, argument);
		var type = types.find(decoded.type());
		if (type == null) {
			return null;
		}
		return loader(env, NODES).load(new NodeKey(type.name(), decoded.key()));
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

}
