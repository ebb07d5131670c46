package io.cores.audit;

/** What a change-log record records. */
public enum ChangeAction {
	CREATE, UPDATE, DELETE
}
