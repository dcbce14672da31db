package dev.eagerdsl.junit.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Player {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Team team;

    protected Player() { }
    public Player(Long id, String name, Team team) { this.id = id; this.name = name; this.team = team; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Team getTeam() { return team; }
}
