package io.cores.platform.audit;

import java.util.Map;

/**
 * A primary object was created, updated or deleted. Published by the module that wrote it,
 * inside the writing transaction; the audit module records it in the change log in that same
 * transaction, so a change and its record land (or roll back) together.
 *
 * @param objectType the node type's name, as global ids carry it ("Host", "Token")
 * @param action CREATE, UPDATE or DELETE
 * @param repr a short text naming the object ("lab3-r1-h01.example.net")
 * @param before the object's data before the change (null on create)
 * @param after its data after the change (null on delete)
 * @param actorId the user who made the change, null for the system
 */
public record ObjectChanged(String objectType, long objectId, String action, String repr, Map<String, Object> before,
		Map<String, Object> after, Long actorId, String actorName) {
}
