package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class OrderKey implements Serializable {
    private String region;
    private int number;

    protected OrderKey() { }
    public OrderKey(String region, int number) { this.region = region; this.number = number; }
    public String getRegion() { return region; }
    public int getNumber() { return number; }
    @Override public boolean equals(Object o) { return o instanceof OrderKey k && k.region.equals(region) && k.number == number; }
    @Override public int hashCode() { return Objects.hash(region, number); }
    @Override public String toString() { return region + "-" + number; }
}
