package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Song {
    @Id private Long id;
    private String title;

    protected Song() { }
    public Song(Long id, String title) { this.id = id; this.title = title; }
    public Long getId() { return id; }
    public String getTitle() { return title; }
}
