package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Truck extends Vehicle {
    private int axles;

    protected Truck() { }
    public Truck(Long id, String plate, int axles) { super(id, plate); this.axles = axles; }
    public int getAxles() { return axles; }
}
