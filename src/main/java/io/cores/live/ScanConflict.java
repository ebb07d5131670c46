package io.cores.live;

import io.cores.platform.persistence.BaseEntity;
import io.cores.platform.persistence.PgObjectJdbcType;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;

/**
 * A disagreement between a scan and the inventory, waiting for staff to accept or ignore it.
 * The three kinds share one table, told apart by {@code kind}; each kind's check constraint
 * names the columns it needs.
 * <p>
 * Every column is mapped here rather than on the kind that uses it, so that one query over
 * all conflicts can filter by any of them (a host's conflicts are its NIC and LOCATION ones);
 * each subclass exposes only its own.
 */
@Entity
@Table(name = "scan_conflict")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.STRING)
public abstract class ScanConflict extends BaseEntity {

	/** The discriminator, read-only: Hibernate writes it from the subclass. */
	@Enumerated(EnumType.STRING)
	@Column(name = "kind", insertable = false, updatable = false)
	private ScanConflictKind kind;

	@Enumerated(EnumType.STRING)
	private ScanConflictStatus status = ScanConflictStatus.NEW;

	@Column(name = "session_id")
	private Long sessionId;

	/** The scanned ip, for every kind. */
	@JdbcType(PgObjectJdbcType.Inet.class)
	private String ip;

	@Column(name = "nic_id")
	private Long nicId;

	@Column(name = "host_id")
	private Long hostId;

	@JdbcType(PgObjectJdbcType.Inet.class)
	@Column(name = "recorded_ip")
	protected String recordedIp;

	@JdbcType(PgObjectJdbcType.Macaddr.class)
	protected String mac;

	@Column(name = "current_lab_id")
	protected Long currentLabId;

	@Column(name = "suggested_lab_id")
	protected Long suggestedLabId;

	protected ScanConflict() {
	}

	protected ScanConflict(ScanConflictKind kind, Long sessionId, String ip, Long nicId, Long hostId) {
		this.kind = kind;
		this.sessionId = sessionId;
		this.ip = ip;
		this.nicId = nicId;
		this.hostId = hostId;
	}

	/** NEW and IGNORED conflicts are open: a later scan with other data supersedes them. */
	public boolean isOpen() {
		return status == ScanConflictStatus.NEW || status == ScanConflictStatus.IGNORED;
	}

	/** Staff accepted it, and the inventory took what the scan saw. */
	void resolved() {
		status = ScanConflictStatus.RESOLVED;
	}

	/** Staff leave the inventory as it is; still open, so a later, different finding supersedes it. */
	void ignored() {
		status = ScanConflictStatus.IGNORED;
	}

	public ScanConflictKind getKind() {
		return kind;
	}

	public ScanConflictStatus getStatus() {
		return status;
	}

	public Long getSessionId() {
		return sessionId;
	}

	public String getIp() {
		return ip;
	}

	/** The NIC a NIC or LOCATION conflict is about; null for UNKNOWN. */
	public Long getNicId() {
		return nicId;
	}

	/** The host a NIC or LOCATION conflict is about; null for UNKNOWN. */
	public Long getHostId() {
		return hostId;
	}
}
