package io.cores.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSummaryTest {

	@Test
	void aCountOfOneNamesItsRowsInTheSingular() {
		var counts = new LinkedHashMap<String, Long>();
		counts.put("mails", 1L);
		counts.put("journal entries", 1L);
		counts.put("NICs", 1L);
		counts.put("hosts", 2L);
		counts.put("job log lines", 0L);
		var summary = new DemoData.Summary(true, counts, List.of(), Duration.ofMillis(1500));

		assertThat(summary.describe())
			.isEqualTo("demo data loaded in 1.5 s: 1 mail, 1 journal entry, 1 NIC, 2 hosts, 0 job log lines");
	}
}
