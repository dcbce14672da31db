package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.List;

/** A menu with LAZY dishes: a plan's prefetch of them meets the dishes' EAGER associations. */
@Entity(name = "GuardMenu")
@Table(name = "guard_menu")
public class Menu {
    @Id private Long id;
    private String name;
    @OneToMany(mappedBy = "menu") @OrderBy("id") private List<Dish> dishes = new ArrayList<>();

    @Transient private List<Dish> listed = new ArrayList<>();

    protected Menu() { }
    public Menu(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Dish> getDishes() { return dishes; }
    public List<Dish> getListed() { return listed; }
}
