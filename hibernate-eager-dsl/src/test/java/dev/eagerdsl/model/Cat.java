package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Cat extends Animal {
    protected Cat() { }
    public Cat(Long id, String name, Shelter shelter) { super(id, name, shelter); }
}
