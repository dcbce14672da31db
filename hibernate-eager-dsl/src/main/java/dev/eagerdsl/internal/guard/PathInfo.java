package dev.eagerdsl.internal.guard;

/**
 * Where an entity sits below the root of the query that brought it: {@code path} is {@code ""} for
 * a root, {@code viaCollection} tells whether the path crosses a collection (then only
 * {@code prefetch} can name it).
 */
record PathInfo(String path, boolean viaCollection) {

    static final PathInfo ROOT = new PathInfo("", false);

    PathInfo child(String attribute, boolean collection) {
        return new PathInfo(path.isEmpty() ? attribute : path + "." + attribute, viaCollection || collection);
    }
}
