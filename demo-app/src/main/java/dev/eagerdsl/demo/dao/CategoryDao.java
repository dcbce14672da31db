package dev.eagerdsl.demo.dao;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.demo.model.Category;
import java.util.List;
import org.hibernate.Session;

/** Categories and their products (reverse foreign key, one-to-many). */
public final class CategoryDao {

    /** Django: {@code Category.objects.prefetch_related("products")}. */
    public static final FetchPlan WITH_PRODUCTS = Related.prefetch("products");

    private final Session session;

    public CategoryDao(Session session) {
        this.session = session;
    }

    /** @return every category; each {@code products} collection is loaded on first touch (the N+1) */
    public List<Category> findAll() {
        return session.createQuery("from Category c order by c.id", Category.class).list();
    }

    /** @return every category with its products, in two statements */
    public List<Category> findAllWithProducts() {
        return WITH_PRODUCTS.list(session.createQuery("from Category c order by c.id", Category.class));
    }

    public void save(Category category) {
        session.persist(category);
    }
}
