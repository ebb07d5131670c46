package io.cores.demo;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Loads the demo lab once at start-up, after the migrations, when {@code cores.demo.hosts}
 * is above zero and the database has no hosts yet; a restart therefore never duplicates it.
 * A failed load rolls back completely and stops the start-up. Then the lab's scans are posted
 * through the real ingest ({@link DemoScans}), each in its own transaction like any scan; one
 * refused stops the start-up too.
 */
public class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DataSource dataSource;
	private final DemoProperties properties;
	private final DemoScans scans;

	DemoDataLoader(DataSource dataSource, DemoProperties properties, DemoScans scans) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.scans = scans;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (properties.hosts() <= 0) {
			return;
		}
		log.info("Loading demo data with {} hosts unless the database already has hosts", properties.hosts());
		var summary = new DemoData(dataSource, DemoData.DEFAULT_SEED).load(properties.hosts());
		log.info("{}", summary.describe());
		if (summary.loaded()) {
			log.info("Demo data: {} scans ingested", scans.post(summary.scans()));
		}
	}
}
