package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class OrderLine {
    @Id private Long id;
    private String item;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_region", referencedColumnName = "region")
    @JoinColumn(name = "order_number", referencedColumnName = "number")
    private PurchaseOrder order;

    protected OrderLine() { }
    public OrderLine(Long id, String item, PurchaseOrder order) { this.id = id; this.item = item; this.order = order; }
    public Long getId() { return id; }
    public String getItem() { return item; }
    public PurchaseOrder getOrder() { return order; }
}
