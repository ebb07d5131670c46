package io.cores.live;

import java.time.OffsetDateTime;

import io.cores.platform.persistence.BaseEntity;
import io.cores.platform.persistence.PgObjectJdbcType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;

/**
 * A MAC with the locally administered bit set, i.e. a virtual machine: tracked so its ip can
 * be shown, never a conflict and never an inventory entry. One row per MAC (unique), and the
 * database refuses a MAC without that bit. Scans record sightings in bulk
 * ({@code ScanWrites.sightVirtualHosts}), which keeps the newest sighting's ip and agent.
 */
@Entity
@Table(name = "virtual_host_scan")
public class VirtualHostScan extends BaseEntity {

	@JdbcType(PgObjectJdbcType.Macaddr.class)
	private String mac;

	@JdbcType(PgObjectJdbcType.Inet.class)
	private String ip;

	/** The agent identity of the latest scan that saw it. */
	private String agent;

	@Column(name = "first_seen")
	private OffsetDateTime firstSeen;

	@Column(name = "last_seen")
	private OffsetDateTime lastSeen;

	protected VirtualHostScan() {
	}

	public VirtualHostScan(String mac, String ip, String agent, OffsetDateTime seenAt) {
		this.mac = mac;
		this.ip = ip;
		this.agent = agent;
		this.firstSeen = seenAt;
		this.lastSeen = seenAt;
	}

	public String getMac() {
		return mac;
	}

	public String getIp() {
		return ip;
	}

	public String getAgent() {
		return agent;
	}

	public OffsetDateTime getFirstSeen() {
		return firstSeen;
	}

	public OffsetDateTime getLastSeen() {
		return lastSeen;
	}
}
