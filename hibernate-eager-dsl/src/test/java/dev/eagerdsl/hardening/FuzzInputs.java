package dev.eagerdsl.hardening;

import dev.eagerdsl.model.*;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of hostile and near-miss input for plans, built from the test model's own
 * metamodel: valid paths found by walking it, then mutated (separators, whitespace, unicode
 * look-alikes, control characters, case, typos, HQL and SQL fragments).
 */
final class FuzzInputs {

    static final List<Class<?>> ROOTS = List.of(Book.class, Author.class, Course.class, Student.class, Category.class,
            Product.class, Employee.class, Playlist.class, Animal.class, Dog.class, Vehicle.class, Car.class,
            PurchaseOrder.class, OrderLine.class, Person.class, Passport.class, Review.class, Tag.class, Teacher.class,
            Award.class, Toy.class, Song.class, City.class, Publisher.class);

    /** Strings a hostile or careless caller puts where a path, alias or field name goes. */
    static final List<String> FRAGMENTS = List.of("author) or 1=1 --", "author' or '1'='1", "author; drop table Book",
            "author/**/", "author union select 1", "1=1", "(select b from Book b)", "author join fetch tags", "author as a",
            "author where 1=1", "author--", "author#", "${author}", "#{author}", ":author", "?1", "author.id", "author.class",
            "size(tags)", "elements(tags)", "tags[0]", "key(productsBySku)", "treat(a as Dog).toys", "author\"", "`author`",
            "'author'", "\"author\"", "author.publisher.name", "id", "class", "hibernateLazyInitializer", "this", "new",
            "select", "from", "where", "order", "eagerdslOwners", "eagerdslOwner", "o", "t", "r", "*", "author.*",
            "author\\u002e publisher", "author%", "author_", "_", "$", "__", "....", "author..", "a".repeat(300));

    /** Whitespace, control, format and look-alike characters. */
    static final List<String> NOISE = List.of(" ", "\t", "\n", "\r", "\r\n", "\u000b", "\f", "\u00a0", "\u2003", "\u3000",
            "\u0000", "\u0001", "\u0007", "\b", "\u001b", "\u007f", "\u0085", "\u009b", "\u2028", "\u2029", "\u200b", "\u200c",
            "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u0301", "\ud800", "\udfff", "\ud83d\ude00", "\u00e9", "\u0430",
            "\u03bf", "\uff41", "\ufb01", "\u00b7", "\uff0e", "\u3002", "\u2024", "$", "_", "-", "'", "\"", ")", "(", ";", "--",
            "/*", "*/", "%", "\\");

    private static final List<Tuple.Tuple2<Integer, String>> SEPARATORS = List.of(Tuple.of(12, "."), Tuple.of(8, "__"),
            Tuple.of(1, ".."), Tuple.of(1, "___"), Tuple.of(1, "_"), Tuple.of(1, ". "), Tuple.of(1, " ."), Tuple.of(1, "/"),
            Tuple.of(1, "->"), Tuple.of(1, "::"), Tuple.of(1, ","), Tuple.of(1, ";"), Tuple.of(1, "\u00b7"), Tuple.of(1, "\uff0e"),
            Tuple.of(1, "\u2024"), Tuple.of(1, ""), Tuple.of(1, " "), Tuple.of(1, "$"), Tuple.of(1, "-"), Tuple.of(1, "\u0000"),
            Tuple.of(1, ".\u200b"), Tuple.of(1, "_\u00ad_"));

    /** Filter conditions; {a} is the alias the spec will have. */
    static final List<String> WHERES = List.of("{a}.active = true", "{a}.id > :min", "{a}.price < :max", "{a}.stars >= :min",
            "{a}.name like :n", "{a}.id in :ids", "{a}.id = {a}.id", "1=1", "{a}.nope = 1", "{a}.active = true) or (1=1",
            "{a}.id = 1) or ({a}.id > 0", "true) or (true", "1=1 --", "1=1; delete from Book", "{a}.id in (select b.id from Book b)",
            "{a}.id = 1 union select 1", "sleep(1) = 0", "{a}.id > 0 /*", "", "   ", "{a}.name = 'x'' or ''1''=''1'",
            "{a}.name = 'x') or ('1' = '1", "{a}.id > 0 order by {a}.id", "{a}.id > 0 group by {a}", "{a} is not null",
            "{a}.id in (:eagerdslOwners)", "o.id > 0", "eagerdslOwner.id > 0", "{a}.id > 0\n", "{a}.name = '\u0000'",
            "exists (select 1 from Book b where b.id = {a}.id)", "{a}.id between :min and :max", "not ({a}.id > 0",
            "{a}.id > 0)", "(({a}.id > 0)", "{a}.id > 0 limit 1");

    static final List<String> ORDERS = List.of("{a}.id", "{a}.id desc", "{a}.name", "{a}.name limit 1", "{a}.id offset 2",
            "{a}.id fetch first 1 rows only", "1", "{a}.id; delete from Book", "{a}.id)", "({a}.id", "{a}.nope", "",
            "{a}.id, {a}.id", "{a}.id nulls first", "{a}.id --", "abs({a}.id)");

    static final List<String> INTO = List.of("activeStudents", "cheapBooks", "goodReviews", "wrongType", "students", "books",
            "reviews", "name", "title", "id", "awards", "tags", "serialVersionUID", "cheapbooks", "activeStudents ", "missing");

    static final List<String> PARAM_NAMES = List.of("min", "max", "n", "ids", "eagerdslOwners", "eagerdslX", "1x", "", " ",
            "max\u0000", "m\u00edn", "min ");

    static final List<Object> PARAM_VALUES = List.of(1, 2L, 25, 3.5, "abc", "x') or ('1'='1", true, List.of(1L, 2L),
            LocalDate.of(2020, 1, 1), new Object());

    private final Metamodel metamodel;
    private final List<String> allNames;
    private final List<String> entityNames;

    FuzzInputs(Metamodel metamodel) {
        this.metamodel = metamodel;
        TreeSet<String> names = new TreeSet<>();
        TreeSet<String> entities = new TreeSet<>();
        for (ManagedType<?> t : metamodel.getManagedTypes()) {
            t.getAttributes().forEach(a -> names.add(a.getName()));
            if (t instanceof EntityType<?> e) {
                entities.add(e.getName());
            }
        }
        this.allNames = List.copyOf(names);
        this.entityNames = List.copyOf(entities);
    }

    /** @return a whole generated input */
    Arbitrary<FuzzCase> cases() {
        return Arbitraries.of(ROOTS).flatMap(root -> Combinators.combine(
                path(root).list().ofMaxSize(2),
                path(root).list().ofMaxSize(3),
                spec(root).list().ofMaxSize(2),
                Arbitraries.integers().between(0, PlanOracle.ENTRIES - 1)).as((s, p, f, e) -> new FuzzCase(root, s, p, f, e)));
    }

    /** @return inputs of paths only (select and prefetch), no filtered spec */
    Arbitrary<FuzzCase> pathCases() {
        return Arbitraries.of(ROOTS).flatMap(root -> Combinators.combine(
                path(root).list().ofMaxSize(3),
                path(root).list().ofMaxSize(3),
                Arbitraries.integers().between(0, PlanOracle.ENTRIES - 1)).as((s, p, e) -> new FuzzCase(root, s, p, List.of(), e)));
    }

    /** @return inputs of one filtered prefetch spec, with or without a path beside it */
    Arbitrary<FuzzCase> specCases() {
        List<Class<?>> templated = TEMPLATES.stream().<Class<?>>map(Template::root).distinct().toList();
        Arbitrary<Class<?>> root = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(templated)), Tuple.of(1, Arbitraries.of(ROOTS)));
        return root.flatMap(r -> Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.<String>of())), Tuple.of(1, path(r).list().ofSize(1))),
                spec(r).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.integers().between(0, PlanOracle.ENTRIES - 1)).as((p, f, e) -> new FuzzCase(r, List.of(), p, f, e)));
    }

    /** A raw path for {@code root}: valid, near-miss, or junk. */
    Arbitrary<String> path(Class<?> root) {
        Arbitrary<List<String>> walked = Arbitraries.randomValue(r -> walk(root, r));
        Arbitrary<String> separator = Arbitraries.frequency(SEPARATORS.toArray(Tuple.Tuple2[]::new));
        Arbitrary<String> valid = Combinators.combine(walked, Arbitraries.of(".", "__")).as((segs, sep) -> String.join(sep, segs));
        Arbitrary<String> validMixed = Combinators.combine(walked, Arbitraries.randoms())
                .as((segs, r) -> join(segs, i -> r.nextBoolean() ? "." : "__"));
        Arbitrary<String> nearMiss = Combinators.combine(walked, Arbitraries.randoms(), separator, Arbitraries.of(NOISE),
                Arbitraries.of(Mutation.values())).as((segs, r, sep, noise, m) -> m.apply(segs, r, sep, noise));
        Arbitrary<String> doubleMiss = Combinators.combine(walked, Arbitraries.randoms(), separator, Arbitraries.of(NOISE),
                Arbitraries.of(Mutation.values()), Arbitraries.of(Mutation.values()))
                .as((segs, r, sep, noise, m1, m2) -> m2.apply(List.of(m1.apply(segs, r, sep, noise)), r, sep, noise));
        Arbitrary<String> names = Combinators.combine(segment().list().ofMinSize(1).ofMaxSize(4), separator)
                .as((segs, sep) -> String.join(sep, segs));
        return Arbitraries.frequencyOf(
                Tuple.of(12, valid),
                Tuple.of(4, validMixed),
                Tuple.of(8, nearMiss),
                Tuple.of(2, doubleMiss),
                Tuple.of(2, names),
                Tuple.of(1, Arbitraries.of(FRAGMENTS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(16)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(12))
        ).injectNull(0.002);
    }

    private Arbitrary<String> segment() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(allNames)),
                Tuple.of(1, Arbitraries.of(entityNames)),
                Tuple.of(1, Arbitraries.of(entityNames).map(n -> n.toLowerCase(Locale.ROOT))),
                Tuple.of(1, Arbitraries.of(FRAGMENTS)),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)));
    }

    /** Filtered prefetches that work on the test model: root, path, into field, conditions on the alias {a}. */
    static final List<Template> TEMPLATES = List.of(
            new Template(Course.class, "students", "activeStudents", "{a}.active = true", "{a}.year >= :min", "{a}.name like :n"),
            new Template(Author.class, "books", "cheapBooks", "{a}.price < :max", "{a}.title like :n", "{a}.id in :ids"),
            new Template(Book.class, "reviews", "goodReviews", "{a}.stars >= :min", "{a}.id in :ids"),
            new Template(Book.class, "author.books", "cheapBooks", "{a}.price < :max", "{a}.price between :min and :max"),
            new Template(Review.class, "book.reviews", "goodReviews", "{a}.stars >= :min"),
            new Template(Teacher.class, "courses.students", "activeStudents", "{a}.active = true", "{a}.year >= :min"),
            new Template(Student.class, "courses.students", "activeStudents", "{a}.active = false"),
            new Template(Tag.class, "books.reviews", "goodReviews", "{a}.stars >= :min"),
            new Template(Tag.class, "books.author.books", "cheapBooks", "{a}.price < :max"),
            new Template(Award.class, "author.books", "cheapBooks", "{a}.price < :max"),
            new Template(Publisher.class, "books", "cheapBooks"));

    /** See {@link #TEMPLATES}. */
    record Template(Class<?> root, String path, String into, String... wheres) { }

    /** A raw filtered prefetch spec on a path of {@code root}: from a template that works, mutated, or generated. */
    Arbitrary<FuzzCase.Spec> spec(Class<?> root) {
        List<Template> mine = TEMPLATES.stream().filter(t -> t.root() == root).toList();
        if (mine.isEmpty()) {
            return generatedSpec(root);
        }
        Arbitrary<String> alias = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just((String) null)),
                Tuple.of(4, Arbitraries.of("s", "x", "b", "r", "item", "o")),
                Tuple.of(1, Arbitraries.of("eagerdslOwner", "select", "from", "Book", "\u00e9", "a b", "s)", "s\u0000")));
        Arbitrary<String> order = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just((String) null)),
                Tuple.of(4, Arbitraries.of(ORDERS)));
        Arbitrary<Map.Entry<String, Object>> param = Arbitraries.of(PARAM_VALUES).injectNull(0.05)
                .map(v -> new AbstractMap.SimpleImmutableEntry<>("min", v));
        Arbitrary<FuzzCase.Spec> good = Combinators.combine(Arbitraries.of(mine), alias, Arbitraries.integers().between(0, 9), order,
                Arbitraries.integers().between(0, 1), param, Arbitraries.of(Mutation.values()),
                Arbitraries.randoms()).as((t, a, w, o, sep, pv, m, r) -> {
                    String shown = a != null ? a : defaultAlias(t.path());
                    int n = t.wheres().length;
                    String where = w < 5 && n > 0 ? t.wheres()[w % n] : w < 7 ? WHERES.get(r.nextInt(WHERES.size())) : null;
                    String path = sep == 0 ? t.path() : t.path().replace(".", "__");
                    if (r.nextInt(6) == 0) {
                        path = m.apply(List.of(path.split("\\.")), r, ".", NOISE.get(r.nextInt(NOISE.size())));
                    }
                    String into = r.nextInt(8) == 0 ? INTO.get(r.nextInt(INTO.size())) : t.into();
                    return new FuzzCase.Spec(path, a, where == null ? null : where.replace("{a}", shown),
                            o == null ? null : o.replace("{a}", shown), into, adapt(List.of(pv), where));
                });
        return Arbitraries.frequencyOf(Tuple.of(3, good), Tuple.of(1, generatedSpec(root)));
    }

    /** A raw filtered prefetch spec from the generators alone. */
    private Arbitrary<FuzzCase.Spec> generatedSpec(Class<?> root) {
        Arbitrary<String> alias = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just((String) null)),
                Tuple.of(4, Arbitraries.of("s", "x", "b", "r", "t", "p", "st", "item")),
                Tuple.of(1, Arbitraries.of("o", "eagerdslOwner", "select", "from", "Book", "author", "\u00e9", "_", "$", "a b",
                        "a.b", "", " s", "s\u0000", "1s", "s--", "s)")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(5)));
        Arbitrary<String> into = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just((String) null)),
                Tuple.of(5, Arbitraries.of(INTO)),
                Tuple.of(1, Arbitraries.of(FRAGMENTS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)));
        Arbitrary<String> where = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just((String) null)),
                Tuple.of(6, Arbitraries.of(WHERES)),
                Tuple.of(1, Arbitraries.of(FRAGMENTS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12)));
        Arbitrary<String> order = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just((String) null)),
                Tuple.of(4, Arbitraries.of(ORDERS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)));
        Arbitrary<Map.Entry<String, Object>> param = Combinators.combine(
                Arbitraries.of(PARAM_NAMES).injectNull(0.05), Arbitraries.of(PARAM_VALUES).injectNull(0.1))
                .as(AbstractMap.SimpleImmutableEntry::new);
        Arbitrary<List<Map.Entry<String, Object>>> params = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(List.<Map.Entry<String, Object>>of())),
                Tuple.of(2, param.list().ofMinSize(1).ofMaxSize(2)));
        return Combinators.combine(path(root), alias, where, order, into, params).as((path, a, w, o, i, ps) -> {
            String shown = a != null ? a : defaultAlias(path);
            return new FuzzCase.Spec(path, a, w == null ? null : w.replace("{a}", shown), o == null ? null : o.replace("{a}", shown), i,
                    adapt(ps, w));
        });
    }

    /** Names the parameters the condition uses, most of the time, so that filters get past the parameter check. */
    private static List<Map.Entry<String, Object>> adapt(List<Map.Entry<String, Object>> ps, String where) {
        if (where == null || ps.isEmpty() || ps.size() > 1 || !where.contains(":")) {
            return ps;
        }
        Object value = ps.get(0).getValue();
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        for (String name : List.of("min", "max", "n", "ids")) {
            if (where.contains(":" + name)) {
                Object v = name.equals("ids") ? (value instanceof Number n ? List.of(n.longValue()) : value)
                        : name.equals("n") ? (value instanceof Number ? "%a%" : value) : value;
                out.add(new AbstractMap.SimpleImmutableEntry<>(name, v));
            }
        }
        return out;
    }

    private static String defaultAlias(String path) {
        if (path == null) {
            return "x";
        }
        String dotted = path.replace("__", ".");
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /** A valid path from {@code root}, as segments (an association inside an embeddable is one segment, e.g. address.city). */
    List<String> walk(Class<?> root, Random r) {
        List<String> segs = new ArrayList<>();
        ManagedType<?> current = metamodel.entity(root);
        int depth = 1 + r.nextInt(4);
        for (int i = 0; i < depth && current != null; i++) {
            List<String[]> choices = new ArrayList<>();
            List<ManagedType<?>> next = new ArrayList<>();
            for (Attribute<?, ?> a : attributes(current)) {
                switch (a.getPersistentAttributeType()) {
                    case MANY_TO_ONE, ONE_TO_ONE -> {
                        choices.add(new String[] {a.getName()});
                        next.add((ManagedType<?>) ((SingularAttribute<?, ?>) a).getType());
                    }
                    case ONE_TO_MANY, MANY_TO_MANY, ELEMENT_COLLECTION -> {
                        choices.add(new String[] {a.getName()});
                        var element = ((PluralAttribute<?, ?, ?>) a).getElementType();
                        next.add(element instanceof EntityType<?> e ? e : null);
                    }
                    case EMBEDDED -> {
                        if (((SingularAttribute<?, ?>) a).getType() instanceof EmbeddableType<?> emb) {
                            for (Attribute<?, ?> inner : emb.getAttributes()) {
                                if (inner.isAssociation() && inner instanceof SingularAttribute<?, ?> s) {
                                    choices.add(new String[] {a.getName(), inner.getName()});
                                    next.add((ManagedType<?>) s.getType());
                                }
                            }
                        }
                    }
                    default -> { }
                }
            }
            if (choices.isEmpty()) {
                break;
            }
            int k = r.nextInt(choices.size());
            segs.addAll(List.of(choices.get(k)));
            current = next.get(k);
        }
        if (segs.isEmpty()) {
            segs.add(allNames.get(r.nextInt(allNames.size())));
        }
        return segs;
    }

    /** The attributes of a type and of its entity subtypes (a path may name a subclass's association). */
    private List<Attribute<?, ?>> attributes(ManagedType<?> t) {
        List<Attribute<?, ?>> out = new ArrayList<>(t.getAttributes());
        if (t instanceof EntityType<?> et) {
            for (EntityType<?> e : metamodel.getEntities()) {
                if (e != et && et.getJavaType().isAssignableFrom(e.getJavaType())) {
                    out.addAll(e.getDeclaredAttributes());
                }
            }
        }
        return out;
    }

    private static String join(List<String> segs, java.util.function.IntFunction<String> sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segs.size(); i++) {
            sb.append(i == 0 ? "" : sep.apply(i)).append(segs.get(i));
        }
        return sb.toString();
    }

    /** One way to get a valid path slightly wrong. */
    enum Mutation {
        DROP_CHAR, DOUBLE_CHAR, SWAP_CHARS, REPLACE_CHAR, CAPITALIZE, UPPER_CASE, SNAKE_CASE, PLURAL, NOISE_INSIDE, NOISE_AROUND,
        SEPARATOR, HOMOGLYPH, FRAGMENT_APPENDED, EXTRA_SEGMENT, EMPTY_SEGMENT, COMBINING_MARK;

        String apply(List<String> segs, Random r, String sep, String noise) {
            List<String> s = new ArrayList<>(segs);
            int k = r.nextInt(s.size());
            String w = s.get(k);
            int p = w.isEmpty() ? 0 : r.nextInt(w.length());
            switch (this) {
                case DROP_CHAR -> s.set(k, w.isEmpty() ? w : w.substring(0, p) + w.substring(p + 1));
                case DOUBLE_CHAR -> s.set(k, w.isEmpty() ? w : w.substring(0, p + 1) + w.substring(p));
                case SWAP_CHARS -> s.set(k, w.length() < 2 || p == w.length() - 1 ? w
                        : w.substring(0, p) + w.charAt(p + 1) + w.charAt(p) + w.substring(p + 2));
                case REPLACE_CHAR -> s.set(k, w.isEmpty() ? w : w.substring(0, p) + (char) ('a' + r.nextInt(26)) + w.substring(p + 1));
                case CAPITALIZE -> s.set(k, w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
                case UPPER_CASE -> s.set(k, w.toUpperCase(Locale.ROOT));
                case SNAKE_CASE -> s.set(k, w.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
                case PLURAL -> s.set(k, w.endsWith("s") ? w.substring(0, w.length() - 1) : w + "s");
                case NOISE_INSIDE -> s.set(k, w.substring(0, p) + noise + w.substring(p));
                case NOISE_AROUND -> {
                    return (r.nextBoolean() ? noise : "") + String.join(".", s) + (r.nextBoolean() ? noise : "");
                }
                case SEPARATOR -> {
                    return String.join(sep, s);
                }
                case HOMOGLYPH -> s.set(k, w.replaceFirst("a", "\u0430").replaceFirst("o", "\u03bf").replaceFirst("e", "\u0435"));
                case FRAGMENT_APPENDED -> {
                    return String.join(".", s) + FRAGMENTS.get(r.nextInt(FRAGMENTS.size())).replace("author", "");
                }
                case EXTRA_SEGMENT -> s.add(r.nextInt(s.size() + 1), FRAGMENTS.get(r.nextInt(FRAGMENTS.size())).replaceAll("[ .].*", ""));
                case EMPTY_SEGMENT -> s.add(r.nextInt(s.size() + 1), "");
                case COMBINING_MARK -> s.set(k, w + "\u0301");
                default -> { }
            }
            return String.join(r.nextInt(4) == 0 ? "__" : ".", s);
        }
    }
}
