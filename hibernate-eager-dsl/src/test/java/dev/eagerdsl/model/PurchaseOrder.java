package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;

/** A composite key (@EmbeddedId). */
@Entity
public class PurchaseOrder {
    @EmbeddedId private OrderKey key;
    private String customer;
    @ManyToOne(fetch = FetchType.LAZY) private City shipTo;
    @OneToMany(mappedBy = "order") @OrderBy("id") private List<OrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() { }
    public PurchaseOrder(OrderKey key, String customer, City shipTo) { this.key = key; this.customer = customer; this.shipTo = shipTo; }
    public OrderKey getKey() { return key; }
    public String getCustomer() { return customer; }
    public City getShipTo() { return shipTo; }
    public List<OrderLine> getLines() { return lines; }
}
