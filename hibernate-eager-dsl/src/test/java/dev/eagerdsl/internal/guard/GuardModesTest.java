package dev.eagerdsl.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.LazyLoadGuard.Mode;
import dev.eagerdsl.guard.LogCapture;
import dev.eagerdsl.guard.fixture.Shelf;
import dev.eagerdsl.guard.fixture.Shelves;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One mode every switch agrees on: code over the system property {@code eagerdsl.guard}, over the agent argument,
 * over the Hibernate setting; the Hibernate setting holds for its own factory, so two factories each behave as set.
 * Each test starts its factories after setting the switches, as an application does.
 */
class GuardModesTest {

    private static final String DB = "eagerdsl-modes";
    private final List<LazyLoad> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<SessionFactory> factories = new ArrayList<>();
    private LazyLoadGuard.Subscription subscription;
    private Optional<Mode> before;

    @BeforeAll
    static void install() {
        assertThat(LazyLoadGuard.install()).isTrue();
    }

    @BeforeEach
    void noSwitch() {
        before = LazyLoadGuard.modeSetInCode();
        LazyLoadGuard.clearMode();
        subscription = LazyLoadGuard.subscribe(seen::add);
    }

    @AfterEach
    void restore() {
        subscription.close();
        Collections.reverse(factories);
        factories.forEach(SessionFactory::close);
        System.clearProperty("eagerdsl.guard");
        GuardModes.setAgent(null);
        before.ifPresentOrElse(LazyLoadGuard::setMode, LazyLoadGuard::clearMode);
    }

    /** The first factory creates and seeds the tables, the others read them. */
    private SessionFactory factory(String setting) {
        SessionFactory f = Shelves.factory(DB, factories.isEmpty(), setting == null ? Map.of() : Map.of("eagerdsl.guard", setting));
        factories.add(f);
        return f;
    }

    /** Runs the N+1 (a loop over 3 shelves reading their volumes) and tells what happened: "events n" or the exception's code. */
    private String nPlusOne(SessionFactory f) {
        seen.clear();
        try (Session s = f.openSession()) {
            for (Shelf shelf : s.createQuery("from Shelf s order by s.id", Shelf.class).list()) {
                shelf.getVolumes().size();
            }
        } catch (LazyLoadException e) {
            return "threw " + e.getMessage().substring(0, 9);
        }
        return "events " + seen.size();
    }

    @Test
    void twoFactoriesWithDifferentSettingsEachBehaveAsSet() {
        SessionFactory strict = factory("strict");
        SessionFactory off = factory("off");
        SessionFactory unset = factory(null);

        assertThat(List.of(LazyLoadGuard.mode(strict), LazyLoadGuard.mode(off), LazyLoadGuard.mode(unset)))
                .containsExactly(Mode.STRICT, Mode.OFF, Mode.WARN);
        assertThat(nPlusOne(strict)).isEqualTo("threw EAGER-101");
        assertThat(nPlusOne(off)).isEqualTo("events 0");
        assertThat(nPlusOne(unset)).isEqualTo("events 3");
        assertThat(nPlusOne(strict)).as("the factory started later did not change the first").isEqualTo("threw EAGER-101");
    }

    @Test
    void theSystemPropertyWinsOverEveryHibernateSetting() {
        System.setProperty("eagerdsl.guard", "warn");
        SessionFactory strict = factory("strict");
        SessionFactory off = factory("off");

        assertThat(LazyLoadGuard.mode()).isEqualTo(Mode.WARN);
        assertThat(nPlusOne(strict)).isEqualTo("events 3");
        assertThat(nPlusOne(off)).isEqualTo("events 3");
    }

    @Test
    void codeWinsOverTheSystemPropertyAndClearingItGivesTheWordBack() {
        System.setProperty("eagerdsl.guard", "off");
        SessionFactory f = factory("warn");
        assertThat(nPlusOne(f)).isEqualTo("events 0");

        LazyLoadGuard.setMode(Mode.STRICT);
        assertThat(nPlusOne(f)).isEqualTo("threw EAGER-101");
        assertThat(LazyLoadGuard.modeSetInCode()).contains(Mode.STRICT);

        LazyLoadGuard.clearMode();
        assertThat(LazyLoadGuard.mode(f)).isEqualTo(Mode.OFF);
        assertThat(nPlusOne(f)).isEqualTo("events 0");
    }

    @Test
    void theAgentArgumentIsBelowTheSystemPropertyAndAboveTheHibernateSetting() {
        GuardIntegration.agentArgument("strict");
        SessionFactory off = factory("off");
        assertThat(LazyLoadGuard.mode(off)).isEqualTo(Mode.STRICT);
        assertThat(nPlusOne(off)).isEqualTo("threw EAGER-101");

        System.setProperty("eagerdsl.guard", "warn");
        SessionFactory warn = factory("off");
        assertThat(List.of(LazyLoadGuard.mode(off), LazyLoadGuard.mode(warn))).containsExactly(Mode.WARN, Mode.WARN);
        assertThat(nPlusOne(off)).isEqualTo("events 3");
    }

    @Test
    void aFactoryThatStartsLaterNeverLowersAModeSetInCode() {
        LazyLoadGuard.setMode(Mode.STRICT);
        SessionFactory off = factory("off");

        assertThat(LazyLoadGuard.mode()).isEqualTo(Mode.STRICT);
        assertThat(nPlusOne(off)).isEqualTo("threw EAGER-101");
    }

    @Test
    void anInvalidValueIsReportedOnceAndIgnored() {
        String valid = Arrays.stream(Mode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        try (LogCapture log = new LogCapture()) {
            SessionFactory loud = factory("loud");
            factory("loud");

            assertThat(log.lines()).filteredOn(l -> l.contains("EAGER-107")).containsExactly(
                    "WARN EAGER-107 Ignoring the Hibernate setting eagerdsl.guard=loud: the value must be one of " + valid + ".");
            assertThat(LazyLoadGuard.mode(loud)).isEqualTo(Mode.WARN);
        }
    }

    @Test
    void setModeNullSaysWhatToDoInstead() {
        String valid = Arrays.stream(Mode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        assertThatThrownBy(() -> LazyLoadGuard.setMode(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LazyLoadGuard.setMode(null): pass one of " + valid + ", or call LazyLoadGuard.clearMode() to let the"
                        + " other switches decide.");
    }
}
