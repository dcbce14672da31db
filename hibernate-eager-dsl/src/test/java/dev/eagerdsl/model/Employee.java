package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;

/** Nullable self-reference (Django's boss / serfs). */
@Entity
public class Employee {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Employee boss;
    @OneToMany(mappedBy = "boss") private Set<Employee> serfs = new HashSet<>();

    protected Employee() { }
    public Employee(Long id, String name, Employee boss) { this.id = id; this.name = name; this.boss = boss; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Employee getBoss() { return boss; }
    public Set<Employee> getSerfs() { return serfs; }
}
