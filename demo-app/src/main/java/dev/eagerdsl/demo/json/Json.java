package dev.eagerdsl.demo.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.eagerdsl.demo.model.Category;
import dev.eagerdsl.demo.model.Product;
import java.io.UncheckedIOException;
import java.util.List;

/** Jackson set up with the seed's two serializers. */
public final class Json {

    /** The mapper, with {@link CategorySerializer} and {@link ProductSerializer} registered. */
    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("demo")
            .addSerializer(Category.class, new CategorySerializer())
            .addSerializer(Product.class, new ProductSerializer()));

    /** The category endpoint's writer: it promises a list of categories, products nested. */
    public static final ObjectWriter CATEGORIES = MAPPER.writerFor(new TypeReference<List<Category>>() { });

    /** Reads JSON back into a tree, prices kept exact ({@code 84.10}, not {@code 84.1}). */
    public static final ObjectReader TREE = MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private Json() {
    }

    /**
     * Renders rows with the category endpoint's writer, like the seed's
     * {@code CategorySerializer(rows, many=True)}. Like Django's serializer it takes whatever it is
     * given: the compiler cannot tell that a list of products is the wrong input.
     *
     * @param rows the rows to render, meant to be categories
     * @return the JSON text
     */
    public static String categories(List<?> rows) {
        try {
            return CATEGORIES.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
