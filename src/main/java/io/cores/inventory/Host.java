package io.cores.inventory;

import java.time.OffsetDateTime;

import io.cores.platform.persistence.BaseEntity;
import io.cores.platform.persistence.PgObjectJdbcType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcType;

/**
 * A machine in a lab, physical or virtual. Its {@code ip} and {@code lastSeen} follow its
 * NICs (see host_derive_from_nics in V3__inventory.sql), so they are read, never written.
 */
@Entity
@Table(name = "host")
public class Host extends BaseEntity {

	private String hostname;

	private String serial;

	@Column(name = "asset_number")
	private String assetNumber;

	@Column(name = "hd_vendor_id")
	private Long hdVendorId;

	@Column(name = "hardware_id")
	private Long hardwareId;

	@Column(name = "rack_id")
	private Long rackId;

	@Column(name = "type_id")
	private Long typeId;

	@Column(name = "build_id")
	private Long buildId;

	@Column(name = "vm_host_id")
	private Long vmHostId;

	private boolean hypervisor;

	@Enumerated(EnumType.STRING)
	private HostStatus status = HostStatus.NEW;

	/** While on loan, the status the host goes back to when the loan ends; null otherwise. */
	@Enumerated(EnumType.STRING)
	@Column(name = "status_before_loan")
	private HostStatus statusBeforeLoan;

	@JdbcType(PgObjectJdbcType.Inet.class)
	@Column(insertable = false, updatable = false)
	private String ip;

	@Column(name = "last_seen", insertable = false, updatable = false)
	private OffsetDateTime lastSeen;

	private String comment;

	protected Host() {
	}

	public Host(String hostname) {
		this.hostname = hostname;
	}

	public String getHostname() {
		return hostname;
	}

	public String getSerial() {
		return serial;
	}

	public String getAssetNumber() {
		return assetNumber;
	}

	public Long getHdVendorId() {
		return hdVendorId;
	}

	public Long getHardwareId() {
		return hardwareId;
	}

	public Long getRackId() {
		return rackId;
	}

	public Long getTypeId() {
		return typeId;
	}

	public Long getBuildId() {
		return buildId;
	}

	public Long getVmHostId() {
		return vmHostId;
	}

	public boolean isHypervisor() {
		return hypervisor;
	}

	public HostStatus getStatus() {
		return status;
	}

	/** The primary NIC's ip, else the most recently seen NIC's. */
	public String getIp() {
		return ip;
	}

	/** The latest lastSeen of the host's NICs. */
	public OffsetDateTime getLastSeen() {
		return lastSeen;
	}

	public String getComment() {
		return comment;
	}

	public void setHostname(String hostname) {
		this.hostname = hostname;
	}

	public void setSerial(String serial) {
		this.serial = serial;
	}

	public void setAssetNumber(String assetNumber) {
		this.assetNumber = assetNumber;
	}

	public void setHdVendorId(Long hdVendorId) {
		this.hdVendorId = hdVendorId;
	}

	public void setHardwareId(Long hardwareId) {
		this.hardwareId = hardwareId;
	}

	public void setRackId(Long rackId) {
		this.rackId = rackId;
	}

	public void setTypeId(Long typeId) {
		this.typeId = typeId;
	}

	public void setBuildId(Long buildId) {
		this.buildId = buildId;
	}

	public void setVmHostId(Long vmHostId) {
		this.vmHostId = vmHostId;
	}

	public void setHypervisor(boolean hypervisor) {
		this.hypervisor = hypervisor;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	/** Moves the host to a new status; the caller publishes {@link HostStatusChanged}. */
	HostStatus changeStatus(HostStatus to) {
		var from = status;
		status = to;
		return from;
	}

	/** Puts the host on loan, remembering where it goes back to; answers the status it had. */
	HostStatus lend() {
		if (status == HostStatus.ON_LOAN) {
			throw new IllegalStateException("Host " + getId() + " is on loan already");
		}
		statusBeforeLoan = status;
		return changeStatus(HostStatus.ON_LOAN);
	}

	/** Ends the host's loan: answers the status it goes back to, the one it had before. */
	HostStatus giveBack() {
		if (status != HostStatus.ON_LOAN) {
			throw new IllegalStateException("Host " + getId() + " is not on loan");
		}
		var back = statusBeforeLoan;
		statusBeforeLoan = null;
		changeStatus(back);
		return back;
	}
}
