package io.cores.inventory.graphql;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.cores.inventory.Lab;
import io.cores.platform.graphql.UserError.Code;
import io.cores.platform.graphql.write.Write;

/**
 * No two labs' subnets overlap, so an address names at most one lab (SPEC.md, Lab). The
 * exclusion constraint lab_subnet_no_overlap guarantees it against concurrent writers; this
 * check runs first to tell the client which block clashes with which.
 */
@Component
class LabSubnetOverlaps {

	static final String CONSTRAINT = "lab_subnet_no_overlap";

	static final String MESSAGE = "A subnet overlaps a subnet of another lab";

	private final JdbcTemplate jdbc;

	LabSubnetOverlaps(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Refuses a lab whose new subnets overlap each other or any other lab's, naming the first clash. */
	void requireNoOverlap(Lab lab, Write<Lab> write) {
		if (!write.gives("subnets") || lab.getSubnets().isEmpty()) {
			return;
		}
		var given = lab.getSubnets().toArray(String[]::new);
		var within = jdbc.query(con -> {
			var statement = con.prepareStatement("""
					SELECT a::text, b::text
					FROM unnest(CAST(? AS cidr[])) WITH ORDINALITY AS x(a, i)
					JOIN unnest(CAST(? AS cidr[])) WITH ORDINALITY AS y(b, j) ON x.i < y.j AND x.a && y.b
					LIMIT 1""");
			statement.setArray(1, con.createArrayOf("text", given));
			statement.setArray(2, con.createArrayOf("text", given));
			return statement;
		}, (row, n) -> row.getString(1) + " overlaps " + row.getString(2) + ", given with it");
		var others = jdbc.query(con -> {
			var statement = con.prepareStatement("""
					SELECT g::text, s.subnet::text, l.name
					FROM unnest(CAST(? AS cidr[])) AS g
					JOIN lab_subnet s ON s.subnet && g
					JOIN lab l ON l.id = s.lab_id
					WHERE s.lab_id IS DISTINCT FROM ?
					ORDER BY g, s.subnet
					LIMIT 1""");
			statement.setArray(1, con.createArrayOf("text", given));
			statement.setObject(2, lab.getId(), java.sql.Types.BIGINT);
			return statement;
		}, (row, n) -> row.getString(1) + " overlaps " + row.getString(2) + " of lab " + row.getString(3));
		for (var clash : List.of(within, others)) {
			if (!clash.isEmpty()) {
				write.reject(Code.OVERLAP, clash.get(0), "subnets");
				return;
			}
		}
	}
}
