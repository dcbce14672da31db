package dev.eagerdsl.demo.dao;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.demo.model.Product;
import java.util.List;
import org.hibernate.Session;

/** Products, each with its one category. */
public final class ProductDao {

    /** Django: {@code Product.objects.select_related("category")}. */
    public static final FetchPlan WITH_CATEGORY = Related.select("category");

    private final Session session;

    public ProductDao(Session session) {
        this.session = session;
    }

    /** @return every product with its category joined into the same statement */
    public List<Product> findAllWithCategory() {
        return WITH_CATEGORY.list(session.createQuery("from Product p order by p.id", Product.class));
    }

    public void save(Product product) {
        session.persist(product);
    }
}
