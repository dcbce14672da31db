package dev.eagerdsl.demo.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.eagerdsl.demo.dao.CategoryDao;
import dev.eagerdsl.demo.dao.ProductDao;
import dev.eagerdsl.demo.json.Json;
import dev.eagerdsl.demo.model.Product;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The seed's mistake, {@code CategorySerializer(Product.objects.select_related('category'))}, and
 * the right way, {@code CategorySerializer(Category.objects.prefetch_related(...), many=True)}.
 */
public final class SerializerMistake {

    /** The wrong way, as shown. */
    public static final String WRONG_CODE = "Json.categories(productDao.findAllWithCategory())";
    /** The right way, as shown. */
    public static final String RIGHT_CODE = "Json.categories(categoryDao.findAllWithProducts())";

    /**
     * @param wrongStatements statements of the wrong way
     * @param wrongError how the wrong way failed (Jackson's message), or {@code null} if it did not
     * @param rightStatements statements of the right way
     * @param right the JSON it produced
     */
    public record Result(int wrongStatements, String wrongError, int rightStatements, JsonNode right) {
    }

    private SerializerMistake() {
    }

    /**
     * @param runner the runner on the seeded database
     * @return both renderings
     */
    public static Result run(Runner runner) {
        Runner.Run wrong = runner.once(s -> {
            List<Product> products = new ProductDao(s).findAllWithCategory();
            try {
                Json.categories(products);
                return "";
            } catch (RuntimeException e) {
                return message(e);
            }
        });
        Runner.Run right = runner.once(s -> Json.categories(new CategoryDao(s).findAllWithProducts()));
        String error = (String) wrong.result();
        return new Result(wrong.statements(), error.isEmpty() ? null : error, right.statements(), tree(right.result()));
    }

    /** Jackson's message, without the JVM's module details. */
    private static String message(RuntimeException e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        return t.getClass().getSimpleName() + ": " + t.getMessage().replaceAll(" \\([^()]* are in unnamed module[^()]*\\)", "");
    }

    private static JsonNode tree(Object json) {
        try {
            return Json.TREE.readTree((String) json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
