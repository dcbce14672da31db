package dev.eagerdsl.demo.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.eagerdsl.demo.model.Product;
import java.io.IOException;

/** The seed's {@code ProductSerializer}: fields id, name, description, price, quantity. */
public final class ProductSerializer extends StdSerializer<Product> {

    private static final long serialVersionUID = 1L;

    public ProductSerializer() {
        super(Product.class);
    }

    @Override
    public void serialize(Product p, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", p.getId());
        json.writeStringField("name", p.getName());
        json.writeStringField("description", p.getDescription());
        json.writeNumberField("price", p.getPrice());
        json.writeNumberField("quantity", p.getQuantity());
        json.writeEndObject();
    }
}
