package io.cores.platform.graphql.fast;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.springframework.stereotype.Component;

/**
 * Where an entity's rows and basic attributes live, from Hibernate's own mapping, so the fast
 * path reads exactly the columns the entities are mapped to.
 */
@Component
class Columns {

	/**
	 * An entity's table, id column, and for a subclass sharing its table with others the SQL
	 * condition on the row's discriminator with {@code %s} for the alias (else null).
	 */
	record Table(String name, String id, String subclass) {

		/** The condition that holds this entity's rows of its table, or "" when all are. */
		String only(String alias) {
			return subclass == null ? "" : " AND " + subclass.formatted(alias);
		}
	}

	private final SessionFactoryImplementor sessionFactory;
	private final Map<Class<?>, Table> tables = new ConcurrentHashMap<>();
	private final Map<String, String> columns = new ConcurrentHashMap<>();

	Columns(EntityManagerFactory entityManagerFactory) {
		this.sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
	}

	Table table(Class<?> entity) {
		return tables.computeIfAbsent(entity, e -> {
			var persister = persister(e);
			var subclass = persister.isInherited() && persister.getDiscriminatorColumnName() != null
					? "%s." + persister.getDiscriminatorColumnName() + " = " + persister.getDiscriminatorSQLValue() : null;
			return new Table(persister.getTableName(), persister.getIdentifierColumnNames()[0], subclass);
		});
	}

	/**
	 * The column of the id or of a basic attribute kept in the entity's own table, or null for anything
	 * else (an association, an embedded value, a column of another table, no such attribute).
	 */
	String column(Class<?> entity, String attribute) {
		var found = columns.computeIfAbsent(entity.getName() + "#" + attribute, key -> {
			var persister = persister(entity);
			if (attribute.equals(persister.getIdentifierPropertyName())) {
				return persister.getIdentifierColumnNames()[0];
			}
			var mapping = persister.findAttributeMapping(attribute);
			if (!(mapping instanceof BasicValuedModelPart basic) || basic.isFormula()
					|| !basic.getContainingTableExpression().equals(persister.getTableName())) {
				return "";
			}
			return basic.getSelectionExpression();
		});
		return found.isEmpty() ? null : found;
	}

	private AbstractEntityPersister persister(Class<?> entity) {
		return (AbstractEntityPersister) sessionFactory.getMappingMetamodel().getEntityDescriptor(entity);
	}
}
