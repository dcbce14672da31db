package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Dog extends Animal {
    @OneToMany(mappedBy = "dog") @OrderBy("id") private List<Toy> toys = new ArrayList<>();

    protected Dog() { }
    public Dog(Long id, String name, Shelter shelter) { super(id, name, shelter); }
    public List<Toy> getToys() { return toys; }
}
