package dev.eagerdsl.model.shapes.mapped;

import dev.eagerdsl.model.shapes.ShapeFactories;
import dev.eagerdsl.testing.SqlRecorder;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * The boards model's factory and data: members 1..6; venues Hall 1, OnlineRoom 2, Hall 3 (TABLE_PER_CLASS);
 * boards 1..5 meeting at venues 1, 2, 1, none, 3. Board i has members (a bag, board 1 holds member 2 twice),
 * speakers in seat order (not id order), observers (a set); board 4 has none of them. Every version reads 0.
 */
public final class Boards {

    public static final SqlRecorder SQL = new SqlRecorder();
    public static final List<Class<?>> ENTITIES = List.of(Member.class, Venue.class, Hall.class, OnlineRoom.class, Board.class);
    private static SessionFactory factory;

    private Boards() {
    }

    public static synchronized SessionFactory factory() {
        if (factory == null) {
            factory = ShapeFactories.build("shapes_boards", SQL, ENTITIES, Map.of());
            seed(factory);
        }
        return factory;
    }

    private static void seed(SessionFactory sf) {
        sf.inTransaction(s -> {
            Member[] m = new Member[7];
            String[] names = {null, "Ada", "Ben", "Cyd", "Dee", "Eli", "Fay"};
            for (int i = 1; i <= 6; i++) {
                m[i] = new Member((long) i, names[i]);
                s.persist(m[i]);
            }
            Venue[] venues = {new Hall(1L, "Main hall", 300), new OnlineRoom(2L, "Stream", "https://example.org/board"),
                new Hall(3L, "Annex", 40)};
            for (Venue v : venues) {
                s.persist(v);
            }
            Venue[] at = {null, venues[0], venues[1], venues[0], null, venues[2]};
            for (long i = 1; i <= 5; i++) {
                Board b = new Board(i, "Board " + i, at[(int) i]);
                if (i != 4) {
                    b.getMembers().addAll(List.of(m[(int) i], m[1 + (int) i % 6]));
                    b.getSpeakers().addAll(List.of(m[1 + (int) (i + 3) % 6], m[(int) i], m[1 + (int) (i + 1) % 6]));
                    b.getObservers().addAll(List.of(m[6], m[1 + (int) (i * 2) % 6]));
                }
                if (i == 1) {
                    b.getMembers().add(m[2]);
                }
                s.persist(b);
            }
        });
    }
}
