package dev.eagerdsl.model.eager;

import jakarta.persistence.*;

@Entity(name = "ClinicCity")
@Table(name = "clinic_city")
public class City {
    @Id private Long id;
    private String name;

    protected City() { }
    public City(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
