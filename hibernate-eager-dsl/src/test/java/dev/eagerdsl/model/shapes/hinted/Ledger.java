package dev.eagerdsl.model.shapes.hinted;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** A ledger: a to-one to its clerk, a collection of entries. */
@Entity(name = "HintLedger")
public class Ledger {
    @Id
    private Long id;
    private String title;
    @ManyToOne(fetch = FetchType.LAZY)
    private Clerk clerk;
    @OneToMany(mappedBy = "ledger")
    @OrderBy("id")
    private List<Entry> entries = new ArrayList<>();

    protected Ledger() {
    }

    public Ledger(Long id, String title, Clerk clerk) {
        this.id = id;
        this.title = title;
        this.clerk = clerk;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Clerk getClerk() {
        return clerk;
    }

    public List<Entry> getEntries() {
        return entries;
    }
}
