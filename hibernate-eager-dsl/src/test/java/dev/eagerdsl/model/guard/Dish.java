package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A dish: its chef is an EAGER to-one (the JPA default); on a menu (LAZY). */
@Entity(name = "GuardDish")
@Table(name = "guard_dish")
public class Dish {
    @Id private Long id;
    private String name;
    @ManyToOne private Chef chef;
    @ManyToOne(fetch = FetchType.LAZY) private Menu menu;

    protected Dish() { }
    public Dish(Long id, String name, Chef chef, Menu menu) { this.id = id; this.name = name; this.chef = chef; this.menu = menu; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Chef getChef() { return chef; }
}
