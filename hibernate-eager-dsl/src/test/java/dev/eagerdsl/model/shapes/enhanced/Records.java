package dev.eagerdsl.model.shapes.enhanced;

import dev.eagerdsl.model.shapes.ShapeFactories;
import dev.eagerdsl.testing.SqlRecorder;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * The enhanced model's factory and data: labels 1, 2; artists 1..4 (artist 4 has no label); albums
 * 1..8, album i by artist (i - 1) % 4 + 1, album 8 by none; album i has 1 + i % 2 tracks, album 5 none.
 */
public final class Records {

    public static final SqlRecorder SQL = new SqlRecorder();
    public static final List<Class<?>> ENTITIES = List.of(Label.class, Artist.class, Album.class, Track.class);
    private static SessionFactory factory;

    private Records() {
    }

    public static synchronized SessionFactory factory() {
        if (factory == null) {
            factory = ShapeFactories.build("shapes_enhanced", SQL, ENTITIES, Map.of());
            seed(factory);
        }
        return factory;
    }

    private static void seed(SessionFactory sf) {
        sf.inTransaction(s -> {
            Label l1 = new Label(1L, "Blue Note");
            Label l2 = new Label(2L, "Impulse");
            s.persist(l1);
            s.persist(l2);
            Artist[] artists = {new Artist(1L, "Monk", l1), new Artist(2L, "Coltrane", l2), new Artist(3L, "Mingus", l1),
                new Artist(4L, "Sun Ra", null)};
            for (Artist a : artists) {
                s.persist(a);
            }
            long track = 1;
            for (long i = 1; i <= 8; i++) {
                Album album = new Album(i, "Album " + i, i == 8 ? null : artists[(int) ((i - 1) % 4)]);
                s.persist(album);
                for (int t = 0; t < (i == 5 ? 0 : 1 + i % 2); t++) {
                    s.persist(new Track(track, "Track " + track, album));
                    track++;
                }
            }
        });
    }
}
