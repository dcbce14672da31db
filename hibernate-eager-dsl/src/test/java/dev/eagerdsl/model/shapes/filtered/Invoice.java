package dev.eagerdsl.model.shapes.filtered;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;
import org.hibernate.annotations.SQLRestriction;

/**
 * An invoice, the element of a collection: an entity-level {@code @SQLRestriction} (voided invoices
 * are not rows) and a {@code @Filter} on the total.
 */
@Entity(name = "SalesInvoice")
@SQLRestriction("voided = false")
@FilterDef(name = "minTotal", parameters = @ParamDef(name = "min", type = Integer.class))
@Filter(name = "minTotal", condition = "total >= :min")
public class Invoice {
    @Id
    private Long id;
    private int total;
    private boolean voided;
    @ManyToOne(fetch = FetchType.LAZY)
    private Customer customer;

    protected Invoice() {
    }

    public Invoice(Long id, int total, boolean voided, Customer customer) {
        this.id = id;
        this.total = total;
        this.voided = voided;
        this.customer = customer;
    }

    public Long getId() {
        return id;
    }

    public int getTotal() {
        return total;
    }

    public Customer getCustomer() {
        return customer;
    }
}
