package io.cores.inventory;

import java.time.OffsetDateTime;

import io.cores.platform.persistence.BaseEntity;
import io.cores.platform.persistence.PgObjectJdbcType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;

/** A network interface, known by its MAC address; it may belong to a host. */
@Entity
@Table(name = "nic")
public class Nic extends BaseEntity {

	/** The database normalises every accepted spelling to lower-case colon form. */
	@JdbcType(PgObjectJdbcType.Macaddr.class)
	private String mac;

	@JdbcType(PgObjectJdbcType.Inet.class)
	private String ip;

	@Column(name = "last_seen")
	private OffsetDateTime lastSeen;

	@Column(name = "host_id")
	private Long hostId;

	@Column(name = "is_primary")
	private boolean primary;

	private String role;

	protected Nic() {
	}

	public Nic(String mac) {
		this.mac = mac;
	}

	public String getMac() {
		return mac;
	}

	public String getIp() {
		return ip;
	}

	public OffsetDateTime getLastSeen() {
		return lastSeen;
	}

	public Long getHostId() {
		return hostId;
	}

	public boolean isPrimary() {
		return primary;
	}

	public String getRole() {
		return role;
	}

	public void setMac(String mac) {
		this.mac = mac;
	}

	public void setIp(String ip) {
		this.ip = ip;
	}

	public void setHostId(Long hostId) {
		this.hostId = hostId;
	}

	public void setPrimary(boolean primary) {
		this.primary = primary;
	}

	public void setRole(String role) {
		this.role = role;
	}
}
