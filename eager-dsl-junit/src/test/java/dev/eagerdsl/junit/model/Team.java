package dev.eagerdsl.junit.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Team {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private League league;
    @OneToMany(mappedBy = "team") @OrderBy("id") private List<Player> players = new ArrayList<>();

    protected Team() { }
    public Team(Long id, String name, League league) { this.id = id; this.name = name; this.league = league; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public League getLeague() { return league; }
    public List<Player> getPlayers() { return players; }
}
