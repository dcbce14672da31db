package dev.eagerdsl.shapes;

import static dev.eagerdsl.model.shapes.enhanced.Records.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.model.shapes.ShapeFactories;
import dev.eagerdsl.model.shapes.enhanced.Album;
import dev.eagerdsl.model.shapes.enhanced.Artist;
import dev.eagerdsl.model.shapes.enhanced.Label;
import dev.eagerdsl.model.shapes.enhanced.Records;
import dev.eagerdsl.model.shapes.enhanced.Track;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.engine.spi.ManagedEntity;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bytecode-enhanced entities (enhanced at build time by Hibernate's Maven plugin, lazy initialization on):
 * their lazy to-ones are uninitialized instances of the entity class itself, not {@code HibernateProxy}s.
 * select, prefetch, stream and the guard treat them as they treat proxies.
 */
class EnhancedEntitiesTest {

    private static final String ALBUMS = "from EnhancedAlbum a order by a.id";

    private final List<LazyLoad> seen = Collections.synchronizedList(new ArrayList<>());
    private LazyLoadGuard.Subscription subscription;

    @BeforeAll
    static void start() {
        assertThat(LazyLoadGuard.install()).isTrue();
        Records.factory();
    }

    @AfterEach
    void reset() {
        if (subscription != null) {
            subscription.close();
        }
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
    }

    private static <R> R inSession(Function<Session, R> work) {
        return ShapeFactories.inSession(Records.factory(), SQL, work);
    }

    private static void run(Consumer<Session> work) {
        ShapeFactories.run(Records.factory(), SQL, work);
    }

    /** Everything the tests look at, read through the getters (lazily where not loaded). */
    private static List<String> state(List<Album> albums) {
        List<String> out = new ArrayList<>();
        for (Album a : albums) {
            Artist artist = a.getArtist();
            Label label = artist == null ? null : artist.getLabel();
            out.add(a.getId() + " " + a.getTitle() + " by " + (artist == null ? "-" : artist.getName() + " at "
                    + (label == null ? "-" : label.getName())) + " tracks " + a.getTracks().stream().map(Track::getId).toList());
        }
        return out;
    }

    private static List<String> lazily() {
        return inSession(s -> state(s.createQuery(ALBUMS, Album.class).getResultList()));
    }

    private static void assertLoaded(List<Album> albums) {
        for (Album a : albums) {
            assertThat(Hibernate.isInitialized(a.getTracks())).as("tracks of album %s", a.getId()).isTrue();
            if (a.getArtist() != null) {
                assertThat(Hibernate.isInitialized(a.getArtist())).as("artist of album %s", a.getId()).isTrue();
                if (a.getArtist().getLabel() != null) {
                    assertThat(Hibernate.isInitialized(a.getArtist().getLabel())).as("label of album %s", a.getId()).isTrue();
                }
            }
        }
    }

    @Test
    void theModelIsEnhancedAndItsLazyToOnesAreNotHibernateProxies() {
        assertThat(new Album(99L, "x", null)).isInstanceOf(ManagedEntity.class).isInstanceOf(PersistentAttributeInterceptable.class);
        run(s -> {
            Album first = s.createQuery(ALBUMS, Album.class).setMaxResults(1).getSingleResult();
            Artist artist = first.getArtist();
            assertThat(artist).isNotInstanceOf(HibernateProxy.class).isExactlyInstanceOf(Artist.class);
            assertThat(Hibernate.isInitialized(artist)).isFalse();
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(1);
        });
    }

    @Test
    void selectJoinsTheEnhancedToOnesIntoTheOneRootStatement() {
        List<String> expected = lazily();
        run(s -> {
            List<Album> albums = Related.select("artist.label").list(s.createQuery(ALBUMS, Album.class));
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(1);
            for (Album a : albums) {
                if (a.getArtist() != null) {
                    assertThat(Hibernate.isInitialized(a.getArtist())).isTrue();
                }
            }
            Related.prefetch("tracks").list(s.createQuery(ALBUMS, Album.class));
            SQL.clear();
            assertThat(state(albums)).isEqualTo(expected);
            assertThat(SQL.count()).as("touching the planned associations: " + SQL.describe()).isZero();
            s.flush();
            assertThat(SQL.dml()).isEmpty();
        });
    }

    @Test
    void prefetchLoadsEnhancedToOnesAndTheCollectionInOneStatementPerLevel() {
        List<String> expected = lazily();
        run(s -> {
            List<Album> albums = Related.prefetch("artist.label", "tracks").list(s.createQuery(ALBUMS, Album.class));
            assertThat(SQL.count()).as("albums, artists, labels, tracks: " + SQL.describe()).isEqualTo(4);
            assertLoaded(albums);
            SQL.clear();
            assertThat(state(albums)).isEqualTo(expected);
            assertThat(SQL.count()).as("touching the planned associations: " + SQL.describe()).isZero();
            s.flush();
            assertThat(SQL.dml()).isEmpty();
        });
    }

    @Test
    void prefetchFromTheManySideReachesOwnersThatAreEnhancedReferences() {
        List<String> expected = inSession(s -> s.createQuery("from EnhancedTrack t order by t.id", Track.class).getResultList()
                .stream().map(t -> t.getId() + " " + t.getAlbum().getTitle() + " " + (t.getAlbum().getArtist() == null ? "-"
                        : t.getAlbum().getArtist().getName())).toList());
        run(s -> {
            List<Track> tracks = Related.prefetch("album.artist").list(s.createQuery("from EnhancedTrack t order by t.id", Track.class));
            assertThat(SQL.count()).as("tracks, albums, artists: " + SQL.describe()).isEqualTo(3);
            SQL.clear();
            assertThat(tracks.stream().map(t -> t.getId() + " " + t.getAlbum().getTitle() + " " + (t.getAlbum().getArtist() == null
                    ? "-" : t.getAlbum().getArtist().getName())).toList()).isEqualTo(expected);
            assertThat(SQL.count()).as(SQL.describe()).isZero();
        });
    }

    @Test
    void theGuardReportsTheNPlusOneOfAnEnhancedToOneInWarn() {
        subscription = LazyLoadGuard.subscribe(seen::add);
        run(s -> {
            for (Album a : s.createQuery(ALBUMS, Album.class).getResultList()) {
                if (a.getArtist() != null) {
                    a.getArtist().getName();
                }
            }
            assertThat(SQL.count()).as("1 + one select per distinct artist: " + SQL.describe()).isEqualTo(5);
        });
        assertThat(seen).extracting(LazyLoad::toString).isNotEmpty().allSatisfy(e -> assertThat(e).contains("Related.select(\"artist\")"));
        assertThat(seen).extracting(LazyLoad::ownerEntity, LazyLoad::association).containsOnly(
                org.assertj.core.groups.Tuple.tuple("Album", "artist"));
        assertThat(seen).as("one event per artist loaded").hasSize(4);
        assertThat(seen.get(0).callSite()).as("the user's frame, not the enhanced accessor").startsWith("EnhancedEntitiesTest.");
    }

    @Test
    void theGuardThrowsAtTheTouchOfAnEnhancedToOneInStrict() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
        run(s -> {
            Album first = s.createQuery(ALBUMS, Album.class).getResultList().get(0);
            SQL.clear();
            // the enhanced reference loads inside the target's own getter: the line names the user's frame, then that getter
            assertThatThrownBy(() -> first.getArtist().getName()).isInstanceOf(LazyLoadException.class)
                    .hasMessageMatching("EAGER-101 Album\\.artist lazily loaded at EnhancedEntitiesTest\\.lambda\\$[\\w$]+\\(EnhancedEntitiesTest"
                            + "\\.java:\\d+\\) via Artist\\.getName\\(Artist\\.java:\\d+\\) \\(N\\+1: each Album was one of 8 rows of one query\\)\\. Fix: Related\\.select\\(\"artist\"\\)");
            assertThat(SQL.count()).as("thrown before any SQL of the load").isZero();
        });
    }

    @Test
    void aPlanOverEnhancedEntitiesRaisesNoEvent() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
        subscription = LazyLoadGuard.subscribe(seen::add);
        List<String> expected;
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.OFF);
        expected = lazily();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
        run(s -> assertThat(state(Related.select("artist").prefetch("artist.label", "tracks")
                .list(s.createQuery(ALBUMS, Album.class)))).isEqualTo(expected));
        assertThat(seen).isEmpty();
    }

    @Test
    void aStreamLoadsEachChunkWithItsEnhancedToOnesAndCollection() {
        List<String> expected = lazily();
        run(s -> {
            List<Album> albums;
            try (Stream<Album> stream = Related.select("artist").prefetch("artist.label", "tracks")
                    .stream(s.createQuery(ALBUMS, Album.class), 3)) {
                albums = stream.toList();
            }
            assertThat(SQL.count()).as("3 chunks of root (artists joined), labels, tracks: " + SQL.describe()).isEqualTo(9);
            assertLoaded(albums);
            SQL.clear();
            assertThat(state(albums)).isEqualTo(expected);
            assertThat(SQL.count()).as(SQL.describe()).isZero();
            s.flush();
            assertThat(SQL.dml()).isEmpty();
        });
    }
}
