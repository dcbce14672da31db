package dev.eagerdsl.model.shapes.hinted;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** An entry of a ledger. */
@Entity(name = "HintEntry")
public class Entry {
    @Id
    private Long id;
    private int amount;
    @ManyToOne(fetch = FetchType.LAZY)
    private Ledger ledger;

    protected Entry() {
    }

    public Entry(Long id, int amount, Ledger ledger) {
        this.id = id;
        this.amount = amount;
        this.ledger = ledger;
    }

    public Long getId() {
        return id;
    }

    public int getAmount() {
        return amount;
    }

    public void setAmount(int amount) {
        this.amount = amount;
    }
}
