package io.cores.notices;

/** How a notice is shown, after the usual alert colours. */
public enum NoticeStyle {
	INFO, SUCCESS, WARNING, DANGER
}
