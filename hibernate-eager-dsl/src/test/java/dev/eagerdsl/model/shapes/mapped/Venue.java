package dev.eagerdsl.model.shapes.mapped;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** Where a board meets: a hierarchy mapped TABLE_PER_CLASS (one table per concrete class, read by a union), versioned. */
@Entity(name = "BoardVenue")
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Venue {
    @Id
    private Long id;
    private String name;
    @Version
    private long version;
    @OneToMany(mappedBy = "venue")
    @OrderBy("id")
    private List<Board> boards = new ArrayList<>();

    protected Venue() {
    }

    protected Venue(Long id, String name) {
        this.id = id;
        this.name = name;
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

    public List<Board> getBoards() {
        return boards;
    }
}
