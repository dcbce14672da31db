package dev.eagerdsl.model.shapes.filtered;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;
import org.hibernate.annotations.SQLRestriction;

/**
 * A sales agent, the target of a to-one: an entity-level {@code @SQLRestriction} (retired agents are
 * not rows) and a {@code @Filter} by region.
 */
@Entity(name = "SalesAgent")
@SQLRestriction("retired = false")
@FilterDef(name = "agentRegion", parameters = @ParamDef(name = "region", type = String.class))
@Filter(name = "agentRegion", condition = "region = :region")
public class Agent {
    @Id
    private Long id;
    private String name;
    private String region;
    private boolean retired;

    protected Agent() {
    }

    public Agent(Long id, String name, String region, boolean retired) {
        this.id = id;
        this.name = name;
        this.region = region;
        this.retired = retired;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }
}
