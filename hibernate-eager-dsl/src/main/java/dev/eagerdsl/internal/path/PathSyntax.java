package dev.eagerdsl.internal.path;

import dev.eagerdsl.RelatedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the syntax of path strings and normalizes Django's {@code a__b} to {@code a.b}. Nothing
 * here knows the metamodel: {@link PathResolver} matches every segment to an attribute later.
 */
public final class PathSyntax {

    private static final String FORM =
            "A path is attribute names joined by '.' (or Django's '__'), e.g. \"author.publisher\".";

    private PathSyntax() {
    }

    /**
     * @param verb {@code select} or {@code prefetch}, for messages
     * @param paths the paths as given
     * @return the normalized paths
     */
    public static List<String> normalizeAll(String verb, String... paths) {
        if (paths == null) {
            throw new RelatedException(verb + "((String[]) null): " + FORM);
        }
        List<String> out = new ArrayList<>(paths.length);
        for (String p : paths) {
            out.add(normalize(verb, p));
        }
        return out;
    }

    /**
     * @param verb {@code select} or {@code prefetch}, for messages
     * @param path one path as given
     * @return the normalized path
     */
    public static String normalize(String verb, String path) {
        if (path == null) {
            throw new RelatedException("Invalid path null in " + verb + "(...): " + FORM);
        }
        if (path.isBlank()) {
            throw new RelatedException("Invalid path '" + printable(path) + "' in " + verb + "(...): the path is empty. " + FORM);
        }
        String dotted = path.contains("__") ? path.replace("__", ".") : path;
        String[] segments = dotted.split("\\.", -1);
        for (String s : segments) {
            if (s.isEmpty()) {
                throw new RelatedException("Invalid path '" + printable(path) + "' in " + verb
                        + "(...): it has an empty attribute name (a leading, trailing or doubled separator). " + FORM);
            }
            if (!isIdentifier(s)) {
                throw new RelatedException("Invalid path '" + printable(path) + "' in " + verb + "(...): '"
                        + printable(s) + "' is not an attribute name (letters, digits, '_' or '$', not starting with a digit). " + FORM);
            }
        }
        return dotted;
    }

    /**
     * Normalizes the path of a prefetch spec and checks its alias, into field, parameter names and
     * clauses.
     *
     * @param p the spec as given (its path not yet normalized)
     * @return the spec with a normalized path
     */
    public static PrefetchSpec normalize(PrefetchSpec p) {
        String path = normalize("prefetch", p.path());
        if (p.alias() != null && !isIdentifier(p.alias())) {
            throw new RelatedException("Invalid alias '" + printable(p.alias()) + "' in " + shown(p)
                    + ": an alias is one identifier, e.g. .as(\"s\").");
        }
        if (p.into() != null && !isIdentifier(p.into())) {
            throw new RelatedException("Invalid into('" + printable(p.into()) + "') in " + shown(p)
                    + ": into names one field of the owner class, e.g. .into(\"activeStudents\").");
        }
        if (p.isFiltered() && p.into() == null) {
            throw new RelatedException("Filtered prefetch " + shown(p) + " has no into(...): a filtered prefetch never writes a subset into the"
                    + " mapped collection (that would delete rows on flush). Add .into(\"fieldName\") naming a @Transient List field of the owner.");
        }
        for (String name : p.params().keySet()) {
            if (name == null || !isIdentifier(name) || name.startsWith("eagerdsl")) {
                throw new RelatedException("Invalid parameter name '" + printable(String.valueOf(name)) + "' in " + shown(p)
                        + ": use an identifier that does not start with 'eagerdsl', e.g. .param(\"min\", 3) with :min in where(...).");
            }
        }
        if (p.where() != null && p.where().isBlank()) {
            throw new RelatedException("Empty where(...) in " + shown(p) + ": give an HQL condition on the alias, e.g. .where(\"s.active = true\"), or leave where out.");
        }
        if (p.orderBy() != null && p.orderBy().isBlank()) {
            throw new RelatedException("Empty orderBy(...) in " + shown(p) + ": give an HQL ordering, e.g. .orderBy(\"s.name\"), or leave orderBy out.");
        }
        return path.equals(p.path()) ? p
                : new PrefetchSpec(path, p.alias(), p.where(), p.orderBy(), p.into(), p.params(), p.nested());
    }

    /** A spec as text for a message: its where/orderBy/param names may carry control characters. */
    private static String shown(PrefetchSpec p) {
        return printable(String.valueOf(p));
    }

    /** @return whether {@code s} is a Java identifier */
    public static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i)) || Character.isIdentifierIgnorable(s.charAt(i))) {
                return false;
            }
        }
        return !Character.isIdentifierIgnorable(s.charAt(0));
    }

    /** Shows control characters as escapes so that a message never carries them raw. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.length() > 200 ? sb.substring(0, 200) + "..." : sb.toString();
    }
}
