package io.cores.inventory;

import io.cores.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A card of some type, loose or fitted in a host (e.g. a RAID card). */
@Entity
@Table(name = "card")
public class Card extends BaseEntity {

	@Column(name = "card_type_id")
	private Long cardTypeId;

	private String serial;

	@Column(name = "asset_number")
	private String assetNumber;

	@Column(name = "host_id")
	private Long hostId;

	private String comment;

	protected Card() {
	}

	public Card(Long cardTypeId) {
		this.cardTypeId = cardTypeId;
	}

	public Long getCardTypeId() {
		return cardTypeId;
	}

	public String getSerial() {
		return serial;
	}

	public String getAssetNumber() {
		return assetNumber;
	}

	public Long getHostId() {
		return hostId;
	}

	public String getComment() {
		return comment;
	}

	public void setCardTypeId(Long cardTypeId) {
		this.cardTypeId = cardTypeId;
	}

	public void setSerial(String serial) {
		this.serial = serial;
	}

	public void setAssetNumber(String assetNumber) {
		this.assetNumber = assetNumber;
	}

	public void setHostId(Long hostId) {
		this.hostId = hostId;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}
}
