package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;

/** An indexed list (@OrderColumn). */
@Entity
public class Playlist {
    @Id private Long id;
    private String name;
    @ManyToMany @JoinTable(name = "playlist_songs") @OrderColumn(name = "pos") private List<Song> songs = new ArrayList<>();

    protected Playlist() { }
    public Playlist(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Song> getSongs() { return songs; }
}
