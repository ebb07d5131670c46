package io.cores.inventory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cores.identity.Caller;
import io.cores.platform.audit.Actor;
import io.cores.platform.audit.ObjectChanged;
import io.cores.platform.audit.ObjectsChanged;
import io.cores.platform.graphql.GlobalId;
import io.cores.platform.graphql.UserError;

/**
 * A host's status. Staff set ACTIVE or INACTIVE; ON_LOAN comes and goes with loans only
 * ({@link HostLoans}), and a host that is on loan is changed by returning the loan. Every
 * change publishes {@link HostStatusChanged}, whose effects on bookings commit or roll back
 * with it.
 */
@Service
public class HostStatuses {

	public record Changed(Host host, List<UserError> errors) {
	}

	private final EntityManager entityManager;
	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;

	HostStatuses(EntityManager entityManager, JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional
	public Changed change(Caller caller, String id, int version, HostStatus to) {
		long key = GlobalId.decodeKey(id, "Host", "input.id");
		var host = locked(key);
		if (host == null) {
			return new Changed(null, List.of(UserError.of(UserError.Code.NOT_FOUND, "No Host with this id", "input", "id")));
		}
		if (host.getVersion() != version) {
			return new Changed(null, List.of(UserError.of(UserError.Code.STALE_VERSION,
					"The Host changed since you read it (now version " + host.getVersion() + ")", "input", "version")));
		}
		var refused = requireStaffMove(host.getStatus(), to);
		if (refused != null) {
			return new Changed(null, List.of(refused));
		}
		if (host.getStatus() != to) {
			moved(host, host.changeStatus(to), new Actor(caller.userId(), caller.username()));
		}
		return new Changed(host, List.of());
	}

	/** The host leaves on loan (a loan started): ON_LOAN, remembering its status. */
	@Transactional(propagation = Propagation.MANDATORY)
	void lend(long key, Actor actor) {
		var host = required(key);
		moved(host, host.lend(), actor);
	}

	/** The host is back (its loan ended): the status it had before. */
	@Transactional(propagation = Propagation.MANDATORY)
	void giveBack(long key, Actor actor) {
		var host = required(key);
		host.giveBack();
		moved(host, HostStatus.ON_LOAN, actor);
	}

	/**
	 * A scan found NEW hosts answering for the first time: each goes ACTIVE, logged and
	 * published like any status change. A host no longer NEW by now (staff changed it) is left.
	 * One statement for all of them and one batch of change records, however many they are (a
	 * scan may bring hundreds into use); in SQL, so the caller must not hold these hosts as
	 * entities in its persistence context (the scan's transaction reads hosts in SQL only).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void activateOnFirstSighting(Collection<Long> hostIds, Actor actor) {
		if (hostIds.isEmpty()) {
			return;
		}
		var activated = jdbc.query(con -> {
			var statement = con.prepareStatement("""
					UPDATE host SET status = 'ACTIVE', version = version + 1
					WHERE id = ANY (?::bigint[]) AND status = 'NEW'
					RETURNING id, hostname""");
			statement.setArray(1, con.createArrayOf("bigint", hostIds.toArray()));
			return statement;
		}, (rs, row) -> new HostStatusChanged(rs.getLong("id"), rs.getString("hostname"), HostStatus.NEW,
				HostStatus.ACTIVE, actor)).stream().sorted(Comparator.comparingLong(HostStatusChanged::hostId)).toList();
		events.publishEvent(new ObjectsChanged(activated.stream().map(change -> new ObjectChanged("Host", change.hostId(),
				"UPDATE", change.hostname(), Map.of("status", change.from().name()), Map.of("status", change.to().name()),
				actor.id(), actor.name())).toList()));
		activated.forEach(events::publishEvent);
	}

	/** Staff move hosts between ACTIVE and INACTIVE (a NEW host too); loans own ON_LOAN. */
	static UserError requireStaffMove(HostStatus from, HostStatus to) {
		if (to == HostStatus.ON_LOAN) {
			return UserError.of(UserError.Code.INVALID_STATE, "A host goes on loan through startLoan", "input", "status");
		}
		if (to == HostStatus.NEW) {
			return UserError.of(UserError.Code.INVALID_STATE, "A host cannot become NEW again", "input", "status");
		}
		if (from == HostStatus.ON_LOAN) {
			return UserError.of(UserError.Code.INVALID_STATE, "The host is on loan; return the loan to change its status",
					"input", "status");
		}
		return null;
	}

	private Host locked(long key) {
		return entityManager.find(Host.class, key, LockModeType.PESSIMISTIC_WRITE);
	}

	/** A host another module's event names; the loan's foreign key guarantees it exists. */
	private Host required(long key) {
		var host = locked(key);
		if (host == null) {
			throw new IllegalStateException("No host " + key);
		}
		return host;
	}

	/** Records the move in the change log and tells the other modules. */
	private void moved(Host host, HostStatus from, Actor actor) {
		entityManager.flush();
		entityManager.refresh(host);
		var to = host.getStatus();
		events.publishEvent(new ObjectChanged("Host", host.getId(), "UPDATE", host.getHostname(), Map.of("status", from.name()),
				Map.of("status", to.name()), actor.id(), actor.name()));
		events.publishEvent(new HostStatusChanged(host.getId(), host.getHostname(), from, to, actor));
	}
}
