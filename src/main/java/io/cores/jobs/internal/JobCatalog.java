package io.cores.jobs.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.cores.jobs.BackgroundJob;

/** The jobs this server knows, by name, with their settings. The server does not start with two of one name. */
@Component
public class JobCatalog {

	public record Entry(BackgroundJob job, JobSettings settings) {
	}

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	JobCatalog(List<BackgroundJob> jobs, Environment environment) {
		jobs.stream().sorted(java.util.Comparator.comparing(BackgroundJob::name)).forEach(job -> {
			var settings = JobSettings.of(job.name(), environment);
			if (entries.putIfAbsent(job.name(), new Entry(job, settings)) != null) {
				throw new IllegalStateException("Two jobs are named " + job.name());
			}
		});
	}

	public Entry get(String name) {
		return entries.get(name);
	}

	public Collection<Entry> all() {
		return entries.values();
	}

	public Collection<String> names() {
		return entries.keySet();
	}

	/** The jobs this instance runs (not disabled here with cores.jobs.<name>.enabled=false). */
	Collection<String> runnable() {
		return entries.values().stream().filter(e -> e.settings().enabled()).map(e -> e.job().name()).toList();
	}

	/** Each job's lease: its lock-at-most-for. */
	Map<String, Duration> leases() {
		var leases = new LinkedHashMap<String, Duration>();
		entries.forEach((name, entry) -> leases.put(name, entry.settings().lockAtMostFor()));
		return leases;
	}
}
