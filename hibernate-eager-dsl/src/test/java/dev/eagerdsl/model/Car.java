package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Car extends Vehicle {
    @ManyToOne(fetch = FetchType.LAZY) private Driver driver;

    protected Car() { }
    public Car(Long id, String plate, Driver driver) { super(id, plate); this.driver = driver; }
    public Driver getDriver() { return driver; }
}
