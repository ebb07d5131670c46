package io.cores.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.cores.platform.persistence.Json;

/**
 * The demo lab, built in memory before anything is written: every choice comes from one
 * seeded {@link Random}, so a seed and a host count always give the same lab (only the
 * times move with "now"). Ids are left at 0 here and assigned while writing.
 */
final class DemoModel {

	static final String DOMAIN = "example.net";

	// ---- the rows ----

	static class Row {
		long id;
	}

	static final class Named extends Row {
		final String name;
		final String description;

		Named(String name, String description) {
			this.name = name;
			this.description = description;
		}
	}

	static final class User extends Row {
		String username;
		String email;
		String displayName;
		String role;
		boolean active = true;
		Instant createdAt;
	}

	static final class Group extends Row {
		String name;
		String role;
		Instant createdAt;
	}

	record Membership(User user, Group group) {
	}

	static final class Project extends Row {
		String name;
		String description;
		Instant createdAt;
	}

	static final class Building extends Row {
		String name;
		String address;
		String comment;
		Instant createdAt;
	}

	static final class Lab extends Row {
		int number;
		Building building;
		String name;
		String comment;
		final List<Subnet> subnets = new ArrayList<>();
		Rack defaultRack;
		Instant createdAt;
	}

	static final class Rack extends Row {
		Lab lab;
		int number;
		String name;
		boolean isDefault;
		Instant createdAt;
		int hostsPlaced;
	}

	static final class Host extends Row {
		String hostname;
		String serial;
		String assetNumber;
		Named hdVendor;
		Named hardware;
		Named type;
		Named build;
		Rack rack;
		Host vmHost;
		boolean hypervisor;
		String status;
		/** While ON_LOAN: the status the host goes back to. */
		String statusBeforeLoan;
		String comment;
		Instant createdAt;
		/** when the host stopped being bookable (INACTIVE or lent out), if it did */
		Instant suspendedAt;
		final List<Nic> nics = new ArrayList<>(3);
		final List<Hold> holds = new ArrayList<>();
		long bookableId;
		String bookableStatus;
		String bookableComment;

		Lab lab() {
			return rack == null ? null : rack.lab;
		}

		Nic nic(String role) {
			return nics.stream().filter(n -> n.role.equals(role)).findFirst().orElse(null);
		}
	}

	static final class Nic extends Row {
		Host host;
		String mac;
		String ip;
		Instant lastSeen;
		boolean primary;
		String role;
	}

	static final class Card extends Row {
		Named type;
		String serial;
		String assetNumber;
		Host host;
		String comment;
		Instant createdAt;
	}

	static final class Hold {
		String kind;
		Host host;
		User owner;
		Project project;
		Instant startsAt;
		Instant endsAt;
		String comment;
		Instant cancelledAt;
		Instant createdAt;

		Instant updatedAt() {
			return cancelledAt != null ? cancelledAt : createdAt;
		}
	}

	record Notice(String title, String body, Group target, String style, int priority, Instant expiresAt,
			Instant createdAt) {
	}

	record Loan(Host host, String borrower, String contactEmail, Instant startsAt, Instant dueAt,
			Instant returnedAt, String comment) {
	}

	/** An API token; its key is made (and forgotten) while writing, so nobody knows it. */
	record Token(User owner, String comment, String role, boolean readOnly, Instant createdAt, Instant lastUsedAt,
			Instant expiresAt) {
	}

	record Job(String name, String status, Integer intervalMinutes, Instant scheduledAt, Instant startedAt,
			Instant completedAt, String data, String error, List<LogLine> log) {
	}

	/** A line of a job run's log. */
	record LogLine(Instant at, String level, String message) {
	}

	/** A mail a job run wrote to the outbox (about an owner's holds that day), and when it was sent. */
	record Mail(String kind, User owner, LocalDate day, String subject, String body, Job job, Instant sentAt) {
	}

	static final class Agent extends Row {
		String name;
		String metadata;
		Instant registeredAt;
	}

	static final class Tag extends Row {
		String name;
		String slug;
		String color;
		String description;
	}

	record Tagging(Tag tag, String objectType, Row object) {
	}

	record Journal(Host host, User author, String kind, String comments, Instant createdAt) {
	}

	/** An IPv4 block handing out addresses x.y.r.1–250 row by row, wrapping when full. */
	static final class Subnet {
		final int base;
		final int prefix;
		private final int firstRow;
		private final int rows;
		private int used;

		Subnet(int base, int prefix) {
			this.base = base;
			this.prefix = prefix;
			int allRows = Math.max(1, (1 << (32 - prefix)) >>> 8);
			this.firstRow = allRows > 2 ? 1 : 0;
			this.rows = allRows > 2 ? allRows - 2 : allRows;
		}

		String next() {
			int n = used++;
			int row = firstRow + (n / 250) % rows;
			return format(base + (row << 8) + 1 + n % 250);
		}

		String cidr() {
			return format(base) + "/" + prefix;
		}

		static String format(int ip) {
			return (ip >>> 24) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
		}
	}

	// ---- what the lab holds ----

	final Instant now;
	final List<Named> hdVendors = new ArrayList<>();
	final List<Named> builds = new ArrayList<>();
	final List<Named> hardware = new ArrayList<>();
	final List<Named> hostTypes = new ArrayList<>();
	final List<Named> cardTypes = new ArrayList<>();
	final List<User> users = new ArrayList<>();
	final List<Group> groups = new ArrayList<>();
	final List<Membership> memberships = new ArrayList<>();
	final List<Project> projects = new ArrayList<>();
	final List<Building> buildings = new ArrayList<>();
	final List<Lab> labs = new ArrayList<>();
	final List<Rack> racks = new ArrayList<>();
	final List<Host> hosts = new ArrayList<>();
	final List<Card> cards = new ArrayList<>();
	final List<Hold> holds = new ArrayList<>();
	final List<Notice> notices = new ArrayList<>();
	final List<Loan> loans = new ArrayList<>();
	final List<Token> tokens = new ArrayList<>();
	final List<Job> jobs = new ArrayList<>();
	final List<Mail> mails = new ArrayList<>();
	final List<Agent> agents = new ArrayList<>();
	/** posted after the load, oldest first */
	final List<DemoScan> scans = new ArrayList<>();
	final List<Tag> tags = new ArrayList<>();
	final List<Tagging> taggings = new ArrayList<>();
	final List<Journal> journal = new ArrayList<>();
	/** one change-log request id per host, in host order */
	final List<UUID> hostRequestIds = new ArrayList<>();

	private final Random random;
	private final Map<String, Integer> macCounters = new LinkedHashMap<>();

	private DemoModel(long seed, Instant now) {
		this.random = new Random(seed);
		this.now = now.truncatedTo(ChronoUnit.SECONDS);
	}

	static DemoModel generate(int hostCount, long seed, Instant now) {
		var model = new DemoModel(seed, now);
		model.build(hostCount);
		return model;
	}

	int bookingCount() {
		return (int) holds.stream().filter(h -> h.kind.equals("BOOKING")).count();
	}

	int reservationCount() {
		return holds.size() - bookingCount();
	}

	int nicCount() {
		return hosts.stream().mapToInt(h -> h.nics.size()).sum();
	}

	private void build(int hostCount) {
		catalogs();
		people(hostCount);
		places(hostCount);
		hosts(hostCount);
		cards(hostCount);
		bookables();
		bookings(hostCount);
		loans();
		reservations(hostCount);
		notices();
		tokensAndJobs();
		scans();
		tags();
		journal(hostCount);
		for (int i = 0; i < hosts.size(); i++) {
			// random (version 4) UUIDs, from the seeded generator
			hostRequestIds.add(new UUID(random.nextLong() & ~0xF000L | 0x4000L,
					random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L));
		}
		pastRetention();
	}

	// ---- catalogs ----

	private void catalogs() {
		hdVendors.add(new Named("Seagate", "Seagate Exos and IronWolf drives"));
		hdVendors.add(new Named("WD", "Western Digital Ultrastar and Gold drives"));
		hdVendors.add(new Named("Toshiba", "Toshiba MG-series enterprise drives"));
		hdVendors.add(new Named("Intel", "Intel / Solidigm data-centre SSDs"));
		hdVendors.add(new Named("Samsung", "Samsung PM-series NVMe SSDs"));
		hdVendors.add(new Named("Micron", "Micron 7450 / 9400 NVMe SSDs"));

		builds.add(new Named("RHEL 8.10", "Red Hat Enterprise Linux 8.10"));
		builds.add(new Named("RHEL 9.4", "Red Hat Enterprise Linux 9.4"));
		builds.add(new Named("Ubuntu 22.04", "Ubuntu 22.04 LTS (Jammy Jellyfish)"));
		builds.add(new Named("Ubuntu 24.04", "Ubuntu 24.04 LTS (Noble Numbat)"));
		builds.add(new Named("Debian 12", "Debian 12 (bookworm)"));
		builds.add(new Named("Rocky Linux 9.4", "Rocky Linux 9.4"));
		builds.add(new Named("ESXi 8.0U3", "VMware ESXi 8.0 Update 3"));
		builds.add(new Named("Proxmox VE 8.2", "Proxmox Virtual Environment 8.2"));

		hardware.add(new Named("Sandybridge", "Intel Xeon E5 v1 (2012)"));
		hardware.add(new Named("Haswell", "Intel Xeon E5 v3 (2014)"));
		hardware.add(new Named("Skylake", "Intel Xeon Scalable, 1st generation (2017)"));
		hardware.add(new Named("Icelake", "Intel Xeon Scalable, 3rd generation (2021)"));
		hardware.add(new Named("Sapphire Rapids", "Intel Xeon Scalable, 4th generation (2023)"));

		hostTypes.add(new Named("tcpreplay", "Replays captured traffic at line rate"));
		hostTypes.add(new Named("traffic-gen", "Stateful traffic generator (TRex, Ixia, Spirent)"));
		hostTypes.add(new Named("dut", "Device under test"));
		hostTypes.add(new Named("build", "Build and CI runner"));
		hostTypes.add(new Named("hypervisor", "Runs virtual machines for the lab"));

		cardTypes.add(new Named("Intel X710-DA4", "4x10GbE SFP+ network adapter"));
		cardTypes.add(new Named("Intel E810-CQDA2", "2x100GbE QSFP28 network adapter"));
		cardTypes.add(new Named("Mellanox ConnectX-6 Dx", "2x100GbE SmartNIC"));
		cardTypes.add(new Named("Broadcom MegaRAID 9460-16i", "SAS/SATA/NVMe RAID controller"));
		cardTypes.add(new Named("NVIDIA A2", "Low-profile inference GPU"));
		cardTypes.add(new Named("Napatech NT200A02", "2x100GbE capture accelerator"));
	}

	// ---- users, groups, projects ----

	private static final String[] FIRST_NAMES = { "Alice", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Grace",
			"Hiro", "Ines", "Jonas", "Kavya", "Liam", "Maya", "Nikolai", "Olga", "Pedro", "Quinn", "Rosa", "Sven",
			"Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Anders", "Bianca", "Carlos", "Dana", "Emeka",
			"Fatima", "Gustav", "Hana", "Ivan", "Julia", "Kenji", "Lena", "Marco", "Nora" };
	private static final String[] LAST_NAMES = { "Andersen", "Baker", "Costa", "Dubois", "Eriksson", "Fischer",
			"Garcia", "Hughes", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov",
			"Quintero", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Berg",
			"Lindqvist", "Murphy", "Nakamura", "Oliveira", "Patel", "Reyes", "Silva", "Torres", "Vogel", "Walsh",
			"Yamada", "Ahmed", "Kim" };
	private static final String[] PROJECTS = { "Firewall 7.2 release", "5G UPF performance", "DPDK 24.11 qualification",
			"IPsec offload", "Customer escalations", "Nightly CI", "SmartNIC bring-up", "Load balancer soak",
			"Packet broker", "QUIC gateway", "BGP scale", "Telemetry pipeline", "SR-IOV certification",
			"VPP upgrade", "Latency lab", "Security audit", "Kernel 6.x regression", "TLS 1.3 offload",
			"Traffic replay library", "Edge router PoC" };

	private void people(int hostCount) {
		Set<String> usernames = new HashSet<>();
		int userCount = 20 + hostCount / 100;
		for (int i = 0; i < userCount; i++) {
			var first = pick(FIRST_NAMES);
			var last = pick(LAST_NAMES);
			var base = (first + "." + last).toLowerCase();
			var username = base;
			for (int n = 2; !usernames.add(username); n++) {
				username = base + n;
			}
			var user = new User();
			user.username = username;
			user.email = username + "@" + DOMAIN;
			user.displayName = first + " " + last;
			// no admins: an operator's bootstrap admin must stay the only one
			user.role = i < 6 ? "STAFF" : "USER";
			user.active = i < 6 || random.nextInt(100) >= 3;
			user.createdAt = daysAgo(400 + random.nextInt(300));
			users.add(user);
		}

		var groupSpecs = new String[][] { { "lab-admins", "STAFF" }, { "network-team", "STAFF" }, { "qa", "USER" },
				{ "perf-team", null }, { "release-eng", null } };
		for (var spec : groupSpecs) {
			var group = new Group();
			group.name = spec[0];
			group.role = spec[1];
			group.createdAt = daysAgo(700);
			groups.add(group);
		}
		for (int i = 0; i < users.size(); i++) {
			var user = users.get(i);
			if (i < 2) {
				memberships.add(new Membership(user, groups.get(0)));
			}
			else if (i < 6) {
				memberships.add(new Membership(user, groups.get(1)));
			}
			else {
				int first = 1 + random.nextInt(groups.size() - 1);
				memberships.add(new Membership(user, groups.get(first)));
				if (random.nextInt(3) == 0) {
					int second = 1 + random.nextInt(groups.size() - 1);
					if (second != first) {
						memberships.add(new Membership(user, groups.get(second)));
					}
				}
			}
		}

		int projectCount = 8 + hostCount / 2000;
		for (int i = 0; i < projectCount; i++) {
			var project = new Project();
			project.name = i < PROJECTS.length ? PROJECTS[i] : "Project " + (i + 1);
			project.description = i < PROJECTS.length ? "Lab work for " + PROJECTS[i].toLowerCase()
					: "Additional lab project " + (i + 1);
			project.createdAt = daysAgo(30 + random.nextInt(500));
			projects.add(project);
		}
	}

	// ---- buildings, labs, subnets, racks ----

	private static final String[] BUILDINGS = { "Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo",
			"Hawthorn", "Juniper", "Larch", "Maple", "Oak", "Pine", "Rowan", "Spruce", "Willow" };
	private static final String[] STREETS = { "Harbour Road", "Science Park", "Innovation Way", "Station Street",
			"Mill Lane", "Riverside Drive" };
	private static final String[] LAB_PURPOSES = { "Performance lab", "Interoperability lab", "Security lab",
			"CI and build farm", "Customer repro lab", "Long-running soak tests", "Hardware bring-up" };

	private void places(int hostCount) {
		int buildingCount = Math.min(3 + hostCount / 5000, 50);
		int labNumber = 0;
		for (int b = 0; b < buildingCount; b++) {
			var building = new Building();
			building.name = b < BUILDINGS.length ? BUILDINGS[b] + " House"
					: BUILDINGS[b % BUILDINGS.length] + " House " + (b / BUILDINGS.length + 1);
			building.address = (1 + random.nextInt(120)) + " " + pick(STREETS) + ", Springfield";
			building.comment = b == 0 ? "Main site; loading bay at the back" : null;
			building.createdAt = daysAgo(900 - b);
			buildings.add(building);
			int labsHere = 2 + random.nextInt(3);
			for (int l = 0; l < labsHere; l++) {
				var lab = new Lab();
				lab.number = ++labNumber;
				lab.building = building;
				lab.name = "lab" + lab.number;
				lab.comment = pick(LAB_PURPOSES);
				lab.createdAt = building.createdAt.plus(Duration.ofDays(1 + l));
				// all inside 10/8 and disjoint: 10.<lab>.0.0/16 (lab 1-200), and for about half the
				// labs a management /20 from 10.201.0.0-10.213.255.255
				lab.subnets.add(new Subnet((10 << 24) | (lab.number << 16), 16));
				if (random.nextBoolean()) {
					int block = lab.number - 1;
					lab.subnets.add(new Subnet((10 << 24) | ((201 + block / 16) << 16) | ((block % 16) << 12), 20));
				}
				labs.add(lab);
				var rack0 = newRack(lab, 0);
				rack0.isDefault = true;
				lab.defaultRack = rack0;
			}
		}
	}

	private Rack newRack(Lab lab, int number) {
		var rack = new Rack();
		rack.lab = lab;
		rack.number = number;
		rack.name = "rack " + number;
		rack.createdAt = lab.createdAt.plus(Duration.ofDays(number / 10));
		racks.add(rack);
		return rack;
	}

	// ---- hosts and NICs ----

	private static final String[] HOST_COMMENTS = { "One PSU failed, running on the spare", "BIOS updated to 2.19",
			"Moved from the old lab in March", "Do not power-cycle without asking the perf team",
			"Console cable on port 12 of the terminal server", "Fans replaced", "Has the only 400G optics in the row",
			"Memory upgraded to 512 GB" };

	private void hosts(int hostCount) {
		// hypervisors and their VMs first, so the number of physical hosts is known
		int hypervisorCount = hostCount >= 50 ? 2 + hostCount / 1000 : 0;
		int[] vmsPer = new int[hypervisorCount];
		int vmCount = 0;
		for (int i = 0; i < hypervisorCount; i++) {
			vmsPer[i] = 2 + random.nextInt(5);
			vmCount += vmsPer[i];
		}
		int physicalCount = hostCount - vmCount;

		// racks: one per ~20 physical hosts, at least one per lab, the rest spread unevenly
		int rackCount = Math.max(labs.size(), Math.round(physicalCount / 20f));
		double[] weights = new double[labs.size()];
		double total = 0;
		for (int i = 0; i < weights.length; i++) {
			weights[i] = 0.5 + random.nextDouble();
			total += weights[i];
		}
		int[] racksPerLab = new int[labs.size()];
		for (int r = 0; r < rackCount; r++) {
			int lab = r < labs.size() ? r : weighted(weights, total);
			racksPerLab[lab]++;
		}
		List<Rack> hostRacks = new ArrayList<>();
		for (int l = 0; l < labs.size(); l++) {
			for (int n = 1; n <= racksPerLab[l]; n++) {
				hostRacks.add(newRack(labs.get(l), n));
			}
		}

		for (int i = 0; i < physicalCount; i++) {
			var host = new Host();
			host.rack = hostRacks.get((int) ((long) i * hostRacks.size() / physicalCount));
			int roll = random.nextInt(1000);
			host.status = roll < 40 ? "NEW" : roll < 95 ? "INACTIVE" : "ACTIVE";
			if (host.status.equals("NEW") && random.nextBoolean()) {
				host.rack = null; // not yet placed: a scan will find its lab
			}
			else if (host.status.equals("ACTIVE") && random.nextInt(200) == 0) {
				host.rack = host.rack.lab.defaultRack; // placed by a scan
			}
			host.hardware = hardwareFor(random.nextInt(100));
			host.hdVendor = pick(hdVendors);
			int typeRoll = random.nextInt(100);
			host.type = hostTypes.get(typeRoll < 20 ? 0 : typeRoll < 40 ? 1 : typeRoll < 85 ? 2 : 3);
			host.build = builds.get(random.nextInt(6));
			host.serial = serial(host.hardware);
			host.assetNumber = random.nextInt(100) < 95 ? "AS-" + (100000 + i) : null;
			host.comment = random.nextInt(100) < 4 ? pick(HOST_COMMENTS) : null;
			host.createdAt = daysAgo(100 + random.nextInt(800));
			if (host.status.equals("NEW")) {
				host.createdAt = daysAgo(1 + random.nextInt(14));
			}
			else if (host.status.equals("INACTIVE")) {
				host.suspendedAt = daysAgo(1 + random.nextInt(80)).minus(Duration.ofMinutes(random.nextInt(600)));
			}
			hosts.add(host);
		}
		int staged = 0;
		for (var host : hosts) {
			if (host.rack == null) {
				host.hostname = String.format("stage-h%04d.%s", ++staged, DOMAIN);
			}
			else {
				host.hostname = String.format("lab%d-r%d-h%02d.%s", host.rack.lab.number, host.rack.number,
						++host.rack.hostsPlaced, DOMAIN);
			}
		}

		// hypervisors: active, racked, modern hosts; their VMs share their rack
		List<Host> candidates = new ArrayList<>(hosts.stream()
			.filter(h -> h.status.equals("ACTIVE") && h.rack != null && !h.rack.isDefault)
			.toList());
		Collections.shuffle(candidates, random);
		for (int i = 0; i < Math.min(hypervisorCount, candidates.size()); i++) {
			var hv = candidates.get(i);
			hv.hypervisor = true;
			hv.type = hostTypes.get(4);
			hv.hardware = hardware.get(3 + random.nextInt(2));
			hv.build = builds.get(6 + random.nextInt(2));
			var shortName = hv.hostname.substring(0, hv.hostname.indexOf('.'));
			for (int v = 1; v <= vmsPer[i]; v++) {
				var vm = new Host();
				vm.vmHost = hv;
				vm.rack = hv.rack;
				vm.hostname = shortName + "-vm" + v + "." + DOMAIN;
				vm.status = random.nextInt(10) == 0 ? "INACTIVE" : "ACTIVE";
				vm.type = hostTypes.get(random.nextBoolean() ? 2 : 3);
				vm.build = builds.get(random.nextInt(6));
				vm.serial = "VMware-" + hex(8) + "-" + hex(4);
				vm.createdAt = between(hv.createdAt, now.minus(Duration.ofDays(100)));
				if (vm.status.equals("INACTIVE")) {
					vm.suspendedAt = daysAgo(1 + random.nextInt(40));
				}
				hosts.add(vm);
			}
		}

		for (var host : hosts) {
			nics(host);
		}
	}

	private Named hardwareFor(int roll) {
		return hardware.get(roll < 5 ? 0 : roll < 20 ? 1 : roll < 50 ? 2 : roll < 80 ? 3 : 4);
	}

	private void nics(Host host) {
		var lab = host.lab();
		boolean vm = host.vmHost != null;
		boolean seen = lab != null && !host.status.equals("NEW");
		// when the host last answered: minutes ago for most active hosts, else when it went away
		Instant lastSeen = null;
		if (seen) {
			if (host.suspendedAt != null) {
				lastSeen = host.suspendedAt.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
			}
			else if (random.nextInt(100) < 95) {
				lastSeen = now.minus(Duration.ofSeconds(30 + random.nextInt(15 * 60)));
			}
			else {
				lastSeen = now.minus(Duration.ofHours(24 + random.nextInt(10 * 24)));
			}
		}
		String dataOui = vm ? "00:50:56" : host.hardware == hardware.get(4) || host.hardware == hardware.get(3)
				? (random.nextBoolean() ? "0c:42:a1" : "b4:96:91") : (random.nextBoolean() ? "3c:fd:fe" : "a0:36:9f");
		String[] roles = vm ? new String[] { "mgmt", "data", "data" } : new String[] { "mgmt", "data", "ipmi" };
		for (int i = 0; i < roles.length; i++) {
			var nic = new Nic();
			nic.host = host;
			nic.role = roles[i];
			nic.primary = i == 0;
			nic.mac = mac(roles[i].equals("ipmi") ? (random.nextBoolean() ? "ac:1f:6b" : "d0:94:66") : vm ? "00:50:56" : dataOui);
			boolean withIp = seen && (i != 1 || random.nextInt(100) < 70);
			if (withIp) {
				var subnet = roles[i].equals("ipmi") ? lab.subnets.get(lab.subnets.size() - 1) : lab.subnets.get(0);
				nic.ip = subnet.next();
				nic.lastSeen = i == 0 ? lastSeen : lastSeen.minus(Duration.ofSeconds(random.nextInt(3600)));
			}
			host.nics.add(nic);
		}
	}

	private String mac(String oui) {
		int n = macCounters.merge(oui, 1, Integer::sum);
		// an odd multiplier is a bijection modulo 2^24, so distinct counters give distinct MACs;
		// the per-vendor offset keeps different vendors' NICs from sharing their last bytes
		int low = (int) (((long) n * 0x6F4F2BL + oui.hashCode() * 0x9E3779B1L) & 0xFFFFFF);
		return String.format("%s:%02x:%02x:%02x", oui, low >>> 16, (low >>> 8) & 255, low & 255);
	}

	// ---- cards ----

	private void cards(int hostCount) {
		int assets = 0;
		for (var host : hosts) {
			if (host.vmHost != null || random.nextInt(100) >= 30) {
				continue;
			}
			int count = 1 + random.nextInt(2);
			for (int c = 0; c < count; c++) {
				cards.add(card(host, ++assets));
			}
		}
		for (int i = 0; i < hostCount / 200; i++) {
			var spare = card(null, ++assets);
			spare.comment = "Spare, shelf " + (1 + random.nextInt(6));
			cards.add(spare);
		}
	}

	private Card card(Host host, int number) {
		var card = new Card();
		card.type = pick(cardTypes);
		card.host = host;
		card.serial = hex(2).toUpperCase() + (10000000 + random.nextInt(90000000));
		card.assetNumber = random.nextInt(100) < 80 ? "CA-" + (500000 + number) : null;
		card.createdAt = host != null ? host.createdAt : daysAgo(10 + random.nextInt(400));
		return card;
	}

	// ---- bookables and holds ----

	private static final String[] BOOKING_COMMENTS = { "Perf regression run", "Release validation",
			"72h soak test", "Firmware upgrade test", "Customer repro", "Nightly CI", "Throughput baseline",
			"Fuzzing campaign", "Interop with vendor kit", "Demo prep" };

	private void bookables() {
		for (var host : hosts) {
			host.bookableStatus = switch (host.status) {
				case "NEW" -> "CREATED";
				case "ACTIVE" -> "ACTIVE";
				default -> "SUSPENDED";
			};
		}
	}

	/**
	 * Ten bookings per host on average, laid out one per time slot from 90 days ago to 60
	 * days ahead, so no two overlap. Hosts still NEW have none; the others take their share.
	 */
	private void bookings(int hostCount) {
		List<Host> bookable = hosts.stream().filter(h -> !h.status.equals("NEW")).toList();
		if (bookable.isEmpty()) {
			return;
		}
		long total = 10L * hostCount;
		long each = total / bookable.size();
		long extra = total % bookable.size();
		List<User> owners = users.stream().filter(u -> u.active).toList();
		Instant windowStart = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(90));
		long windowHours = 150L * 24;
		for (int j = 0; j < bookable.size(); j++) {
			var host = bookable.get(j);
			// at least eight hours a slot, whatever the share
			long count = Math.min(each + (j < extra ? 1 : 0), windowHours / 8);
			long slot = windowHours / count;
			var regular = owners.get(random.nextInt(owners.size()));
			for (int k = 0; k < count; k++) {
				var hold = new Hold();
				hold.kind = "BOOKING";
				hold.host = host;
				hold.owner = random.nextInt(100) < 40 ? regular : owners.get(random.nextInt(owners.size()));
				hold.project = random.nextInt(100) < 70 ? pick(projects) : null;
				long offset = k * slot + (long) (random.nextDouble() * slot * 0.4);
				double r = random.nextDouble();
				long hours = Math.max(1, 2 + (long) ((slot * 0.55 - 2) * r * r));
				hold.startsAt = windowStart.plus(Duration.ofHours(offset));
				hold.endsAt = hold.startsAt.plus(Duration.ofHours(hours));
				hold.comment = random.nextInt(100) < 20 ? pick(BOOKING_COMMENTS) : null;
				hold.createdAt = earlier(min(hold.startsAt, now), 1 + random.nextInt(14 * 24));
				if (random.nextInt(1000) < 15) {
					hold.cancelledAt = between(hold.createdAt, min(hold.startsAt, now));
				}
				host.holds.add(hold);
				holds.add(hold);
			}
			if (host.suspendedAt != null) {
				suspend(host, host.suspendedAt, null);
			}
		}
	}

	/** What the booking module does when a host goes away at {@code from}: running holds end, later ones are cancelled. */
	private void suspend(Host host, Instant from, Instant until) {
		for (var hold : host.holds) {
			boolean startsInside = !hold.startsAt.isBefore(from) && (until == null || hold.startsAt.isBefore(until));
			if (startsInside) {
				if (!hold.createdAt.isBefore(from)) {
					hold.createdAt = earlier(from, 1 + random.nextInt(72));
				}
				hold.cancelledAt = hold.cancelledAt == null ? from : min(hold.cancelledAt, from);
			}
			else if (hold.cancelledAt == null && hold.startsAt.isBefore(from)
					&& (hold.endsAt == null || hold.endsAt.isAfter(from))) {
				hold.endsAt = from;
			}
		}
	}

	private void reservations(int hostCount) {
		List<Host> candidates = new ArrayList<>(hosts.stream()
			.filter(h -> h.bookableStatus.equals("ACTIVE") && !h.holds.isEmpty())
			.toList());
		Collections.shuffle(candidates, random);
		int count = Math.min(candidates.size(), Math.max(3, hostCount / 100));
		String[] comments = { "Held for the next release's regression run", "Hold for the customer demo",
				"Reserved for the perf team's quarterly baseline", "Hardware kept for the vendor visit", null };
		for (int i = 0; i < count; i++) {
			var host = candidates.get(i);
			Instant lastEnd = host.holds.stream()
				.filter(h -> h.cancelledAt == null)
				.map(h -> h.endsAt)
				.max(Instant::compareTo)
				.orElse(now);
			var hold = new Hold();
			hold.kind = "RESERVATION";
			hold.host = host;
			hold.owner = users.get(random.nextInt(Math.min(users.size(), 6)));
			hold.project = random.nextBoolean() ? pick(projects) : null;
			hold.startsAt = lastEnd.plus(Duration.ofHours(4 + random.nextInt(5 * 24)));
			// every third one is open-ended: it holds the host until someone ends it
			hold.endsAt = i % 3 == 0 ? null : hold.startsAt.plus(Duration.ofDays(3 + random.nextInt(28)));
			hold.comment = comments[random.nextInt(comments.length)];
			hold.createdAt = earlier(min(hold.startsAt, now), 1 + random.nextInt(10 * 24));
			host.holds.add(hold);
			holds.add(hold);
		}
	}

	// ---- loans ----

	private void loans() {
		List<Host> candidates = new ArrayList<>(hosts.stream()
			.filter(h -> h.status.equals("ACTIVE") && h.vmHost == null && !h.hypervisor && h.rack != null)
			.toList());
		if (candidates.size() < 2) {
			return;
		}
		Collections.shuffle(candidates, random);
		var lent = candidates.get(0);
		var start = daysAgo(10).minus(Duration.ofHours(3));
		lent.statusBeforeLoan = lent.status;
		lent.status = "ON_LOAN";
		lent.bookableStatus = "SUSPENDED";
		lent.suspendedAt = start;
		for (var nic : lent.nics) {
			if (nic.lastSeen != null) {
				nic.lastSeen = start.minus(Duration.ofMinutes(30 + random.nextInt(600)));
			}
		}
		suspend(lent, start, null);
		loans.add(new Loan(lent, "Contoso Networks (field trial)", "jane.doe@contoso.example", start,
				start.plus(Duration.ofDays(30)), null, "Shipped for an on-site proof of concept"));

		var returned = candidates.get(1);
		var from = daysAgo(75);
		var back = daysAgo(40);
		suspend(returned, from, back);
		loans.add(new Loan(returned, "University of Springfield networking lab", "netlab@springfield.example", from,
				daysAgo(45), back, "Lent for a student project; returned with new optics"));
	}

	// ---- notices ----

	private void notices() {
		var group = groups.get(1);
		notices.add(new Notice("Welcome to the lab",
				"Book hosts from the **Bookables** page. Bookings longer than two weeks need a project.\n\n"
						+ "Questions: `#lab-help`.",
				null, "INFO", 0, null, daysAgo(120)));
		notices.add(new Notice("Planned power work in " + buildings.get(0).name,
				"Electricians will test the UPS on Saturday from 08:00 to 12:00. "
						+ "Hosts in " + buildings.get(0).name + " may lose power once.",
				null, "WARNING", 10, now.plus(Duration.ofDays(7)), daysAgo(2)));
		notices.add(new Notice("Core switch upgrade tonight",
				"The spine switches in lab1 are upgraded at 22:00. Expect **two short outages** of the data network.",
				group, "DANGER", 20, now.plus(Duration.ofDays(2)), daysAgo(1)));
		notices.add(new Notice("New Sapphire Rapids hosts",
				"Twenty new Sapphire Rapids hosts are bookable in lab2. Filter by hardware to find them.",
				null, "SUCCESS", 5, null, daysAgo(14)));
		notices.add(new Notice("Cooling outage resolved",
				"The chiller in lab3 is repaired; all hosts are back.", null, "INFO", 1, daysAgo(3), daysAgo(10)));
	}

	// ---- tokens and the jobs' run history ----

	private void tokensAndJobs() {
		var ci = users.get(Math.min(6, users.size() - 1));
		tokens.add(new Token(ci, "CI pipeline: books hosts for nightly runs", ci.role, false, daysAgo(200),
				now.minus(Duration.ofMinutes(20 + random.nextInt(600))), now.plus(Duration.ofDays(165))));
		var dashboard = users.get(2);
		tokens.add(new Token(dashboard, "Grafana dashboard (read only)", "USER", true, daysAgo(90),
				now.minus(Duration.ofMinutes(1 + random.nextInt(5))), null));

		// the daily jobs' runs of the last three days, and each one's next run
		Instant today = now.truncatedTo(ChronoUnit.DAYS);
		Set<String> scheduled = new HashSet<>();
		for (int d = 3; d >= -1; d--) {
			var day = today.minus(Duration.ofDays(d));
			var maintenance = day.plus(Duration.ofMinutes(3 * 60 + 23));
			var morning = day.plus(Duration.ofMinutes(8 * 60 + 23));
			if (!maintenance.isAfter(now)) {
				jobs.add(maintenanceRun(maintenance, d == 2));
			}
			else if (scheduled.add("maintenance")) {
				jobs.add(scheduled("maintenance", maintenance));
			}
			if (!morning.isAfter(now)) {
				jobs.add(morningRun(morning));
			}
			else if (scheduled.add("morning")) {
				jobs.add(scheduled("morning", morning));
			}
		}
	}

	private Job scheduled(String name, Instant at) {
		return new Job(name, "SCHEDULED", 24 * 60, at, null, null, null, null, List.of());
	}

	private Job morningRun(Instant at) {
		var started = at.plusMillis(200 + random.nextInt(800));
		var done = started.plusMillis(300 + random.nextInt(3000));
		int mails = 3 + random.nextInt(40);
		var data = new LinkedHashMap<String, Object>();
		data.put("mailsSent", mails);
		return new Job("morning", "COMPLETED", 24 * 60, at, started, done, Json.write(data), null,
				List.of(logLine(started, "INFO", "Mailing owners of bookings and reservations that start or end today"),
						logLine(done, "INFO", mails + " mail(s) sent")));
	}

	private Job maintenanceRun(Instant at, boolean failed) {
		var started = at.plusMillis(200 + random.nextInt(800));
		var done = started.plusMillis(1000 + random.nextInt(20000));
		if (failed) {
			var error = "canceling statement due to lock timeout";
			return new Job("maintenance", "FAILED", 24 * 60, at, started, done, null, error,
					List.of(logLine(started, "INFO", "Deleting records older than 3 months"), logLine(done, "ERROR", error)));
		}
		var data = new LinkedHashMap<String, Object>();
		data.put("noticesDeleted", random.nextInt(3));
		data.put("scanSessionsDeleted", random.nextInt(200));
		data.put("holdsDeleted", random.nextInt(400));
		return new Job("maintenance", "COMPLETED", 24 * 60, at, started, done, Json.write(data), null,
				List.of(logLine(started, "INFO", "Deleting records older than 3 months"),
						logLine(done, "INFO", "Done: " + data)));
	}

	// ---- past the retention time ----

	/**
	 * A few rows older than the maintenance job keeps (3 months), so that maintenance on the demo
	 * lab has something of each kind to delete: a notice that expired 120 days ago, a booking and
	 * a reservation that ended 100 days ago, and that day's morning run with the mail it sent
	 * their owner. No scan session: the ingest stamps a session with the time it is posted, so the
	 * demo's scans are young whatever their timestamp. Made last and without the random
	 * generator, so the rest of the lab is what the seed always made.
	 */
	private void pastRetention() {
		notices.add(new Notice("Lab move finished", "All racks of lab2 are in their new room; bookings are open again.",
				null, "SUCCESS", 0, now.minus(Duration.ofDays(120)), now.minus(Duration.ofDays(127))));
		Instant day = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(100));
		Instant bookingStart = day.minus(Duration.ofDays(2)).plus(Duration.ofHours(9));
		Instant reservationStart = day.minus(Duration.ofDays(12)).plus(Duration.ofHours(10));
		List<Host> bookableThen = hosts.stream()
			.filter(h -> h.status.equals("ACTIVE") && h.bookableStatus.equals("ACTIVE")
					&& h.createdAt.isBefore(reservationStart.minus(Duration.ofDays(14))))
			.toList();
		var owner = users.stream().filter(u -> u.active && u.role.equals("USER")).findFirst().orElse(null);
		if (bookableThen.size() < 2 || owner == null) {
			return;
		}
		var booking = oldHold("BOOKING", bookableThen.get(0), owner, bookingStart, day.plus(Duration.ofHours(17)));
		var reservation = oldHold("RESERVATION", bookableThen.get(1), owner, reservationStart,
				day.plus(Duration.ofHours(12)));

		var at = day.plus(Duration.ofMinutes(8 * 60 + 23));
		var started = at.plusMillis(400);
		var sent = started.plusMillis(900);
		var done = sent.plusMillis(100);
		var data = new LinkedHashMap<String, Object>();
		data.put("holdMails", 1);
		data.put("notificationMails", 0);
		data.put("ownersWithoutAddress", 0);
		data.put("mailsSent", 1);
		var run = new Job("morning", "COMPLETED", 24 * 60, at, started, done, Json.write(data), null, List.of(
				logLine(started, "INFO", "Mailing owners of bookings and reservations that start or end today"),
				logLine(done, "INFO", "1 mail(s) sent")));
		jobs.add(run);
		var date = LocalDate.ofInstant(day, ZoneOffset.UTC);
		var body = "Hello " + owner.displayName + ",\n\nyour bookings and reservations that start or end today (" + date
				+ "):\n\n" + line(booking) + line(reservation) + "\n-- Cores\n";
		mails.add(new Mail("HOLDS_TODAY", owner, date, "Cores: your holds today, " + date, body, run, sent));
	}

	private Hold oldHold(String kind, Host host, User owner, Instant startsAt, Instant endsAt) {
		var hold = new Hold();
		hold.kind = kind;
		hold.host = host;
		hold.owner = owner;
		hold.startsAt = startsAt;
		hold.endsAt = endsAt;
		hold.createdAt = startsAt.minus(Duration.ofDays(3));
		host.holds.add(hold);
		holds.add(hold);
		return hold;
	}

	private static String line(Hold hold) {
		var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
		return "- " + (hold.kind.equals("BOOKING") ? "Booking" : "Reservation") + " of " + hold.host.hostname + ": "
				+ time.format(hold.startsAt) + " to " + time.format(hold.endsAt) + " (ends today)\n";
	}

	private static LogLine logLine(Instant at, String level, String message) {
		return new LogLine(at, level, message);
	}

	// ---- scans: only planned here; DemoScans posts them through the real ingest after the load ----

	private void scans() {
		var agent = new Agent();
		agent.name = "netscan-01";
		agent.registeredAt = daysAgo(120);
		agents.add(agent);
		var metadata = new LinkedHashMap<String, Object>();
		metadata.put("version", "2.3.1");
		metadata.put("hostname", "scan01." + DOMAIN);
		metadata.put("subnets", labs.stream().flatMap(l -> l.subnets.stream()).map(Subnet::cidr).toList());
		agent.metadata = Json.write(metadata);

		List<DemoScan.Entry> earlier = new ArrayList<>();
		List<DemoScan.Entry> latest = new ArrayList<>();
		List<Host> active = new ArrayList<>(hosts.stream()
			.filter(h -> h.status.equals("ACTIVE") && h.rack != null && h.vmHost == null && h.nic("data").ip != null)
			.toList());
		Collections.shuffle(active, random);
		var picked = active.iterator();

		// seen where the records say, in both scans
		for (int i = 0; i < 20 && picked.hasNext(); i++) {
			var nic = picked.next().nics.get(0);
			both(earlier, latest, DemoScan.Entry.of(nic.mac, nic.ip));
		}
		// a NIC answering on a new address in its own lab: the same again later (nothing new),
		// another one later (the first superseded), ignored, accepted (then matched)
		for (var story : List.of("same", "moved", "ignored", "accepted")) {
			if (!picked.hasNext()) {
				break;
			}
			var nic = picked.next().nic("data");
			var scanned = nic.host.lab().subnets.get(0).next();
			switch (story) {
				case "same" -> both(earlier, latest, DemoScan.Entry.of(nic.mac, scanned));
				case "moved" -> {
					earlier.add(DemoScan.Entry.of(nic.mac, scanned));
					latest.add(DemoScan.Entry.of(nic.mac, nic.host.lab().subnets.get(0).next()));
				}
				case "ignored" -> both(earlier, latest, DemoScan.Entry.of(nic.mac, scanned, "NIC", "IGNORE"));
				default -> both(earlier, latest, DemoScan.Entry.of(nic.mac, scanned, "NIC", "ACCEPT"));
			}
		}
		// a host answering from another lab's subnet: a NIC and a LOCATION conflict each
		for (var story : List.of("same", "once", "ignored")) {
			if (!picked.hasNext() || labs.size() < 2) {
				break;
			}
			var host = picked.next();
			var other = labs.get((labs.indexOf(host.lab()) + 1 + random.nextInt(labs.size() - 1)) % labs.size());
			var scanned = other.subnets.get(0).next();
			var nic = host.nics.get(0);
			switch (story) {
				case "same" -> both(earlier, latest, DemoScan.Entry.of(nic.mac, scanned));
				case "once" -> earlier.add(DemoScan.Entry.of(nic.mac, scanned));
				default -> earlier.add(DemoScan.Entry.of(nic.mac, scanned, "LOCATION", "IGNORE"));
			}
		}
		// NEW hosts seen for the first time: they take the address and become ACTIVE; the one
		// without a rack is placed in the default rack of the lab the address is in
		var unseen = hosts.stream().filter(h -> h.status.equals("NEW") && h.vmHost == null).toList();
		unseen.stream().filter(h -> h.rack != null).findFirst().ifPresent(host -> both(earlier, latest,
				DemoScan.Entry.of(host.nics.get(0).mac, host.lab().subnets.get(0).next())));
		var placedIn = labs.stream().filter(l -> l.defaultRack != null).findFirst();
		unseen.stream().filter(h -> h.rack == null).findFirst().ifPresent(host -> placedIn.ifPresent(lab -> both(earlier,
				latest, DemoScan.Entry.of(host.nics.get(0).mac, lab.subnets.get(0).next()))));
		// MACs nobody recorded (a vendor OUI the inventory does not use): seen twice, ignored,
		// accepted (an unattached NIC is created), new in the latest scan
		both(earlier, latest, DemoScan.Entry.of(mac("00:e0:4c"), pick(labs).subnets.get(0).next()));
		earlier.add(DemoScan.Entry.of(mac("00:e0:4c"), pick(labs).subnets.get(0).next(), "UNKNOWN", "IGNORE"));
		earlier.add(DemoScan.Entry.of(mac("00:e0:4c"), pick(labs).subnets.get(0).next(), "UNKNOWN", "ACCEPT"));
		latest.add(DemoScan.Entry.of(mac("00:e0:4c"), pick(labs).subnets.get(0).next()));
		// locally administered MACs: virtual machines nobody registered, never a conflict
		both(earlier, latest, DemoScan.Entry.of("52:54:00:" + hexMac(), labs.get(0).subnets.get(0).next()));
		both(earlier, latest, DemoScan.Entry.of("02:42:ac:" + hexMac(), labs.get(0).subnets.get(0).next()));
		latest.add(DemoScan.Entry.of("52:54:00:" + hexMac(), labs.get(0).subnets.get(0).next()));

		scans.add(new DemoScan(agent.name, now.minus(Duration.ofDays(2)).minus(Duration.ofMinutes(random.nextInt(600))),
				List.copyOf(earlier)));
		scans.add(new DemoScan(agent.name, now.minus(Duration.ofMinutes(5)), List.copyOf(latest)));
	}

	/** The entry in both scans; what staff do with its conflicts is done after the first. */
	private static void both(List<DemoScan.Entry> earlier, List<DemoScan.Entry> latest, DemoScan.Entry entry) {
		earlier.add(entry);
		latest.add(DemoScan.Entry.of(entry.mac(), entry.ip()));
	}

	// ---- tags ----

	private void tags() {
		var production = tag("production", "2e7d32", "Runs production-like workloads; book with care");
		var gpu = tag("gpu", "6a1b9a", "Has a GPU");
		var hundredG = tag("100g", "1565c0", "100 Gb/s capable");
		var maintenance = tag("maintenance", "f9a825", "Under maintenance");
		var ciPool = tag("ci-pool", "00838f", "Part of the CI pool");
		var legacy = tag("legacy", "757575", "Old hardware, to be retired");
		var restricted = tag("restricted", "c62828", "Access needs approval");
		var loaner = tag("loaner", "ef6c00", "Lent out of the lab at least once");

		Set<List<Object>> seen = new HashSet<>();
		for (var card : cards) {
			if (card.host != null && card.type.name.startsWith("NVIDIA")) {
				tagging(seen, gpu, "Host", card.host);
			}
		}
		for (var host : hosts) {
			if (host.hardware == hardware.get(0)) {
				tagging(seen, legacy, "Host", host);
			}
			if (host.status.equals("INACTIVE") && random.nextBoolean()) {
				tagging(seen, maintenance, "Host", host);
			}
			if (random.nextInt(100) < 5) {
				tagging(seen, production, "Host", host);
			}
			if (host.bookableStatus.equals("ACTIVE") && random.nextInt(100) < 5) {
				tagging(seen, ciPool, "Bookable", host);
			}
			var data = host.nic("data");
			if (data != null && host.vmHost == null && data.mac.startsWith("0c:42:a1") && random.nextInt(100) < 20) {
				tagging(seen, hundredG, "Nic", data);
				tagging(seen, hundredG, "Host", host);
			}
		}
		for (var loan : loans) {
			tagging(seen, loaner, "Host", loan.host());
		}
		List<Rack> plain = new ArrayList<>(racks.stream().filter(r -> !r.isDefault).toList());
		Collections.shuffle(plain, random);
		for (var rack : plain.subList(0, Math.min(plain.size(), 1 + plain.size() / 30))) {
			tagging(seen, maintenance, "Rack", rack);
		}
		for (int i = 0; i < Math.min(2, labs.size()); i++) {
			tagging(seen, restricted, "Lab", labs.get(labs.size() - 1 - i));
		}
	}

	private Tag tag(String name, String color, String description) {
		var tag = new Tag();
		tag.name = name;
		tag.slug = name;
		tag.color = color;
		tag.description = description;
		tags.add(tag);
		return tag;
	}

	private void tagging(Set<List<Object>> seen, Tag tag, String type, Row object) {
		// rows compare by identity, so this keeps (tag, type, object) unique
		if (seen.add(List.of(tag, type, object))) {
			taggings.add(new Tagging(tag, type, object));
		}
	}

	// ---- journal ----

	private static final String[][] JOURNAL_IN_SERVICE = {
			{ "INFO", "Re-cabled the data ports to the new **spine pair**." },
			{ "SUCCESS", "Firmware updated; `ethtool -i` shows the new version on all ports." },
			{ "INFO", "Added to the nightly perf baseline, see the dashboard." },
			{ "WARNING", "IPMI password was reset to the lab default; change it after use." } };
	private static final String[][] JOURNAL_OUT_OF_SERVICE = {
			{ "WARNING", "Disk 2 reports reallocated sectors. RMA opened with the vendor." },
			{ "DANGER", "Host powered off: PSU smells burnt. **Do not power on.**" } };

	private void journal(int hostCount) {
		List<User> staff = users.stream().filter(u -> !u.role.equals("USER")).toList();
		int count = Math.min(hosts.size(), 5 + hostCount / 1000);
		for (int i = 0; i < count; i++) {
			var host = pick(hosts);
			var entries = host.status.equals("INACTIVE") ? JOURNAL_OUT_OF_SERVICE : JOURNAL_IN_SERVICE;
			var entry = entries[random.nextInt(entries.length)];
			journal.add(new Journal(host, pick(staff), entry[0], entry[1], between(host.createdAt, now)));
		}
	}

	// ---- helpers ----

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private String pick(String[] values) {
		return values[random.nextInt(values.length)];
	}

	private int weighted(double[] weights, double total) {
		double r = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private String serial(Named generation) {
		return generation.name.substring(0, 2).toUpperCase() + (1000000 + random.nextInt(9000000)) + hex(2).toUpperCase();
	}

	private String hex(int digits) {
		var sb = new StringBuilder(digits);
		for (int i = 0; i < digits; i++) {
			sb.append(Character.forDigit(random.nextInt(16), 16));
		}
		return sb.toString();
	}

	private String hexMac() {
		return String.format("%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
	}

	private Instant daysAgo(int days) {
		return now.minus(Duration.ofDays(days)).minus(Duration.ofMinutes(random.nextInt(12 * 60)));
	}

	private Instant later(Instant from, int days) {
		return from.plus(Duration.ofDays(days)).plus(Duration.ofMinutes(random.nextInt(8 * 60)));
	}

	private Instant earlier(Instant from, int hours) {
		return from.minus(Duration.ofHours(hours)).minus(Duration.ofMinutes(random.nextInt(60)));
	}

	private Instant between(Instant from, Instant to) {
		long span = Math.max(1, Duration.between(from, to).toSeconds());
		return from.plus(Duration.ofSeconds(1 + (long) (random.nextDouble() * (span - 1))));
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
