package dev.eagerdsl.model.stream;

import jakarta.persistence.*;
import java.util.*;

/** The streamed root: {@code priority} has many equal values, {@code team} has nulls. */
@Entity
public class Ticket {
    @Id private Long id;
    private int priority;
    private String team;
    private String status;
    @ManyToOne(fetch = FetchType.LAZY) private Desk desk;
    @OneToMany(mappedBy = "ticket") private Set<Note> notes = new HashSet<>();

    protected Ticket() { }
    public Long getId() { return id; }
    public int getPriority() { return priority; }
    public void setPriority(int priority) { this.priority = priority; }
    public String getTeam() { return team; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Desk getDesk() { return desk; }
    public Set<Note> getNotes() { return notes; }
}
