package dev.eagerdsl.demo.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.eagerdsl.demo.model.Category;
import dev.eagerdsl.demo.model.Product;
import java.io.IOException;

/**
 * The seed's {@code CategorySerializer}: fields id, name, description and the nested
 * {@code products} (each written by {@link ProductSerializer}). It reads
 * {@code category.getProducts()}, so the categories it is given should have them prefetched.
 */
public final class CategorySerializer extends StdSerializer<Category> {

    private static final long serialVersionUID = 1L;

    public CategorySerializer() {
        super(Category.class);
    }

    @Override
    public void serialize(Category c, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", c.getId());
        json.writeStringField("name", c.getName());
        json.writeStringField("description", c.getDescription());
        json.writeArrayFieldStart("products");
        for (Product p : c.getProducts()) {
            provider.defaultSerializeValue(p, json);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
