package io.cores.inventory;

/** Where a host is in its life: NEW until first seen on the network, ON_LOAN while lent out. */
public enum HostStatus {
	NEW, ACTIVE, INACTIVE, ON_LOAN
}
