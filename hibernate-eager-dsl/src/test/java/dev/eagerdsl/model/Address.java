package dev.eagerdsl.model;

import jakarta.persistence.*;

/** An embeddable with an association inside it. */
@Embeddable
public class Address {
    private String street;
    @ManyToOne(fetch = FetchType.LAZY) private City city;

    protected Address() { }
    public Address(String street, City city) { this.street = street; this.city = city; }
    public String getStreet() { return street; }
    public City getCity() { return city; }
}
