package io.cores.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The script of docs/agents.md works: fed an `ip neigh` table, it posts one scan as its agent
 * and prints the answer. Needs sh, awk and curl, as an agent machine has.
 */
class IpNeighScriptTest extends IngestTest {

	@TempDir
	Path bin;

	@Test
	void theDocumentedScriptPostsTheNeighbourTableAsOneScan() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && onPath("awk") && onPath("curl"), "sh, awk and curl");
		var key = agent("neighbours").substring("Token ".length());
		long lab = data().lab(data().building("hq"), "lab");
		var subnet = data().subnet(lab);
		long host = data().host("server", data().rack(lab, "r1", false), "ACTIVE");
		var known = data().mac();
		long nic = data().nic(host, known, ipIn(subnet, 7), true, null);
		var stranger = data().mac();
		fakeIpCommand("""
				%s dev eth0 lladdr %s REACHABLE
				%s dev eth0 lladdr %s STALE
				fe80::5 dev eth0 lladdr 0e:00:00:00:00:05 router STALE
				%s dev eth0  FAILED
				%s dev eth0 INCOMPLETE
				""".formatted(ipIn(subnet, 7), known.toUpperCase(), ipIn(subnet, 8), stranger, ipIn(subnet, 9),
				ipIn(subnet, 10)));

		var process = new ProcessBuilder("/bin/sh", Path.of("docs/ip-neigh-scan.sh").toAbsolutePath().toString())
			.redirectErrorStream(true);
		process.environment().put("PATH", bin + ":" + System.getenv("PATH"));
		process.environment().put("CORES_URL", "http://localhost:" + port());
		process.environment().put("CORES_AGENT_KEY", key);
		var running = process.start();
		assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
		var output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(running.exitValue()).as(output).isZero();
		assertThat(output).contains("\"stats\":{\"entries\":3,\"matched\":1,\"ipUpdated\":0,\"conflictsCreated\":1,"
				+ "\"conflictsSuperseded\":0,\"unknown\":1,\"virtual\":1}").contains("\"errors\":[]");
		assertThat(nicRow(nic).get("last_seen")).isNotNull();
		assertThat(jdbc.queryForList("SELECT entries FROM scan_session WHERE agent = ?", Integer.class,
				data().name("neighbours"))).isEqualTo(List.of(3));
	}

	private void fakeIpCommand(String table) throws IOException {
		Files.writeString(bin.resolve("neighbours.txt"), table);
		var ip = bin.resolve("ip");
		Files.writeString(ip, "#!/bin/sh\ncat '" + bin.resolve("neighbours.txt") + "'\n");
		Files.setPosixFilePermissions(ip, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static boolean onPath(String command) {
		for (var dir : System.getenv("PATH").split(":")) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}
}
