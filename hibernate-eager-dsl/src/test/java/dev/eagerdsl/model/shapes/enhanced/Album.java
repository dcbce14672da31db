package dev.eagerdsl.model.shapes.enhanced;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/**
 * An album (bytecode-enhanced): a lazy to-one to its artist — with enhancement, an uninitialized
 * instance of {@link Artist} itself, not a {@code HibernateProxy} — and its tracks.
 */
@Entity(name = "EnhancedAlbum")
public class Album {
    @Id
    private Long id;
    private String title;
    @ManyToOne(fetch = FetchType.LAZY)
    private Artist artist;
    @OneToMany(mappedBy = "album")
    @OrderBy("id")
    private List<Track> tracks = new ArrayList<>();

    protected Album() {
    }

    public Album(Long id, String title, Artist artist) {
        this.id = id;
        this.title = title;
        this.artist = artist;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Artist getArtist() {
        return artist;
    }

    public List<Track> getTracks() {
        return tracks;
    }
}
