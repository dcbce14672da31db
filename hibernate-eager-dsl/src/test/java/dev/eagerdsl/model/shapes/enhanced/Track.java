package dev.eagerdsl.model.shapes.enhanced;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A track of an album (bytecode-enhanced). */
@Entity(name = "EnhancedTrack")
public class Track {
    @Id
    private Long id;
    private String title;
    @ManyToOne(fetch = FetchType.LAZY)
    private Album album;

    protected Track() {
    }

    public Track(Long id, String title, Album album) {
        this.id = id;
        this.title = title;
        this.album = album;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Album getAlbum() {
        return album;
    }
}
