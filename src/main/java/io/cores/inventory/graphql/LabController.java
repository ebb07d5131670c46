package io.cores.inventory.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.querydsl.jpa.impl.JPAQueryFactory;
import io.cores.inventory.Lab;
import io.cores.inventory.QLabSubnet;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/** Lab fields that are not columns or relations. */
@Controller
public class LabController {

	private final JPAQueryFactory queries;

	public LabController(JPAQueryFactory queries) {
		this.queries = queries;
	}

	/** {@code Lab.subnets}: one query for all labs of the page. */
	@BatchMapping(typeName = "Lab", field = "subnets")
	@Transactional(readOnly = true)
	public Map<Lab, List<String>> subnets(List<Lab> labs) {
		var byId = new LinkedHashMap<Long, List<String>>();
		for (var lab : labs) {
			byId.put(lab.getId(), new ArrayList<>());
		}
		var s = QLabSubnet.labSubnet;
		var rows = queries.select(s.labId, s.subnet)
			.from(s)
			.where(s.labId.in(byId.keySet()))
			.orderBy(s.subnet.asc())
			.fetch();
		for (var row : rows) {
			byId.get(row.get(s.labId)).add(row.get(s.subnet));
		}
		var result = new LinkedHashMap<Lab, List<String>>();
		for (var lab : labs) {
			result.put(lab, byId.get(lab.getId()));
		}
		return result;
	}
}
