package dev.eagerdsl.model.shapes.mapped;

import jakarta.persistence.Entity;

/** A venue on the web. */
@Entity(name = "BoardOnlineRoom")
public class OnlineRoom extends Venue {
    private String url;

    protected OnlineRoom() {
    }

    public OnlineRoom(Long id, String name, String url) {
        super(id, name);
        this.url = url;
    }

    public String getUrl() {
        return url;
    }
}
