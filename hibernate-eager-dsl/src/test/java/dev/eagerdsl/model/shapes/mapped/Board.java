package dev.eagerdsl.model.shapes.mapped;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A versioned owner of three many-to-many collections of one target: a bag (a List without order,
 * duplicates kept), a List with an {@code @OrderColumn}, and a Set; and a to-one into a
 * TABLE_PER_CLASS hierarchy.
 */
@Entity(name = "Board")
public class Board {
    @Id
    private Long id;
    private String name;
    @Version
    private long version;
    @ManyToOne(fetch = FetchType.LAZY)
    private Venue venue;
    @ManyToMany
    @JoinTable(name = "board_members")
    private List<Member> members = new ArrayList<>();
    @ManyToMany
    @JoinTable(name = "board_speakers")
    @OrderColumn(name = "seat")
    private List<Member> speakers = new ArrayList<>();
    @ManyToMany
    @JoinTable(name = "board_observers")
    private Set<Member> observers = new HashSet<>();

    protected Board() {
    }

    public Board(Long id, String name, Venue venue) {
        this.id = id;
        this.name = name;
        this.venue = venue;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getVersion() {
        return version;
    }

    public Venue getVenue() {
        return venue;
    }

    public List<Member> getMembers() {
        return members;
    }

    public List<Member> getSpeakers() {
        return speakers;
    }

    public Set<Member> getObservers() {
        return observers;
    }
}
