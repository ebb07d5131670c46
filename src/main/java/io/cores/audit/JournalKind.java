package io.cores.audit;

/** How a journal entry reads at a glance, from routine to alarming. */
public enum JournalKind {
	INFO, SUCCESS, WARNING, DANGER
}
